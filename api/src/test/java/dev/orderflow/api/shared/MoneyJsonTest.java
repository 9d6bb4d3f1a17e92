package dev.orderflow.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Money's JSON form through a plain {@link ObjectMapper} with no modules registered: what any client's own
 * mapper reads and writes.
 */
class MoneyJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    record Priced(Money price) {
    }

    @Test
    void moneyIsWrittenAsAPlainNumberWithTwoDecimalPlaces() throws Exception {
        assertThat(json.writeValueAsString(Money.of("12.5"))).isEqualTo("12.50");
        assertThat(json.writeValueAsString(Money.ZERO)).isEqualTo("0.00");
    }

    @Test
    void moneyInsideAMessageIsWrittenAsAPlainNumber() throws Exception {
        assertThat(json.writeValueAsString(new Priced(Money.of("12.5")))).isEqualTo("{\"price\":12.50}");
    }

    @Test
    void moneyRoundTripsThroughJson() throws Exception {
        Money money = Money.of("12.5");

        assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
        assertThat(json.readValue("{\"price\":12.50}", Priced.class)).isEqualTo(new Priced(money));
    }

    @Test
    void moneyIsReadFromANumberWithFewerDecimalPlaces() throws Exception {
        assertThat(json.readValue("12.5", Money.class)).isEqualTo(Money.of("12.50"));
        assertThat(json.readValue("12", Money.class)).isEqualTo(Money.of("12.00"));
    }

    @Test
    void badMoneyInJsonIsRejectedWithTheReason() {
        assertThatThrownBy(() -> json.readValue("12.345", Money.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("must have at most two decimal places");
        assertThatThrownBy(() -> json.readValue("-1", Money.class))
                .hasRootCauseMessage("must not be negative");
    }
}
