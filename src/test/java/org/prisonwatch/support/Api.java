package org.prisonwatch.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import org.prisonwatch.access.Role;

/**
 * Entry points for HTTP calls in tests. Every call is checked against the committed OpenAPI document, so the spec
 * cannot drift from what the service does.
 */
public final class Api {

    private static final String SPEC = Path.of("openapi", "openapi.yaml").toAbsolutePath().toUri().toString();

    /** Requests and responses both must match the spec. */
    private static final ContractValidationFilter STRICT = new ContractValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build(), true);

    /** For deliberately invalid requests: the request is not checked, the (error) response still is. */
    private static final ContractValidationFilter RESPONSES_ONLY = new ContractValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build(), false);

    /** What a client of this API sends: records come as JSON, errors as problem documents. */
    private static final String ACCEPT = "application/json, application/problem+json";

    private Api() {
    }

    /** A well-formed call as an admin (who may do everything): JSON in, JSON out, validated both ways. */
    public static RequestSpecification api() {
        return as(Role.ADMIN);
    }

    /** A well-formed call with the key of the given role. */
    public static RequestSpecification as(Role role) {
        return anonymous().header("Authorization", "Bearer " + Keys.of(role));
    }

    /** A well-formed call without a key. */
    public static RequestSpecification anonymous() {
        return given().filter(STRICT).contentType(ContentType.JSON).accept(ACCEPT);
    }

    /** A call without a key to an operation that needs one: only the (401) response is checked. */
    public static RequestSpecification anonymousUnchecked() {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON).accept(ACCEPT);
    }

    /** A call, as an admin, whose request breaks the contract on purpose. */
    public static RequestSpecification hostile() {
        return hostile(Role.ADMIN);
    }

    /** A call with the key of the given role whose request may break the contract: only the response is checked. */
    public static RequestSpecification hostile(Role role) {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON).accept(ACCEPT)
                .header("Authorization", "Bearer " + Keys.of(role));
    }

    /** A call to a path or method the API does not have: there is nothing in the spec to validate against. */
    public static RequestSpecification unmapped() {
        return given().accept(ACCEPT).header("Authorization", "Bearer " + Keys.of(Role.ADMIN));
    }

    /** A merge-patch call, validated both ways. */
    public static RequestSpecification patch(String ifMatch) {
        // without a charset, REST Assured would send a merge patch in ISO-8859-1 and turn Burmese into question marks
        RequestSpecification spec = given().filter(STRICT).contentType("application/merge-patch+json; charset=UTF-8")
                .accept(ACCEPT).header("Authorization", "Bearer " + Keys.of(Role.ADMIN));
        return ifMatch == null ? spec : spec.header("If-Match", ifMatch);
    }
}
