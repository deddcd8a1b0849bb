package org.prisonwatch.incident;

/** What kind of event an incident is. */
public enum IncidentType {
    FORCED_RECRUITMENT,
    ARMING_OF_INMATES,
    COMBAT_DEPLOYMENT,
    COMBAT_CASUALTIES,
    PRISON_ATTACK,
    AMNESTY_RELEASE,
    SENTENCE_REDUCTION_OFFER,
    RANK_REINSTATEMENT,
    TRANSFER,
    OTHER
}
