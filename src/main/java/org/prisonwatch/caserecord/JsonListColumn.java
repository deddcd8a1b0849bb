package org.prisonwatch.caserecord;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import java.time.LocalDate;
import java.util.List;

/**
 * A list kept as one JSON array in its record's own row, so that a record, or a page of them, is read with one
 * query instead of one more per list. The lists come back immutable: an entity's list is replaced, never changed
 * in place, which is what lets Hibernate compare it by value instead of keeping a copy of every one it loads.
 */
public abstract class JsonListColumn<T> implements AttributeConverter<List<T>, String> {

    // its own mapper, not the API's: what is stored must not change with the API's serialisation settings. Absent
    // values are left out, which a reader takes as null; a property the record no longer has is skipped, so that
    // removing one from a record type cannot make stored rows unreadable
    private static final ObjectMapper STORED = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addDeserializer(LocalDate.class, new StoredDate()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    // made once: a mapper asked by type on every read resolves the type and its deserializer again each time
    private final ObjectReader reader;
    private final ObjectWriter writer;

    protected JsonListColumn(TypeReference<List<T>> type) {
        this.reader = STORED.readerFor(type);
        this.writer = STORED.writerFor(type);
    }

    @Override
    public String convertToDatabaseColumn(List<T> list) {
        try {
            return writer.writeValueAsString(list == null ? List.of() : list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list that cannot be stored as JSON", e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(reader.<List<T>>readValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored list that is not the JSON it should be", e);
        }
    }
}
