package org.prisonwatch.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The parameters many operations share, described and bounded once: the path's id and externalRef, and If-Match.
 * A list parameter (entity=…&entity=…) holds at most one of each value it may take.
 */
final class SpecParameters {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "id", "The record's id, a UUID",
            "externalRef", "Your own system's id for the record (unique per API key); the same rules as the "
                    + "body's externalRef, which it must equal when the body names one",
            "If-Match", "The ETag of the version your change is based on, e.g. \"3\" (428 without it, 412 when "
                    + "the record has changed since)");

    /** RFC 9110's If-Match and If-None-Match: * or a list of entity tags, weak or strong. */
    static final String ENTITY_TAGS = "^(\\*|(W/)?\"[^\"]*\"( *, *(W/)?\"[^\"]*\")*)$";

    /** Room for a list of ETags, as If-Match may carry. */
    private static final int MAX_IF_MATCH = 1024;

    private SpecParameters() {
    }

    static void apply(OpenAPI openAPI) {
        Schema externalRef = openAPI.getComponents().getSchemas().get("IncidentInput").getProperties()
                .get("externalRef");
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> {
                    if (operation.getParameters() == null) {
                        return;
                    }
                    for (Parameter parameter : operation.getParameters()) {
                        if (parameter.getDescription() == null) {
                            parameter.setDescription(DESCRIPTIONS.get(parameter.getName()));
                        }
                        if ("externalRef".equals(parameter.getName())) {
                            parameter.getSchema().minLength(externalRef.getMinLength())
                                    .maxLength(externalRef.getMaxLength()).pattern(externalRef.getPattern());
                        }
                        if ("If-Match".equals(parameter.getName())) {
                            parameter.getSchema().maxLength(MAX_IF_MATCH).pattern(ENTITY_TAGS);
                        }
                        Schema schema = parameter.getSchema();
                        if (SpecSchemas.isA(schema, Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
                            schema.setMaxItems(values(openAPI, schema.getItems()));
                        }
                    }
                }));
    }

    private static int values(OpenAPI openAPI, Schema items) {
        Schema values = SpecSchemas.resolved(openAPI, items);
        return values.getEnumeration() == null ? 1 : values.getEnumeration().size();
    }
}
