package org.prisonwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rates a scenario went through while warming up, and whether it has settled: two slices in a row that each
 * fail to beat the best slice before them by more than 5 %. Compared with the best, not with the slice before: a
 * page of 50 climbed 3,661 &gt; 3,818 (within 10 % of each other) and then on to 10,305 over the next 30 s.
 */
final class WarmUp {

    /** One slice of warm-up, given its index: its rate. */
    interface Slice {
        double run(int index) throws Exception;
    }

    private final List<String> rates = new ArrayList<>();
    private double best = Double.NaN;
    private int notBeaten;

    /** Runs slices until the scenario settles, at most {@code max} of them. */
    static WarmUp until(int max, Slice slice) throws Exception {
        WarmUp warmUp = new WarmUp();
        for (int i = 0; i < max; i++) {
            if (warmUp.settledAfter(slice.run(i))) {
                break;
            }
        }
        return warmUp;
    }

    /** Records one slice's rate; true once the scenario has settled. */
    private boolean settledAfter(double rate) {
        rates.add(String.format(Locale.ROOT, "%,.0f", rate));
        notBeaten = rate <= 1.05 * best ? notBeaten + 1 : 0;
        best = Double.isNaN(best) ? rate : Math.max(best, rate);
        return notBeaten == 2;
    }

    int slices() {
        return rates.size();
    }

    @Override
    public String toString() {
        return String.join(" > ", rates);
    }
}
