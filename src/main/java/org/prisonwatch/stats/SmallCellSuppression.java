package org.prisonwatch.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Withholds the cells of a public statistic that rest on fewer than k records, and enough others that none of them
 * can be worked out by subtraction.
 *
 * <p>What a caller can subtract: every table an anonymous or partner caller may ask for has one grouping
 * dimension, and its cells add up to the grand total (a request without grouping). Two dimensions are nested:
 * months add up to years and prisons to states and regions, so a year's cell is also the total of its months. The
 * cells are therefore protected along every such line: the whole table (against the grand total), the children of
 * each parent (against the parent's cell), and the parents' table. In every line, suppressed cells are either none
 * or at least two, so a subtraction yields at best a sum over several withheld cells; and that sum is at least
 * k + m - 1 records for m withheld cells. A withheld row still shows that its group has at least one record, so a
 * smaller sum would bound every one of them below k (five withheld cells on five records hold one each). A withheld parent keeps at least two withheld children (or its only
 * one), or else its visible children would add up to it and give it away.
 *
 * <p>Where a line needs one more withheld cell, the smallest visible one is taken (fewest records, then the
 * table's order), so that the same data always gives the same pattern, whichever request shows it.
 */
final class SmallCellSuppression {

    private static final Comparator<Tally> SMALLEST_FIRST = Comparator.comparingLong(t -> t.records);

    private final int k;

    /** Whether a line against the grand total could not be covered: the total would give its cells away. */
    private boolean totalExposes;

    SmallCellSuppression(int k) {
        this.k = k;
    }

    /**
     * Whether the grand total must be withheld for the tables protected here: some line against it has every
     * cell withheld and still too few records (seven groups of one record under a total of seven).
     */
    boolean totalExposes() {
        return totalExposes;
    }

    /** A table with no parent dimension: one line, against the grand total. */
    void protect(List<Tally> cells) {
        primary(cells);
        while (protectLine(cells)) {
            // each pass may withhold a cell that another line must now cover
        }
        totalExposes |= uncovered(cells);
    }

    /**
     * A table whose cells nest in parents (months in years, prisons in states): marks the children, builds and
     * marks the parents, and returns the parents in the order their first child appears.
     */
    <P> Map<P, Tally> protectNested(List<Tally> children, Function<Tally, P> parentOf,
            Function<P, List<Object>> parentKeys) {
        Map<P, List<Tally>> families = new LinkedHashMap<>();
        for (Tally child : children) {
            families.computeIfAbsent(parentOf.apply(child), p -> new ArrayList<>()).add(child);
        }
        Map<P, Tally> parents = new LinkedHashMap<>();
        families.forEach((parent, family) -> parents.put(parent, Tally.sum(parentKeys.apply(parent), family)));
        primary(children);
        primary(parents.values());
        List<Tally> parentLine = new ArrayList<>(parents.values());
        boolean changed = true;
        while (changed) {
            changed = protectLine(parentLine);
            for (Map.Entry<P, List<Tally>> family : families.entrySet()) {
                List<Tally> line = family.getValue();
                Tally parent = parents.get(family.getKey());
                if (parent.suppressed) {
                    changed |= withholdAtLeast(line, Math.min(2, line.size()));
                }
                changed |= protectLine(line);
                if (!parent.suppressed && uncovered(line)) {
                    // its children cannot cover each other: the parent, their total, is withheld instead
                    parent.suppressed = true;
                    changed = true;
                }
            }
            changed |= protectLine(children);
        }
        totalExposes |= uncovered(parentLine) || uncovered(children);
        return parents;
    }

    /**
     * Whether a line has withheld cells that its total would still give away: all of them withheld, and only one
     * of them, or too few records between them (m withheld cells each hold at least one record, so under k + m - 1
     * records every one of them is provably under k).
     */
    private boolean uncovered(List<Tally> line) {
        long withheld = 0;
        long records = 0;
        for (Tally cell : line) {
            if (!cell.suppressed) {
                return false;
            }
            withheld++;
            records += cell.records;
        }
        // a single withheld cell is its line's total, whatever it holds
        return withheld > 0 && (withheld == 1 || records < k + withheld - 1);
    }

    private void primary(Iterable<Tally> cells) {
        for (Tally cell : cells) {
            // an empty total identifies no one; a grouped cell always rests on at least one record
            cell.suppressed = cell.records > 0 && cell.records < k;
        }
    }

    /**
     * Withholds the smallest visible cells until the line's withheld ones are none, or m of two or more resting
     * together on at least k + m - 1 records, so that any one of them could still hold k.
     */
    private boolean protectLine(List<Tally> line) {
        boolean changed = false;
        while (true) {
            long withheld = 0;
            long withheldRecords = 0;
            for (Tally cell : line) {
                if (cell.suppressed) {
                    withheld++;
                    withheldRecords += cell.records;
                }
            }
            if (withheld == 0 || (withheld >= 2 && withheldRecords >= k + withheld - 1) || !withholdSmallest(line)) {
                return changed;
            }
            changed = true;
        }
    }

    private boolean withholdAtLeast(List<Tally> line, int count) {
        boolean changed = false;
        while (line.stream().filter(cell -> cell.suppressed).count() < count && withholdSmallest(line)) {
            changed = true;
        }
        return changed;
    }

    private static boolean withholdSmallest(List<Tally> line) {
        return line.stream().filter(cell -> !cell.suppressed).min(SMALLEST_FIRST).map(cell -> {
            cell.suppressed = true;
            return true;
        }).orElse(false);
    }
}
