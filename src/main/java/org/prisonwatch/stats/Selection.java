package org.prisonwatch.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.prisonwatch.burmese.Zawgyi;
import org.prisonwatch.caserecord.VerificationStatus;

/**
 * What a statistic is restricted to: a value for some dimensions, a date range and whether only verified records
 * count. For staff it becomes the query's where-clause; for callers whose figures are protected it only picks rows
 * of the protected table, so that it can never change which cells are withheld.
 */
record Selection(Map<Dimension, Object> values, LocalDate from, LocalDate to, boolean verifiedOnly) {

    static Selection of(StatsParams params, Map<Dimension, Object> own) {
        Map<Dimension, Object> values = new EnumMap<>(Dimension.class);
        put(values, Dimension.PRISON, params.prisonId);
        put(values, Dimension.STATE_REGION, params.stateRegion);
        put(values, Dimension.VERIFICATION_STATUS, params.verificationStatus);
        own.forEach((dimension, value) -> put(values, dimension, value));
        return new Selection(values, params.from, params.to, Boolean.TRUE.equals(params.verifiedOnly));
    }

    /** Text as it is stored: Burmese typed in Zawgyi converted, as for the lists' filters. */
    private static void put(Map<Dimension, Object> values, Dimension dimension, Object value) {
        if (value != null) {
            values.put(dimension, value instanceof String text ? Zawgyi.toUnicode(text) : value);
        }
    }

    /** Whether a row of a protected table, grouped by the given dimension, is one this selection asks for. */
    boolean picks(List<Dimension> groupBy, Tally row) {
        for (Map.Entry<Dimension, Object> selected : values.entrySet()) {
            if (!selected.getValue().equals(valueOf(selected.getKey(), groupBy, row))) {
                return false;
            }
        }
        if (verifiedOnly && valueOf(Dimension.VERIFICATION_STATUS, groupBy, row) != VerificationStatus.VERIFIED) {
            return false;
        }
        if (groupBy.contains(Dimension.MONTH)) {
            YearMonth month = (YearMonth) valueOf(Dimension.MONTH, groupBy, row);
            return (from == null || !month.isBefore(YearMonth.from(from)))
                    && (to == null || !month.isAfter(YearMonth.from(to)));
        }
        if (groupBy.contains(Dimension.YEAR)) {
            int year = (Integer) valueOf(Dimension.YEAR, groupBy, row);
            return (from == null || year >= from.getYear()) && (to == null || year <= to.getYear());
        }
        return true;
    }

    private static Object valueOf(Dimension dimension, List<Dimension> groupBy, Tally row) {
        int at = groupBy.indexOf(dimension);
        if (at < 0 && dimension == Dimension.STATE_REGION) {
            PrisonKey prison = (PrisonKey) row.keys.get(groupBy.indexOf(Dimension.PRISON));
            return prison == null ? null : prison.stateRegion();
        }
        Object key = row.keys.get(at);
        return key instanceof PrisonKey prison ? prison.id() : key;
    }

    /** The query parameter that selects on this dimension, for problems. */
    static String parameterOf(Dimension dimension) {
        return switch (dimension) {
            case PRISON -> "prisonId";
            case MONTH, YEAR -> "from";
            default -> dimension.wireName;
        };
    }
}
