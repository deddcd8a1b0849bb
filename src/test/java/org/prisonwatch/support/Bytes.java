package org.prisonwatch.support;

/** Byte searches, for tests that look for a value where it must not be (a cursor, a database file). */
public final class Bytes {

    private Bytes() {
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
