package org.prisonwatch.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Operations open to anonymous callers still answer more to a key (a RESTRICTED record, a person's name), so they
 * declare the key as optional: the empty requirement says "or none". Without it, Swagger UI and generated
 * clients never send a key on a read, and staff silently see public data only.
 */
final class SpecSecurity {

    static final String SCHEME = "apiKey";

    private SpecSecurity() {
    }

    static void apply(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME))
                            .addSecurityRequirement(OASFactory.createSecurityRequirement());
                }
            }
        });
    }
}
