package dev.orderflow.shared.admin;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Collection;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends the SQL of a rebuild's threads to the schema the rebuild builds, so that the read model's own handlers
 * and repositories, unchanged, fill a second copy of their tables beside the live one.
 * <p>
 * The read models' entities name their schema ({@code order_history.order_history}), so every statement Hibernate
 * prepares on a thread started by {@link #threadsWriting} has that schema replaced by the rebuild's, for the
 * read model's own tables only: the token store and dead letters (schema {@code axon}) stay where they are, so a
 * rebuild's tokens commit with what it wrote. Statements of every other thread pass through untouched, at the
 * cost of one thread-local read.
 */
public final class RebuildSchemaRedirect implements StatementInspector {

    private static final ThreadLocal<Redirect> CURRENT = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        Redirect redirect = CURRENT.get();
        return redirect == null ? sql : redirect.apply(sql);
    }

    /**
     * Threads whose statements go to {@code targetSchema} instead of {@code liveSchema}, for the tables named (the
     * live schema's tables, read when the rebuild starts).
     */
    static ThreadFactory threadsWriting(String liveSchema, Collection<String> tables, String targetSchema,
                                        String threadName) {
        Redirect redirect = new Redirect(liveSchema, tables, targetSchema);
        return runnable -> {
            Thread thread = new Thread(() -> {
                CURRENT.set(redirect);
                try {
                    runnable.run();
                } finally {
                    CURRENT.remove();
                }
            }, threadName);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Replaces {@code live.table} by {@code target.table} for the tables named, wherever a statement names them. */
    record Redirect(Pattern qualifiedTables, String replacement) {

        Redirect(String liveSchema, Collection<String> tables, String targetSchema) {
            this(Pattern.compile("(?<![\\w.\"])" + Pattern.quote(liveSchema) + "\\.(?=(?:"
                            + tables.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\w]))",
                            Pattern.CASE_INSENSITIVE),
                    Matcher.quoteReplacement(targetSchema + "."));
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("schema " + liveSchema + " has no tables to rebuild");
            }
        }

        String apply(String sql) {
            return qualifiedTables.matcher(sql).replaceAll(replacement);
        }
    }
}
