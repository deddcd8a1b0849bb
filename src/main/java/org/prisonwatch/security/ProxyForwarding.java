package org.prisonwatch.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Forwarding headers (X-Forwarded-For, Forwarded) are believed only from the proxies named in
 * quarkus.http.proxy.trusted-proxies (PRISONWATCH_TRUSTED_PROXIES). Without that list Quarkus believes them from
 * any peer, so anyone reaching the service directly could claim any client address: a fresh anonymous or
 * failed-key budget with every request, and the cap on tracked addresses filled at will. The service therefore
 * refuses to start with forwarding on and no trusted proxy named.
 */
@Singleton
public class ProxyForwarding {

    static final String FORWARDING = "quarkus.http.proxy.proxy-address-forwarding";
    static final String TRUSTED_PROXIES = "quarkus.http.proxy.trusted-proxies";

    void check(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        refusal(config.getOptionalValue(FORWARDING, Boolean.class).orElse(false),
                config.getOptionalValue(TRUSTED_PROXIES, String.class)).ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
    }

    /** Why the service must not start with this configuration, if it must not. */
    static Optional<String> refusal(boolean forwarding, Optional<String> trustedProxies) {
        if (!forwarding || trustedProxies.map(String::strip).filter(list -> !list.isEmpty()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("Proxy address forwarding is on (" + FORWARDING + ") but no trusted proxy is named: "
                + "forwarding headers would be believed from any caller, who could then claim any client address "
                + "and escape the rate limits. Set PRISONWATCH_TRUSTED_PROXIES (" + TRUSTED_PROXIES + ") to the "
                + "addresses or CIDR ranges your reverse proxy connects from, e.g. 127.0.0.1 for a proxy on this "
                + "host, or turn forwarding off (README, Behind a reverse proxy)");
    }
}
