package org.prisonwatch.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.api.HttpLayerProblems;

/**
 * Per-caller request budgets, enforced in the HTTP layer so that every request counts, whatever its path, method
 * or outcome: an anonymous request by its client address before authentication; a request with a valid key by
 * the key's id as soon as it is identified, before routing; a request with a bad key by its client address, in a
 * budget of its own for failed key attempts (see {@link HttpLayerFailures}). That last budget can only ever turn a
 * 401 into a 429: a valid key is never refused because strangers behind the same carrier NAT, VPN or Tor exit
 * sent bad ones. Over budget is 429 with Retry-After and a problem document.
 */
@Singleton
public class RateLimits {

    /** Ahead of CORS and authentication (Quarkus runs a filter of priority p at route order -p). */
    static final int BEFORE_AUTHENTICATION = -SecurityHandlerPriorities.CORS - 100;
    /** After authentication has set the caller's identity, before authorization and routing. */
    static final int AFTER_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION + 10;

    /** Set on a request whose key was counted before its lookup: whether it was within the budget. */
    private static final String FAILED_KEY_COUNTED = "prisonwatch.failed-key-counted";

    /** The budget of failed key attempts per client address, by its name in the RateLimit headers. */
    private static final String FAILED_KEYS = "failed-keys";

    @Inject
    RateLimiter limiter;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "prisonwatch.rate-limit.per-key")
    int perKey;

    @ConfigProperty(name = "prisonwatch.rate-limit.anonymous")
    int perAnonymousAddress;

    @ConfigProperty(name = "prisonwatch.rate-limit.failed-keys")
    int failedKeysPerAddress;

    void register(@Observes Router router) {
        router.route().order(BEFORE_AUTHENTICATION).handler(this::countAnonymous);
        router.route().order(AFTER_AUTHENTICATION).handler(this::countKey);
    }

    private void countAnonymous(RoutingContext event) {
        if (event.request().getHeader("Authorization") != null) {
            event.next();
            return;
        }
        count(event, "address:" + ClientAddress.of(event), true, "anonymous", perAnonymousAddress, over ->
                HttpLayerProblems.tooManyRequests(event, over, "This client address's"));
    }

    private void countKey(RoutingContext event) {
        if (!(event.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            event.next();
            return;
        }
        count(event, "key:" + user.getSecurityIdentity().getPrincipal().getName(), false, "key", perKey, over ->
                HttpLayerProblems.tooManyRequests(event, over, "This API key's"));
    }

    /**
     * Counts, before it is looked up, a key this instance has not seen active, against its client address's budget
     * for failed key attempts (so that concurrent guesses cannot all slip in under it); false once that budget is
     * spent: the key is then refused without a lookup. A valid key spends a unit here only the first time this
     * instance sees it (keys active at start and keys issued here are seen already).
     */
    boolean spendFailedKeyAttempt(RoutingContext event) {
        Instant now = Instant.now();
        int hits = limiter.hit(failedKeyCaller(event), true, now);
        boolean within = hits <= failedKeysPerAddress;
        event.put(FAILED_KEY_COUNTED, within);
        RateLimitHeaders.put(event, FAILED_KEYS, failedKeysPerAddress, hits, now);
        return within;
    }

    /**
     * Counts a failed key attempt from the request's client address (unless it was counted before its lookup);
     * refuses with 429 once the address has spent its budget for failed attempts, else hands over to the 401.
     */
    void countFailedKey(RoutingContext event, Runnable unauthenticated) {
        Boolean counted = event.get(FAILED_KEY_COUNTED);
        if (counted != null) {
            if (counted) {
                unauthenticated.run();
            } else {
                rejected(FAILED_KEYS);
                failedKeyBudgetSpent(event, RateLimitHeaders.secondsToReset(Instant.now()));
            }
            return;
        }
        count(event, failedKeyCaller(event), true, FAILED_KEYS, failedKeysPerAddress,
                over -> failedKeyBudgetSpent(event, over), unauthenticated);
    }

    /** Counted by budget only: which callers are refused is the business of the logs, not of the metrics. */
    private void rejected(String policy) {
        metrics.counter("prisonwatch.rate.limit.rejections", "budget", policy).increment();
    }

    private static String failedKeyCaller(RoutingContext event) {
        return "failed-key:" + ClientAddress.of(event);
    }

    private static void failedKeyBudgetSpent(RoutingContext event, long retryAfterSeconds) {
        HttpLayerProblems.tooManyRequests(event, retryAfterSeconds, "This client address's failed-key");
    }

    private void count(RoutingContext event, String caller, boolean byAddress, String policy, int budget,
            Consumer<Long> refuse) {
        count(event, caller, byAddress, policy, budget, refuse, event::next);
    }

    /**
     * Decided here, on the event loop, from the counts in memory: no worker thread, no database. The response
     * says which budget counted the request and what is left of it, whatever its outcome.
     */
    private void count(RoutingContext event, String caller, boolean byAddress, String policy, int budget,
            Consumer<Long> refuse, Runnable proceed) {
        Instant now = Instant.now();
        int hits = limiter.hit(caller, byAddress, now);
        RateLimitHeaders.put(event, policy, budget, hits, now);
        if (hits > budget) {
            rejected(policy);
            refuse.accept(RateLimitHeaders.secondsToReset(now));
        } else {
            proceed.run();
        }
    }
}
