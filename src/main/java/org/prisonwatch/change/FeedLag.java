package org.prisonwatch.change;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * How far behind the present the feed's readers are: for each page that carried changes, the age of the newest
 * change on it. The feed itself has no lag (a change is readable once it commits); a partner catching up from far
 * back shows a large one, and one that has caught up a small one. A reader that stops reading adds no samples:
 * watch for pages that stop coming as well. It counts pages read, never records or changes, which would show how
 * much work goes on out of a reader's sight.
 */
@Singleton
public class FeedLag {

    private final Timer lag;

    FeedLag(MeterRegistry metrics) {
        lag = Timer.builder("prisonwatch.feed.lag")
                .description("Time between the last change on a page of the change feed and its reading")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    void observe(ChangePage page) {
        if (!page.items().isEmpty()) {
            Instant last = page.items().get(page.items().size() - 1).changedAt();
            lag.record(Duration.between(last, Instant.now()));
        }
    }
}
