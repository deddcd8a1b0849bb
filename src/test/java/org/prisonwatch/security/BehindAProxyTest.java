package org.prisonwatch.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Api;

/**
 * Forwarding on, as an operator turns it on behind a reverse proxy, with the proxy at 192.0.2.10: the test client,
 * connecting from the loopback address, is not that proxy, so the forwarding headers it makes up are not believed,
 * and the links the service hands out come from neither its Host nor its forwarded host.
 */
@QuarkusTest
@TestProfile(BehindAProxyTest.ProxyElsewhere.class)
class BehindAProxyTest {

    static final int ANONYMOUS_BUDGET = 3;

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "PRISONWATCH_TRUSTED_PROXIES", "192.0.2.10",
                    "prisonwatch.rate-limit.anonymous", String.valueOf(ANONYMOUS_BUDGET),
                    "prisonwatch.rate-limit.sync-every", "off");
        }
    }

    @jakarta.inject.Inject
    RateLimiter limiter;

    @Test
    void aCallerThatIsNotTheTrustedProxyCannotBuyFreshBudgetsWithMadeUpForwardedAddresses() {
        for (int attempt = 0; ; attempt++) {
            limiter.clear();
            long window = Instant.now().getEpochSecond() / 60;
            try {
                for (int i = 1; i <= ANONYMOUS_BUDGET; i++) {
                    anonymous().header("X-Forwarded-For", "198.51.100." + i).get("/api/v1/prisons").then()
                            .statusCode(200);
                }
                anonymous().header("X-Forwarded-For", "198.51.100.99").get("/api/v1/prisons").then()
                        .statusCode(429).body("type", equalTo("urn:prisonwatch:problem:too-many-requests"));
                return;
            } catch (AssertionError e) {
                if (attempt > 0 || Instant.now().getEpochSecond() / 60 == window) {
                    throw e;
                }
            } finally {
                limiter.clear();
            }
        }
    }

    @Test
    void linksComeFromNeitherTheHostHeaderNorTheForwardedHost() {
        limiter.clear();
        Map<String, String> links = anonymous().header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").get("/api/v1")
                .then().statusCode(200).extract().path("links");
        assertEquals("/api/v1", links.get("self"));
        links.values().forEach(link -> assertTrue(link.startsWith("/"), link));

        String region = unique("Proxied");
        prison(region);
        prison(region);
        Api.as(Role.ANALYST).header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .queryParam("stateRegion", region).queryParam("limit", 1).get("/api/v1/prisons").then()
                .statusCode(200).header("Link", org.hamcrest.Matchers.startsWith("</api/v1/prisons?"));
    }

    /** The check behind the refusal to start: forwarding on needs a trusted proxy named. */
    @Test
    void forwardingWithoutATrustedProxyIsRefusedAtStart() {
        Optional<String> refusal = ProxyForwarding.refusal(true, Optional.empty());
        assertTrue(refusal.orElseThrow().contains("PRISONWATCH_TRUSTED_PROXIES"), refusal.get());
        assertTrue(ProxyForwarding.refusal(true, Optional.of(" ")).isPresent());
        assertTrue(ProxyForwarding.refusal(true, Optional.of("127.0.0.1")).isEmpty());
        assertTrue(ProxyForwarding.refusal(false, Optional.empty()).isEmpty());
    }
}
