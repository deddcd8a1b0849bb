package org.prisonwatch.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.PageParams;

/**
 * A list endpoint answers its JSON page, or the whole list as a file when the caller's Accept prefers one: the same
 * operation, the same filters, the same gate.
 */
@ApplicationScoped
public class Exports {

    private static final MediaType CSV = MediaType.valueOf(CsvExport.MEDIA_TYPE);

    /** Records per page read: the list's maximum by default, so an export costs what paging by hand would. */
    @ConfigProperty(name = "prisonwatch.export.page-size")
    int pageSize;

    /** Whether the caller asks for CSV before JSON (Accept, in order of preference; a wildcard means JSON). */
    public static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType() || acceptable.isWildcardSubtype()) {
                return false;
            }
            if (acceptable.isCompatible(CSV)) {
                return true;
            }
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The list as CSV, typed as the operation's JSON page so that one operation serves both (the entity is really
     * a stream; the runtime writes it by its own class).
     */
    @SuppressWarnings("unchecked")
    public <T, V, R> RestResponse<T> csv(String name, PageSource<V> source, PageParams asked,
            List<CsvColumn<R>> columns, Function<List<V>, List<R>> rows) {
        StreamingOutput body = CsvExport.of(source, asked, pageSize, columns, rows);
        return (RestResponse<T>) (RestResponse<?>) RestResponse.ResponseBuilder.ok((Object) body,
                        CsvExport.MEDIA_TYPE + ";charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
