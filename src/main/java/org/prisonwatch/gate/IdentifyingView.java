package org.prisonwatch.gate;

import java.util.UUID;

/**
 * A response type that can carry identifying data. Only a renderer called by the gate may build one (the
 * architecture test holds every class to that); the gate audits each one it lets out that does carry such data.
 */
public interface IdentifyingView {

    UUID id();

    Integer version();

    /** Whether this response carries identifying data, and so must leave a trace in the audit log. */
    boolean identifies();

    /** The identifying field it carries. */
    IdentifyingField identifyingField();
}
