package dev.orderflow.bench.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTableTest {

    @Test
    void aCopyLineHasTheColumnsInOrderWithByteaAsEscapedHex() {
        StoredEvent event = new StoredEvent(42, "agg", 3, "Order", "evt", "{}".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "1", "x.OrderPlacedEvent", "2026-01-01T00:00:00Z");
        StringBuilder line = new StringBuilder();

        EventTable.appendCopyLine(line, event);

        assertThat(line.toString()).isEqualTo(
                "42\tagg\t3\tOrder\tevt\t\\\\x7b7d\t\\\\x7b2261223a317d\t1\tx.OrderPlacedEvent\t2026-01-01T00:00:00Z\n");
        assertThat(EventTable.COLUMNS.split(", ")).hasSize(10);
    }

    @Test
    void missingValuesAreCopysNull() {
        StoredEvent event = new StoredEvent(1, "agg", 0, null, "evt", null, new byte[0], null, "T", "t");
        StringBuilder line = new StringBuilder();

        EventTable.appendCopyLine(line, event);

        assertThat(line.toString()).isEqualTo("1\tagg\t0\t\\N\tevt\t\\N\t\\\\x\t\\N\tT\tt\n");
    }

    @Test
    void textThatCopyWouldReadDifferentlyIsRefused() {
        StoredEvent event = new StoredEvent(1, "agg", 0, "Or\tder", "evt", null, new byte[0], null, "T", "t");

        assertThatThrownBy(() -> EventTable.appendCopyLine(new StringBuilder(), event))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
