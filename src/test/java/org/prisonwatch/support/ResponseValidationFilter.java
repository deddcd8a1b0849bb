package org.prisonwatch.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * Validates only the response against the spec: for tests whose requests break the contract on purpose, where
 * the (error) answer must still be exactly what the spec documents.
 */
final class ResponseValidationFilter implements Filter {

    private final OpenApiInteractionValidator validator;

    ResponseValidationFilter(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(request.getMethod()),
                RestAssuredResponse.of(response));
        if (report.hasErrors()) {
            throw new AssertionError("Response to " + request.getMethod() + " " + path
                    + " does not match the OpenAPI document:\n" + report.getMessages());
        }
        return response;
    }
}
