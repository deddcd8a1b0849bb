package org.prisonwatch.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The audit chain's head as the service signed it. Kept off the server, it lets an administrator prove later that
 * the chain still extends it: nothing was removed from, rewritten in or reordered within it.
 */
@Schema(name = "AuditCheckpoint", description = "The audit chain's head, signed with the service's Ed25519 "
        + "checkpoint key. The signature covers these UTF-8 bytes, each line ending in a line feed (\\n): "
        + "`prisonwatch-audit-checkpoint-v1`, `seq=<seq>`, `headHash=<headHash>`, `keyedFrom=<keyedFrom>`, "
        + "`signedAt=<signedAt>`. Send it back unchanged to POST /api/v1/audit/verify.")
public record AuditCheckpoint(
        @NotNull @Min(1) @Schema(required = true, description = "The head entry's position", examples = "1100")
        Long seq,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits")
        @Schema(required = true, description = "The head entry's hash", maxLength = 64,
                examples = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")
        String headHash,
        @NotNull @Min(1) @Schema(required = true, description = "The entry from which the chain's hashes are keyed",
                examples = "1")
        Long keyedFrom,
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z",
                message = "must be a UTC time to the second, e.g. 2026-01-04T09:30:00Z")
        // text, not a date-time: the signature covers these characters, and a client that parsed them into a
        // date-time would write them back differently (Python: +00:00; Java: no seconds when they are :00)
        @Schema(required = true, description = "When it was signed, to the second, in UTC. Kept as text: the "
                + "signature covers exactly these characters", maxLength = 20, examples = "2026-01-04T09:30:00Z")
        String signedAt,
        @Pattern(regexp = CheckpointKey.ALGORITHM, message = "must be " + CheckpointKey.ALGORITHM)
        @Schema(description = "The signature algorithm", examples = CheckpointKey.ALGORITHM,
                enumeration = CheckpointKey.ALGORITHM)
        String algorithm,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits")
        @Schema(description = "SHA-256 of the public key's DER encoding (SubjectPublicKeyInfo), hex", maxLength = 64,
                examples = "aaff2065851b40af77143067a087db2f5174ea7cb3f352b70b437a286e7a6ad9")
        String keyId,
        @Size(max = 200) @Schema(description = "The public key, base64 of its DER encoding (SubjectPublicKeyInfo). "
                + "Verify with a copy kept since the key was made, not with this one alone",
                examples = "MCowBQYDK2VwAyEAwZFVcBcLVQMYvdIeVs0UQEVIjks1m4D7NO3KceHFLy0=", pattern = BASE64)
        String publicKey,
        @NotNull @Size(max = 200) @Schema(required = true, description = "The Ed25519 signature, base64",
                examples = "dcmQHG2hcueBjI9HP4LE7isIZ1NaHhMpnOWl8UkF3KlErpMo5qKBtTlPzWoxqKlHvE/uA9jq0ldPJBY/uMocBg==",
                pattern = BASE64)
        String signature) {

    /** Standard base64, as the key and the signature are written. */
    static final String BASE64 = "[A-Za-z0-9+/]+={0,2}";

    /** Exactly the bytes the signature covers. */
    byte[] signedBytes() {
        return signedBytes(seq, headHash, keyedFrom, signedAt);
    }

    static byte[] signedBytes(long seq, String headHash, long keyedFrom, String signedAt) {
        return ("prisonwatch-audit-checkpoint-v1\n" + "seq=" + seq + "\n" + "headHash=" + headHash + "\n"
                + "keyedFrom=" + keyedFrom + "\n" + "signedAt=" + signedAt + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
