package org.prisonwatch.caserecord;

import java.util.Collection;

/**
 * Element collections are replaced in place: Hibernate tracks the collection instance it loaded, so assigning a
 * new one would orphan it.
 */
public final class ElementCollections {

    private ElementCollections() {
    }

    public static <T> void replace(Collection<T> stored, Collection<? extends T> given) {
        stored.clear();
        stored.addAll(given);
    }
}
