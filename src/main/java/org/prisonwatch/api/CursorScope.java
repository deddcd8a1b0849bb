package org.prisonwatch.api;

/**
 * The type of a cursor: what it continues (one list in one order, the audit log, one record's history, the change
 * feed) and the query parameter it comes back in. A cursor opens only for the scope it was issued for, so one
 * handed to another list is refused with a problem naming that parameter.
 *
 * @param name      what the cursor continues, e.g. {@code Incident:-occurredFrom}; never sent to clients
 * @param parameter the query parameter a client passes the cursor in: {@code cursor}, or {@code after} for the feed
 */
public record CursorScope(String name, String parameter) {

    public CursorScope {
        if (name == null || name.isEmpty() || parameter == null || parameter.isEmpty()) {
            throw new IllegalArgumentException("a cursor scope needs a name and a parameter");
        }
    }
}
