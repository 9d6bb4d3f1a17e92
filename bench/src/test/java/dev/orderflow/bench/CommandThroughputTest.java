package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandThroughputTest {

    @Test
    void theServersOwnSettingRunsFirstAtEveryClientCountThenTheOtherAtItsOwn() {
        assertThat(CommandThroughput.plan("off", List.of(1, 8, 32), List.of(8))).containsExactly(
                new CommandThroughput.Setting("off", List.of(1, 8, 32)),
                new CommandThroughput.Setting("on", List.of(8)));
        assertThat(CommandThroughput.plan("on", List.of(8), List.of(1, 8))).containsExactly(
                new CommandThroughput.Setting("on", List.of(8)),
                new CommandThroughput.Setting("off", List.of(1, 8)));
    }

    @Test
    void withoutClientsForTheOtherSettingOnlyTheServersOwnRuns() {
        assertThat(CommandThroughput.plan("off", List.of(1, 8, 32), List.of()))
                .containsExactly(new CommandThroughput.Setting("off", List.of(1, 8, 32)));
    }

    @Test
    void aCreateRequestNamesItsNewProduct() {
        java.util.UUID id = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThat(CommandThroughput.productJson(id, "Created product 1")).isEqualTo(
                "{\"productId\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"Created product 1\",\"price\":1.00,\"stock\":0}");
    }
}
