package org.prisonwatch.security;

import io.vertx.ext.web.RoutingContext;

/**
 * The address a request came from. With quarkus.http.proxy.proxy-address-forwarding on, Quarkus has already
 * replaced the proxy's address with the client's from the forwarding headers.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext event) {
        return event.request().remoteAddress() == null ? "unknown" : event.request().remoteAddress().hostAddress();
    }
}
