package org.prisonwatch.index;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.prisonwatch.api.OpenApiDefinition;
import org.prisonwatch.api.PublicUris;

/**
 * GET /api/v1. It touches no database and renders no record, so it is also the floor that the benchmark measures
 * every other endpoint against: whatever it costs is the cost of security, rate limits and the framework.
 */
@Path(ServiceIndexResource.PATH)
@Tag(name = "Service")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceIndexResource {

    static final String PATH = "/api/v1";

    /** In the order a newcomer would read them; the keys are stable, clients may look them up by name. */
    private static final Map<String, String> PATHS = paths();

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    @Operation(summary = "Start here: the API's version and its collections", description = "Links to every "
            + "collection, the change feed, the admin paths and the OpenAPI document. The same for every caller: "
            + "what a caller may do at each link is in the spec.")
    @APIResponse(responseCode = "200", description = "The service index")
    public ServiceIndex showServiceIndex() {
        Map<String, String> links = new LinkedHashMap<>();
        PATHS.forEach((name, path) -> links.put(name, PublicUris.of(uri, path).toString()));
        return new ServiceIndex(OpenApiDefinition.API_VERSION, links);
    }

    private static Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("self", PATH);
        paths.put("prisons", PATH + "/prisons");
        paths.put("sources", PATH + "/sources");
        paths.put("incidents", PATH + "/incidents");
        paths.put("armedInmateReports", PATH + "/armed-inmate-reports");
        paths.put("casualties", PATH + "/casualties");
        paths.put("changes", PATH + "/changes");
        paths.put("casualtyStatistics", PATH + "/stats/casualties");
        paths.put("armedInmateStatistics", PATH + "/stats/armed-inmates");
        paths.put("incidentStatistics", PATH + "/stats/incidents");
        paths.put("apiKeys", PATH + "/admin/api-keys");
        paths.put("audit", PATH + "/audit");
        paths.put("webhooks", PATH + "/webhooks");
        paths.put("openapi", "/q/openapi");
        paths.put("docs", "/q/swagger-ui");
        return Collections.unmodifiableMap(paths);
    }
}
