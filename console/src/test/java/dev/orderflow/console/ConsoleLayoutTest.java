package dev.orderflow.console;

import dev.orderflow.shared.admin.ProcessorStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLayoutTest {

    @Test
    void flagsAStoppedAnUnhealthyAndAFarBehindProcessorButNotAReplayingOne() {
        List<String> flags = ConsoleLayout.flagsOf(List.of(
                status("healthy", true, true, List.of(), 3L, false),
                status("stopped", false, true, List.of(), 0L, false),
                status("unhealthy", true, false, List.of("segment 1 is held by no instance"), 0L, false),
                status("behind", true, true, List.of(), ConsoleLayout.BEHIND_FLAG, false),
                status("replaying", true, true, List.of(), 50_000L, true)));

        assertThat(flags).containsExactly("stopped is stopped", "unhealthy: segment 1 is held by no instance",
                "behind is 1000 events behind");
    }

    private static ProcessorStatus status(String name, boolean running, boolean healthy, List<String> problems,
                                          Long behind, boolean replaying) {
        return new ProcessorStatus(name, "POOLED_STREAMING", running, false, healthy, problems, 1, 1, List.of(), 0L,
                behind, behind, true, replaying, null, null);
    }
}
