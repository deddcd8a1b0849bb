package org.prisonwatch.stats;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection that statistics are taken over, in JPQL: which rows (with the records they reach through, each of
 * which the caller must be allowed to see too), the count that is summed, the date that places a record in a month,
 * and the expression behind each dimension.
 *
 * @param name the path segment under /stats
 * @param from the JPQL from-clause; {@code e} is the counted record, {@code p} its prison (left-joined)
 * @param seenThrough aliases of the records that must be visible to the caller and not deleted
 * @param count the embedded count whose bounds are summed
 * @param date the date that places a record in a month and that {@code from}/{@code to} select on
 * @param dimensions each dimension this collection has, with its expression
 */
record Subject(String name, String from, List<String> seenThrough, String count, String date,
        Map<Dimension, String> dimensions) {

    static final Subject CASUALTIES = new Subject("casualties",
            "Casualty e join Incident i on i.id = e.incidentId left join Prison p on p.id = i.prisonId",
            List.of("e", "i"), "e.count", "coalesce(e.occurredOn, i.occurredFrom)", dimensions(
                    "i.prisonId", "i.type", "e.outcome", "e.group"));

    static final Subject INCIDENTS = new Subject("incidents",
            "Incident e left join Prison p on p.id = e.prisonId",
            List.of("e"), "e.peopleAffected", "e.occurredFrom", dimensions("e.prisonId", "e.type", null, null));

    static final Subject ARMED_INMATES = new Subject("armed-inmates",
            "ArmedInmateReport e left join Prison p on p.id = e.prisonId",
            List.of("e"), "e.inmatesArmed", "coalesce(e.periodFrom, e.reportedOn)",
            dimensions("e.prisonId", null, null, null));

    Set<Dimension> available() {
        return dimensions.keySet();
    }

    private static Map<Dimension, String> dimensions(String prison, String type, String outcome, String group) {
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        dimensions.put(Dimension.PRISON, prison);
        dimensions.put(Dimension.STATE_REGION, "p.stateRegion");
        dimensions.put(Dimension.MONTH, "month");
        dimensions.put(Dimension.YEAR, "year");
        if (type != null) {
            dimensions.put(Dimension.TYPE, type);
        }
        if (outcome != null) {
            dimensions.put(Dimension.OUTCOME, outcome);
            dimensions.put(Dimension.GROUP, group);
        }
        dimensions.put(Dimension.VERIFICATION_STATUS, "e.verificationStatus");
        return dimensions;
    }
}
