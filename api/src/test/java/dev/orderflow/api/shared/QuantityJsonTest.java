package dev.orderflow.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quantity's JSON form through a plain {@link ObjectMapper} with no modules registered: what any client's own
 * mapper reads and writes.
 */
class QuantityJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aQuantityIsWrittenAsAPlainNumber() throws Exception {
        assertThat(json.writeValueAsString(Quantity.of(7))).isEqualTo("7");
    }

    @Test
    void aQuantityRoundTripsThroughJson() throws Exception {
        assertThat(json.readValue("7", Quantity.class)).isEqualTo(Quantity.of(7));
    }

    @Test
    void aQuantityBelowOneInJsonIsRejectedWithTheReason() {
        assertThatThrownBy(() -> json.readValue("0", Quantity.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("must be at least 1");
    }
}
