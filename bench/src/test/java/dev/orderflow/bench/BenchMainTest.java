package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchMainTest {

    @Test
    void aRestartedStandaloneKeepsTheSchemaTheFirstOneBuilt() {
        List<String> first = AxonDefaults.properties(List.of("order-history"));

        List<String> later = BenchMain.laterLifeProperties(first);

        assertThat(first).contains("spring.jpa.hibernate.ddl-auto=create");
        assertThat(later).contains("spring.jpa.hibernate.ddl-auto=none")
                         .doesNotContain("spring.jpa.hibernate.ddl-auto=create")
                         .hasSameSizeAs(first);
        assertThat(later.stream().filter(property -> !property.startsWith("spring.jpa.hibernate.ddl-auto=")))
                .containsExactlyElementsOf(first.stream()
                        .filter(property -> !property.startsWith("spring.jpa.hibernate.ddl-auto=")).toList());
    }

    @Test
    void withoutADdlAutoPropertyALaterLifeRunsWithTheSameProperties() {
        assertThat(BenchMain.laterLifeProperties(List.of())).isEmpty();
        assertThat(BenchMain.laterLifeProperties(List.of("orderflow.aggregates.cache-enabled=false")))
                .containsExactly("orderflow.aggregates.cache-enabled=false");
    }
}
