package org.prisonwatch.bench;

import java.util.SplittableRandom;
import java.util.UUID;

/** Time-ordered ids of the shape the service makes (UUIDv7: 48 bits of Unix milliseconds, version, variant). */
final class Ids {

    private Ids() {
    }

    static UUID v7(long epochMillis, SplittableRandom random) {
        long msb = (epochMillis << 16) | 0x7000L | random.nextInt(4096);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
