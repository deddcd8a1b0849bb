package org.prisonwatch.api;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The URLs the service hands out (Location, Link, the service index), never built from the caller's Host header
 * nor from forwarding headers (X-Forwarded-Host, Forwarded), which a caller can set, or a proxy pass on from one:
 * from the configured public base URL (prisonwatch.public-base-url, with any path prefix a proxy adds); else as
 * relative references (/api/v1/...), which RFC 9110 allows in Location and RFC 8288 in Link, and which clients
 * resolve against the URL they called, wherever the service is deployed, behind a proxy or not.
 */
public final class PublicUris {

    static final String BASE_URL = "prisonwatch.public-base-url";

    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

    /** The base as configured, read once per configuration: a lookup on every link cost a tenth of a list's time. */
    private static volatile ConfiguredBase configuredBase;

    private record ConfiguredBase(Config config, String base) {
    }

    private PublicUris() {
    }

    /** The public URI of an absolute path on this service, e.g. /api/v1/prisons/{id}. */
    public static URI of(UriInfo request, String path) {
        return URI.create(base(request) + path);
    }

    /** The public URI of the request itself with one query parameter set: the next page of a list. */
    public static URI withParameter(UriInfo request, String name, String value) {
        URI relative = request.getRequestUriBuilder().replaceQueryParam(name, value).build();
        // one leading slash: a path sent as //host/... must not become a reference to another host
        String path = LEADING_SLASHES.matcher(relative.getRawPath()).replaceFirst("/");
        return URI.create(base(request) + path + (relative.getRawQuery() == null ? "" : "?" + relative.getRawQuery()));
    }

    private static String base(UriInfo request) {
        Config config = ConfigProvider.getConfig();
        ConfiguredBase known = configuredBase;
        if (known == null || known.config() != config) {
            known = new ConfiguredBase(config, base(config));
            configuredBase = known;
        }
        return known.base();
    }

    private static String base(Config config) {
        Optional<String> configured = config.getOptionalValue(BASE_URL, String.class).map(String::strip)
                .filter(url -> !url.isEmpty());
        if (configured.isPresent()) {
            String url = configured.get();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return "";
    }
}
