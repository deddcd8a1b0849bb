package org.prisonwatch.gate;

/**
 * How much of a record a response may carry, as decided by the {@link RecordGate}: with identifying data (a
 * casualty's person, a source's contact, exact coordinates) or without. Only the gate makes one, so only the gate
 * can have a record rendered, and a renderer cannot choose for itself.
 */
public final class Disclosure {

    static final Disclosure IDENTIFYING = new Disclosure(true);
    static final Disclosure REDACTED = new Disclosure(false);

    private final boolean identifying;

    private Disclosure(boolean identifying) {
        this.identifying = identifying;
    }

    /** Whether the response may carry identifying data. */
    public boolean identifying() {
        return identifying;
    }
}
