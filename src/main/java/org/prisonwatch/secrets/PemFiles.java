package org.prisonwatch.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Keys kept as PEM text (RFC 7468), which openssl reads and writes, so that a deployer can make or check them. */
public final class PemFiles {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemFiles() {
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * The DER of the PKCS#8 private key in the file.
     *
     * @param howToMake the openssl command that makes a good one, for the message when the file holds none
     */
    public static byte[] privateKeyDer(Path file, String howToMake) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key " + file, e);
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " holds no PKCS#8 PEM private key (" + BEGIN + "); make one "
                    + "with: " + howToMake);
        }
        try {
            return Base64.getDecoder().decode(text.substring(begin + BEGIN.length(), end).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " holds a PEM block that is not base64; make one with: "
                    + howToMake, e);
        }
    }
}
