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

    @Test
    void scenarioSixSaysWhetherThePeakKeptTheLimit() {
        assertThat(BenchMain.PEAK_RSS_LIMIT_MIB).isEqualTo(768);
        assertThat(BenchMain.peakRssNote(700)).isEqualTo("within the 768 MiB limit");
        assertThat(BenchMain.peakRssNote(768)).isEqualTo("within the 768 MiB limit");
        assertThat(BenchMain.peakRssNote(783)).isEqualTo("OVER the 768 MiB limit by 15.0 MiB");
    }

    @Test
    void theNativeMemoryLineNamesTheTotalAndTheBiggestCategories() {
        java.util.Map<String, Long> committed = new java.util.LinkedHashMap<>();
        committed.put("Total", 700L * 1024);
        committed.put("Class", 120L * 1024);
        committed.put("Java Heap", 400L * 1024);
        committed.put("Code", 50L * 1024);

        assertThat(BenchMain.nativeMemoryLine(committed)).isEqualTo("Total 700 MiB: Java Heap 400, Class 120, Code 50");
    }

    @Test
    void theResidentLineSplitsTheMemoryByKind() {
        assertThat(BenchMain.residentLine(java.util.Map.of("VmRSS", 700L * 1024, "RssAnon", 640L * 1024,
                "RssFile", 60L * 1024, "RssShmem", 0L)))
                .isEqualTo("VmRSS 700 MiB (RssAnon 640, RssFile 60, RssShmem 0)");
    }

    @Test
    void aSettingThatCouldNotBeMeasuredIsSaidBesideTheTable() {
        java.util.Map<String, Object> facts = java.util.Map.of("orderflow.synchronousCommit", java.util.Map.of(
                "notMeasured", java.util.Map.of("synchronousCommit", "on",
                        "why", "user bench may not change it with ALTER SYSTEM")));

        assertThat(BenchMain.notMeasured(facts)).containsExactly(
                "NOT MEASURED: scenario 1 with synchronous_commit=on: user bench may not change it with ALTER SYSTEM");
        assertThat(BenchMain.notMeasured(java.util.Map.of())).isEmpty();
    }
}
