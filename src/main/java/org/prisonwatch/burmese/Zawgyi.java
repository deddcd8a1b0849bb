package org.prisonwatch.burmese;

import com.google.myanmartools.ZawgyiDetector;
import com.ibm.icu.text.Transliterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Burmese typed in the legacy Zawgyi encoding, found and converted to Unicode one run of Burmese text at a time.
 * Converting Unicode text corrupts it, so a run is converted only when Google's detector gives it a probability of
 * at least {@value #CONVERT_AT}; anything else is left exactly as typed.
 *
 * <p>A run is Burmese letters and the spaces between them: a line break, Latin text, digits or punctuation ends it.
 * Detection per field would score a field mixing both encodings as one of them and corrupt the other part; detection
 * per word corrupts Unicode (5 of 154 lines of the UDHR and a Myanmar government corpus, where per run changes none
 * and converts all 154 Zawgyi lines). So two encodings meeting within one run of words is decided as a whole.
 */
public final class Zawgyi {

    static final double CONVERT_AT = 0.95;

    /** The Myanmar block and its extensions A and B: what both encodings put Burmese in. */
    private static final String BURMESE = "\\u1000-\\u109F\\uAA60-\\uAA7F\\uA9E0-\\uA9FF";

    private static final Pattern HAS_BURMESE = Pattern.compile("[" + BURMESE + "]");

    /** Spaces, tabs, no-break and zero-width spaces (Burmese marks phrase breaks with them) stay inside a run. */
    private static final Pattern RUN = Pattern.compile(
            "[" + BURMESE + "]+(?:[ \\t\\u00A0\\u200B]+[" + BURMESE + "]+)*");

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
            converted.append(text, copied, runs.start()).append(Tools.TO_UNICODE.transliterate(run));
            copied = runs.end();
        }
        return converted == null ? text : converted.append(text, copied, text.length()).toString();
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
