package org.prisonwatch.armedinmate;

/** What inmates were offered, or threatened with, to fight. */
public enum Inducement {
    SENTENCE_REDUCTION,
    RANK_REINSTATEMENT,
    AMNESTY,
    PAYMENT,
    THREAT,
    NONE_REPORTED
}
