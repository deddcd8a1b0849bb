package org.prisonwatch.api;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the values of one sort key are written into a cursor's position. Numbers and ids have a fixed width: a
 * sealed cursor's length is its position's length, and a variable-width count would tell how large it is.
 */
public interface KeyCodec {

    void write(DataOutputStream out, Object value) throws IOException;

    Object read(DataInputStream in) throws IOException;

    /** Record ids: 16 bytes. */
    KeyCodec UUIDS = new KeyCodec() {
        @Override
        public void write(DataOutputStream out, Object value) throws IOException {
            UUID id = (UUID) value;
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }

        @Override
        public Object read(DataInputStream in) throws IOException {
            return new UUID(in.readLong(), in.readLong());
        }
    };

    /** Sequence numbers (long attributes): 8 bytes. */
    KeyCodec LONGS = new KeyCodec() {
        @Override
        public void write(DataOutputStream out, Object value) throws IOException {
            out.writeLong(((Number) value).longValue());
        }

        @Override
        public Object read(DataInputStream in) throws IOException {
            return in.readLong();
        }
    };

    /** Version numbers (int attributes): 4 bytes. */
    KeyCodec INTS = new KeyCodec() {
        @Override
        public void write(DataOutputStream out, Object value) throws IOException {
            out.writeInt(((Number) value).intValue());
        }

        @Override
        public Object read(DataInputStream in) throws IOException {
            return in.readInt();
        }
    };

    /**
     * Values written as their text (names, dates, instants) and read back with the given parser. Their length
     * follows the value, which is the caller's own last row.
     */
    static KeyCodec text(Function<String, Object> parse) {
        return new KeyCodec() {
            @Override
            public void write(DataOutputStream out, Object value) throws IOException {
                out.writeUTF(value.toString());
            }

            @Override
            public Object read(DataInputStream in) throws IOException {
                return parse.apply(in.readUTF());
            }
        };
    }
}
