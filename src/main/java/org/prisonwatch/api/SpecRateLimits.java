package org.prisonwatch.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Every answer, success or refusal, carries the IETF RateLimit fields that the HTTP layer sets; the spec says so. */
final class SpecRateLimits {

    private static final String HEADERS = "#/components/headers/";

    private SpecRateLimits() {
    }

    static void apply(OpenAPI openAPI) {
        openAPI.getComponents()
                .addHeader("RateLimit", header("What is left of the budget that counted this request and the seconds "
                        + "until its window ends, as this instance knows them", "\"key\";r=597;t=42",
                        "\"[a-z-]+\";r=[0-9]+;t=[0-9]+"))
                .addHeader("RateLimit-Policy", header("The budget that counted this request (anonymous, key or "
                        + "failed-keys), its quota and its window in seconds", "\"key\";q=600;w=60",
                        "\"[a-z-]+\";q=[0-9]+;w=[0-9]+"));
        openAPI.getComponents().getResponses().values().forEach(SpecRateLimits::declare);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation ->
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getRef() == null) {
                        declare(response);
                    }
                })));
    }

    private static void declare(APIResponse response) {
        response.addHeader("RateLimit", OASFactory.createHeader().ref(HEADERS + "RateLimit"))
                .addHeader("RateLimit-Policy", OASFactory.createHeader().ref(HEADERS + "RateLimit-Policy"));
    }

    private static Header header(String description, String example, String pattern) {
        return OASFactory.createHeader().description(description).required(true).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)
                        .pattern("^" + pattern + "$"));
    }
}
