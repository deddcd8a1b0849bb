package org.prisonwatch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.api.Responses;
import org.prisonwatch.security.KeyInForce;

/**
 * A list endpoint answers its JSON page, or the whole list as a file when the caller's Accept prefers one: the same
 * operation, the same filters, the same gate.
 *
 * <p>An export holds a worker thread for as long as its reader takes, so each instance runs at most
 * {@code prisonwatch.export.max-concurrent} at once (the next caller gets a 429) and cuts any that runs past
 * {@code prisonwatch.export.max-duration}; a slot is never held longer than that, even by a stream that never
 * started. A HEAD request gets the headers without an export.
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

    @Inject
    CurrentVertxRequest request;

    @Inject
    KeyInForce keyInForce;

    /** Records per page read: the list's maximum by default, so an export costs what paging by hand would. */
    @ConfigProperty(name = "prisonwatch.export.page-size")
    int pageSize;

    @ConfigProperty(name = "prisonwatch.export.max-concurrent")
    int maxConcurrent;

    @ConfigProperty(name = "prisonwatch.export.max-duration")
    Duration maxDuration;

    /** Running exports by number, with the moment each is cut off. */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();

    private final AtomicLong numbers = new AtomicLong();

    /**
     * A list as the caller asks for it: its JSON page, or with an Accept that prefers text/csv or
     * application/geo+json (where the list has places), the whole list from the cursor on as one file. The JSON page
     * states its type outright: an operation that can also answer files must not leave the choice to the runtime,
     * which could pick a file type for a page.
     */
    public <V, R> RestResponse<Page<V>> list(HttpHeaders headers, UriInfo uri, ExportedList<V, R> list,
            PageSource<V> listed, PageParams page) {
        Format format = format(headers, list.formats());
        PageSource<V> source = format == Format.JSON ? listed : whileKeyInForce(listed);
        switch (format) {
            case CSV:
                return export(list.name() + ".csv", CsvExport.MEDIA_TYPE + ";charset=UTF-8; header=present",
                        afterPage -> CsvExport.of(source, page, pageSize, list.columns(), list.rows(), afterPage));
            case GEOJSON:
                return export(list.name() + ".geojson", GeoJsonExport.MEDIA_TYPE,
                        afterPage -> GeoJsonExport.of(mapper, source, page, pageSize, list.rows(), list.place(),
                                list.properties(), afterPage));
            default:
                return RestResponse.ResponseBuilder.fromResponse(Responses.page(uri, source.page(page)))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    /**
     * The list's pages, each read only while the caller's key is in force and written only if it still is once read:
     * revoking a key stops its exports between two pages, no page read after the revocation goes out, and none is
     * read (and audited as read) once the revocation is seen.
     */
    private <V> PageSource<V> whileKeyInForce(PageSource<V> source) {
        Runnable check = keyInForce.check();
        return params -> {
            check.run();
            Page<V> page = source.page(params);
            check.run();
            return page;
        };
    }

    /**
     * What the caller asks for: the first of the list's formats that the Accept header, in its order of preference,
     * takes (a wildcard takes the first format, JSON).
     */
    private static Format format(HttpHeaders headers, Format... offered) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            for (Format format : offered) {
                if (acceptable.isCompatible(format.type)) {
                    return format;
                }
            }
        }
        return Format.JSON;
    }

    @SuppressWarnings("unchecked")
    private <T> RestResponse<T> export(String filename, String type, Function<Runnable, StreamingOutput> export) {
        RestResponse.ResponseBuilder<Object> response = RestResponse.ResponseBuilder.ok().type(type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        HttpServerRequest call = request.getCurrent().request();
        if (call.version() == HttpVersion.HTTP_1_0) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "A file needs HTTP/1.1 or later: over HTTP/1.0 a "
                    + "file cut short cannot be told from a whole one. Connect with HTTP/1.1 (behind nginx: "
                    + "proxy_http_version 1.1), or read the list as JSON pages");
        }
        if (call.method() == HttpMethod.HEAD) {
            return (RestResponse<T>) (RestResponse<?>) response.build();
        }
        long deadline = System.nanoTime() + maxDuration.toNanos();
        Long slot = take(deadline);
        if (slot == null) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, maxConcurrent + " exports are running on this "
                    + "instance, its most at once; try again in a minute, or read the list page by page");
        }
        StreamingOutput stream;
        try {
            stream = export.apply(() -> letGo(deadline));
        } catch (RuntimeException e) {
            running.remove(slot);
            throw e;
        }
        HttpServerResponse connection = request.getCurrent().response();
        StreamingOutput body = output -> {
            try {
                stream.write(output);
            } catch (IOException | RuntimeException e) {
                // the first page is out (each is sent as written) and the file is left unfinished: ended normally,
                // the response would still look whole to a client that saves as it reads. Reset, the client sees
                // a broken transfer.
                connection.reset();
                throw e;
            } finally {
                running.remove(slot);
            }
        };
        return (RestResponse<T>) (RestResponse<?>) response.entity(body).build();
    }

    private synchronized Long take(long deadline) {
        long now = System.nanoTime();
        running.values().removeIf(cutOff -> cutOff - now < 0);
        if (running.size() >= maxConcurrent) {
            return null;
        }
        long slot = numbers.incrementAndGet();
        running.put(slot, deadline);
        return slot;
    }

    /**
     * Between pages: detaches what the page loaded (an export reads outside a transaction, so every page shares
     * the request's persistence context, which is never written back) and cuts an export past its time.
     */
    private void letGo(long deadline) {
        em.clear();
        if (System.nanoTime() - deadline > 0) {
            throw new UncheckedIOException(new IOException("export cut off after " + maxDuration));
        }
    }
}
