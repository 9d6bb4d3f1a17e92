package dev.orderflow.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresTest {

    @Test
    void anotherDatabaseOnTheSameServerKeepsHostPortAndParameters() {
        assertThat(Postgres.withDatabase("jdbc:postgresql://localhost:5432/orderflow", "bench_orderflow"))
                .isEqualTo("jdbc:postgresql://localhost:5432/bench_orderflow");
        assertThat(Postgres.withDatabase("jdbc:postgresql://db.internal/orderflow?sslmode=require&user=x", "b"))
                .isEqualTo("jdbc:postgresql://db.internal/b?sslmode=require&user=x");
        assertThat(Postgres.withDatabase("jdbc:postgresql://localhost:5432/", "b"))
                .isEqualTo("jdbc:postgresql://localhost:5432/b");
    }

    @Test
    void onlyPostgresUrlsAreAccepted() {
        assertThatThrownBy(() -> Postgres.withDatabase("jdbc:mysql://localhost/x", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Postgres.external("postgres://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHostIsReadFromTheUrl() {
        assertThat(Postgres.host("jdbc:postgresql://127.0.0.1:5432/x")).isEqualTo("127.0.0.1");
    }
}
