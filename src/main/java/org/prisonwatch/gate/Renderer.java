package org.prisonwatch.gate;

/**
 * Turns a stored record into the response type for a disclosure. Each collection's mapper provides one; only the
 * gate calls it.
 */
@FunctionalInterface
public interface Renderer<E extends GatedRecord, V> {

    V render(E record, Disclosure disclosure);
}
