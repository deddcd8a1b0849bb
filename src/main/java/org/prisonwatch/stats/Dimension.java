package org.prisonwatch.stats;

import java.util.Arrays;
import java.util.Optional;

/** What a statistic can be grouped by, with the name it has in {@code groupBy}. */
enum Dimension {
    PRISON("prison"),
    STATE_REGION("stateRegion"),
    MONTH("month"),
    YEAR("year"),
    TYPE("type"),
    OUTCOME("outcome"),
    GROUP("group"),
    VERIFICATION_STATUS("verificationStatus");

    final String wireName;

    Dimension(String wireName) {
        this.wireName = wireName;
    }

    static Optional<Dimension> named(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }

    /** The finer dimension whose cells add up to this one's, which public tables are protected along. */
    Dimension finer() {
        return switch (this) {
            case YEAR -> MONTH;
            case STATE_REGION -> PRISON;
            default -> this;
        };
    }

    boolean isTime() {
        return this == MONTH || this == YEAR;
    }
}
