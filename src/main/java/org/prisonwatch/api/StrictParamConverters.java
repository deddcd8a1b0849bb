package org.prisonwatch.api;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Converts path and query parameters strictly, naming the parameter in a 400 problem when a value is bad.
 * Without it JAX-RS answers a malformed UUID or enum in the URL with 404, and its messages carry class names.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, "must be a UUID");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, StrictParamConverters::parseDate,
                    "must be a date YYYY-MM-DD in the years 0001 to 9999");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, StrictParamConverters::parseInstant,
                    "must be a date-time with its offset in the years 0001 to 9999, such as 2026-01-04T09:30:00Z or "
                            + "2026-01-04T16:00:00+06:30");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "must be an integer");
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, StrictParamConverters::parseBoolean, "must be true or false");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String allowed = "must be one of " + Arrays.toString(rawType.getEnumConstants());
            return (ParamConverter<T>) converter(name, value -> Enum.valueOf(enumType, value), allowed);
        }
        return null;
    }

    /**
     * RFC 3339 date-times, and the offset without its colon ({@code +0000}) as well: that is how Python's
     * {@code strftime("%z")}, and so the client openapi-generator makes for Python, writes one by default. A time
     * without an offset is refused: which instant it means would be a guess.
     */
    private static final DateTimeFormatter DATE_TIME_WITH_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static Instant parseInstant(String value) {
        Instant instant = DATE_TIME_WITH_OFFSET.parse(value, OffsetDateTime::from).toInstant();
        inYearsTheDatabasesHold(instant.atOffset(ZoneOffset.UTC).getYear());
        return instant;
    }

    private static LocalDate parseDate(String value) {
        LocalDate date = LocalDate.parse(value);
        inYearsTheDatabasesHold(date.getYear());
        return date;
    }

    /** Java's dates reach a billion years; PostgreSQL's timestamps fail outside roughly 4713 BC to 294276 AD. */
    private static void inYearsTheDatabasesHold(int year) {
        if (year < 1 || year > 9999) {
            throw new DateTimeException("year " + year + " is out of range");
        }
    }

    private static Boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String rule) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw ProblemException.invalidParameter(name, rule);
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                return query.value();
            }
            if (annotation instanceof RestPath path && !path.value().isEmpty()) {
                return path.value();
            }
        }
        return "parameter";
    }
}
