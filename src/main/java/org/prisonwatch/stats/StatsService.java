package org.prisonwatch.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Callers;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.caserecord.VerificationStatus;

/**
 * Counts summed by group in the database, over the records the caller may see (the lists' own visibility rule).
 * For anonymous and partner callers the figures are protected: one grouping dimension at most, filters only on
 * that dimension, dates snapped to its periods, and small cells withheld ({@link SmallCellSuppression}) on the
 * whole table before any filter picks rows from it, so that no two requests differ by anything but whole cells.
 *
 * <p>Those whole tables are kept per instance for {@code prisonwatch.stats.cache-ttl} (each costs a GROUP BY over
 * every visible record, seconds at a million), per audience: the anonymous one, and each partner's own, whose
 * CONFIDENTIAL submissions it counts. Public figures are therefore up to that long behind the records; they carry
 * no identifying data, and their withholding is decided on the table as kept.
 */
@ApplicationScoped
public class StatsService {

    static final int MAX_DIMENSIONS = 2;

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

    @ConfigProperty(name = "prisonwatch.stats.min-records")
    int minRecords;

    @ConfigProperty(name = "prisonwatch.stats.cache-ttl")
    Duration cacheTtl;

    private Cache<TableKey, Protected> protectedTables;

    /** A protected table as kept: which statistic, at which finer dimension (null: the total), for whom. */
    private record TableKey(Subject subject, Dimension finer, Audience audience) {
    }

    @PostConstruct
    void build() {
        protectedTables = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(cacheTtl).build();
    }

    public Statistics compute(Subject subject, StatsParams params, Map<Dimension, Object> ownFilters) {
        Audience audience = callers.audience();
        boolean protectedFigures = audience.role() == null || audience.is(Role.PARTNER);
        List<Dimension> groupBy = groupBy(subject, params.groupBy, protectedFigures);
        Selection selection = Selection.of(params, ownFilters);
        refuseOutOfRange("from", selection.from());
        refuseOutOfRange("to", selection.to());
        if (selection.from() != null && selection.to() != null && selection.from().isAfter(selection.to())) {
            throw ProblemException.invalidParameter("from", "is after to");
        }
        List<String> names = groupBy.stream().map(d -> d.wireName).toList();
        if (!protectedFigures) {
            List<StatsRow> rows = sorted(tallies(subject, groupBy, audience, selection)).stream()
                    .map(tally -> row(groupBy, tally)).toList();
            return new Statistics(subject.name(), names, selection.from(), selection.to(), selection.verifiedOnly(),
                    new Statistics.Suppression(false, null), rows);
        }
        selection = snapped(groupBy, selection);
        List<Tally> table = protectedTable(subject, groupBy, audience);
        Selection chosen = selection;
        List<StatsRow> rows = table.stream().filter(tally -> chosen.picks(groupBy, tally))
                .map(tally -> tally.suppressed ? StatsRow.withheld(keys(groupBy, tally)) : row(groupBy, tally))
                .toList();
        return new Statistics(subject.name(), names, selection.from(), selection.to(), selection.verifiedOnly(),
                new Statistics.Suppression(true, minRecords), rows);
    }

    /** Dates far outside any record's are a mistake, and some would overflow a database's date type. */
    private static void refuseOutOfRange(String parameter, LocalDate date) {
        if (date != null && (date.getYear() < 1000 || date.getYear() > 9999)) {
            throw ProblemException.invalidParameter(parameter, "is outside the years 1000 to 9999");
        }
    }

    private List<Dimension> groupBy(Subject subject, String groupBy, boolean protectedFigures) {
        List<Dimension> dimensions = new ArrayList<>();
        if (groupBy == null || groupBy.isBlank()) {
            return dimensions;
        }
        for (String name : groupBy.split(",")) {
            Dimension dimension = Dimension.named(name.trim()).filter(subject.available()::contains)
                    .orElseThrow(() -> ProblemException.invalidParameter("groupBy", "has '" + name.trim()
                            + "', which " + subject.name() + " cannot be grouped by; one of " + subject.available()
                            .stream().map(d -> d.wireName).collect(Collectors.joining(", "))));
            if (dimensions.contains(dimension)) {
                throw ProblemException.invalidParameter("groupBy", "names '" + name.trim() + "' twice");
            }
            dimensions.add(dimension);
        }
        if (dimensions.contains(Dimension.MONTH) && dimensions.contains(Dimension.YEAR)) {
            throw ProblemException.invalidParameter("groupBy", "has both month and year; months already say the year");
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw ProblemException.invalidParameter("groupBy", "has more than " + MAX_DIMENSIONS + " dimensions");
        }
        if (protectedFigures && dimensions.size() > 1) {
            throw ProblemException.invalidParameter("groupBy", "has more than one dimension: anonymous and partner "
                    + "callers get figures grouped one way at a time, which keeps small groups from being worked out "
                    + "by subtraction");
        }
        return dimensions;
    }

    /** Protected figures take filters on their own dimension only, and whole periods of it. */
    private Selection snapped(List<Dimension> groupBy, Selection selection) {
        Dimension grouped = groupBy.isEmpty() ? null : groupBy.get(0);
        for (Dimension dimension : selection.values().keySet()) {
            boolean own = dimension == grouped
                    || (dimension == Dimension.STATE_REGION && grouped == Dimension.PRISON);
            if (!own) {
                throw onlyOwnDimension(Selection.parameterOf(dimension), dimension.wireName);
            }
        }
        if (selection.verifiedOnly() && grouped != Dimension.VERIFICATION_STATUS) {
            throw onlyOwnDimension("verifiedOnly", Dimension.VERIFICATION_STATUS.wireName);
        }
        if (selection.from() == null && selection.to() == null) {
            return selection;
        }
        if (grouped == null || !grouped.isTime()) {
            throw onlyOwnDimension(selection.from() != null ? "from" : "to", "month or year");
        }
        LocalDate from = selection.from();
        LocalDate to = selection.to();
        if (grouped == Dimension.MONTH) {
            from = from == null ? null : from.withDayOfMonth(1);
            to = to == null ? null : YearMonth.from(to).atEndOfMonth();
        } else {
            from = from == null ? null : from.withDayOfYear(1);
            to = to == null ? null : to.withMonth(12).withDayOfMonth(31);
        }
        return new Selection(selection.values(), from, to, selection.verifiedOnly());
    }

    private static ProblemException onlyOwnDimension(String parameter, String grouping) {
        return ProblemException.invalidParameter(parameter, "needs groupBy=" + grouping + " for anonymous and partner "
                + "callers: their figures are filtered only on the dimension they are grouped by, so that two "
                + "requests never differ by less than whole groups");
    }

    /**
     * The caller's audience's whole table at the finer dimension of the grouping, with the coarser one it nests in,
     * small cells withheld along every line a reader could subtract. Months and years (prisons and regions) come
     * from the same computation, kept together, so that the two tables a reader can hold against each other are
     * always of the same moment.
     */
    private List<Tally> protectedTable(Subject subject, List<Dimension> groupBy, Audience audience) {
        Dimension grouped = groupBy.isEmpty() ? null : groupBy.get(0);
        Dimension finer = grouped == null ? null : grouped.finer();
        Protected table = table(subject, finer, audience);
        return grouped != null && grouped != finer ? table.parents() : table.cells();
    }

    /** A kept table, or a new one (computed outside the cache's lock: a total needs the other tables). */
    private Protected table(Subject subject, Dimension finer, Audience audience) {
        if (cacheTtl.isZero()) {
            return protect(subject, finer, audience);
        }
        TableKey key = new TableKey(subject, finer, audience);
        Protected kept = protectedTables.getIfPresent(key);
        if (kept == null) {
            kept = protect(subject, finer, audience);
            protectedTables.put(key, kept);
        }
        return kept;
    }

    private Protected protect(Subject subject, Dimension finer, Audience audience) {
        SmallCellSuppression suppression = new SmallCellSuppression(minRecords);
        if (finer == null) {
            List<Tally> total = tallies(subject, List.of(), audience, null);
            suppression.protect(total);
            // the total is every table's margin: withheld when some table cannot cover its cells against it
            boolean exposes = subject.available().stream().filter(d -> d.finer() == d)
                    .anyMatch(d -> table(subject, d, audience).totalExposes());
            if (exposes) {
                total.forEach(cell -> cell.suppressed = true);
            }
            return new Protected(total, List.of(), false);
        }
        List<Tally> cells = sorted(tallies(subject, List.of(finer), audience, null));
        if (finer == Dimension.MONTH) {
            Map<Integer, Tally> years = suppression.protectNested(cells, t -> ((YearMonth) t.keys.get(0)).getYear(),
                    List::of);
            return new Protected(cells, sorted(new ArrayList<>(years.values())), suppression.totalExposes());
        }
        if (finer == Dimension.PRISON) {
            Map<String, Tally> regions = suppression.protectNested(cells, t -> t.keys.get(0) == null ? null
                    : ((PrisonKey) t.keys.get(0)).stateRegion(), region -> {
                        List<Object> keys = new ArrayList<>();
                        keys.add(region);
                        return keys;
                    });
            return new Protected(cells, sorted(new ArrayList<>(regions.values())), suppression.totalExposes());
        }
        suppression.protect(cells);
        return new Protected(cells, List.of(), suppression.totalExposes());
    }

    /**
     * A protected table and, where its groups nest in coarser ones, those; whether the grand total must be withheld
     * for it. Never changed once built.
     */
    private record Protected(List<Tally> cells, List<Tally> parents, boolean totalExposes) {

        Protected {
            cells = List.copyOf(cells);
            parents = List.copyOf(parents);
        }
    }

    /** One GROUP BY query; with a selection, its filters in the where-clause. */
    private List<Tally> tallies(Subject subject, List<Dimension> groupBy, Audience audience, Selection selection) {
        Filter filter = new Filter();
        for (String alias : subject.seenThrough()) {
            audience.restrict(filter, alias).always(alias + ".deletedAt is null");
        }
        if (selection != null) {
            selection.values().forEach((dimension, value) -> filter.when(value, "selected" + dimension.ordinal(),
                    expression(subject, dimension) + " = :selected" + dimension.ordinal()));
            if (selection.verifiedOnly()) {
                filter.when(VerificationStatus.VERIFIED, "verified", "e.verificationStatus = :verified");
            }
            filter.when(selection.from(), "from", subject.date() + " >= :from")
                    .when(selection.to(), "to", subject.date() + " <= :to");
        }
        List<String> columns = new ArrayList<>();
        for (Dimension dimension : groupBy) {
            columns.addAll(columns(subject, dimension));
        }
        String count = subject.count();
        String jpql = "select " + (columns.isEmpty() ? "" : String.join(", ", columns) + ", ") + "count(e), sum("
                + count + ".min), sum(" + count + ".best), sum(" + count + ".max), count(" + count + ".min), count("
                + count + ".best), count(" + count + ".max) from " + subject.from() + " where " + filter.where()
                + (columns.isEmpty() ? "" : " group by " + String.join(", ", columns));
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class);
        filter.parameters().forEach(query::setParameter);
        List<Tally> tallies = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            int at = 0;
            List<Object> keys = new ArrayList<>();
            for (Dimension dimension : groupBy) {
                switch (dimension) {
                    case PRISON -> {
                        UUID id = (UUID) row[at];
                        keys.add(id == null ? null : new PrisonKey(id, (String) row[at + 1], (String) row[at + 2]));
                        at += 3;
                    }
                    case MONTH -> {
                        keys.add(YearMonth.of(((Number) row[at]).intValue(), ((Number) row[at + 1]).intValue()));
                        at += 2;
                    }
                    case YEAR -> keys.add(((Number) row[at++]).intValue());
                    default -> keys.add(row[at++]);
                }
            }
            tallies.add(new Tally(keys, number(row[at]), number(row[at + 1]), number(row[at + 2]),
                    number(row[at + 3]), number(row[at + 4]), number(row[at + 5]), number(row[at + 6])));
        }
        return tallies;
    }

    private static List<String> columns(Subject subject, Dimension dimension) {
        return switch (dimension) {
            case PRISON -> List.of(expression(subject, dimension), "p.name", "p.stateRegion");
            case MONTH -> List.of("year(" + subject.date() + ")", "month(" + subject.date() + ")");
            case YEAR -> List.of("year(" + subject.date() + ")");
            default -> List.of(expression(subject, dimension));
        };
    }

    private static String expression(Subject subject, Dimension dimension) {
        return Objects.requireNonNull(subject.dimensions().get(dimension), dimension.wireName);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static StatsRow row(List<Dimension> groupBy, Tally tally) {
        return new StatsRow(keys(groupBy, tally), false, tally.records, tally.min, tally.best, tally.max,
                new Lacking(tally.records - tally.withMin, tally.records - tally.withBest,
                        tally.records - tally.withMax));
    }

    private static Map<String, Object> keys(List<Dimension> groupBy, Tally tally) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            Object key = tally.keys.get(i);
            switch (groupBy.get(i)) {
                case PRISON -> {
                    PrisonKey prison = (PrisonKey) key;
                    keys.put("prisonId", prison == null ? null : prison.id());
                    keys.put("prisonName", prison == null ? null : prison.name());
                    keys.put("stateRegion", prison == null ? null : prison.stateRegion());
                }
                case MONTH -> keys.put("month", key.toString());
                case YEAR -> keys.put("year", key);
                case STATE_REGION -> keys.put("stateRegion", key);
                default -> keys.put(groupBy.get(i).wireName, key == null ? null : ((Enum<?>) key).name());
            }
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Tally> sorted(List<Tally> tallies) {
        Comparator<Object> key = Comparator.nullsLast((a, b) -> ((Comparable) a).compareTo(b));
        tallies.sort((a, b) -> {
            for (int i = 0; i < a.keys.size(); i++) {
                int byKey = key.compare(a.keys.get(i), b.keys.get(i));
                if (byKey != 0) {
                    return byKey;
                }
            }
            return 0;
        });
        return tallies;
    }
}
