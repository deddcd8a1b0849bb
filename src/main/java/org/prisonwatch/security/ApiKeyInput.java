package org.prisonwatch.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Role;

/** A request for a new API key. */
@Schema(name = "ApiKeyInput", description = "A new API key: who it is for and what it may do")
public record ApiKeyInput(
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Kachin field reporter 7") String name,
        @NotNull @Schema(required = true, examples = "REPORTER") Role role) {
}
