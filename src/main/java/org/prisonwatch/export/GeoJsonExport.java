package org.prisonwatch.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.util.List;
import java.util.function.Function;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;

/**
 * A list as an RFC 7946 FeatureCollection: one Point feature per record that has a place, its properties the
 * record exactly as the JSON list renders it for the caller (so the same redaction, rounded coordinates included).
 * Streamed page by page like {@link CsvExport}; records without coordinates of their own or their prison's are
 * left out.
 */
public final class GeoJsonExport {

    public static final String MEDIA_TYPE = "application/geo+json";

    private GeoJsonExport() {
    }

    /**
     * @param rows turns a page of records into rows, with whatever the page needs looked up once for all of them
     * @param point where a row is, or null
     * @param properties what a row's feature carries: the record as the caller may see it
     * @param afterPage lets go of what the page loaded (see {@link CsvExport#of})
     */
    public static <V, R> StreamingOutput of(ObjectMapper mapper, PageSource<V> source, PageParams asked,
            int pageSize, Function<List<V>, List<R>> rows, Function<R, GeoPoint> point,
            Function<R, Object> properties, Runnable afterPage) {
        Page<V> first = source.first(asked, pageSize);
        ObjectWriter record = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        return output -> {
            // closed only once every page is out: closing would complete the JSON and flush it, so a failure must
            // leave the document unfinished
            JsonGenerator json = mapper.getFactory().createGenerator(new BufferedOutputStream(
                    new CsvExport.Unclosed(output), 64 * 1024));
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
            source.walk(first, asked, pageSize, records -> {
                for (R row : rows.apply(records)) {
                    GeoPoint at = point.apply(row);
                    if (at != null) {
                        json.writeStartObject();
                        json.writeStringField("type", "Feature");
                        json.writeObjectFieldStart("geometry");
                        json.writeStringField("type", "Point");
                        json.writeArrayFieldStart("coordinates");
                        json.writeNumber(at.longitude());
                        json.writeNumber(at.latitude());
                        json.writeEndArray();
                        json.writeEndObject();
                        json.writeFieldName("properties");
                        record.writeValue(json, properties.apply(row));
                        json.writeEndObject();
                    }
                }
                json.flush();
            }, afterPage);
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        };
    }
}
