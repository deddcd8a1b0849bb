package org.prisonwatch.api;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

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

    /**
     * The public URI of the request itself with one query parameter set: the next page of a list. Made from the
     * request's path and query as they were sent, the parameter's other values left out and the new one added
     * last, as {@code UriBuilder.replaceQueryParam} does, but without its four parses of the URL (a twelfth of a
     * list page's time).
     */
    public static URI withParameter(UriInfo request, String name, String value) {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        String rawPath;
        String rawQuery;
        if (current != null) {
            // normalised (dot segments gone), as the request URI the builder was given; still percent-encoded
            rawPath = current.serverRequest().getRequestNormalisedPath();
            rawQuery = replaceParameter(current.serverRequest().query(), name, value);
        } else {
            URI relative = request.getRequestUriBuilder().replaceQueryParam(name, value).build();
            rawPath = relative.getRawPath();
            rawQuery = relative.getRawQuery();
        }
        // one leading slash: a path sent as //host/... must not become a reference to another host
        String path = LEADING_SLASHES.matcher(rawPath).replaceFirst("/");
        return URI.create(base(request) + path + (rawQuery == null ? "" : "?" + rawQuery));
    }

    /**
     * A raw query string without the parameter's values, then the parameter with its new value; a fragment a client
     * sent after it is no part of the query, and empty parts at its end are dropped, as the builder drops them.
     */
    static String replaceParameter(String rawQuery, String name, String value) {
        StringJoiner query = new StringJoiner("&");
        int fragment = rawQuery == null ? -1 : rawQuery.indexOf('#');
        String sent = fragment < 0 ? rawQuery : rawQuery.substring(0, fragment);
        if (sent != null && !sent.isEmpty()) {
            for (String part : sent.split("&")) {
                int equals = part.indexOf('=');
                if (!(equals < 0 ? part : part.substring(0, equals)).equals(name)) {
                    query.add(part);
                }
            }
        }
        return query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)).toString();
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
