package dev.orderflow.query;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A read model's rows in a map, behind its Spring Data repository, for the projections' unit tests: the few methods
 * a projection writes and reads with (find, exists, save, delete all). Anything else a test stubs itself. For a
 * projection that looks up and stores its rows through the entity manager, the same rows can also stand behind a
 * (mock) entity manager's {@code find} and {@code persist}.
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

    /**
     * The same rows behind {@code find} and {@code persist} of this entity type on a mock entity manager; each entity
     * type a projection uses gets its own rows behind the one entity manager. Only lookups and inserts by id: the
     * entity manager's queries are left to the projection's IT, on Postgres. Persisting a row whose id is stored
     * already fails, as it does on a database.
     */
    public void behind(EntityManager entityManager, Class<T> entityType, Function<T, ID> idOf) {
        when(entityManager.find(eq(entityType), any())).thenAnswer(call -> rows.get(call.<ID>getArgument(1)));
        doAnswer(call -> {
            T row = call.getArgument(0);
            if (rows.putIfAbsent(idOf.apply(row), row) != null) {
                throw new EntityExistsException(entityType.getSimpleName() + " " + idOf.apply(row) + " is stored already");
            }
            return null;
        }).when(entityManager).persist(isA(entityType));
    }

    public Collection<T> all() {
        return rows.values();
    }
}
