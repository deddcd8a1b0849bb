package org.prisonwatch.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The audit log is filtered by the stored names its entries carry; any other name is a 400, not an empty page. */
@QuarkusTest
class AuditEntityFilterTest {

    @Test
    void theFilterAcceptsExactlyTheStoredNames() {
        assertEquals(Arrays.stream(AuditedEntity.values()).map(AuditedEntity::storedName)
                .collect(Collectors.joining("|")), AuditFilter.STORED_NAMES);
        api().queryParam("entity", "Casualty").get("/api/v1/audit").then().statusCode(200);
        hostile().queryParam("entity", "CASUALTY").get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("entity"));
    }
}
