package dev.orderflow.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SynchronousCommitTest {

    @Test
    void offIsComparedWithOnAndAnyWaitingSettingWithOff() {
        assertThat(SynchronousCommit.opposite("off")).isEqualTo("on");
        assertThat(SynchronousCommit.opposite("on")).isEqualTo("off");
        assertThat(SynchronousCommit.opposite("local")).isEqualTo("off");
        assertThat(SynchronousCommit.opposite("remote_apply")).isEqualTo("off");
    }
}
