package org.prisonwatch.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, for every operation, the error responses the shared machinery can produce (so no resource has to
 * repeat them), the contract's success status codes, and the ETag, Location and Link headers.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String JSON = "application/json";

    private static final String CSV = "text/csv";

    private static final String GEOJSON = "application/geo+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getKey(), entry.getValue());
            }
            if (item.getPATCH() != null && item.getPUT() != null) {
                describeMergePatch(openAPI, item);
            }
        });
        // the PATCH parameters are Jackson trees in Java; the spec describes them as {Name}Patch instead
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
    }

    /**
     * A list that also answers text/csv gives the whole list as one file, not a page: its content is text, whose
     * first two rows are the column names and their HXL hashtags.
     */
    private static void describeCsv(APIResponse ok) {
        if (ok.getContent() == null || ok.getContent().getMediaType(CSV) == null) {
            return;
        }
        ok.getContent().getMediaType(CSV).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("RFC 4180, UTF-8, CRLF: a header row, an HXL hashtag row, then one row per record. "
                        + "Text that would start a spreadsheet formula (=, +, -, @) is prefixed with an apostrophe."))
                .example("id,type,title,occurredFrom\r\n#event+code,#event+type,#event+name,#date+start\r\n"
                        + "0193…,COMBAT_DEPLOYMENT,Armed inmates sent to the front,2025-03-01\r\n");
        ok.description("One page of records (JSON), or every matching record as one CSV file (text/csv)");
        if (ok.getContent().getMediaType(GEOJSON) != null) {
            ok.getContent().getMediaType(GEOJSON).schema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("An RFC 7946 FeatureCollection: a Point feature (longitude, latitude) for each "
                            + "matching record that has a place, its properties the record as the JSON list gives it")
                    .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .addEnumeration("FeatureCollection"))
                    .addProperty("features", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)))
                    .addRequired("type").addRequired("features"))
                    .example(ordered("type", "FeatureCollection", "features", List.of(ordered("type", "Feature",
                            "geometry", ordered("type", "Point", "coordinates", List.of(97.23, 24.27)),
                            "properties", ordered("id", "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f")))));
            ok.description("One page of records (JSON), or every matching record as one CSV file (text/csv) or "
                    + "as a GeoJSON FeatureCollection (application/geo+json)");
        }
    }

    /** An example object whose members keep their order, so that the generated document is the same every build. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /**
     * A merge patch is any subset of the input record's fields, where null removes a value. The document derives
     * a {Name}Patch schema from {Name}Input: nothing required, and the optional fields nullable (in POST and PUT
     * too, where null also means "no value").
     */
    private static void describeMergePatch(OpenAPI openAPI, PathItem item) {
        String inputRef = item.getPUT().getRequestBody().getContent().getMediaType(JSON).getSchema().getRef();
        String inputName = inputRef.substring(inputRef.lastIndexOf('/') + 1);
        String patchName = inputName.replace("Input", "Patch");
        Schema input = openAPI.getComponents().getSchemas().get(inputName);
        List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
        input.getProperties().forEach((name, property) -> {
            boolean typed = property.getType() != null || property.getRef() != null;
            if (!required.contains(name) && typed
                    && (property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL))) {
                property.addType(Schema.SchemaType.NULL);
            }
        });
        if (!openAPI.getComponents().getSchemas().containsKey(patchName)) {
            openAPI.getComponents().addSchema(patchName, OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("An RFC 7396 merge patch of " + inputName + ": any subset of its fields; "
                            + "null removes a value. The result must be a valid " + inputName + ".")
                    .properties(new LinkedHashMap<>(input.getProperties())));
        }
        item.getPATCH().getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE)
                .setSchema(OASFactory.createSchema().ref("#/components/schemas/" + patchName));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        String id = operation.getOperationId() == null ? "" : operation.getOperationId();
        boolean onRecord = path.endsWith("{id}");
        boolean erasure = id.startsWith("erase");
        boolean hasBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        boolean bulk = method == PathItem.HttpMethod.POST && path.endsWith("/by-ref");

        if (bulk) {
            // each line is answered in the body, as its own by-ref PUT would be; the request as a whole is a 200
            responses.getAPIResponse("200").description("One result per request line, sent once the whole body "
                    + "has been read");
            operation.getParameters().stream().filter(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description("Not taken: sending the same lines again already changes nothing, "
                            + "so a request that carries one is refused with 400").getSchema()
                            .maxLength(255).pattern("^[\\x21-\\x7E]+$"));
        } else if (id.startsWith("create")) {
            APIResponse ok = responses.getAPIResponse("200");
            if (ok != null) {
                responses.removeAPIResponse("200");
                responses.addAPIResponse("201", ok.description("Created: the stored record")
                        .addHeader("Location", location())
                        .addHeader("ETag", etag("The record's version, quoted"))
                        .addHeader("Idempotent-Replayed", header("true when this is the stored response to an "
                                + "earlier request with the same Idempotency-Key", null)
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                        .addEnumeration("true"))));
            }
        } else if (id.startsWith("upsert")) {
            APIResponse ok = responses.getAPIResponse("200");
            if (ok != null) {
                ok.description("Replaced, or already in the state sent: the stored record")
                        .addHeader("ETag", etag("The record's version, quoted"));
                responses.addAPIResponse("201", OASFactory.createAPIResponse()
                        .description("Created: the stored record").content(ok.getContent())
                        .addHeader("Location", location())
                        .addHeader("ETag", etag("The record's version, quoted")));
            }
        } else if (id.startsWith("get") || id.startsWith("replace") || id.startsWith("patch")) {
            APIResponse ok = responses.getAPIResponse("200");
            if (ok != null) {
                ok.description("The record").addHeader("ETag", etag("The record's version, quoted"));
            }
            if (ok != null && method == PathItem.HttpMethod.GET) {
                describeRevalidation(operation);
            }
        } else if (id.startsWith("list")) {
            APIResponse ok = responses.getAPIResponse("200");
            if (ok != null) {
                ok.description("One page of records").addHeader("Link",
                        header("<url>; rel=\"next\" with the next page's cursor, absent on the last page", null)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(4096)
                                .pattern("^<[^>]+>; rel=\"next\"$")));
                describeCsv(ok);
            }
        } else if (id.startsWith("delete") || erasure) {
            String done = erasure ? "Erased" : "Deleted";
            APIResponse gone = responses.getAPIResponse("204");
            if (gone == null) {
                responses.removeAPIResponse("200");
                responses.addAPIResponse("204", OASFactory.createAPIResponse().description(done));
            } else {
                gone.description(done);
            }
            if (erasure) {
                responses.getAPIResponse("204").addHeader("ETag", etag("The record's new version, quoted"));
            }
        }

        add(responses, "400", "BadRequest");
        add(responses, "401", "Unauthenticated");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "403", "Forbidden");
        }
        if (onRecord || path.contains("{id}/")) {
            add(responses, "404", "NotFound");
        }
        boolean byRef = path.contains("/by-ref/");
        boolean webhook = path.startsWith("/api/v1/webhooks/");
        if ((onRecord || byRef || erasure) && method != PathItem.HttpMethod.GET && !webhook) {
            add(responses, "412", "PreconditionFailed");
            add(responses, "428", "PreconditionRequired");
        }
        if (webhook && onRecord && method == PathItem.HttpMethod.PATCH) {
            // a subscription's If-Match is optional: checked when sent, never required
            add(responses, "412", "PreconditionFailed");
        }
        boolean edit = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        if (byRef || (onRecord && edit && (referencedExternally(path) || path.startsWith("/api/v1/webhooks/")))) {
            add(responses, "409", "Conflict");
        }
        if (method == PathItem.HttpMethod.DELETE && onRecord && referencedByOthers(path)) {
            add(responses, "409", "StillReferenced");
        }
        if (method == PathItem.HttpMethod.POST && takesIdempotencyKey(operation) && !bulk) {
            add(responses, "409", "Conflict");
            add(responses, "422", "IdempotencyKeyReused");
        }
        if (hasBody) {
            add(responses, "413", "PayloadTooLarge");
            add(responses, "415", "UnsupportedMediaType");
        }
        add(responses, "406", "NotAcceptable");
        add(responses, "429", "TooManyRequests");
        add(responses, "500", "InternalError");
    }

    /** A read of one record answers If-None-Match with 304 while the version named is current (see Revalidation). */
    private static void describeRevalidation(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("The ETag of the copy you hold: 304 without a body while it is current")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1024)
                        .pattern(SpecParameters.ENTITY_TAGS))
                .example("\"3\""));
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: the copy you hold, named in If-None-Match, is current")
                .addHeader("ETag", etag("The record's version, quoted")));
    }

    /** The POSTs that create something; a POST that only computes an answer (POST /audit/verify) takes none. */
    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "Idempotency-Key".equalsIgnoreCase(parameter.getName()));
    }

    /** Prisons, incidents and sources are what other records point at. */
    private static boolean referencedByOthers(String path) {
        return path.startsWith("/api/v1/prisons/") || path.startsWith("/api/v1/incidents/")
                || path.startsWith("/api/v1/sources/");
    }

    /**
     * Records that carry a partner's externalRef, unique per submitter. (A webhook subscription, the other thing an
     * edit can conflict with, is named where this is called: its key may have been revoked.)
     */
    private static boolean referencedExternally(String path) {
        return path.startsWith("/api/v1/incidents/") || path.startsWith("/api/v1/armed-inmate-reports/")
                || path.startsWith("/api/v1/casualties/");
    }

    /** Replaces any generated entry (Quarkus adds a bare 400 to validated operations) with the problem response. */
    private static void add(APIResponses responses, String status, String component) {
        responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
    }

    /** Relative unless a public base URL is configured (see PublicUris): a URI reference, not always a URI. */
    private static Header location() {
        return header("URL of the new record: relative (/api/v1/...) unless the service has a public base URL",
                "uri-reference");
    }

    /** An ETag as the service writes it: the version, quoted (IfMatch.etag). */
    private static Header etag(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING).maxLength(12).pattern("^\"[0-9]{1,10}\"$"));
    }

    private static Header header(String description, String format) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        if (format != null) {
            schema.format(format);
        }
        return OASFactory.createHeader().description(description).schema(schema);
    }
}
