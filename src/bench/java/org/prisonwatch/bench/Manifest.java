package org.prisonwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** What the scenarios need to know about the generated data: ids to read, incidents still at version 1 to edit. */
final class Manifest {

    private static final int SAMPLE = 20_000;
    private static final int POOL = 60_000;

    private final SplittableRandom random = new SplittableRandom(7);
    final List<UUID> incidentSample = new ArrayList<>();
    final List<UUID> untouchedIncidents = new ArrayList<>();
    private long incidentsSeen;
    long deletedCasualties;

    void incident(Generated incident) {
        // reservoir sample: every incident equally likely to be read
        incidentsSeen++;
        if (incidentSample.size() < SAMPLE) {
            incidentSample.add(incident.id);
        } else {
            long slot = random.nextLong(incidentsSeen);
            if (slot < SAMPLE) {
                incidentSample.set((int) slot, incident.id);
            }
        }
    }

    void finished(Generated record) {
        if (record.kind == Kind.INCIDENT && record.version == 1 && untouchedIncidents.size() < POOL) {
            untouchedIncidents.add(record.id);
        }
    }

    void deleted(Generated casualty) {
        deletedCasualties++;
    }
}
