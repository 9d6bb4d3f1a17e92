package dev.orderflow.command;

import dev.orderflow.shared.error.FieldError;
import dev.orderflow.shared.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateVersionsTest {

    @Test
    void aVersionIsSentAsAStrongEtag() {
        assertThat(AggregateVersions.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void theEtagSentIsReadBackAsTheSameVersion() {
        assertThat(AggregateVersions.fromIfMatch(AggregateVersions.etag(42))).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "3", " \"3\" "})
    void ifMatchIsReadAsTheVersionWhetherQuotedOrBare(String ifMatch) {
        assertThat(AggregateVersions.fromIfMatch(ifMatch)).isEqualTo(3L);
    }

    @Test
    void ifMatchOfVersionZeroIsReadAsZero() {
        assertThat(AggregateVersions.fromIfMatch("\"0\"")).isZero();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"*", " * "})
    void noIfMatchOrAStarMeansNoVersionCheck(String ifMatch) {
        assertThat(AggregateVersions.fromIfMatch(ifMatch)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"0\"", "W/\"3\"", " W/\"3\" ", "W/"})
    void aWeakEtagIsAnInvalidRequestNamingTheHeader(String ifMatch) {
        assertThatThrownBy(() -> AggregateVersions.fromIfMatch(ifMatch))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(thrown -> ((InvalidRequestException) thrown).fieldError())
                .isEqualTo(new FieldError("If-Match", "must be a strong ETag, like \"3\": a weak one (W/) never matches"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "\"abc\"", "\"\"", "\"3", "\"-1\"", "-1", "1.5", "\"3\", \"4\"",
            "99999999999999999999"})
    void ifMatchThatIsNoVersionIsAnInvalidRequestNamingTheHeader(String ifMatch) {
        assertThatThrownBy(() -> AggregateVersions.fromIfMatch(ifMatch))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(thrown -> ((InvalidRequestException) thrown).fieldError())
                .isEqualTo(new FieldError("If-Match", "must be an aggregate version as sent in the ETag, like \"3\""));
    }
}
