package org.prisonwatch.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * HTTP metrics by route, with two exceptions. OPTIONS is answered by Quarkus, not by a resource, so its URI tag
 * would be the path as sent (a partner's externalRef, a made-up path to fill the tag limit): all OPTIONS count
 * as one. And writes count as one route: by collection and status, a 201 count would be a count of records
 * created, hidden ones included, and no metric may count records.
 */
@Singleton
public class MetricTags {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Produces
    @Singleton
    MeterFilter collapsedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String method = id.getTag("method");
                if (!id.getName().startsWith("http.server") || method == null || id.getTag("uri") == null) {
                    return id;
                }
                if ("OPTIONS".equals(method)) {
                    return id.replaceTags(Tags.of(id.getTags()).and("uri", "OPTIONS"));
                }
                if (WRITES.contains(method)) {
                    return id.replaceTags(Tags.of(id.getTags()).and("uri", "WRITE"));
                }
                return id;
            }
        };
    }
}
