package org.prisonwatch.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeysetPagingTest {

    @Test
    void pagingThrough1200IncidentsWhileAnotherClientInsertsSeesEachExactlyOnce() throws Exception {
        String prisonId = prison(unique("Paging"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> seeded = IntStream.range(0, 1200)
                .mapToObj(i -> pool.submit(() -> create("incidents",
                        incidentBody(prisonId, LocalDate.of(2025, 1, 1).plusDays(i % 300).toString(), null))))
                .toList();
        Set<String> before = new HashSet<>();
        for (Future<String> id : seeded) {
            before.add(id.get());
        }

        AtomicBoolean paging = new AtomicBoolean(true);
        Future<Integer> writer = pool.submit(() -> {
            int written = 0;
            while (paging.get() && written < 400) {
                create("incidents", incidentBody(prisonId, "2025-06-01", null));
                written++;
            }
            return written;
        });

        for (String sort : List.of("id", "-occurredFrom", "occurredFrom")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = api().queryParam("prisonId", prisonId).queryParam("limit", 100)
                        .queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 100);

            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": a record was returned twice");
            assertTrue(seen.containsAll(before), sort + ": a pre-existing record was skipped");
        }
        paging.set(false);
        assertTrue(writer.get(60, TimeUnit.SECONDS) > 0, "the concurrent writer never wrote");
        pool.shutdown();
    }

    @Test
    void theLinkHeaderLeadsToTheNextPageAndTheLastPageHasNone() {
        String prisonId = prison(unique("Paging"));
        List<String> ids = IntStream.range(0, 5)
                .mapToObj(i -> create("incidents", incidentBody(prisonId, "2025-01-0" + (i + 1), null))).toList();

        Response first = api().queryParam("prisonId", prisonId).queryParam("limit", 2).get("/api/v1/incidents");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .header("Link", containsString("rel=\"next\""));
        String link = first.header("Link");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        api().get(next).then().statusCode(200).body("items[0].id", equalTo(ids.get(2)));

        api().queryParam("prisonId", prisonId).queryParam("limit", 5).get("/api/v1/incidents").then()
                .body("items", hasSize(5)).body("nextCursor", nullValue()).header("Link", nullValue());
    }

    @Test
    void aCursorOnlyContinuesTheSortItCameFrom() {
        String prisonId = prison(unique("Paging"));
        create("incidents", incidentBody(prisonId, "2025-01-01", null));
        create("incidents", incidentBody(prisonId, "2025-01-02", null));
        String cursor = api().queryParam("prisonId", prisonId).queryParam("limit", 1).queryParam("sort", "occurredFrom")
                .get("/api/v1/incidents").then().extract().path("nextCursor");

        hostile().queryParam("prisonId", prisonId).queryParam("cursor", cursor).queryParam("sort", "-occurredFrom")
                .get("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
