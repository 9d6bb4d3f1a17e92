package dev.orderflow.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
        assertThat(options.commands()).isEqualTo(2000);
        assertThat(options.warmup()).isEqualTo(1000);
        assertThat(options.products()).isEqualTo(1000);
        assertThat(options.orders()).isEqualTo(500);
        assertThat(options.orderWarmup()).isEqualTo(300);
        assertThat(options.orderClients()).isEqualTo(32);
        assertThat(options.defaultsReplayEvents()).isEqualTo(20_000);
        assertThat(options.agentJar()).isEqualTo(Path.of("bench/target/bench-0.1.0-SNAPSHOT-agent.jar"));
        assertThat(options.out()).isEqualTo(Path.of("bench/target/results"));
        assertThat(options.dbUser()).isEqualTo("postgres");
        assertThat(options.dbPassword()).isEqualTo("postgres");
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
        assertThatThrownBy(() -> parse("--native-memory=yes")).hasMessageContaining("should be specified without");
        assertThatThrownBy(() -> parse("--heap=lots")).hasMessageContaining("--heap must look like");
    }

    @Test
    void scenarioFourRunsOnOneInstanceUnlessToldOtherwiseAndOnAtMostFour() {
        assertThat(parse().instances()).isEqualTo(1);
        assertThat(parse("--quick").instances()).isEqualTo(1);
        assertThat(parse("--instances=2").instances()).isEqualTo(2);
        assertThat(parse("--instances=4").instances()).isEqualTo(4);

        assertThatThrownBy(() -> parse("--instances=0")).hasMessage("--instances must be at least 1, was 0");
        assertThatThrownBy(() -> parse("--instances=5")).hasMessage("--instances is at most 4, was 5");
        assertThatThrownBy(() -> parse("--instances=two")).hasMessageContaining("whole number");
    }

    @Test
    void quickShrinksEverySizeButAnExplicitOptionWinsWhereverItStands() {
        BenchOptions options = parse("--replay-events=50_000", "--quick");

        assertThat(options.quick()).isTrue();
        assertThat(options.commands()).isEqualTo(100);
        assertThat(options.warmup()).isEqualTo(50);
        assertThat(options.products()).isEqualTo(50);
        assertThat(options.stream()).isEqualTo(300);
        assertThat(options.orders()).isEqualTo(32);
        assertThat(options.orderWarmup()).isEqualTo(16);
        assertThat(options.orderClients()).isEqualTo(16);
        assertThat(options.defaultsReplayEvents()).isEqualTo(1_000);
        assertThat(options.replayEvents()).isEqualTo(50_000);
        assertThat(parse("--quick", "--replay-events=50_000").replayEvents()).isEqualTo(50_000);
        assertThat(parse("--quick").replayEvents()).isEqualTo(10_000);
        assertThat(parse("--quick", "--warmup=0").warmup()).isZero();
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
        assertThatThrownBy(() -> parse("--sync-commit-clients=")).hasMessage("--sync-commit-clients needs a value");
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
                .hasMessageStartingWith("Unknown option: '--comands=10'");
    }

    @Test
    void badValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> parse("--commands=0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--commands must be at least 1, was 0");
        assertThatThrownBy(() -> parse("--commands=many")).hasMessage("--commands must be a whole number, was 'many'");
        assertThatThrownBy(() -> parse("--commands=")).hasMessage("--commands needs a value");
        assertThatThrownBy(() -> parse("--commands")).hasMessageContaining("Missing required parameter for option '--commands'");
        assertThatThrownBy(() -> parse("--commands=9999999999")).hasMessage("--commands is too large: 9999999999");
        assertThatThrownBy(() -> parse("--warmup=-1")).hasMessage("--warmup must not be negative, was -1");
        assertThatThrownBy(() -> parse("--replay-events=0")).hasMessage("--replay-events must be at least 1, was 0");
        assertThatThrownBy(() -> parse("--out=")).hasMessage("--out needs a value");
        assertThatThrownBy(() -> parse("--quick=yes")).hasMessageContaining("should be specified without 'yes' parameter");
        assertThatThrownBy(() -> parse("quick")).hasMessageContaining("Unmatched argument at index 0: 'quick'");
        assertThatThrownBy(() -> parse("--heap=lots")).hasMessage("--heap must look like 512m or 2g, was lots");
        assertThatThrownBy(() -> parse("--clients=1,x")).hasMessage("--clients must be a whole number, was 'x'");
        assertThatThrownBy(() -> parse("--scenarios=0")).hasMessage("--scenarios lists numbers of at least 1, was 0");
        assertThatThrownBy(() -> parse("--scenarios=6")).hasMessage("--scenarios lists numbers from 1 to 5, was 6");
        assertThatThrownBy(() -> parse("--scenarios=5")).hasMessage("scenario 5 repeats scenarios 1 and 3: run at least one of them too");
        assertThat(parse("--scenarios=3,5").scenarios()).containsExactly(3, 5);
    }

    @Test
    void anOptionGivenTwiceTakesItsLastValue() {
        assertThat(parse("--commands=10", "--commands=20").commands()).isEqualTo(20);
    }

    @Test
    void helpIsAskedForNotAnError() {
        assertThatThrownBy(() -> parse("--help")).isInstanceOf(BenchOptions.HelpRequested.class);
        assertThatThrownBy(() -> parse("--quick", "--help")).isInstanceOf(BenchOptions.HelpRequested.class);
    }

    @Test
    void theUsageListsEveryOptionWithItsDefaults() {
        String usage = BenchOptions.usage();

        assertThat(usage).startsWith("Usage: scripts/bench.sh");
        assertThat(usage).contains("--quick", "--commands=N", "--replay-events=N", "--db-url=JDBC_URL", "--instances=N",
                "--sync-commit-clients=8", "--no-profile", "--native-memory", "--help");
        assertThat(usage).contains("(default 2000, quick 100)", "1 to 4", "$ORDERFLOW_DB_URL");
    }

    @Test
    void everyOptionTheUsageNamesIsUnderstood() {
        List<String> all = List.of("--commands=1", "--warmup=0", "--clients=1", "--sync-commit-clients=none",
                "--products=1", "--stream=10", "--orders=1", "--order-warmup=2", "--order-clients=1", "--instances=3",
                "--replay-events=1", "--defaults-replay-events=1", "--scenarios=1", "--standalone-jar=a.jar",
                "--agent-jar=b.jar", "--out=x", "--heap=512m", "--no-profile", "--native-memory",
                "--db-url=jdbc:postgresql://h/d", "--db-user=u", "--db-password=p", "--quick");

        BenchOptions options = parse(all.toArray(String[]::new));

        assertThat(options.warmup()).isZero();
        assertThat(options.orderWarmup()).isEqualTo(2);
        assertThat(options.syncCommitClients()).isEmpty();
        assertThat(options.scenarios()).isEqualTo(Set.of(1));
        assertThat(options.standaloneJar()).isEqualTo(Path.of("a.jar"));
        assertThat(options.agentJar()).isEqualTo(Path.of("b.jar"));
        assertThat(options.out()).isEqualTo(Path.of("x"));
        assertThat(options.instances()).isEqualTo(3);
        assertThat(options.nativeMemory()).isTrue();
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://h/d");
        assertThat(options.dbUser()).isEqualTo("u");
        assertThat(options.dbPassword()).isEqualTo("p");
        // Every option the command line knows is in the list above, but --profile (the opposite of --no-profile) and --help.
        List<String> given = all.stream().map(arg -> arg.split("=")[0]).toList();
        assertThat(new CommandLine(new BenchOptions.CommandLineOptions()).getCommandSpec().options())
                .extracting(CommandLine.Model.OptionSpec::longestName)
                .filteredOn(name -> !name.equals("--profile") && !name.equals("--help"))
                .containsExactlyInAnyOrderElementsOf(given);
    }
}
