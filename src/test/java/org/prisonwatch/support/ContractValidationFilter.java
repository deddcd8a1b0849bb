package org.prisonwatch.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Checks a call against the spec: the request (unless a test breaks the contract on purpose) and always the
 * response, which must be exactly what the spec documents, errors included.
 */
final class ContractValidationFilter implements Filter {

    /**
     * The validator loads schemas lazily into a cache that is not safe for concurrent first use: readers of the
     * feed on several threads met a NullPointerException inside it (the feed's oneOf is the first schema deep
     * enough). Validation is serialised; the HTTP exchange, which concurrency tests are about, is not.
     */
    private static final Object VALIDATING = new Object();

    private final OpenApiInteractionValidator validator;

    private final boolean requests;

    ContractValidationFilter(OpenApiInteractionValidator validator, boolean requests) {
        this.validator = validator;
        this.requests = requests;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        String path = URI.create(request.getURI()).getRawPath();
        if (requests) {
            check("Request " + request.getMethod() + " " + path,
                    () -> validator.validateRequest(RestAssuredRequest.of(request)));
        }
        Response response = context.next(request, responseSpec);
        check("Response to " + request.getMethod() + " " + path, () -> validator.validateResponse(path,
                Request.Method.valueOf(request.getMethod()), RestAssuredResponse.of(response)));
        return response;
    }

    private static void check(String what, Supplier<ValidationReport> validation) {
        ValidationReport report;
        synchronized (VALIDATING) {
            report = validation.get();
        }
        if (report.hasErrors()) {
            throw new AssertionError(what + " does not match the OpenAPI document:\n" + report.getMessages());
        }
    }
}
