package org.prisonwatch.caserecord;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date inside a stored list, read as the service writes it (ISO-8601, a year past 9999 with its sign) and as the
 * databases wrote the lists that V19 moved out of their tables: a year past 9999 without its sign (both), a year
 * before 1 as "0044-03-15 BC" and the dates too large for it as "infinity" (PostgreSQL). A citation's date can be
 * any of these: the API bounds none of them.
 */
final class StoredDate extends StdScalarDeserializer<LocalDate> {

    private static final Pattern BEFORE_CHRIST = Pattern.compile("(\\d+)-(\\d{2})-(\\d{2}) BC");
    private static final Pattern LONG_YEAR = Pattern.compile("\\d{5,}-.*");

    StoredDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        try {
            return parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a stored date");
        }
    }

    static LocalDate parse(String text) {
        Matcher bc = BEFORE_CHRIST.matcher(text);
        if (bc.matches()) {
            // there is no year 0 before Christ: 1 BC is ISO year 0
            return LocalDate.of(1 - Integer.parseInt(bc.group(1)), Integer.parseInt(bc.group(2)),
                    Integer.parseInt(bc.group(3)));
        }
        return switch (text) {
            case "infinity" -> LocalDate.MAX;
            case "-infinity" -> LocalDate.MIN;
            default -> LocalDate.parse(LONG_YEAR.matcher(text).matches() ? "+" + text : text);
        };
    }
}
