package org.prisonwatch.access;

/** What an API key may do. Anonymous callers have no key and no role. */
public enum Role {
    /** Submits records; sees PUBLIC records and their own submissions; cannot verify or delete. */
    REPORTER,
    /** Reads and edits everything, verifies. */
    ANALYST,
    /** Syncs PUBLIC and RESTRICTED records; never CONFIDENTIAL ones, never identifying fields. */
    PARTNER,
    /** Everything an analyst may do, plus keys, deletion and the audit log. */
    ADMIN;

    /** Role names as annotation constants, for @RolesAllowed. */
    public static final class Names {
        public static final String REPORTER = "REPORTER";
        public static final String ANALYST = "ANALYST";
        public static final String PARTNER = "PARTNER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
