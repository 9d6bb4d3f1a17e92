package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static BenchOptions parse(String... args) {
        return BenchOptions.parse(args, Map.of());
    }

    @Test
    void withoutOptionsEveryScenarioRunsAtItsDefaultSize() {
        BenchOptions options = parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.clients()).containsExactly(1, 8, 32);
        assertThat(options.stream()).isEqualTo(10_000);
        assertThat(options.streamWindow()).isEqualTo(1_000);
        assertThat(options.replayEvents()).isEqualTo(1_000_000);
        assertThat(options.scenarios()).containsExactly(1, 2, 3, 4, 5);
        assertThat(options.profile()).isTrue();
        assertThat(options.dbUrl()).isNull();
        assertThat(options.standaloneJar()).isEqualTo(Path.of("standalone/target/standalone-0.1.0-SNAPSHOT.jar"));
        assertThat(options.heap()).isEqualTo("256m");
        assertThat(options.nativeMemory()).isFalse();
    }

    @Test
    void theHeapAndNativeMemoryTrackingCanBeChosen() {
        BenchOptions options = parse("--heap=1g", "--native-memory");

        assertThat(options.heap()).isEqualTo("1g");
        assertThat(options.nativeMemory()).isTrue();
        assertThatThrownBy(() -> parse("--native-memory=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> parse("--heap=lots")).hasMessageContaining("--heap must look like");
    }

    @Test
    void scenarioFourRunsOnOneInstanceUnlessToldOtherwiseAndOnAtMostFour() {
        assertThat(parse().instances()).isEqualTo(1);
        assertThat(parse("--quick").instances()).isEqualTo(1);
        assertThat(parse("--instances=2").instances()).isEqualTo(2);
        assertThat(parse("--instances=4").instances()).isEqualTo(4);

        assertThatThrownBy(() -> parse("--instances=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--instances=5")).hasMessage("--instances is at most 4, was 5");
        assertThatThrownBy(() -> parse("--instances=two")).hasMessageContaining("whole number");
    }

    @Test
    void quickShrinksEverySizeButAnExplicitOptionWinsWhereverItStands() {
        BenchOptions options = parse("--replay-events=50_000", "--quick");

        assertThat(options.quick()).isTrue();
        assertThat(options.stream()).isEqualTo(300);
        assertThat(options.orders()).isEqualTo(32);
        assertThat(options.replayEvents()).isEqualTo(50_000);
    }

    @Test
    void clientCountsAndScenariosAreCommaSeparatedListsWithoutRepeats() {
        BenchOptions options = parse("--clients=4, 16,4", "--scenarios=3,1");

        assertThat(options.clients()).containsExactly(4, 16);
        assertThat(options.scenarios()).containsExactly(1, 3);
        assertThat(options.runs(2)).isFalse();
    }

    @Test
    void theOtherSynchronousCommitSettingRunsAtEightClientsUnlessToldOtherwise() {
        assertThat(parse().syncCommitClients()).containsExactly(8);
        assertThat(parse("--quick").syncCommitClients()).containsExactly(8);
        assertThat(parse("--sync-commit-clients=1,32").syncCommitClients()).containsExactly(1, 32);
        assertThat(parse("--sync-commit-clients=none").syncCommitClients()).isEmpty();

        assertThatThrownBy(() -> parse("--sync-commit-clients=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--sync-commit-clients=")).hasMessageContaining("needs a value");
    }

    @Test
    void theDatabaseComesFromTheEnvironmentUnlessGivenOnTheCommandLine() {
        Map<String, String> environment = Map.of("ORDERFLOW_DB_URL", "jdbc:postgresql://localhost:5432/orderflow",
                "ORDERFLOW_DB_USER", "bench");

        BenchOptions fromEnvironment = BenchOptions.parse(new String[0], environment);
        BenchOptions fromLine = BenchOptions.parse(new String[]{"--db-url=jdbc:postgresql://db:5432/x"}, environment);

        assertThat(fromEnvironment.dbUrl()).isEqualTo("jdbc:postgresql://localhost:5432/orderflow");
        assertThat(fromEnvironment.dbUser()).isEqualTo("bench");
        assertThat(fromEnvironment.dbPassword()).isEqualTo("postgres");
        assertThat(fromLine.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void theProfileIsRecordedUnlessTurnedOffOrQuick() {
        assertThat(parse().profile()).isTrue();
        assertThat(parse("--no-profile").profile()).isFalse();
        assertThat(parse("--quick").profile()).isFalse();
        assertThat(parse("--quick", "--profile").profile()).isTrue();
    }

    @Test
    void anUnknownOptionIsRejectedByName() {
        assertThatThrownBy(() -> parse("--comands=10", "--quick"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option: --comands");
    }

    @Test
    void badValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> parse("--commands=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--commands=many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("--commands")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("--quick=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> parse("quick")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> parse("--heap=lots")).hasMessageContaining("--heap");
        assertThatThrownBy(() -> parse("--scenarios=6")).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> parse("--scenarios=5")).hasMessageContaining("repeats scenarios 1 and 3");
    }

    @Test
    void helpIsAskedForNotAnError() {
        assertThatThrownBy(() -> parse("--help")).isInstanceOf(BenchOptions.HelpRequested.class);
        assertThat(BenchOptions.USAGE).contains("--quick", "--replay-events", "--db-url", "--instances");
    }

    @Test
    void everyOptionTheUsageNamesIsUnderstood() {
        List<String> all = List.of("--commands=1", "--warmup=0", "--clients=1", "--products=1", "--stream=10",
                "--orders=1", "--order-clients=1", "--instances=3", "--replay-events=1", "--defaults-replay-events=1", "--scenarios=1",
                "--standalone-jar=a.jar", "--agent-jar=b.jar", "--out=x", "--heap=512m", "--no-profile",
                "--db-url=jdbc:postgresql://h/d", "--db-user=u", "--db-password=p", "--quick");

        BenchOptions options = parse(all.toArray(String[]::new));

        assertThat(options.warmup()).isZero();
        assertThat(options.scenarios()).isEqualTo(Set.of(1));
        assertThat(options.out()).isEqualTo(Path.of("x"));
        assertThat(options.instances()).isEqualTo(3);
    }
}
