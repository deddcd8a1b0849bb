package org.prisonwatch.caserecord;

/** An input record that carries a partner's own id, unique per submitter and addressable with PUT by-ref. */
public interface ExternallyReferenced {

    String externalRef();
}
