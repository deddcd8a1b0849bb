package org.prisonwatch.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small budgets, no background sync of counts or flush of last uses (tests run them when they choose), a short key
 * cache, and a small cap on tracked addresses, which tests reach with X-Forwarded-For
 * (from the loopback address, a trusted proxy here). One profile for every test
 * class that needs any of these: each profile costs an application start.
 */
public class SmallBudgetsManualSync implements QuarkusTestProfile {

    static final int ANONYMOUS_BUDGET = 5;
    static final int MAX_TRACKED_ADDRESSES = 4;
    static final long KEY_CACHE_TTL_MILLIS = 2000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("prisonwatch.rate-limit.anonymous", String.valueOf(ANONYMOUS_BUDGET),
                "prisonwatch.rate-limit.per-key", "1000",
                "prisonwatch.rate-limit.failed-keys", "3",
                "prisonwatch.rate-limit.sync-every", "off",
                "prisonwatch.key-cache.last-used-flush-every", "off",
                // the linker's first run an hour after start, never during these tests: its queries would land in
                // FailedKeyBudgetTest's statement counts (pausing does not stop a run already triggered); reads of
                // people are linked when the audit log is read all the same
                "prisonwatch.audit.link-every", "1h",
                "prisonwatch.rate-limit.max-tracked-addresses", String.valueOf(MAX_TRACKED_ADDRESSES),
                "prisonwatch.key-cache.ttl", KEY_CACHE_TTL_MILLIS + "ms",
                "PRISONWATCH_PROXY_FORWARDING", "true",
                // the test client is the proxy: it connects from the loopback address
                "PRISONWATCH_TRUSTED_PROXIES", "127.0.0.0/8,::1/128");
    }
}
