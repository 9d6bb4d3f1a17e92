package dev.orderflow.shared.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ann Lee", "", "Zoë Ñandú", "日本語", "emoji \uD83D\uDE00 ok", "a-b_c.d@example.com"})
    void namesInAnyScriptAreAccepted(String text) {
        assertThat(PlainText.refusal(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "line\nbreak", "tab\there", "bell\u0007", "del\u007F", "c1\u0085"})
    void controlCharactersAreRefused(String text) {
        assertThat(PlainText.refusal(text)).hasValueSatisfying(reason -> assertThat(reason).startsWith("must not contain control characters"));
    }

    @Test
    void theRefusalSaysWhichCharacterAndWhere() {
        assertThat(PlainText.refusal("a\u0000b")).contains("must not contain control characters (U+0000 at position 1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD83D high", "lone \uDE00 low", "ends high \uD83D"})
    void unpairedSurrogatesAreRefused(String text) {
        assertThat(PlainText.refusal(text)).hasValueSatisfying(reason -> assertThat(reason).startsWith("must not contain an unpaired surrogate"));
    }
}
