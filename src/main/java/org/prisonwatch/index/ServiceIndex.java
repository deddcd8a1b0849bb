package org.prisonwatch.index;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client needs to find its way: the API's version and where each collection and the spec live. */
@Schema(name = "ServiceIndex", description = "The API's version and links to every collection and to the spec",
        example = ServiceIndex.EXAMPLE)
public record ServiceIndex(
        @Schema(description = "The version of this API (the spec's info.version)", example = "1.0.0",
                required = true, maxLength = 20, pattern = "[0-9]+\\.[0-9]+\\.[0-9]+") String apiVersion,
        @Schema(description = "Where each collection, the change feed, the admin paths and the spec live; "
                + "relative unless the service is configured with a public base URL", required = true,
                maxProperties = 20) Map<String, String> links) {

    static final String EXAMPLE = """
            {"apiVersion":"1.0.0","links":{"self":"/api/v1","prisons":"/api/v1/prisons",\
            "sources":"/api/v1/sources","incidents":"/api/v1/incidents",\
            "armedInmateReports":"/api/v1/armed-inmate-reports","casualties":"/api/v1/casualties",\
            "changes":"/api/v1/changes","apiKeys":"/api/v1/admin/api-keys","audit":"/api/v1/audit","webhooks":"/api/v1/webhooks",\
            "openapi":"/q/openapi","docs":"/q/swagger-ui"}}""";
}
