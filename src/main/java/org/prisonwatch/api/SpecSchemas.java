package org.prisonwatch.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Schemas exactly as strict as the server, so that what the spec lets through is what the server takes:
 * <ul>
 * <li>patterns anchored: Bean Validation matches a whole value, JSON Schema any part of it;</li>
 * <li>inputs closed (additionalProperties: false), since the server refuses unknown properties;</li>
 * <li>every string, integer and array bounded: a response's text by its input's limit, which the database also
 * holds; dates, times and ids by their formats; counts and versions by their types;</li>
 * <li>lists named after what they hold (PrisonPage, not PagePrisonView), and no type written beside a reference,
 * where OpenAPI 3.0 ignores it and linters read it as an unbounded string.</li>
 * </ul>
 */
final class SpecSchemas {

    private static final String SCHEMAS = "#/components/schemas/";

    /** What Hibernate Validator's @NotBlank becomes: "has a character that is not space", meant unanchored. */
    private static final String NOT_BLANK = "\\S";

    /**
     * @NotBlank in the spec's regex dialect (ECMA-262): the server trims characters up to U+0020 and wants one
     * left, where ECMA's \S would also refuse a no-break space, which the server takes.
     */
    static final String NOT_BLANK_AS_SERVED = "[^\\x00-\\x20]";

    /** Java's \s is these six; ECMA-262's is every Unicode space. */
    private static final String JAVA_SPACE = " \\t\\n\\x0B\\f\\r";

    private static final Map<String, Integer> LENGTH_BY_FORMAT = Map.of("date", 10, "date-time", 35, "uuid", 36,
            "uri", 2048, "uri-reference", 2048);

    private SpecSchemas() {
    }

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    /** The component a reference names: "#/components/schemas/Count" is Count. */
    static String named(String ref) {
        return ref.substring(SCHEMAS.length());
    }

    /** The component a schema refers to, or the schema itself when it refers to none. */
    static Schema resolved(OpenAPI openAPI, Schema schema) {
        return schema.getRef() == null ? schema : openAPI.getComponents().getSchemas().get(named(schema.getRef()));
    }

    static void apply(OpenAPI openAPI) {
        resolveAliases(openAPI);
        renamePages(openAPI);
        forEachSchema(openAPI, schema -> {
            anchorPattern(schema);
            boundByFormat(schema);
            boundInteger(schema);
        });
        forEachSchema(openAPI, schema -> dropTypeBesideReference(openAPI, schema));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            Schema input = schemas.get(name + "Input");
            if (input != null) {
                boundLikeInput(schema, input);
                boundOriginals(openAPI, schema, input);
            }
        });
        closeInputs(openAPI);
        dropUnused(openAPI);
        Schema links = schemas.get("ServiceIndex").getProperties().get("links");
        links.getAdditionalPropertiesSchema().format("uri-reference").maxLength(LENGTH_BY_FORMAT.get("uri-reference"));
        schemas.get("Statistics").getProperties().get("groupBy").getItems().maxLength(40).pattern("^[A-Za-z]+$");
    }

    /** Page schemas are named after the Java generics (PageIncidentView); clients see IncidentPage. */
    private static void renamePages(OpenAPI openAPI) {
        Map<String, String> renamed = new LinkedHashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.startsWith("Page") && schema.getProperties() != null
                    && schema.getProperties().containsKey("items")) {
                String itemRef = schema.getProperties().get("items").getItems().getRef();
                renamed.put(name, named(itemRef) + "Page");
                // nextCursor is always there, null on the last page
                schema.required(List.of("items", "nextCursor"));
            }
        });
        renamed.forEach((old, name) -> {
            Schema page = openAPI.getComponents().getSchemas().get(old);
            openAPI.getComponents().removeSchema(old);
            openAPI.getComponents().addSchema(name, page);
        });
        retarget(openAPI, renamed);
    }

    /**
     * A type beside a reference says nothing in OpenAPI 3.0 and reads as an unbounded string to linters, so it
     * goes, unless the value may be null: 3.0 says that with nullable beside a type (the model, written for 3.1
     * where null is a type, writes a lone null type as "enum: [null]"), so a nullable reference keeps the type of
     * what it names, with its bounds.
     */
    private static void dropTypeBesideReference(OpenAPI openAPI, Schema schema) {
        String ref = schema.getRef() != null ? schema.getRef()
                : schema.getAllOf() != null && schema.getAllOf().size() == 1 ? schema.getAllOf().get(0).getRef()
                : null;
        if (ref == null) {
            return;
        }
        boolean nullable = schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
        if (!nullable) {
            schema.setType(null);
            return;
        }
        Schema target = openAPI.getComponents().getSchemas().get(named(ref));
        List<Schema.SchemaType> type = new ArrayList<>(target.getType());
        type.add(Schema.SchemaType.NULL);
        schema.setType(type);
        if (isA(target, Schema.SchemaType.STRING)) {
            schema.setFormat(target.getFormat());
            schema.setPattern(target.getPattern());
            if (target.getMaxLength() != null) {
                schema.setMaxLength(target.getMaxLength());
            } else if (target.getEnumeration() != null) {
                schema.setMaxLength(target.getEnumeration().stream().mapToInt(value -> value.toString().length())
                        .max().orElse(0));
            }
        }
    }

    /**
     * A component that is only a reference to another (SourceResponse, which is Source on the wire) would give
     * clients a type of its own: references to it go to what it names instead.
     */
    private static void resolveAliases(OpenAPI openAPI) {
        Map<String, String> aliases = new LinkedHashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getRef() != null) {
                aliases.put(name, named(schema.getRef()));
            }
        });
        aliases.keySet().forEach(openAPI.getComponents()::removeSchema);
        retarget(openAPI, aliases);
    }

    private static void retarget(OpenAPI openAPI, Map<String, String> names) {
        forEachSchema(openAPI, schema -> {
            if (schema.getRef() != null && names.containsKey(named(schema.getRef()))) {
                schema.setRef(SCHEMAS + names.get(named(schema.getRef())));
            }
        });
    }

    /** Schemas nothing refers to any more (PublicSource, once the responses name Source). */
    private static void dropUnused(OpenAPI openAPI) {
        for (boolean dropped = true; dropped; ) {
            Set<String> used = new HashSet<>();
            forEachSchema(openAPI, schema -> {
                if (schema.getRef() != null) {
                    used.add(named(schema.getRef()));
                }
            });
            List<String> unused = openAPI.getComponents().getSchemas().keySet().stream()
                    .filter(name -> !used.contains(name)).toList();
            unused.forEach(openAPI.getComponents()::removeSchema);
            dropped = !unused.isEmpty();
        }
    }

    /** Bean Validation's regex, in ECMA-262 with the same meaning: anchored, and spaces as Java counts them. */
    private static void anchorPattern(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern == null || pattern.equals(NOT_BLANK_AS_SERVED) || pattern.startsWith("^(?:")) {
            return;
        }
        if (pattern.equals(NOT_BLANK)) {
            schema.setPattern(NOT_BLANK_AS_SERVED);
            return;
        }
        String java = pattern.replace("\\S", "[^" + JAVA_SPACE + "]").replace("\\s", "[" + JAVA_SPACE + "]");
        schema.setPattern(java.startsWith("^") && java.endsWith("$") ? java : "^(?:" + java + ")$");
    }

    private static void boundByFormat(Schema schema) {
        if (isA(schema, Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getFormat() != null && LENGTH_BY_FORMAT.containsKey(schema.getFormat())) {
            schema.setMaxLength(LENGTH_BY_FORMAT.get(schema.getFormat()));
        }
    }

    /** Every integer in this API counts something, or is a version or a status: none is negative. */
    private static void boundInteger(Schema schema) {
        if (!isA(schema, Schema.SchemaType.INTEGER)) {
            return;
        }
        if (schema.getFormat() == null) {
            schema.setFormat("int32");
        }
        if (schema.getMinimum() == null) {
            schema.setMinimum(java.math.BigDecimal.ZERO);
        }
        if (schema.getMaximum() == null) {
            schema.setMaximum(java.math.BigDecimal.valueOf(
                    "int64".equals(schema.getFormat()) ? Long.MAX_VALUE : Integer.MAX_VALUE));
        }
    }

    /** A record holds what its input let in: the same lengths and list sizes bound the response. */
    private static void boundLikeInput(Schema view, Schema input) {
        if (view.getProperties() == null || input.getProperties() == null) {
            return;
        }
        view.getProperties().forEach((name, property) -> {
            Schema written = input.getProperties().get(name);
            if (written == null) {
                return;
            }
            if (property.getMaxLength() == null && written.getMaxLength() != null) {
                property.setMaxLength(written.getMaxLength());
            }
            if (property.getPattern() == null && written.getPattern() != null) {
                property.setPattern(written.getPattern());
            }
            if (property.getMaxItems() == null && written.getMaxItems() != null) {
                property.setMaxItems(written.getMaxItems());
                if (property.getItems() != null && written.getItems() != null
                        && property.getItems().getMaxLength() == null) {
                    property.getItems().setMaxLength(written.getItems().getMaxLength());
                    property.getItems().setPattern(written.getItems().getPattern());
                }
            }
        });
    }

    /**
     * A record's zawgyiOriginals map JSON Pointers to text as typed: at most one per text its input holds, none
     * longer than the longest the input takes.
     */
    private static void boundOriginals(OpenAPI openAPI, Schema view, Schema input) {
        Schema originals = view.getProperties() == null ? null : view.getProperties().get("zawgyiOriginals");
        if (originals == null || originals.getAdditionalPropertiesSchema() == null) {
            return;
        }
        int[] texts = {0};
        int[] longest = {0};
        countTexts(openAPI, input, 1, texts, longest);
        originals.setMaxProperties(texts[0]);
        originals.getAdditionalPropertiesSchema().setMaxLength(longest[0]);
    }

    private static void countTexts(OpenAPI openAPI, Schema schema, int times, int[] texts, int[] longest) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            countTexts(openAPI, resolved(openAPI, schema), times, texts, longest);
        } else if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(member -> countTexts(openAPI, member, times, texts, longest));
        } else if (isA(schema, Schema.SchemaType.STRING) && schema.getEnumeration() == null
                && schema.getFormat() == null) {
            texts[0] += times;
            longest[0] = Math.max(longest[0], schema.getMaxLength() == null ? 0 : schema.getMaxLength());
        } else if (isA(schema, Schema.SchemaType.ARRAY)) {
            int items = schema.getMaxItems() == null ? 1 : schema.getMaxItems();
            countTexts(openAPI, schema.getItems(), times * items, texts, longest);
        } else if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> countTexts(openAPI, property, times, texts, longest));
        }
    }

    /** The server refuses unknown properties in every body it reads, and in every object nested in one. */
    private static void closeInputs(OpenAPI openAPI) {
        Set<String> inputs = new HashSet<>();
        List<String> pending = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                forEachIn(operation.getRequestBody().getContent(), schema -> collectRefs(schema, pending));
            }
        }));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            Schema schema = schemas.get(name);
            if (schema != null && inputs.add(name)) {
                collectRefs(schema, pending);
                if (isA(schema, Schema.SchemaType.OBJECT) && schema.getAdditionalPropertiesBoolean() == null
                        && schema.getAdditionalPropertiesSchema() == null) {
                    schema.setAdditionalPropertiesBoolean(false);
                }
            }
        }
    }

    private static void collectRefs(Schema schema, List<String> into) {
        walk(schema, node -> {
            if (node.getRef() != null && node.getRef().startsWith(SCHEMAS)) {
                into.add(named(node.getRef()));
            }
        });
    }

    static boolean isA(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    /** Every schema of the document: components, parameters, headers, bodies, and everything nested in them. */
    static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        new ArrayList<>(openAPI.getComponents().getSchemas().values()).forEach(schema -> walk(schema, action));
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(response -> forEachIn(response, action));
        }
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(header -> walk(header.getSchema(), action));
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> forEachIn(operation, action)));
    }

    private static void forEachIn(Operation operation, Consumer<Schema> action) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                walk(parameter.getSchema(), action);
            }
        }
        if (operation.getRequestBody() != null) {
            forEachIn(operation.getRequestBody().getContent(), action);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> forEachIn(response, action));
        }
    }

    private static void forEachIn(APIResponse response, Consumer<Schema> action) {
        if (response.getHeaders() != null) {
            for (Header header : response.getHeaders().values()) {
                walk(header.getSchema(), action);
            }
        }
        forEachIn(response.getContent(), action);
    }

    private static void forEachIn(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                walk(media.getSchema(), action);
            }
        }
    }

    static void walk(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> walk(property, action));
        }
        walk(schema.getItems(), action);
        walk(schema.getAdditionalPropertiesSchema(), action);
        walk(schema.getNot(), action);
        for (List<Schema> group : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                group.forEach(member -> walk(member, action));
            }
        }
    }
}
