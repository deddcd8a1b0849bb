package org.prisonwatch.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an NDJSON body, read one at a time so that a body of any size is held a line at a time. A line
 * longer than the limit is skipped to its end, not held; a line that is not UTF-8 is reported as such.
 */
final class NdjsonLines {

    /** A line as read: its text (empty when too long or not UTF-8), counted from 1. */
    record Line(long number, String text, boolean tooLong, boolean notUtf8) {
    }

    private final InputStream in;
    private final long limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final byte[] read = new byte[8192];
    private int position;
    private int filled;
    private long number;

    NdjsonLines(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        buffer.reset();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == filled) {
                filled = in.read(read);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    return any ? line(tooLong) : null;
                }
            }
            any = true;
            int start = position;
            while (position < filled && read[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                buffer.write(read, start, position - start);
                tooLong = buffer.size() > limit;
                if (tooLong) {
                    buffer.reset();
                }
            }
            if (position < filled) {
                position++; // the newline
                return line(tooLong);
            }
        }
    }

    private Line line(boolean tooLong) {
        number++;
        if (tooLong) {
            return new Line(number, "", true, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buffer.toByteArray()))
                    .toString();
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte order mark some editors put first
            }
            return new Line(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, false, false);
        } catch (CharacterCodingException e) {
            return new Line(number, "", false, true);
        }
    }
}
