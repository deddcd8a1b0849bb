package org.prisonwatch.api;

import java.util.Arrays;
import java.util.List;

/**
 * Optimistic concurrency over HTTP: the ETag of a record is its quoted version, and every write must name the
 * version it was based on in If-Match.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The entity tags an If-Match or If-None-Match lists (ours never hold a comma), or *. */
    static List<String> tags(String header) {
        return Arrays.stream(header.split(",")).map(String::strip).toList();
    }

    public static boolean isAbsent(String header) {
        return header == null || header.isBlank();
    }

    /** Passes when the header names the current version (or is *); 428 when absent, 412 when stale. */
    public static void require(String header, int currentVersion) {
        if (isAbsent(header)) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "This write needs an If-Match header with the record's current ETag, e.g. If-Match: \"3\"");
        }
        String current = etag(currentVersion);
        for (String tag : tags(header)) {
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match " + header.strip() + " does not match the current ETag " + current
                        + ": the record changed since you read it");
    }
}
