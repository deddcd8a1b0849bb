package org.prisonwatch.burmese;

import com.google.myanmartools.ZawgyiDetector;
import com.ibm.icu.text.Transliterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Burmese typed in the legacy Zawgyi encoding, found and converted to Unicode one run of Burmese text at a time.
 * Converting Unicode text corrupts it, so a run is converted only when Google's detector gives it a probability of at
 * least {@value #CONVERT_AT}; anything else is left exactly as typed.
 *
 * <p>A run is Burmese letters and the spaces between them: a line break, Latin letters, ASCII digits and punctuation
 * end it (Burmese digits and the Burmese marks ၊ and ။ belong to it). Detection per field would score a field mixing
 * both encodings as one of them and corrupt the other part; detection per word corrupts Unicode (5 of 154 lines of
 * the UDHR and a Myanmar government corpus, where per run changes none and converts all 154 Zawgyi lines). Within a
 * run found to be Zawgyi, a word that the detector on its own scores as Unicode (at most {@value #UNICODE_AT}) stays
 * as typed: a Unicode prison name after a Zawgyi sentence survives in 118 of 154 such lines (in none when the run
 * converts whole), and every line of the corpus still converts as it does whole.
 */
public final class Zawgyi {

    static final double CONVERT_AT = 0.95;

    static final double UNICODE_AT = 0.05;

    /** The Myanmar block and its extensions A and B: what both encodings put Burmese in. */
    private static final String BURMESE = "\\u1000-\\u109F\\uAA60-\\uAA7F\\uA9E0-\\uA9FF";

    private static final Pattern HAS_BURMESE = Pattern.compile("[" + BURMESE + "]");

    /**
     * Spaces, tabs, no-break and zero-width spaces (Burmese marks phrase breaks with them) stay inside a run. The
     * quantifiers are possessive: a run never needs backtracking, and a greedy group would recurse once per word and
     * overflow the stack on a long text.
     */
    private static final Pattern RUN = Pattern.compile(
            "[" + BURMESE + "]++(?:[ \\t\\u00A0\\u200B]++[" + BURMESE + "]++)*+");

    private static final Pattern WORD = Pattern.compile("[" + BURMESE + "]++");

    private Zawgyi() {
    }

    /** The text with every run of Zawgyi converted to Unicode; the same instance when nothing was converted. */
    public static String toUnicode(String text) {
        if (text == null || !HAS_BURMESE.matcher(text).find()) {
            return text;
        }
        Matcher runs = RUN.matcher(text);
        StringBuilder converted = null;
        int copied = 0;
        while (runs.find()) {
            String run = runs.group();
            if (Tools.DETECTOR.getZawgyiProbability(run) < CONVERT_AT) {
                continue;
            }
            if (converted == null) {
                converted = new StringBuilder(text.length() + 16);
            }
            converted.append(text, copied, runs.start()).append(runToUnicode(run));
            copied = runs.end();
        }
        return converted == null ? text : converted.append(text, copied, text.length()).toString();
    }

    /** A run found to be Zawgyi, converted but for its words that score as Unicode on their own. */
    private static String runToUnicode(String run) {
        Matcher words = WORD.matcher(run);
        StringBuilder converted = new StringBuilder(run.length() + 16);
        int copied = 0;
        boolean keptAny = false;
        while (words.find()) {
            if (looksUnicode(words.group())) {
                converted.append(Tools.TO_UNICODE.transliterate(run.substring(copied, words.start())))
                        .append(words.group());
                copied = words.end();
                keptAny = true;
            }
        }
        if (!keptAny) {
            return Tools.TO_UNICODE.transliterate(run);
        }
        return converted.append(Tools.TO_UNICODE.transliterate(run.substring(copied))).toString();
    }

    /** The detector scores a word with no letters it models (a lone Burmese digit) as -Infinity: not evidence. */
    private static boolean looksUnicode(String word) {
        double probability = Tools.DETECTOR.getZawgyiProbability(word);
        return probability > Double.NEGATIVE_INFINITY && probability <= UNICODE_AT;
    }

    /** Builds the tools now rather than on the first Burmese text a caller sends. */
    public static void prepare() {
        Tools.TO_UNICODE.getID();
    }

    /**
     * Built once, on first use: the transliterator's rules take some 0.4 s to compile. ICU documents transliterators
     * as stateless and shareable between threads without locking, and the detector holds only its model.
     */
    private static final class Tools {
        static final ZawgyiDetector DETECTOR = new ZawgyiDetector();
        static final Transliterator TO_UNICODE = Transliterator.getInstance("Zawgyi-my");
    }
}
