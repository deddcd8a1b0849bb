package org.prisonwatch.export;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.prisonwatch.api.Problem;

/**
 * Writes an export for a list operation whose declared type is its JSON page: the runtime picks writers by the
 * declared type, so the export media types need a writer that takes any type and writes the stream the operation
 * really returned.
 */
@Provider
@Produces({CsvExport.MEDIA_TYPE, GeoJsonExport.MEDIA_TYPE})
public class ExportBodyWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return true;
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException, WebApplicationException {
        if (entity instanceof Problem) {
            // an export that failed once under way: its file went out as far as it got, the connection was reset
            // (Exports.list), the failure was logged where it happened, and no one is left to read a problem
            return;
        }
        if (!(entity instanceof StreamingOutput export)) {
            // only exports are ever sent in these media types; anything else here is a bug, not a response
            throw new IllegalStateException("not an export: " + type.getName());
        }
        export.write(out);
    }
}
