package dev.orderflow.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Reads every text field of a request body: only a JSON string is text (a number or a boolean is refused,
 * not turned into one), and only {@link PlainText}. The refusal names the field, as every 400 does.
 */
class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        String refusal = PlainText.refusal(text).orElse(null);
        if (refusal != null) {
            // Carried as an IllegalArgumentException, like a value type's own refusal, so the error
            // mapping answers its reason for the field the parser is at.
            throw JsonMappingException.from(parser, refusal, new IllegalArgumentException(refusal));
        }
        return text;
    }
}
