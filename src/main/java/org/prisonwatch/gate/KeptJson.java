package org.prisonwatch.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The JSON of each render {@link RenderedViews} keeps, written once when it is kept, so that every response that
 * carries the render again copies its bytes instead of serializing it again (a page of 50 incidents spent a fifth
 * of its time in Jackson). Held by the render itself, by identity and weakly: an entry lives exactly as long as
 * its render does, so it adds nothing to what the render cache's own bounds allow, and it can never answer for
 * another object, equal or not.
 */
@Singleton
public class KeptJson {

    private final Cache<Object, RawJson> written = Caffeine.newBuilder().weakKeys().build();

    private final Counter copies;

    @Inject
    public KeptJson(MeterRegistry metrics) {
        copies = Counter.builder("prisonwatch.views.json.copied")
                .description("Record responses written by copying the JSON kept with their render").register(metrics);
    }

    void copied() {
        copies.increment();
    }

    void keep(Object view, RawJson json) {
        written.put(view, json);
    }

    /** The JSON written for this very render when it was kept, or null. */
    RawJson of(Object view) {
        return written.getIfPresent(view);
    }
}
