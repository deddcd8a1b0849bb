package org.prisonwatch.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.api.ProblemException;

/**
 * Where webhooks may go, so that no one can make the service call into the network it runs in: HTTPS to public
 * addresses only, checked when a subscription is saved and again before every attempt (a name may resolve
 * elsewhere by then), and the attempt connects to the very address that was checked. Private, loopback and
 * link-local targets, and plain HTTP to them, only when the deployer sets allow-private-targets.
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean allowPrivate;

    public WebhookTargets(@ConfigProperty(name = "prisonwatch.webhooks.allow-private-targets") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL a subscriber gave, or a 400 problem naming the field that says why it may not be used. */
    public URI accepted(String field, String url) {
        URI uri = parsed(field, url);
        try {
            checked(uri);
        } catch (Refused e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
        return uri;
    }

    /**
     * The address to connect to for this target now, after the same checks as when it was saved.
     *
     * @throws Refused when the target may not be called now
     */
    public Target checked(URI uri) throws Refused {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("its host " + uri.getHost() + " does not resolve");
        }
        boolean allPublic = Arrays.stream(addresses).allMatch(PublicAddresses::isPublic);
        if (!allPublic && !allowPrivate) {
            throw new Refused("its host " + uri.getHost() + " resolves to a private, loopback or reserved address; "
                    + "targets must be public (a deployer may allow private ones with "
                    + "PRISONWATCH_WEBHOOK_ALLOW_PRIVATE_TARGETS=true)");
        }
        if (!https && Arrays.stream(addresses).anyMatch(PublicAddresses::isPublic)) {
            throw new Refused("it must use https: payloads and signatures are not sent in clear over the internet");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, addresses[0], port, https);
    }

    private URI parsed(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField(field, "must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.invalidField(field, "must be an absolute https URL");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw ProblemException.invalidField(field, "must name a port from 1 to 65535, or none");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalidField(field, "must carry no user name, password or fragment: the "
                    + "signature is what proves a delivery came from here");
        }
        return uri;
    }

    /** A target checked for one attempt: connect to this address, name the host in TLS and the Host header. */
    public record Target(URI uri, InetAddress address, int port, boolean https) {

        /** The path and query to request. */
        public String requestUri() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** A target that may not be called, and why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
