package org.prisonwatch.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.incidentBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.FeedReader;

/**
 * Many writers create, edit, re-classify and delete records while readers, one per audience, follow the feed from
 * the start in pages of random size. When the writers stop and the readers catch up, each reader's replica must
 * be exactly what that caller reads from the lists.
 */
@QuarkusTest
class ChangeFeedReplicaTest {

    private static final int WRITERS = 6;
    private static final int WRITES_EACH = 40;
    private static final List<String> CONFIDENTIALITY = List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL");
    private static final Map<String, String> LISTS = Map.of("PRISON", "/api/v1/prisons", "SOURCE", "/api/v1/sources",
            "INCIDENT", "/api/v1/incidents", "ARMED_INMATE_REPORT", "/api/v1/armed-inmate-reports",
            "CASUALTY", "/api/v1/casualties");

    @Test
    void replicasBuiltFromTheFeedUnderConcurrentWritesEqualWhatEachCallerSees() throws Exception {
        long seed = System.nanoTime();
        Map<String, Supplier<RequestSpecification>> audiences = Map.of(
                "anonymous", () -> anonymous(), "PARTNER", () -> as(Role.PARTNER),
                "REPORTER", () -> as(Role.REPORTER), "ANALYST", () -> as(Role.ANALYST));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + audiences.size());
        try {
            runAndCompare(seed, audiences, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runAndCompare(long seed, Map<String, Supplier<RequestSpecification>> audiences,
            ExecutorService pool) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();

        Map<String, Future<FeedReader>> readers = new HashMap<>();
        audiences.forEach((name, caller) -> readers.put(name, pool.submit(() -> {
            Random random = new Random(seed + name.hashCode());
            FeedReader reader = new FeedReader(caller, null);
            while (writing.get()) {
                reader.readPage(1 + random.nextInt(120));
            }
            reader.drain(500);
            return reader;
        })));

        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(seed + w);
            writers.add(pool.submit(() -> {
                List<String> incidents = new ArrayList<>();
                List<String> casualties = new ArrayList<>();
                for (int i = 0; i < WRITES_EACH; i++) {
                    int status = write(random, incidents, casualties);
                    outcomes.merge(Integer.toString(status), 1, Integer::sum);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);

        for (Map.Entry<String, Future<FeedReader>> reader : readers.entrySet()) {
            Map<String, JsonNode> replica = reader.getValue().get(5, TimeUnit.MINUTES).replica();
            Map<String, JsonNode> visible = everythingVisibleTo(audiences.get(reader.getKey()));
            Set<String> missing = new TreeSet<>(visible.keySet());
            missing.removeAll(replica.keySet());
            Set<String> extra = new TreeSet<>(replica.keySet());
            extra.removeAll(visible.keySet());
            assertEquals("missing [] extra []", "missing " + missing + " extra " + extra,
                    reader.getKey() + "'s replica against the lists (seed " + seed + ")");
            visible.forEach((id, record) -> assertEquals(record, replica.get(id),
                    reader.getKey() + "'s copy of " + id + " (seed " + seed + ")"));
        }
        assertTrue(outcomes.getOrDefault("201", 0) > WRITERS, "writes happened: " + outcomes);
    }

    /** One random write as an admin; returns its status. Conflicts between writers (412, 409) are expected. */
    private static int write(Random random, List<String> incidents, List<String> casualties) {
        int choice = incidents.isEmpty() ? 0 : random.nextInt(10);
        String confidentiality = CONFIDENTIALITY.get(random.nextInt(CONFIDENTIALITY.size()));
        if (choice <= 2) {
            Map<String, Object> body = incidentBody(null, "2025-07-01", null);
            body.put("confidentiality", confidentiality);
            Response created = api().body(body).post("/api/v1/incidents");
            incidents.add(created.path("id"));
            return created.statusCode();
        }
        String incident = incidents.get(random.nextInt(incidents.size()));
        if (choice <= 4) {
            Map<String, Object> body = casualtyBody(incident);
            body.put("confidentiality", confidentiality);
            body.put("person", Map.of("name", "Replica " + random.nextInt(1000)));
            Response created = api().body(body).post("/api/v1/casualties");
            if (created.statusCode() == 201) {
                casualties.add(created.path("id"));
            }
            return created.statusCode();
        }
        boolean onCasualty = !casualties.isEmpty() && random.nextBoolean();
        String path = onCasualty ? "/api/v1/casualties/" + casualties.get(random.nextInt(casualties.size()))
                : "/api/v1/incidents/" + incident;
        Response current = api().get(path);
        if (current.statusCode() != 200) {
            return current.statusCode();
        }
        String etag = current.header("ETag");
        if (choice <= 7) {
            return org.prisonwatch.support.Api.patch(etag)
                    .body(Map.of("confidentiality", confidentiality, onCasualty ? "notes" : "title",
                            "edit " + random.nextInt(1000)))
                    .patch(path).statusCode();
        }
        return api().header("If-Match", etag).delete(path).statusCode();
    }

    /** Every record of every kind the caller reads from the lists, by id. */
    private static Map<String, JsonNode> everythingVisibleTo(Supplier<RequestSpecification> caller) {
        Map<String, JsonNode> records = new HashMap<>();
        for (String list : LISTS.values()) {
            String cursor = null;
            do {
                RequestSpecification spec = caller.get().queryParam("limit", 500);
                if (cursor != null) {
                    spec.queryParam("cursor", cursor);
                }
                JsonNode page = FeedReader.parse(spec.get(list).then().statusCode(200).extract().asString());
                page.get("items").forEach(item -> records.put(item.get("id").asText(), item));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            } while (cursor != null);
        }
        return records;
    }

}
