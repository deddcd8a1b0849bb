package org.prisonwatch.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value already written, as UTF-8 bytes, for a generator to copy as it is ({@code writeRawValue}). Only the
 * unquoted forms are ever used; the quoted ones are there because the interface asks for them.
 */
final class RawJson implements SerializableString {

    /** Generator features that change nothing in what is written: how its target is closed and flushed. */
    private static final int NOT_WRITTEN = JsonGenerator.Feature.AUTO_CLOSE_TARGET.getMask()
            | JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT.getMask()
            | JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM.getMask();

    private final byte[] utf8;
    private final int serializationFeatures;
    private final int generatorFeatures;

    /** JSON as written by a generator with these features, under a configuration with these. */
    RawJson(byte[] utf8, int serializationFeatures, int generatorFeatures) {
        this.utf8 = utf8;
        this.serializationFeatures = serializationFeatures;
        this.generatorFeatures = generatorFeatures;
    }

    /**
     * Whether serializing again into this generator would write exactly these bytes: a JSON text generator, as
     * configured as the one that wrote them, under the same features, no view and no custom escaping or indent.
     */
    boolean writtenAsInto(JsonGenerator out, SerializerProvider provider) {
        return out instanceof JsonGeneratorImpl && out.getPrettyPrinter() == null
                && out.getCharacterEscapes() == null && out.getHighestEscapedChar() == 0
                && (out.getFeatureMask() & ~NOT_WRITTEN) == (generatorFeatures & ~NOT_WRITTEN)
                && provider.getActiveView() == null
                && provider.getConfig().getSerializationFeatures() == serializationFeatures;
    }

    int length() {
        return utf8.length;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8.clone();
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return copy(utf8, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        // a char-based generator then writes getValue(): decoding here would only copy it twice
        return -1;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        return write(utf8, out);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(utf8, buffer);
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return copy(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        char[] quoted = asQuotedChars();
        if (offset + quoted.length > buffer.length) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, quoted.length);
        return quoted.length;
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return write(asQuotedUTF8(), out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(asQuotedUTF8(), buffer);
    }

    private static int write(byte[] bytes, OutputStream out) throws IOException {
        out.write(bytes);
        return bytes.length;
    }

    private static int put(byte[] bytes, ByteBuffer buffer) {
        if (buffer.remaining() < bytes.length) {
            return -1;
        }
        buffer.put(bytes);
        return bytes.length;
    }

    private static int copy(byte[] bytes, byte[] buffer, int offset) {
        if (offset + bytes.length > buffer.length) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }
}
