package org.prisonwatch.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.WebhookReceiver;
import org.prisonwatch.support.WebhookReceiver.Received;

/**
 * Webhooks end to end against a receiver in this JVM that verifies every signature: what is sent, to whom, in what
 * order, after how many attempts, and what is never sent. The test profile allows loopback targets and retries
 * after 200 ms, five attempts in all.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @jakarta.inject.Inject
    org.prisonwatch.support.Database database;

    @jakarta.inject.Inject
    DeliveryPurge purge;

    @jakarta.inject.Inject
    SessionFactory sessions;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void removeSubscriptions() {
        subscriptions.forEach(id -> api().delete("/api/v1/webhooks/" + id).then().statusCode(204));
        receiver.close();
    }

    /** A PARTNER key of its own: id and key. */
    static String[] partnerKey() {
        JsonPath issued = api().body(Map.of("name", unique("partner"), "role", "PARTNER"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath();
        return new String[] {issued.getString("id"), issued.getString("key")};
    }

    /** Subscribes the receiver for the key's audience (null: anonymous); the receiver trusts its secret. */
    private JsonPath subscribe(String apiKeyId, String path, List<String> entities) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url(path));
        body.put("apiKeyId", apiKeyId);
        if (entities != null) {
            body.put("entities", entities);
        }
        JsonPath created = api().body(body).post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/")).body("secret", startsWith("whsec_"))
                .header("ETag", "\"1\"").body("version", equalTo(1))
                .extract().jsonPath();
        subscriptions.add(created.getString("id"));
        receiver.trusting(created.getString("secret"));
        return created;
    }

    private static String incident(String prisonId, String title, String confidentiality) {
        Map<String, Object> body = incidentBody(prisonId, "2025-03-01", null);
        body.put("title", title);
        body.put("confidentiality", confidentiality);
        return create("incidents", body);
    }

    private static List<Received> about(List<Received> received, String recordId) {
        return received.stream().filter(r -> recordId.equals(r.recordId())).toList();
    }

    @Test
    void aPartnerHearsEachWriteItMaySeeSignedAndOnceWithTheRecordAsItSawIt() throws Exception {
        String[] partner = partnerKey();
        String subscription = subscribe(partner[0], "/partner", List.of("INCIDENT")).getString("id");
        String prisonId = prison(unique("Hook"));
        String shared = incident(prisonId, unique("shared"), "RESTRICTED");
        String hidden = incident(prisonId, unique("hidden"), "CONFIDENTIAL");
        String version2 = api().get("/api/v1/incidents/" + shared).then().extract().header("ETag");
        patch(version2).body(Map.of("title", "more")).patch("/api/v1/incidents/" + shared).then().statusCode(200);

        List<Received> got = receiver.await(WAIT, all -> about(all, shared).size() == 2);
        List<Received> sharedEvents = about(got, shared);
        assertTrue(sharedEvents.stream().allMatch(Received::verified));
        assertEquals(List.of(1, 2), sharedEvents.stream().map(r -> r.json().getInt("data.version")).toList());
        assertEquals("record.upserted", sharedEvents.get(0).type());
        assertEquals("INCIDENT", sharedEvents.get(0).json().getString("data.entity"));
        assertEquals("more", sharedEvents.get(1).json().getString("data.record.title"));
        // what the partner's own GET gives it, field for field, at that version
        Map<String, Object> asPartner = org.prisonwatch.support.Api.anonymous()
                .header("Authorization", "Bearer " + partner[1]).get("/api/v1/incidents/" + shared)
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(asPartner, sharedEvents.get(1).json().getMap("data.record"));
        // no prison events (entities filter), nothing of the confidential incident
        assertTrue(about(receiver.received(), prisonId).isEmpty());
        assertTrue(about(receiver.received(), hidden).isEmpty());

        JsonPath log = api().get("/api/v1/webhooks/" + subscription + "/deliveries?limit=500").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> deliveries = log.getList("items");
        assertEquals(2, deliveries.size());
        assertEquals("DELIVERED", deliveries.get(0).get("status"));
        assertEquals(sharedEvents.get(0).webhookId(), deliveries.get(0).get("webhookId"));
        assertEquals(204, log.getInt("items[0].attempts[0].statusCode"));
    }

    /**
     * The outbox reads the subscriptions again only after a change to them (each leaves its mark on the audit head
     * that every write locks): a filter changed between two writes is honoured by the second, and writes with no
     * change between them read nothing.
     */
    @Test
    void eachChangeToTheSubscriptionsIsHonouredByTheNextWriteAndNoWriteReadsThemOtherwise() throws Exception {
        QueryStatistics reads = sessions.getStatistics().getQueryStatistics(WebhookOutbox.RECIPIENTS);
        String subscription = subscribe(null, "/filtered", List.of("INCIDENT")).getString("id");
        String prisonId = prison(unique("Filtered"));
        String first = incident(prisonId, unique("first"), "PUBLIC");
        long readsAfterFirst = reads.getExecutionCount();
        String second = incident(prisonId, unique("second"), "PUBLIC");
        assertEquals(readsAfterFirst, reads.getExecutionCount(), "subscriptions read again with no change to them");
        receiver.await(WAIT, all -> about(all, first).size() == 1 && about(all, second).size() == 1);

        patch(null).body(Map.of("entities", List.of("PRISON"))).patch("/api/v1/webhooks/" + subscription)
                .then().statusCode(200);
        String unheard = incident(prisonId, unique("unheard"), "PUBLIC");
        String otherPrison = prison(unique("Heard"));
        assertEquals(readsAfterFirst + 1, reads.getExecutionCount(), "read once after the change, then kept");
        receiver.await(WAIT, all -> about(all, otherPrison).size() == 1);
        assertTrue(about(receiver.received(), unheard).isEmpty(), "pushed a kind the subscription no longer takes");

        patch(null).body(Map.of("entities", List.of("INCIDENT"))).patch("/api/v1/webhooks/" + subscription)
                .then().statusCode(200);
        String heardAgain = incident(prisonId, unique("heard again"), "PUBLIC");
        receiver.await(WAIT, all -> about(all, heardAgain).size() == 1);
        assertEquals(0, deliveriesOf(subscription, unheard));
        assertEquals(1, deliveriesOf(subscription, otherPrison));

        // removed: the next write must not queue for it, or the delivery's foreign key would fail the write (not 201)
        api().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        incident(prisonId, unique("after removal"), "PUBLIC");
    }

    /**
     * Another instance's change is seen by the first write after it commits, through the mark it leaves on the audit
     * head; a change made by hand, which leaves none, within recipients-max-age (4 s in the test profile).
     */
    @Test
    void aChangeFromAnotherInstanceIsSeenAtOnceAndOneMadeByHandWithinTheMaxAge() throws Exception {
        String subscription = subscribe(null, "/elsewhere", List.of("INCIDENT")).getString("id");
        UUID id = UUID.fromString(subscription);
        String prisonId = prison(unique("Elsewhere"));
        String heard = incident(prisonId, unique("heard"), "PUBLIC");
        assertEquals(1, deliveriesOf(subscription));
        // sent before the filter changes: a delivery still waiting then is cancelled for the kind no longer taken
        receiver.await(WAIT, all -> about(all, heard).size() == 1);

        // what an instance's WEBHOOK_UPDATE commits: the row, and the head's mark moved
        database.execute("update webhook_subscription set entities = 'PRISON' where id = ?", id);
        database.execute("update audit_head set push_recipients_mark = ? where id = 1", "f".repeat(64));
        incident(prisonId, unique("filtered elsewhere"), "PUBLIC");
        assertEquals(1, deliveriesOf(subscription), "a change committed elsewhere was not seen");

        database.execute("update webhook_subscription set entities = 'INCIDENT' where id = ?", id);
        String meanwhile = incident(prisonId, unique("before the max age"), "PUBLIC");
        Thread.sleep(4200);
        String after = incident(prisonId, unique("after the max age"), "PUBLIC");
        receiver.await(WAIT, all -> about(all, after).size() == 1);
        assertEquals(1, about(receiver.received(), heard).size());
        // the read kept until the max age still excluded incidents, so the one written meanwhile was not queued
        assertEquals(0, deliveriesOf(subscription, meanwhile));
    }

    private long deliveriesOf(String subscription) {
        return database.count("select count(*) from webhook_delivery where subscription_id = ?",
                UUID.fromString(subscription));
    }

    /** The subscription's deliveries about one record. */
    private long deliveriesOf(String subscription, String recordId) {
        return database.count("select count(*) from webhook_delivery where subscription_id = ? and entity_id = ?",
                UUID.fromString(subscription), UUID.fromString(recordId));
    }

    @Test
    void aFailingReceiverGetsTheEventOnTheFourthAttemptWithTheSameIdAndInOrder() throws Exception {
        subscribe(null, "/flaky", List.of("INCIDENT"));
        String prisonId = prison(unique("Flaky"));
        AtomicInteger failuresLeft = new AtomicInteger(3);
        receiver.answering(r -> failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(incident(prisonId, unique("flaky " + i), "PUBLIC"));
        }
        List<Received> got = receiver.await(WAIT, all -> ids.stream().allMatch(id -> about(all, id).stream()
                .anyMatch(r -> r.answered() == 204)));
        List<Received> first = about(got, ids.get(0));
        assertEquals(List.of(500, 500, 500, 204), first.stream().map(Received::answered).toList());
        assertEquals(1, first.stream().map(Received::webhookId).distinct().count(), "one webhook-id for every try");
        assertEquals(1, first.stream().map(Received::body).distinct().count(), "one body for every try");
        // in write order, each accepted once
        List<String> accepted = got.stream().filter(r -> r.answered() == 204).map(Received::recordId)
                .filter(ids::contains).toList();
        assertEquals(ids, accepted);
    }

    @Test
    void anEventForARecordMadeConfidentialAfterwardsReachesThePartnerOnlyAsADeletion() throws Exception {
        String[] partner = partnerKey();
        subscribe(partner[0], "/later", List.of("INCIDENT"));
        String prisonId = prison(unique("Later"));
        String title = unique("CANARY-later");
        // the first attempt is in flight, then refused, while the record is made confidential
        receiver.hold();
        AtomicInteger answers = new AtomicInteger();
        receiver.answering(r -> answers.getAndIncrement() == 0 ? 503 : 204);
        String id = incident(prisonId, title, "RESTRICTED");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (receiver.arrivals() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // held open for less than the attempt's timeout (5 s in tests), so no retry overtakes the reclassification
        assertEquals(1, receiver.arrivals(), "the first attempt is in flight");
        String etag = api().get("/api/v1/incidents/" + id).then().extract().header("ETag");
        patch(etag).body(Map.of("confidentiality", "CONFIDENTIAL")).patch("/api/v1/incidents/" + id)
                .then().statusCode(200);
        receiver.release();

        List<Received> got = receiver.await(WAIT, all -> about(all, id).stream()
                .filter(r -> r.answered() == 204).count() == 2);
        List<Received> delivered = about(got, id).stream().filter(r -> r.answered() == 204).toList();
        // the first event, stored while the partner could see the record, now goes as a deletion of version 1
        assertEquals("record.deleted", delivered.get(0).type());
        assertEquals(1, delivered.get(0).json().getInt("data.version"));
        assertTrue(delivered.get(0).json().get("data.record") == null, "a deletion carries no record");
        // and the reclassification itself as the partner hears it: withdrawn
        assertEquals("record.deleted", delivered.get(1).type());
        assertTrue(about(got, id).get(0).body().contains(title), "the first attempt, before, carried the record");
        List<Received> afterwards = about(got, id).subList(1, about(got, id).size());
        assertTrue(afterwards.stream().noneMatch(r -> r.body().contains(title)), "the stored payload was sent");
    }

    @Test
    void a410DisablesTheSubscriptionAtOnceAndEnablingItSendsWhatWaited() throws Exception {
        String subscription = subscribe(null, "/gone", List.of("INCIDENT")).getString("id");
        receiver.answering(r -> 410);
        String prisonId = prison(unique("Gone"));
        String first = incident(prisonId, unique("gone 1"), "PUBLIC");
        receiver.await(WAIT, all -> !about(all, first).isEmpty());
        awaitDisabled(subscription, "410");
        String second = incident(prisonId, unique("gone 2"), "PUBLIC");
        Thread.sleep(600);
        assertTrue(about(receiver.received(), second).isEmpty(), "a disabled subscription sent");
        assertEquals(1, about(receiver.received(), first).size(), "410 was retried");

        receiver.answering(r -> 204);
        patch(null).body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + subscription).then()
                .statusCode(200).body("enabled", equalTo(true)).body("disabledReason", nullValue());
        // the event that failed goes first again, under its webhook-id, then the one that waited behind it
        List<Received> got = receiver.await(WAIT, all -> about(all, second).size() == 1
                && about(all, first).size() == 2);
        Received firstAgain = about(got, first).get(1);
        assertEquals(about(got, first).get(0).webhookId(), firstAgain.webhookId());
        assertEquals(204, firstAgain.answered());
        assertTrue(got.indexOf(firstAgain) < got.indexOf(about(got, second).get(0)), "out of order: " + got);
        // a manual retry sends a delivered one again, with its webhook-id
        String delivered = api().get("/api/v1/webhooks/" + subscription + "/deliveries").then().extract()
                .jsonPath().getString("items.find { it.entityId == '" + first + "' }.id");
        api().post("/api/v1/webhooks/" + subscription + "/deliveries/" + delivered + "/retry").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        got = receiver.await(WAIT, all -> about(all, first).size() == 3);
        assertEquals(firstAgain.webhookId(), about(got, first).get(2).webhookId());
    }

    @Test
    void whenEveryAttemptFailsTheSubscriptionIsDisabledAfterTheLastOne() throws Exception {
        String subscription = subscribe(null, "/down", List.of("INCIDENT")).getString("id");
        receiver.answering(r -> 500);
        String id = incident(prison(unique("Down")), unique("down"), "PUBLIC");
        awaitDisabled(subscription, "attempts");
        assertEquals(5, about(receiver.received(), id).size(), "one attempt per entry of the schedule");
        api().get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", hasSize(5));
    }

    @Test
    void aRevokedKeysSubscriptionStopsAndCannotBeEnabledAgain() throws Exception {
        String[] partner = partnerKey();
        String subscription = subscribe(partner[0], "/revoked", List.of("INCIDENT")).getString("id");
        String prisonId = prison(unique("Revoked"));
        String before = incident(prisonId, unique("before"), "PUBLIC");
        receiver.await(WAIT, all -> about(all, before).size() == 1);
        // an event waits (the subscription paused) when the key is revoked
        patch(null).body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + subscription).then().statusCode(200);
        String waiting = incident(prisonId, unique("waiting"), "PUBLIC");
        api().delete("/api/v1/admin/api-keys/" + partner[0]).then().statusCode(204);
        // stopped in the revoking transaction, not at its next delivery
        api().get("/api/v1/webhooks/" + subscription).then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", containsString("revoked"));
        api().get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .body("items.find { it.entityId == '" + waiting + "' }.status", equalTo("CANCELLED"));
        String after = incident(prisonId, unique("after"), "PUBLIC");
        // not even queued: the revocation is marked on the audit head, so the next write reads the subscriptions again
        assertEquals(0, deliveriesOf(subscription, after));
        Thread.sleep(600);
        assertTrue(about(receiver.received(), after).isEmpty(), "sent for a revoked key");
        assertTrue(about(receiver.received(), waiting).isEmpty(), "a cancelled delivery was sent");
        hostile().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(409);
        assertTrue(receiver.received(r -> "webhook.ping".equals(r.type())).isEmpty(), "pinged for a revoked key");
        hostile().contentType("application/merge-patch+json").body(Map.of("enabled", true))
                .patch("/api/v1/webhooks/" + subscription).then().statusCode(409);
        // and a revoked key cannot be subscribed
        hostile().body(Map.of("url", receiver.url("/again"), "apiKeyId", partner[0])).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("apiKeyId"));
    }

    @Test
    void aRotationSignsWithBothSecretsDuringTheGracePeriod() throws Exception {
        JsonPath created = subscribe(null, "/rotate", List.of("INCIDENT"));
        String subscription = created.getString("id");
        String rotated = api().post("/api/v1/webhooks/" + subscription + "/rotate-secret").then().statusCode(200)
                .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        assertFalse(rotated.equals(created.getString("secret")));
        api().get("/api/v1/webhooks/" + subscription).then().statusCode(200).body("secret", nullValue());
        receiver.forgetSecrets();
        receiver.trusting(rotated);
        String id = incident(prison(unique("Rotate")), unique("rotate"), "PUBLIC");
        Received got = about(receiver.await(WAIT, all -> !about(all, id).isEmpty()), id).get(0);
        assertTrue(got.verified(), "the new secret verifies");
        assertEquals(2, got.signature().split(" ").length);
        receiver.forgetSecrets();
        receiver.trusting(created.getString("secret"));
        api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200);
        assertTrue(receiver.await(WAIT, all -> all.stream().anyMatch(r -> "webhook.ping".equals(r.type())))
                .stream().filter(r -> "webhook.ping".equals(r.type())).allMatch(Received::verified),
                "the old secret verifies too");

        // rotated again within the grace: the new secret is replaced, the original still signs
        String again = api().post("/api/v1/webhooks/" + subscription + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        receiver.forgetSecrets();
        receiver.trusting(again);
        api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        receiver.forgetSecrets();
        receiver.trusting(rotated);
        api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("attempts[0].statusCode", equalTo(401));
    }

    @Test
    void aPingIsSentAtOnceAndAnsweredWithItsOutcome() {
        String subscription = subscribe(null, "/ping", null).getString("id");
        JsonPath ping = api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200)
                .body("type", equalTo("webhook.ping")).body("status", equalTo("DELIVERED"))
                .body("attempts[0].statusCode", equalTo(204)).extract().jsonPath();
        Received got = receiver.received(r -> "webhook.ping".equals(r.type())).get(0);
        assertTrue(got.verified());
        assertEquals(ping.getString("webhookId"), got.webhookId());
        hostile().post("/api/v1/webhooks/" + subscription + "/deliveries/" + ping.getString("id") + "/retry")
                .then().statusCode(409);
    }

    @Test
    void aDeliveryLogCursorContinuesThatLogOnly() {
        String first = subscribe(null, "/cursor-a", null).getString("id");
        String second = subscribe(null, "/cursor-b", null).getString("id");
        for (int i = 0; i < 2; i++) {
            api().post("/api/v1/webhooks/" + first + "/ping").then().statusCode(200);
        }
        String cursor = api().get("/api/v1/webhooks/" + first + "/deliveries?limit=1").then().statusCode(200)
                .extract().path("nextCursor");
        hostile().get("/api/v1/webhooks/" + second + "/deliveries?cursor=" + cursor).then().statusCode(400);
        api().get("/api/v1/webhooks/" + first + "/deliveries?cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void finishedDeliveriesLeaveTheLogAfterTheirKeepingTimeAndPendingOnesNever() {
        String subscription = subscribe(null, "/purge", List.of("PRISON")).getString("id");
        String old = api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200).extract()
                .path("id");
        String recent = api().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(200).extract()
                .path("id");
        patch(null).body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + subscription).then().statusCode(200);
        prison(unique("Purge"));
        String pending = "select id from webhook_delivery where subscription_id = ? and status = 'PENDING'";
        assertEquals(1, database.count("select count(*) from (" + pending + ") p", UUID.fromString(
                subscription)));
        // made to look 31 days old: the old ping's end, and the pending event's creation
        database.execute("update webhook_delivery set finished_at = ? where id = ?",
                java.time.OffsetDateTime.now().minusDays(31), UUID.fromString(old));
        database.execute("update webhook_delivery set created_at = ? where subscription_id = ? and status = 'PENDING'",
                java.time.OffsetDateTime.now().minusDays(31), UUID.fromString(subscription));
        purge.purgeFinished();
        List<String> left = api().get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .extract().path("items.id");
        assertFalse(left.contains(old));
        assertTrue(left.contains(recent));
        assertEquals(1, database.count("select count(*) from (" + pending + ") p", UUID.fromString(
                subscription)), "a pending delivery is never purged");
        assertEquals(0, database.count("select count(*) from webhook_attempt where delivery_id = ?",
                UUID.fromString(old)));
    }

    @Test
    void targetsAndAudiencesThatMustNotBeSubscribedAreRefused() {
        String analyst = api().body(Map.of("name", unique("analyst"), "role", "ANALYST"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("id");
        Map<String, String> refusedUrls = Map.of(
                "http://93.184.215.14/hook", "https",
                "ftp://127.0.0.1/hook", "https URL",
                "https://user:pw@127.0.0.1/hook", "user name",
                "/relative", "https URL",
                "https://no-such-host.invalid/hook", "does not resolve",
                "http://127.0.0.1:65536/hook", "port");
        refusedUrls.forEach((url, why) -> hostile().body(Map.of("url", url)).post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString(why)));
        hostile().body(Map.of("url", receiver.url("/x"), "apiKeyId", analyst)).post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("apiKeyId"));
        hostile().body(Map.of("url", receiver.url("/x"), "entities", List.of("PEOPLE"))).post("/api/v1/webhooks")
                .then().statusCode(400);
        hostile().body(Map.of("url", receiver.url("/x"), "entities", List.of())).post("/api/v1/webhooks")
                .then().statusCode(400);
        hostile().body("{\"url\":\"" + receiver.url("/x") + "\",\"entities\":[\"INCIDENT\",null]}")
                .post("/api/v1/webhooks").then().statusCode(400);
        hostile().body(Map.of("url", receiver.url("/x"), "secret", "whsec_mine")).post("/api/v1/webhooks")
                .then().statusCode(400);
        assertEquals(0, api().get("/api/v1/webhooks?limit=500").then().extract().jsonPath()
                .getList("items.findAll { it.url.endsWith('/x') }").size());
    }

    @Test
    void theSecretIsShownOnceAndNotInAReplay() {
        String key = unique("idem");
        Map<String, Object> body = Map.of("url", receiver.url("/once"));
        JsonPath first = api().header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
        subscriptions.add(first.getString("id"));
        api().header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.getString("id")))
                .body("secret", nullValue());
        api().get("/api/v1/webhooks?limit=500").then().statusCode(200).body(org.hamcrest.Matchers.not(
                containsString(first.getString("secret"))));
    }

    private static void awaitDisabled(String subscription, String reason) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonPath now = api().get("/api/v1/webhooks/" + subscription).then().statusCode(200).extract().jsonPath();
            if (!now.getBoolean("enabled")) {
                assertTrue(now.getString("disabledReason").contains(reason), now.getString("disabledReason"));
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the subscription was not disabled");
    }
}
