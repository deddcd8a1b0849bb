package org.prisonwatch.caserecord;

/**
 * The editable fields that a writer without identifying access (a partner) cannot read back: a casualty's person,
 * exact coordinates. A write from such a caller is judged on what it can read, and leaves what it cannot read as
 * stored, so neither its answer depends on a hidden value nor its replace, built from a redacted view, erases one.
 *
 * @param <I> the collection's input record
 */
public interface HiddenFields<I> {

    /** The sent input, with each field the caller could not read, and said nothing new about, as stored. */
    I keepingHidden(I sent, I stored);

    /** Whether the sender set a field it cannot read; it may, but only knowingly, with If-Match. */
    boolean setsHidden(I sent);

    static <I> HiddenFields<I> none() {
        return new HiddenFields<>() {
            @Override
            public I keepingHidden(I sent, I stored) {
                return sent;
            }

            @Override
            public boolean setsHidden(I sent) {
                return false;
            }
        };
    }
}
