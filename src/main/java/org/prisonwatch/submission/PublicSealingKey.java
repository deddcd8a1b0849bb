package org.prisonwatch.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sealing key's public half as a JSON Web Key (RFC 7517). */
@Schema(name = "PublicSealingKey", description = "An RSA public key as a JSON Web Key, for RSA-OAEP-256")
public record PublicSealingKey(
        @Schema(required = true, enumeration = "RSA", examples = "RSA") String kty,
        @Schema(required = true, description = "Modulus, base64url", examples = "sXchDaQebHnPiGvyDOAT4saGEUetSyo9",
                maxLength = 2048, pattern = BASE64URL) String n,
        @Schema(required = true, description = "Public exponent, base64url", examples = "AQAB", maxLength = 16,
                pattern = BASE64URL) String e,
        @Schema(required = true, enumeration = "RSA-OAEP-256", examples = "RSA-OAEP-256") String alg,
        @Schema(required = true, enumeration = "enc", examples = "enc") String use,
        @Schema(required = true, description = "RFC 7638 thumbprint; a sealed item's JWE header names it",
                examples = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", maxLength = 64, pattern = BASE64URL)
        String kid) {

    static final String BASE64URL = "^[A-Za-z0-9_-]+$";
}
