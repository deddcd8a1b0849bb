package org.prisonwatch.idempotency;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The Idempotency-Key request header every POST takes. */
public class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";

    @HeaderParam(NAME)
    @Parameter(name = NAME, description = "Makes retries safe: a retry with the same key and body gets the first "
            + "response again (with Idempotent-Replayed: true) and creates nothing. 1 to 255 visible ASCII "
            + "characters, e.g. a UUID the client makes per record; scoped to the caller's API key; kept 30 days.",
            example = "5f0c2e1a-8d4b-4f7e-9a63-2b1d0c9e7f44",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = "[\\x21-\\x7E]+"))
    public String value;
}
