package org.prisonwatch.api;

/** The outcome of a write by reference: the record, whether this write created it, and whether it changed it. */
public record Upserted<V>(boolean created, boolean changed, V record) {

    /** How every PUT …/by-ref/{externalRef} operation behaves, for its OpenAPI description. */
    public static final String RULES = "For partner systems that keep their own ids. Creates your record with this "
            + "externalRef (201) or replaces it (200); the reference is scoped to your API key. If-Match is optional on "
            + "create and required to change an existing record; sending the stored state again needs none (and "
            + "succeeds whatever If-Match it carries), so a retry is safe. The body's externalRef may be left out. 409 "
            + "when an administrator deleted your record with this reference.";
}
