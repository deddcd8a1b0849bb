package org.prisonwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * A partner's first sync: the change feed from the start, the largest pages (500), following nextCursor until a
 * page comes back short (the end), one request after another as a sync client does.
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
            Http.Response response = http.get("/api/v1/changes?limit=" + PAGE
                    + (cursor == null ? "" : "&after=" + cursor), key);
            micros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            if (!response.ok()) {
                errors++;
                break;
            }
            JsonNode page = response.json(json);
            int items = page.get("items").size();
            rows += items;
            pages++;
            cursor = page.get("nextCursor").asText();
            if (items < PAGE) {
                reachedEnd = true;
                break;
            }
        }
        return new Result(rows, pages, errors, (System.nanoTime() - started) / 1e9, reachedEnd, cursor, micros);
    }
}
