package org.prisonwatch.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.prisonwatch.secrets.ServiceSecrets;

/**
 * The cursor key lives in a file every instance shares, so a cursor outlives the process that issued it. Here a
 * second reader of that file (as a restarted or another instance would be) takes over sealing and opening.
 */
@QuarkusTest
class CursorKeyTest {

    @Inject
    ServiceSecrets secrets;

    @Inject
    SecurityIdentity identity;

    private void cursorsKeyedFrom(Path keysDir) {
        QuarkusMock.installMockForType(new Cursors(new ServiceSecrets(keysDir.toString()), identity), Cursors.class);
    }

    @Test
    void cursorsStillOpenWhenTheKeyIsReadAgainFromItsFileAndNotUnderAnotherKey() throws Exception {
        String region = unique("Key");
        prison(region);
        String second = prison(region);
        String listCursor = api().queryParam("stateRegion", region).queryParam("limit", 1).get("/api/v1/prisons")
                .then().statusCode(200).extract().path("nextCursor");
        String feedCursor = api().queryParam("limit", 1).get("/api/v1/changes").then().statusCode(200)
                .extract().path("nextCursor");

        cursorsKeyedFrom(secrets.directory());
        api().queryParam("stateRegion", region).queryParam("cursor", listCursor).get("/api/v1/prisons").then()
                .statusCode(200).body("items.id", contains(second));
        api().queryParam("after", feedCursor).get("/api/v1/changes").then().statusCode(200);

        // the control: a service with another key refuses them, so the key read again above was the one in use
        cursorsKeyedFrom(Files.createTempDirectory("prisonwatch-other-keys-"));
        hostile().queryParam("stateRegion", region).queryParam("cursor", listCursor).get("/api/v1/prisons").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        hostile().queryParam("after", feedCursor).get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }
}
