package org.prisonwatch.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Comparator;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes the generated document one that client generators and linters take as it is: the problems and success
 * codes first ({@link ProblemResponsesFilter}), then who may call what ({@link SpecSecurity}), the feed's entries
 * as one type per kind of record ({@link SpecChangeVariants}), schemas as strict as the server
 * ({@link SpecSchemas}), bounded and described parameters ({@link SpecParameters}) and the rate-limit headers
 * every answer carries ({@link SpecRateLimits}). Run once, as the build makes the document: it reads no runtime
 * setting, and run again at every start it took a fifth of the startup.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SpecFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        SpecSecurity.apply(openAPI);
        SpecChangeVariants.apply(openAPI);
        SpecSchemas.apply(openAPI);
        SpecParameters.apply(openAPI);
        SpecRateLimits.apply(openAPI);
        // Swagger UI shows tags in the document's order; linters and readers look them up alphabetically
        openAPI.setTags(openAPI.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList());
    }
}
