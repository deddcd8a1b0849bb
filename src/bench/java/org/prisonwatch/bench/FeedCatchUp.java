package org.prisonwatch.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * A partner's first sync: the change feed from the start, the largest pages (500), following nextCursor until a
 * page comes back short (the end), one request after another as a sync client does. Each page is read to its last
 * byte through Jackson's streaming parser, counting the entries and taking the cursor, and builds no tree: the
 * client's own work is kept as small as the raw JDBC scan's (which reads every column and keeps nothing), as wrk
 * keeps it for every other scenario. A tree of each 1 MB page would be the client's work, not the service's, done
 * on the same two cores.
 */
final class FeedCatchUp {

    static final int PAGE = 500;

    record Result(long rows, long pages, long errors, double seconds, boolean reachedEnd, String cursor,
            Histogram pageMicros) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private FeedCatchUp() {
    }

    private record Page(int items, String nextCursor) {
    }

    /** The page's entries counted (each skipped whole) and its next cursor, every byte read. */
    private static Page read(InputStream body, ObjectMapper json) {
        int items = 0;
        String next = null;
        try (InputStream in = body; JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a feed page is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items++;
                        parser.skipChildren();
                    }
                } else if (field.equals("nextCursor")) {
                    next = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
            return new Page(items, next);
        } catch (IOException e) {
            throw new IllegalStateException("reading a feed page: " + e, e);
        }
    }

    /** An unread body is closed, so that its connection is released. */
    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the run stops here anyway
        }
    }

    static Result run(Http http, String key, ObjectMapper json, Duration max) {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        long started = System.nanoTime();
        long end = started + max.toNanos();
        String cursor = null;
        long rows = 0;
        long pages = 0;
        long errors = 0;
        boolean reachedEnd = false;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = http.stream("/api/v1/changes?limit=" + PAGE
                    + (cursor == null ? "" : "&after=" + cursor), key);
            if (response.statusCode() != 200) {
                close(response.body());
                errors++;
                break;
            }
            Page page = read(response.body(), json);
            micros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            int items = page.items();
            rows += items;
            pages++;
            cursor = page.nextCursor();
            if (items < PAGE) {
                reachedEnd = true;
                break;
            }
        }
        return new Result(rows, pages, errors, (System.nanoTime() - started) / 1e9, reachedEnd, cursor, micros);
    }
}
