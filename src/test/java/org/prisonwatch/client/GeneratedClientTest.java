package org.prisonwatch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prisonwatch.client.api.AdminApi;
import org.prisonwatch.client.api.ArmedInmateReportsApi;
import org.prisonwatch.client.api.AuditApi;
import org.prisonwatch.client.api.CasualtiesApi;
import org.prisonwatch.client.api.ChangesApi;
import org.prisonwatch.client.api.IncidentsApi;
import org.prisonwatch.client.api.PrisonsApi;
import org.prisonwatch.client.api.ServiceApi;
import org.prisonwatch.client.api.SourcesApi;
import org.prisonwatch.client.api.StatisticsApi;
import org.prisonwatch.client.model.ApiKey;
import org.prisonwatch.client.model.ApiKeyInput;
import org.prisonwatch.client.model.ArmedInmateReport;
import org.prisonwatch.client.model.ArmedInmateReportInput;
import org.prisonwatch.client.model.ArmedInmateReportPatch;
import org.prisonwatch.client.model.AuditCheckpoint;
import org.prisonwatch.client.model.AuditAction;
import org.prisonwatch.client.model.AuditEntryPage;
import org.prisonwatch.client.model.Casualty;
import org.prisonwatch.client.model.CasualtyGroup;
import org.prisonwatch.client.model.CasualtyInput;
import org.prisonwatch.client.model.CasualtyOutcome;
import org.prisonwatch.client.model.CasualtyPage;
import org.prisonwatch.client.model.CasualtyPatch;
import org.prisonwatch.client.model.Change;
import org.prisonwatch.client.model.ChangePage;
import org.prisonwatch.client.model.ChangedEntity;
import org.prisonwatch.client.model.Citation;
import org.prisonwatch.client.model.Confidentiality;
import org.prisonwatch.client.model.BulkLine;
import org.prisonwatch.client.model.BulkResult;
import org.prisonwatch.client.model.Count;
import org.prisonwatch.client.model.Incident;
import org.prisonwatch.client.model.IncidentChange;
import org.prisonwatch.client.model.IncidentInput;
import org.prisonwatch.client.model.IncidentPage;
import org.prisonwatch.client.model.IncidentPatch;
import org.prisonwatch.client.model.IncidentType;
import org.prisonwatch.client.model.Person;
import org.prisonwatch.client.model.Prison;
import org.prisonwatch.client.model.PublicSealingKey;
import org.prisonwatch.client.model.PrisonInput;
import org.prisonwatch.client.model.PrisonPatch;
import org.prisonwatch.client.model.Problem;
import org.prisonwatch.client.model.Role;
import org.prisonwatch.client.model.Source;
import org.prisonwatch.client.model.SourceInput;
import org.prisonwatch.client.model.SourcePatch;
import org.prisonwatch.client.model.Statistics;
import org.prisonwatch.client.model.SubmissionReceipt;
import org.prisonwatch.client.model.SubmittedCollection;
import org.prisonwatch.client.api.SealedSubmissionsApi;
import org.prisonwatch.client.api.WebhooksApi;
import org.prisonwatch.client.model.DeliveryStatus;
import org.prisonwatch.client.model.Webhook;
import org.prisonwatch.client.model.WebhookDelivery;
import org.prisonwatch.client.model.WebhookInput;
import org.prisonwatch.client.model.WebhookPatch;
import org.prisonwatch.support.Keys;
import org.prisonwatch.support.Sealing;
import org.prisonwatch.support.WebhookReceiver;

/**
 * An NGO app written against the committed spec, through the Java client openapi-generator makes from it (native
 * library; the build generates it into target/generated-test-sources): no hand-written HTTP, only the key
 * configured once. What it cannot do, the spec does not let clients do.
 */
@QuarkusTest
@Tag(GeneratedClientTest.TAG)
class GeneratedClientTest {

    /** CI's PostgreSQL suite leaves this class out (-DexcludedGroups): the Python client covers that package. */
    static final String TAG = "generated-client";

    /** Method and path of every exchange any client of this class made. */
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    @Test
    void anNgoAppRecordsReadsPagesEditsAndFollowsTheFeedThroughTheGeneratedClient() throws Exception {
        ApiClient admin = client(Keys.BOOTSTRAP_ADMIN);
        String reporterKey = new AdminApi(admin).createApiKey(new ApiKeyInput().name("Client reporter " + UUID
                .randomUUID()).role(Role.REPORTER), null).getKey();
        ApiClient reporter = client(reporterKey);
        String region = "Client " + UUID.randomUUID();
        Prison prison = new PrisonsApi(admin).createPrison(new PrisonInput().name("Client Prison").stateRegion(region),
                UUID.randomUUID().toString());

        // created under an Idempotency-Key; the retry of a phone on a bad link gets the same record back
        IncidentsApi incidents = new IncidentsApi(reporter);
        String idempotencyKey = UUID.randomUUID().toString();
        IncidentInput input = new IncidentInput().type(IncidentType.FORCED_RECRUITMENT).title("Called up")
                .occurredFrom(LocalDate.of(2026, 11, 30)).prisonId(prison.getId());
        Incident created = incidents.createIncident(input, idempotencyKey);
        ApiResponse<Incident> retried = incidents.createIncidentWithHttpInfo(input, idempotencyKey);
        assertEquals(created.getId(), retried.getData().getId());
        assertEquals(List.of("true"), retried.getHeaders().get("idempotent-replayed"));

        // a list with filters, followed to its end by nextCursor
        for (int i = 0; i < 4; i++) {
            incidents.createIncident(new IncidentInput().type(IncidentType.COMBAT_DEPLOYMENT).title("Deployed " + i)
                    .occurredFrom(LocalDate.of(2026, 10, 1 + i)).prisonId(prison.getId()), null);
        }
        Set<UUID> listed = new HashSet<>();
        String cursor = null;
        do {
            IncidentPage page = incidents.listIncidents(cursor, null, null, 2, prison.getId(), null, null, null,
                    null, null, null, null);
            page.getItems().forEach(item -> listed.add(item.getId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertEquals(5, listed.size());

        // update with If-Match from the ETag, then a merge patch, then a stale write decoded as a Problem
        ApiResponse<Incident> read = incidents.getIncidentWithHttpInfo(created.getId(), null);
        String etag = read.getHeaders().get("etag").get(0);
        Incident replaced = incidents.replaceIncident(created.getId(), input.title("Called up for training"), etag);
        assertEquals(2, replaced.getVersion());
        Incident patched = incidents.patchIncident(created.getId(), new IncidentPatch().locationName("Bhamo"),
                "\"2\"");
        assertEquals("Bhamo", patched.getLocationName());
        assertEquals("Called up for training", patched.getTitle());
        ApiException stale = assertThrows(ApiException.class,
                () -> incidents.patchIncident(created.getId(), new IncidentPatch().locationName("Elsewhere"), etag));
        assertEquals(412, stale.getCode());
        Problem problem = reporter.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertEquals("urn:prisonwatch:problem:precondition-failed", problem.getType().toString());

        // every version is in its history; the feed decodes each entry as the record it carries
        assertEquals(3, incidents.listIncidentHistory(created.getId(), null, null, null).getItems().size());
        List<Change> changes = new ArrayList<>();
        String after = null;
        for (ChangePage page; ; after = page.getNextCursor()) {
            page = new ChangesApi(reporter).listChanges(after, List.of(ChangedEntity.INCIDENT), 500);
            changes.addAll(page.getItems());
            if (page.getItems().isEmpty()) {
                break;
            }
        }
        IncidentChange mine = changes.stream().map(Change::getActualInstance)
                .map(entry -> assertInstanceOf(IncidentChange.class, entry))
                .filter(entry -> entry.getId().equals(created.getId())).findFirst().orElseThrow();
        assertEquals("Bhamo", mine.getRecord().getLocationName());

        // deleted with If-Match by an admin (reporters may not delete): gone, and a DELETE in the reporter's feed
        new IncidentsApi(admin).deleteIncident(created.getId(), "\"3\"");
        ApiException gone = assertThrows(ApiException.class, () -> incidents.getIncident(created.getId(), null));
        assertEquals(404, gone.getCode());
        IncidentChange deleted = new ChangesApi(reporter).listChanges(after, List.of(ChangedEntity.INCIDENT), 500)
                .getItems().stream().map(entry -> (IncidentChange) entry.getActualInstance())
                .filter(entry -> entry.getId().equals(created.getId())).findFirst().orElseThrow();
        assertEquals("DELETE", deleted.getOp().getValue());
        assertNull(deleted.getRecord());
        assertFalse(listed.isEmpty());
        assertTrue(replaced.getVersion() < deleted.getVersion());
    }

    @Test
    void aPartnerSyncsByReferenceWhileStaffAndStrangersReadWhatTheirKeysAllow() throws Exception {
        ApiClient admin = client(Keys.BOOTSTRAP_ADMIN);
        AdminApi keys = new AdminApi(admin);
        ApiKey partnerKey = keys.createApiKey(new ApiKeyInput().name("Client partner " + UUID.randomUUID())
                .role(Role.PARTNER), null);
        ApiClient partner = client(partnerKey.getKey());
        ApiClient analyst = client(keys.createApiKey(new ApiKeyInput().name("Client analyst " + UUID.randomUUID())
                .role(Role.ANALYST), null).getKey());
        ApiClient stranger = client(null);
        assertEquals("1.0.0", new ServiceApi(stranger).showServiceIndex().getApiVersion());
        Prison prison = new PrisonsApi(admin).createPrison(new PrisonInput().name("Client Prison")
                .stateRegion("Client " + UUID.randomUUID()), null);

        // by reference: created, then unchanged, then changed with If-Match
        String ref = "client:" + UUID.randomUUID();
        IncidentInput synced = new IncidentInput().type(IncidentType.COMBAT_DEPLOYMENT).title("Sent to the front")
                .occurredFrom(LocalDate.of(2025, 3, 1)).prisonId(prison.getId()).externalRef(ref);
        IncidentsApi partnerIncidents = new IncidentsApi(partner);
        assertEquals(201, partnerIncidents.upsertIncidentByRefWithHttpInfo(ref, synced, null).getStatusCode());
        ApiResponse<Incident> again = partnerIncidents.upsertIncidentByRefWithHttpInfo(ref, synced, null);
        assertEquals(200, again.getStatusCode());
        assertEquals(1, again.getData().getVersion());
        assertEquals(2, partnerIncidents.upsertIncidentByRef(ref, synced.title("Sent to the front line"), "\"1\"")
                .getVersion());
        // in bulk, one NDJSON line a record: the generated client sends one line and reads its one result
        BulkResult loaded = partnerIncidents.upsertIncidentsByRef(new BulkLine().externalRef(ref + "-bulk")
                .record(Map.of("type", "COMBAT_DEPLOYMENT", "title", "Loaded in bulk", "occurredFrom", "2025-03-02")),
                null);
        assertEquals(201, loaded.getStatus());
        assertEquals(1, loaded.getVersion());

        // identifying fields: present for staff, absent (not null in their place) for a stranger
        Source source = new SourcesApi(admin).createSource(new SourceInput().name("Client witness")
                .contact("Signal: +95 9 000 000 001").confidentiality(Confidentiality.PUBLIC), null);
        assertEquals("Signal: +95 9 000 000 001", new SourcesApi(analyst).getSource(source.getId(), null)
                .getContact());
        assertNull(new SourcesApi(stranger).getSource(source.getId(), null).getContact());
        Incident incident = new IncidentsApi(admin).createIncident(new IncidentInput()
                .type(IncidentType.COMBAT_CASUALTIES).title("Casualties at the front")
                .occurredFrom(LocalDate.of(2025, 3, 2)).prisonId(prison.getId())
                .confidentiality(Confidentiality.PUBLIC), null);
        Casualty casualty = new CasualtiesApi(admin).createCasualty(new CasualtyInput().incidentId(incident.getId())
                .outcome(CasualtyOutcome.KILLED).group(CasualtyGroup.CONSCRIPTED_INMATE).count(new Count().best(1))
                .person(new Person().name("Client Person " + UUID.randomUUID()))
                .confidentiality(Confidentiality.PUBLIC), null);
        assertTrue(new CasualtiesApi(analyst).getCasualty(casualty.getId(), null).getPerson() != null);
        CasualtyPage publicCasualties = new IncidentsApi(stranger).listIncidentCasualties(incident.getId(), null,
                null, null, null, null, null, null, null, null);
        assertEquals(1, publicCasualties.getItems().size());
        assertNull(publicCasualties.getItems().get(0).getPerson());

        // reading across records: the prison's incidents, figures, the audit log
        assertEquals(2, new PrisonsApi(analyst).listPrisonIncidents(prison.getId(), null, null, null, null, null,
                null, null, null, null, null, null, null).getItems().size());
        Statistics figures = new StatisticsApi(analyst).casualtyStatistics(null, null, "outcome", null,
                prison.getId(), null, null, null, null, null);
        assertEquals(1, figures.getRows().size());
        AuditEntryPage created = new AuditApi(admin).listAuditEntries(AuditAction.CREATE, null, null, "Casualty",
                casualty.getId(), null, null);
        assertEquals(1, created.getItems().size());

        // a revoked key stops at once on this instance, and says so in a problem document
        keys.deleteApiKey(partnerKey.getId());
        ApiException revoked = assertThrows(ApiException.class,
                () -> partnerIncidents.upsertIncidentByRef(ref, synced, "\"2\""));
        assertEquals(401, revoked.getCode());
        assertEquals("urn:prisonwatch:problem:unauthenticated", partner.getObjectMapper()
                .readValue(revoked.getResponseBody(), Problem.class).getType().toString());
    }

    @Test
    void anAnalystCuratesEveryCollectionAndAnAdminKeepsKeysAndTheAuditLog() throws Exception {
        ApiClient admin = client(Keys.BOOTSTRAP_ADMIN);
        ApiClient analyst = client(new AdminApi(admin).createApiKey(new ApiKeyInput().name("Client curator "
                + UUID.randomUUID()).role(Role.ANALYST), null).getKey());
        String region = "Client " + UUID.randomUUID();

        // prisons (admin): list, read, replace, patch, history, delete
        PrisonsApi prisons = new PrisonsApi(admin);
        Prison prison = prisons.createPrison(new PrisonInput().name("Client Prison").stateRegion(region), null);
        assertEquals(List.of(prison.getId()), prisons.listPrisons(null, null, null, null, null, null, region, null)
                .getItems().stream().map(Prison::getId).toList());
        String etag = prisons.getPrisonWithHttpInfo(prison.getId(), null).getHeaders().get("etag").get(0);
        prisons.replacePrison(prison.getId(), new PrisonInput().name("Client Prison").stateRegion(region)
                .township("Bhamo"), etag);
        assertEquals("Bhamo", prisons.patchPrison(prison.getId(), new PrisonPatch().nameMy("ဗန်းမော်"), "\"2\"")
                .getTownship());
        assertEquals(3, prisons.listPrisonHistory(prison.getId(), null, null, null).getItems().size());
        Prison spare = prisons.createPrison(new PrisonInput().name("Client Spare Prison").stateRegion(region), null);
        prisons.deletePrison(spare.getId(), "\"1\"");
        assertEquals(404, assertThrows(ApiException.class, () -> prisons.getPrison(spare.getId(), null)).getCode());

        // sources: list, replace, patch, erase the contact, history, delete
        SourcesApi sources = new SourcesApi(analyst);
        Source source = sources.createSource(new SourceInput().name("Client informant " + UUID.randomUUID())
                .contact("Signal: +95 9 000 000 003"), null);
        assertEquals(1, sources.listSources(null, null, 500, source.getName(), null).getItems().size());
        sources.replaceSource(source.getId(), new SourceInput().name(source.getName()).contact("Signal: +95 9 1"),
                "\"1\"");
        sources.patchSource(source.getId(), new SourcePatch().url("https://example.org/report"), "\"2\"");
        new SourcesApi(admin).eraseContact(source.getId(), "\"3\"");
        assertNull(sources.getSource(source.getId(), null).getContact());
        assertEquals(4, sources.listSourceHistory(source.getId(), null, null, null).getItems().size());
        new SourcesApi(admin).deleteSource(source.getId(), "\"4\"");

        // armed-inmate reports, cited, by id and by reference
        Incident incident = new IncidentsApi(analyst).createIncident(new IncidentInput()
                .type(IncidentType.COMBAT_DEPLOYMENT).title("Curated").occurredFrom(LocalDate.of(2025, 5, 1))
                .prisonId(prison.getId()), null);
        Source cited = sources.createSource(new SourceInput().name("Client news article"), null);
        ArmedInmateReportsApi reports = new ArmedInmateReportsApi(analyst);
        ArmedInmateReport report = reports.createArmedInmateReport(new ArmedInmateReportInput()
                .prisonId(prison.getId()).reportedOn(LocalDate.of(2025, 5, 2)).incidentId(incident.getId())
                .inmatesArmed(new Count().min(10).best(12).max(15))
                .citations(List.of(new Citation().sourceId(cited.getId()))), null);
        assertEquals(report.getId(), reports.getArmedInmateReport(report.getId(), null).getId());
        assertEquals(List.of(report.getId()), reports.listArmedInmateReports(null, null, null, null, prison.getId(),
                null, null, null, null, null).getItems().stream().map(ArmedInmateReport::getId).toList());
        reports.replaceArmedInmateReport(report.getId(), new ArmedInmateReportInput().prisonId(prison.getId())
                .reportedOn(LocalDate.of(2025, 5, 3)), "\"1\"");
        assertEquals("checked", reports.patchArmedInmateReport(report.getId(), new ArmedInmateReportPatch()
                .notes("checked"), "\"2\"").getNotes());
        assertEquals(3, reports.listArmedInmateReportHistory(report.getId(), null, null, null).getItems().size());
        String reportRef = "client:" + UUID.randomUUID();
        ArmedInmateReport byRef = reports.upsertArmedInmateReportByRef(reportRef, new ArmedInmateReportInput()
                .prisonId(prison.getId()).reportedOn(LocalDate.of(2025, 5, 4)).externalRef(reportRef), null);
        assertEquals(201, reports.upsertArmedInmateReportsByRef(new BulkLine().externalRef(reportRef + "-bulk")
                .record(Map.of("prisonId", prison.getId().toString(), "reportedOn", "2025-05-05")), null).getStatus());
        assertEquals(3, new PrisonsApi(analyst).listPrisonArmedInmateReports(prison.getId(), null, null, null, null,
                null, null, null, null, null, null).getItems().size());
        new ArmedInmateReportsApi(admin).deleteArmedInmateReport(byRef.getId(), "\"1\"");

        // casualties: a named person, erased on request, by id and by reference
        CasualtiesApi casualties = new CasualtiesApi(analyst);
        CasualtyInput named = new CasualtyInput().incidentId(incident.getId()).outcome(CasualtyOutcome.KILLED)
                .group(CasualtyGroup.CONSCRIPTED_INMATE).count(new Count().best(1))
                .person(new Person().name("Client Person " + UUID.randomUUID()));
        Casualty casualty = casualties.createCasualty(named, null);
        assertEquals(List.of(casualty.getId()), casualties.listCasualties(null, null, null, incident.getId(), null,
                null, null, null, null).getItems().stream().map(Casualty::getId).toList());
        casualties.replaceCasualty(casualty.getId(), named.count(new Count().best(2)), "\"1\"");
        casualties.patchCasualty(casualty.getId(), new CasualtyPatch().notes("named by family"), "\"2\"");
        new CasualtiesApi(admin).erasePerson(casualty.getId(), "\"3\"");
        assertNull(casualties.getCasualty(casualty.getId(), null).getPerson());
        assertEquals(4, casualties.listCasualtyHistory(casualty.getId(), null, null, null).getItems().size());
        new CasualtiesApi(admin).deleteCasualty(casualty.getId(), "\"4\"");
        String casualtyRef = "client:" + UUID.randomUUID();
        assertEquals(1, casualties.upsertCasualtyByRef(casualtyRef, new CasualtyInput().incidentId(incident.getId())
                .outcome(CasualtyOutcome.INJURED).group(CasualtyGroup.CONSCRIPTED_INMATE).count(new Count().best(3))
                .externalRef(casualtyRef), null).getVersion());
        assertEquals("created", casualties.upsertCasualtiesByRef(new BulkLine().externalRef(casualtyRef + "-bulk")
                .record(Map.of("incidentId", incident.getId().toString(), "outcome", "INJURED", "group",
                        "CONSCRIPTED_INMATE", "count", Map.of("best", 1))), null).getOutcome().getValue());

        // figures, keys and the audit log
        StatisticsApi statistics = new StatisticsApi(analyst);
        assertEquals(List.of("prison"), statistics.incidentStatistics(null, "prison", prison.getId(), null, null, null,
                null, null).getGroupBy());
        assertEquals(Statistics.SubjectEnum.ARMED_INMATES, statistics.armedInmateStatistics(null, null,
                prison.getId(), null, null, null, null).getSubject());
        assertTrue(new AdminApi(admin).listApiKeys(null, 500, null).getItems().size() >= 2);
        ApiException forbidden = assertThrows(ApiException.class, () -> new AdminApi(analyst).listApiKeys(null, null,
                null));
        assertEquals(403, forbidden.getCode());
        AuditApi audit = new AuditApi(admin);
        assertTrue(audit.verifyAuditLog().getIntact());
        AuditCheckpoint checkpoint = audit.signAuditCheckpoint();
        assertTrue(audit.verifyAuditLogAgainstCheckpoint(checkpoint).getIntact(), "sent back as it came");
        ApiException forged = assertThrows(ApiException.class, () -> audit.verifyAuditLogAgainstCheckpoint(
                checkpoint.headHash("0".repeat(64))));
        assertEquals(400, forged.getCode());
    }

    @Test
    void anAdminRunsAPartnersWebhookThroughTheGeneratedClient() throws Exception {
        ApiClient admin = client(Keys.BOOTSTRAP_ADMIN);
        ApiKey partnerKey = new AdminApi(admin).createApiKey(new ApiKeyInput().name("Client hook " + UUID.randomUUID())
                .role(Role.PARTNER), null);
        WebhooksApi hooks = new WebhooksApi(admin);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Webhook created = hooks.createWebhook(new WebhookInput().url(receiver.url("/client"))
                    .apiKeyId(partnerKey.getId()).entities(List.of(ChangedEntity.PRISON)), null);
            receiver.trusting(created.getSecret());
            try {
                Prison prison = new PrisonsApi(admin).createPrison(new PrisonInput().name("Client hook prison")
                        .stateRegion("Client " + UUID.randomUUID()), null);
                receiver.await(java.time.Duration.ofSeconds(20), all -> all.stream()
                        .anyMatch(r -> prison.getId().toString().equals(r.recordId())));
                assertEquals("PARTNER", String.valueOf(hooks.getWebhook(created.getId(), null).getAudience()));
                assertTrue(hooks.listWebhooks(null, 500, null).getItems().stream()
                        .anyMatch(w -> w.getId().equals(created.getId())));
                // the receiver records the request before it answers, and the worker settles the delivery after
                // the answer, in a transaction of its own: wait for that, not just for the arrival
                WebhookDelivery delivered = null;
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
                do {
                    delivered = hooks.listWebhookDeliveries(created.getId(), null, null, null).getItems().get(0);
                    if (delivered.getStatus() != DeliveryStatus.DELIVERED) {
                        Thread.sleep(50);
                    }
                } while (delivered.getStatus() != DeliveryStatus.DELIVERED && System.nanoTime() < deadline);
                assertEquals(DeliveryStatus.DELIVERED, delivered.getStatus());
                assertEquals(DeliveryStatus.PENDING,
                        hooks.retryWebhookDelivery(delivered.getId(), created.getId(), null).getStatus());
                assertEquals(DeliveryStatus.DELIVERED, hooks.pingWebhook(created.getId(), null)
                        .getStatus());
                assertTrue(hooks.rotateWebhookSecret(created.getId(), null).getSecret().startsWith("whsec_"));
                assertEquals(false, hooks.patchWebhook(created.getId(), new WebhookPatch().enabled(false), null)
                        .getEnabled());
            } finally {
                hooks.deleteWebhook(created.getId());
            }
        }
    }

    @Test
    void aReporterSealsASubmissionThroughTheGeneratedClient() throws Exception {
        ApiClient reporter = client(Keys.of(org.prisonwatch.access.Role.REPORTER));
        SealedSubmissionsApi sealed = new SealedSubmissionsApi(reporter);
        PublicSealingKey key = sealed.showSealingKey();
        com.nimbusds.jose.jwk.RSAKey jwk = com.nimbusds.jose.jwk.RSAKey.parse(Map.of("kty",
                String.valueOf(key.getKty()), "n", key.getN(), "e", key.getE(), "alg", String.valueOf(key.getAlg()),
                "use", String.valueOf(key.getUse()), "kid", key.getKid()));
        String title = "Sealed through the client " + UUID.randomUUID();
        String submission = new ObjectMapper().writeValueAsString(Map.of("sealedFor", org.prisonwatch.security.KeyHash
                .of(Keys.of(org.prisonwatch.access.Role.REPORTER)), "writes", List.of(Map.of(
                "collection", "incidents", "record", Map.of("type", "OTHER", "title", title,
                        "occurredFrom", "2025-03-01")))));
        String body = Sealing.seal(jwk, com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256,
                com.nimbusds.jose.EncryptionMethod.A256GCM, false, submission);
        String idempotencyKey = UUID.randomUUID().toString();
        SubmissionReceipt receipt = sealed.createSealedSubmission(idempotencyKey, body);
        assertEquals(SubmittedCollection.INCIDENTS, receipt.getWrites().get(0).getCollection());
        assertEquals(receipt.getWrites().get(0).getId(), sealed.createSealedSubmission(idempotencyKey, body)
                .getWrites().get(0).getId(), "a retry is answered with the first receipt");
        assertEquals(title, new IncidentsApi(reporter).getIncident(receipt.getWrites().get(0).getId(), null)
                .getTitle());
    }

    /** Every operation of the committed spec went through the generated client in this class. */
    @AfterAll
    static void everyOperationOfTheSpecWasCalled() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Path.of("openapi", "openapi.json").toFile()).get("paths");
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            boolean called = CALLED.stream().anyMatch(call -> call.startsWith(method.toUpperCase() + " ")
                    && template.matcher(call.substring(call.indexOf(' ') + 1)).matches());
            if (!called) {
                missing.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), missing, "operations no test called through the generated client");
    }

    /** What an app does once: where the service is, and the key it sends on every call (none: anonymous). */
    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        client.setResponseInterceptor(response -> CALLED.add(response.request().method() + " "
                + response.request().uri().getRawPath()));
        return client;
    }
}
