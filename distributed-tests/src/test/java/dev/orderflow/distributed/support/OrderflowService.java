package dev.orderflow.distributed.support;

import dev.orderflow.command.CommandSideApplication;
import dev.orderflow.query.QuerySideApplication;
import dev.orderflow.saga.SagaCoordinatorApplication;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three services of the distributed mode, as this test module sees them: each service's jar (or classes
 * directory) holds its own {@code application.yml} and {@code application-distributed.yml}, under the same names as
 * the others'. A test that starts a service, or reads its configuration, points Spring at that service's own files
 * ({@link #configLocation()}), as the service's own process would find them first on its class path.
 */
public enum OrderflowService {

    COMMAND_SIDE("command-side", CommandSideApplication.class, "orderflow_command", "command_service", 8081),
    QUERY_SIDE("query-side", QuerySideApplication.class, "orderflow_query", "query_service", 8082),
    SAGA_COORDINATOR("saga-coordinator", SagaCoordinatorApplication.class, "orderflow_saga", "saga_service", 8083);

    private final String module;
    private final Class<?> application;
    private final String database;
    private final String user;
    private final int port;

    OrderflowService(String module, Class<?> application, String database, String user, int port) {
        this.module = module;
        this.application = application;
        this.database = database;
        this.user = user;
        this.port = port;
    }

    public String module() {
        return module;
    }

    public Class<?> application() {
        return application;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public int port() {
        return port;
    }

    /** The prefix of this service's own environment variables: {@code ORDERFLOW_COMMAND_DB_URL} and so on. */
    public String environmentPrefix() {
        return "ORDERFLOW_" + database.substring("orderflow_".length()).toUpperCase() + "_DB";
    }

    /**
     * A {@code spring.config.location} that reads this service's {@code application.yml} and, for an active
     * profile, its {@code application-<profile>.yml}, and no other service's.
     */
    public String configLocation() {
        Path codeSource;
        try {
            codeSource = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + module, e);
        }
        String root = Files.isDirectory(codeSource)
                ? codeSource.toUri().toString()
                : "jar:" + codeSource.toUri() + "!/";
        return "optional:" + root + "application.yml";
    }
}
