package org.prisonwatch.security;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller's requests in one one-minute window, as this instance knows them: the hits it counted itself
 * (exact), of which some are not yet in the database, plus the hits other instances had counted at the last sync.
 */
final class CallerWindow {

    final String caller;
    /** Minutes since the epoch, UTC: the window's start. */
    final long minute;
    final boolean byAddress;

    private final AtomicInteger countedHere = new AtomicInteger();
    private final AtomicInteger unsynced = new AtomicInteger();
    /** Written by the sync only, read on the request path. */
    private volatile int countedElsewhere;
    /** Hits of this instance already added to the shared row: touched by the (one-at-a-time) sync only. */
    private int synced;

    CallerWindow(String caller, long minute, boolean byAddress) {
        this.caller = caller;
        this.minute = minute;
        this.byAddress = byAddress;
    }

    /** Counts one request; returns the caller's hits in this window as far as this instance knows, with it. */
    int hit() {
        unsynced.incrementAndGet();
        return countedHere.incrementAndGet() + countedElsewhere;
    }

    /** The hits counted since the last sync, handed to it; {@link #unsent} gives them back if it fails. */
    int takeUnsynced() {
        return unsynced.getAndSet(0);
    }

    void unsent(int hits) {
        unsynced.addAndGet(hits);
    }

    /**
     * After a sync wrote {@code sent} hits of ours to the shared row and read its total back: whatever in that
     * total is not ours was counted by other instances. Never below zero, should someone clear the table.
     */
    void synced(int sent, Integer sharedTotal) {
        synced += sent;
        if (sharedTotal != null) {
            countedElsewhere = Math.max(0, sharedTotal - synced);
        }
    }
}
