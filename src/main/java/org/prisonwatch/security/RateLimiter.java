package org.prisonwatch.security;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts requests per caller in fixed one-minute windows, in memory, so that deciding a request takes neither a
 * worker thread nor the database. {@link RateLimitSync} shares the counts with the other instances in the
 * background. Each caller has one entry, for its current window: a past window is never read again, so an entry
 * is replaced when its caller comes back in a later minute, and dropped by the sync if it does not.
 */
@Singleton
public class RateLimiter {

    /** What {@link #hit} answers for an address it has no room to track: more than any budget. */
    static final int UNTRACKED = Integer.MAX_VALUE;

    private final ConcurrentHashMap<String, CallerWindow> windows = new ConcurrentHashMap<>();
    private final AtomicInteger trackedAddresses = new AtomicInteger();

    /**
     * Client addresses cost nothing to make up (an IPv6 /64, spoofed forwarding headers), keys do: only address
     * entries are capped, so a flood of addresses can neither exhaust memory nor push out the count of a key.
     */
    @ConfigProperty(name = "prisonwatch.rate-limit.max-tracked-addresses")
    int maxTrackedAddresses;

    /**
     * Counts this request; returns the caller's hits in the current window, including it, as this instance knows
     * them (its own exactly, other instances' as of the last sync). A new address while {@code
     * maxTrackedAddresses} are tracked is not counted and gets {@link #UNTRACKED}: refusing it is the price of
     * bounded memory, and a request with a valid key never pays it.
     */
    public int hit(String caller, boolean byAddress, Instant now) {
        long minute = now.getEpochSecond() / 60;
        CallerWindow window = windows.get(caller);
        if (window == null || window.minute < minute) {
            window = windows.compute(caller, (name, old) -> {
                if (old != null && old.minute >= minute) {
                    return old;
                }
                if (old == null && byAddress && trackedAddresses.incrementAndGet() > maxTrackedAddresses) {
                    trackedAddresses.decrementAndGet();
                    return null;
                }
                return new CallerWindow(name, minute, byAddress);
            });
            if (window == null) {
                return UNTRACKED;
            }
        }
        return window.hit();
    }

    /**
     * Every tracked window, for the sync; those before {@code currentMinute} are taken out of the table first, so
     * memory holds one window per caller that called this minute or the last.
     */
    List<CallerWindow> forSync(long currentMinute) {
        List<CallerWindow> all = new ArrayList<>(windows.values());
        for (CallerWindow window : all) {
            if (window.minute < currentMinute && windows.remove(window.caller, window) && window.byAddress) {
                trackedAddresses.decrementAndGet();
            }
        }
        return all;
    }

    /** Forgets every count: for tests, which start each scenario from a clean slate. */
    void clear() {
        windows.clear();
        trackedAddresses.set(0);
    }
}
