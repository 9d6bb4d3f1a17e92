package dev.orderflow.console.processor;

import dev.orderflow.shared.admin.ProcessorStatus;
import dev.orderflow.shared.admin.ProcessorStatus.RebuildStatus;
import dev.orderflow.shared.admin.ProcessorStatus.ReplayProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorViewTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theTimeLeftOfAReplayIsWhatRemainsAtTheRateSoFar() {
        ProcessorView view = new ProcessorView(status(new ReplayProgress(START, 0, 1_000, 400, 40.0, 200.0, false, null), null), null);

        assertThat(view.progressKind()).isEqualTo("replay");
        assertThat(view.timeLeft()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFinishedReplayOrOneWithoutARateYetHasNoTimeLeft() {
        assertThat(new ProcessorView(status(new ReplayProgress(START, 0, 10, 10, 100.0, 5.0, true, START), null), null)
                .timeLeft()).isNull();
        assertThat(new ProcessorView(status(new ReplayProgress(START, 0, 10, 0, 0.0, 0.0, false, null), null), null)
                .timeLeft()).isNull();
    }

    @Test
    void aRunningRebuildIsShownRatherThanAnEarlierReplay() {
        ReplayProgress rebuilding = new ReplayProgress(START, 0, 100, 50, 50.0, 10.0, false, null);
        RebuildStatus rebuild = new RebuildStatus(RebuildStatus.State.BUILDING, "catalogue-rebuild", "catalogue_rebuild",
                rebuilding, 50L, 50L, 2, 2, List.of(), null);
        ProcessorView view = new ProcessorView(status(new ReplayProgress(START, 0, 10, 10, 100.0, 5.0, true, START), rebuild), null);

        assertThat(view.progressKind()).isEqualTo("rebuild");
        assertThat(view.progress()).isSameAs(rebuilding);
    }

    @Test
    void durationsAreShortForATableCell() {
        assertThat(ProcessorView.format(Duration.ofMillis(250))).isEqualTo("0.3 s");
        assertThat(ProcessorView.format(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(ProcessorView.format(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(ProcessorView.format(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(ProcessorView.format(null)).isEmpty();
    }

    private static ProcessorStatus status(ReplayProgress replay, RebuildStatus rebuild) {
        return new ProcessorStatus("catalogue", "POOLED_STREAMING", true, false, true, List.of(), 2, 2, List.of(), 0L,
                0L, 0L, true, replay != null && !replay.done(), replay, rebuild);
    }
}
