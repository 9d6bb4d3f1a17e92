package dev.orderflow.shared.embeddedpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/**
 * Run as a process of its own: starts an embedded Postgres on the data directory given as argument,
 * says {@value #READY} and waits to be killed, leaving the server behind as a killed Orderflow would.
 */
public class PostgresOfAKilledProcess {

    static final String READY = "postgres is ready";

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
