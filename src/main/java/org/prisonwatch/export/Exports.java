package org.prisonwatch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    /** What a list answers with. */
    public enum Format {
        JSON(MediaType.APPLICATION_JSON_TYPE), CSV(MediaType.valueOf(CsvExport.MEDIA_TYPE)),
        GEOJSON(MediaType.valueOf(GeoJsonExport.MEDIA_TYPE));

        final MediaType type;

        Format(MediaType type) {
            this.type = type;
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    /** Records per page read: the list's maximum by default, so an export costs what paging by hand would. */
    @ConfigProperty(name = "prisonwatch.export.page-size")
    int pageSize;

    /**
     * What the caller asks for, by Accept in order of preference: JSON, CSV or GeoJSON, whichever comes first; a
     * wildcard means JSON.
     */
    public static Format format(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType() || acceptable.isWildcardSubtype()) {
                return Format.JSON;
            }
            for (Format format : Format.values()) {
                if (acceptable.isCompatible(format.type)) {
                    return format;
                }
            }
        }
        return Format.JSON;
    }

    /**
     * The list as CSV, typed as the operation's JSON page so that one operation serves both (the entity is really
     * a stream; the runtime writes it by its own class).
     */
    @SuppressWarnings("unchecked")
    public <T, V, R> RestResponse<T> csv(String name, PageSource<V> source, PageParams asked,
            List<CsvColumn<R>> columns, Function<List<V>, List<R>> rows) {
        StreamingOutput body = CsvExport.of(source, asked, pageSize, columns, rows, this::letGo);
        return (RestResponse<T>) (RestResponse<?>) RestResponse.ResponseBuilder.ok((Object) body,
                        CsvExport.MEDIA_TYPE + ";charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** The list as a GeoJSON FeatureCollection, typed as the operation's JSON page (see {@link #csv}). */
    @SuppressWarnings("unchecked")
    public <T, V, R> RestResponse<T> geoJson(String name, PageSource<V> source, PageParams asked,
            Function<List<V>, List<R>> rows, Function<R, GeoPoint> point, Function<R, Object> properties) {
        StreamingOutput body = GeoJsonExport.of(mapper, source, asked, pageSize, rows, point, properties,
                this::letGo);
        return (RestResponse<T>) (RestResponse<?>) RestResponse.ResponseBuilder.ok((Object) body,
                        GeoJsonExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".geojson\"").build();
    }

    /**
     * Detaches what a written page loaded. An export reads outside a transaction, so every page shares the
     * request's persistence context; nothing in it is ever written back.
     */
    private void letGo() {
        em.clear();
    }
}
