package dev.orderflow.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A read model's rows in a map, behind its Spring Data repository, for the projections' unit tests: the few methods
 * a projection writes and reads with (find, exists, save, delete all). Anything else a test stubs itself.
 *
 * @param <T>  the row
 * @param <ID> its id: a UUID, or a composite key with equals and hashCode
 */
public final class RowsInAMap<T, ID> {

    private final Map<ID, T> rows = new LinkedHashMap<>();

    public <R extends JpaRepository<T, ID>> R behind(Class<R> repositoryType, Function<T, ID> idOf) {
        R repository = mock(repositoryType);
        when(repository.existsById(any())).thenAnswer(call -> rows.containsKey(call.<ID>getArgument(0)));
        when(repository.findById(any())).thenAnswer(call -> Optional.ofNullable(rows.get(call.<ID>getArgument(0))));
        when(repository.save(any())).thenAnswer(call -> {
            T row = call.getArgument(0);
            rows.put(idOf.apply(row), row);
            return row;
        });
        doAnswer(call -> {
            rows.clear();
            return null;
        }).when(repository).deleteAllInBatch();
        return repository;
    }

    public Collection<T> all() {
        return rows.values();
    }
}
