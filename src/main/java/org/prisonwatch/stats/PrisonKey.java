package org.prisonwatch.stats;

import java.util.UUID;

/** A prison as a group key: its id, with its name and state or region for the reader. */
record PrisonKey(UUID id, String name, String stateRegion) implements Comparable<PrisonKey> {

    @Override
    public int compareTo(PrisonKey other) {
        int byName = String.valueOf(name).compareTo(String.valueOf(other.name));
        return byName != 0 ? byName : id.compareTo(other.id);
    }
}
