"""An NGO app in Python, written against the committed spec through the client openapi-generator makes from it
(generator "python", pydantic 2): no hand-written HTTP, only the service's address and a key configured once.

Run by .ci/python-client, which generates the client, starts the packaged service and sets PRISONWATCH_BASE_URL and
PRISONWATCH_ADMIN_KEY. Every operation of the spec must be called at least once: the last test compares what the
client sent (method and path template, recorded beneath the generated API classes) with the spec's operations.
"""

import datetime
import http.server
import json
import os
import pathlib
import threading
import time
import unittest
import uuid

import prisonwatch_client as pw
from prisonwatch_client.exceptions import ApiException

BASE_URL = os.environ["PRISONWATCH_BASE_URL"]
ADMIN_KEY = os.environ["PRISONWATCH_ADMIN_KEY"]
SPEC = pathlib.Path(__file__).resolve().parents[3] / "openapi" / "openapi.json"

CALLED = set()
_serialize = pw.ApiClient.param_serialize


def _recording(self, method, resource_path, *args, **kwargs):
    CALLED.add((method.upper(), resource_path))
    return _serialize(self, method, resource_path, *args, **kwargs)


pw.ApiClient.param_serialize = _recording


def bulk(api, collection, *lines):
    """A bulk request through the generated client, which builds it (path, key, headers, each line serialized) but
    sends a body as JSON only when its content type says json: NDJSON is written out here, one JSON text a line,
    and its answer is read here likewise."""
    serialize = getattr(api, f"_upsert_{collection}_by_ref_serialize")
    method, url, headers, _, _ = serialize(bulk_line=lines[0], idempotency_key=None, _request_auth=None,
                                           _content_type=None, _headers=None, _host_index=0)
    body = "".join(json.dumps(api.api_client.sanitize_for_serialization(line)) + "\n" for line in lines)
    return api.api_client.call_api(method, url, headers, body)


def client(key):
    """What an app does once: where the service is, and the key it sends on every call (None: anonymous)."""
    return pw.ApiClient(pw.Configuration(host=BASE_URL, access_token=key))


def problem(error):
    """A refusal, decoded into the spec's Problem type."""
    return pw.Problem.from_json(error.body)


def etag(response):
    return response.headers["ETag"]


def unique(text):
    return f"{text} {uuid.uuid4()}"


class Keys:
    admin = client(ADMIN_KEY)
    _issued = {}

    @classmethod
    def of(cls, role):
        if role not in cls._issued:
            issued = pw.AdminApi(cls.admin).create_api_key(pw.ApiKeyInput(name=unique(f"python {role.value}"),
                                                                         role=role))
            cls._issued[role] = issued
        return cls._issued[role]

    @classmethod
    def client(cls, role):
        return client(cls.of(role).key)


class GeneratedPythonClientTest(unittest.TestCase):

    def setUp(self):
        self.admin = Keys.admin
        self.region = unique("Python")
        prison = pw.PrisonsApi(self.admin).create_prison(
            pw.PrisonInput(name="Python Prison", state_region=self.region), idempotency_key=str(uuid.uuid4()))
        self.prison = prison

    def test_a_reporter_records_retries_pages_edits_and_follows_the_feed(self):
        reporter = Keys.client(pw.Role.REPORTER)
        incidents = pw.IncidentsApi(reporter)
        key = str(uuid.uuid4())
        body = pw.IncidentInput(type=pw.IncidentType.FORCED_RECRUITMENT, title="Called up",
                                occurred_from=datetime.date(2026, 11, 30), prison_id=self.prison.id)
        created = incidents.create_incident(body, idempotency_key=key)
        retried = incidents.create_incident_with_http_info(body, idempotency_key=key)
        self.assertEqual(created.id, retried.data.id)
        self.assertEqual("true", retried.headers["Idempotent-Replayed"])

        # a list with filters, followed to its end by nextCursor
        for day in range(1, 5):
            incidents.create_incident(pw.IncidentInput(type=pw.IncidentType.COMBAT_DEPLOYMENT, title=f"Deployed {day}",
                                                       occurred_from=datetime.date(2026, 10, day),
                                                       prison_id=self.prison.id))
        listed, cursor = set(), None
        while True:
            page = incidents.list_incidents(prison_id=self.prison.id, limit=2, cursor=cursor)
            listed.update(item.id for item in page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
        self.assertEqual(5, len(listed))
        # updatedSince as an aware datetime, encoded by the client as it does by default
        since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
        self.assertEqual(5, len(incidents.list_incidents(prison_id=self.prison.id, updated_since=since).items))
        later = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=6, minutes=30))) \
            + datetime.timedelta(hours=1)
        self.assertEqual([], incidents.list_incidents(prison_id=self.prison.id, updated_since=later).items)

        # replace with If-Match from the ETag, merge patch (null clears), then a stale write decoded as a Problem
        read = incidents.get_incident_with_http_info(created.id)
        replaced = incidents.replace_incident(created.id, body.model_copy(update={"title": "Called up for training"}),
                                              if_match=etag(read))
        self.assertEqual(2, replaced.version)
        patched = incidents.patch_incident(created.id, pw.IncidentPatch(location_name="Bhamo"), if_match='"2"')
        self.assertEqual(("Bhamo", "Called up for training"), (patched.location_name, patched.title))
        with self.assertRaises(ApiException) as stale:
            incidents.patch_incident(created.id, pw.IncidentPatch(location_name="Elsewhere"), if_match=etag(read))
        self.assertEqual(412, stale.exception.status)
        self.assertEqual("urn:prisonwatch:problem:precondition-failed", problem(stale.exception).type)
        with self.assertRaises(ApiException) as unmodified:
            incidents.get_incident(created.id, if_none_match='"3"')
        self.assertEqual(304, unmodified.exception.status)

        # history, and the feed decoding each entry as the record it carries
        self.assertEqual([1, 2, 3], sorted(v.version for v in incidents.list_incident_history(created.id).items))
        changes, after = [], None
        while True:
            page = pw.ChangesApi(reporter).list_changes(after=after, entity=[pw.ChangedEntity.INCIDENT], limit=500)
            changes.extend(entry.actual_instance for entry in page.items)
            if not page.items:
                break
            after = page.next_cursor
        mine = [c for c in changes if c.id == created.id]
        self.assertEqual(1, len(mine))
        self.assertIsInstance(mine[0], pw.IncidentChange)
        self.assertEqual("Bhamo", mine[0].record.location_name)

        # deleted by an admin with If-Match: gone for the reporter, and a DELETE in its feed
        pw.IncidentsApi(self.admin).delete_incident(created.id, if_match='"3"')
        with self.assertRaises(ApiException) as gone:
            incidents.get_incident(created.id)
        self.assertEqual(404, gone.exception.status)
        deleted = [e.actual_instance for e in pw.ChangesApi(reporter).list_changes(
            after=after, entity=[pw.ChangedEntity.INCIDENT]).items if e.actual_instance.id == created.id]
        self.assertEqual(pw.ChangeOp.DELETE, deleted[0].op)
        self.assertIsNone(deleted[0].record)

    def test_a_partner_syncs_by_reference_and_strangers_see_only_what_is_public(self):
        partner = Keys.client(pw.Role.PARTNER)
        analyst = Keys.client(pw.Role.ANALYST)
        stranger = client(None)
        self.assertEqual("1.0.0", pw.ServiceApi(stranger).show_service_index().api_version)

        # a partner's records by its own references: created, unchanged, changed with If-Match
        ref = f"py:{uuid.uuid4()}"
        synced = pw.IncidentInput(type=pw.IncidentType.COMBAT_DEPLOYMENT, title="Sent to the front",
                                  occurred_from=datetime.date(2025, 3, 1), prison_id=self.prison.id,
                                  external_ref=ref)
        incidents = pw.IncidentsApi(partner)
        self.assertEqual(201, incidents.upsert_incident_by_ref_with_http_info(ref, synced).status_code)
        self.assertEqual(200, incidents.upsert_incident_by_ref_with_http_info(ref, synced).status_code)
        incident = incidents.upsert_incident_by_ref(ref, synced.model_copy(update={"title": "Sent to the front line"}),
                                                    if_match='"1"')
        self.assertEqual(2, incident.version)
        report_ref, casualty_ref = f"py:{uuid.uuid4()}", f"py:{uuid.uuid4()}"
        report = pw.ArmedInmateReportsApi(partner).upsert_armed_inmate_report_by_ref(
            report_ref, pw.ArmedInmateReportInput(prison_id=self.prison.id, reported_on=datetime.date(2025, 3, 2),
                                                  incident_id=incident.id, inmates_armed=pw.Count(min=20, best=30),
                                                  external_ref=report_ref))
        casualty = pw.CasualtiesApi(partner).upsert_casualty_by_ref(
            casualty_ref, pw.CasualtyInput(incident_id=incident.id, outcome=pw.CasualtyOutcome.KILLED,
                                           group=pw.CasualtyGroup.CONSCRIPTED_INMATE, count=pw.Count(best=2),
                                           external_ref=casualty_ref))
        self.assertEqual((1, 1), (report.version, casualty.version))
        # in bulk, one NDJSON line a record, and an NDJSON answer
        for api, collection, record in (
                (incidents, "incidents",
                 {"type": "COMBAT_DEPLOYMENT", "title": "Loaded in bulk", "occurredFrom": "2025-03-03"}),
                (pw.ArmedInmateReportsApi(partner), "armed_inmate_reports",
                 {"prisonId": str(self.prison.id), "reportedOn": "2025-03-04"}),
                (pw.CasualtiesApi(partner), "casualties",
                 {"incidentId": str(incident.id), "outcome": "INJURED", "group": "CONSCRIPTED_INMATE",
                  "count": {"best": 1}})):
            answer = bulk(api, collection, pw.BulkLine(external_ref=f"py:{uuid.uuid4()}", record=record))
            self.assertEqual(200, answer.status)
            results = [json.loads(line) for line in answer.read().decode().splitlines()]
            self.assertEqual([(201, "created")], [(r["status"], r["outcome"]) for r in results])
        # RESTRICTED by default: a stranger is told nothing exists
        for read in (lambda: pw.IncidentsApi(stranger).get_incident(incident.id),
                     lambda: pw.ArmedInmateReportsApi(stranger).get_armed_inmate_report(report.id)):
            with self.assertRaises(ApiException) as hidden:
                read()
            self.assertEqual(404, hidden.exception.status)

        # what a stranger reads of public records: never person or contact (absent, not null)
        published = pw.IncidentsApi(self.admin).create_incident(pw.IncidentInput(
            type=pw.IncidentType.COMBAT_CASUALTIES, title="Casualties at the front",
            occurred_from=datetime.date(2025, 3, 2), prison_id=self.prison.id,
            confidentiality=pw.Confidentiality.PUBLIC))
        named = pw.CasualtiesApi(self.admin).create_casualty(pw.CasualtyInput(
            incident_id=published.id, outcome=pw.CasualtyOutcome.INJURED, group=pw.CasualtyGroup.CONSCRIPTED_INMATE,
            count=pw.Count(best=1), person=pw.Person(name=unique("Python Person")),
            confidentiality=pw.Confidentiality.PUBLIC))
        self.assertIsNotNone(pw.CasualtiesApi(analyst).get_casualty(named.id).person)
        public = pw.IncidentsApi(stranger).list_incident_casualties(published.id)
        self.assertEqual([named.id], [c.id for c in public.items])
        self.assertIsNone(public.items[0].person)
        self.assertIsNone(pw.CasualtiesApi(stranger).get_casualty(named.id).person)
        public_report = pw.ArmedInmateReportsApi(self.admin).create_armed_inmate_report(pw.ArmedInmateReportInput(
            prison_id=self.prison.id, reported_on=datetime.date(2025, 3, 3), incident_id=published.id,
            confidentiality=pw.Confidentiality.PUBLIC))
        self.assertEqual(public_report.id,
                         pw.ArmedInmateReportsApi(stranger).get_armed_inmate_report(public_report.id).id)
        self.assertEqual([public_report.id], [r.id for r in pw.PrisonsApi(stranger).list_prison_armed_inmate_reports(
            self.prison.id).items])
        self.assertEqual([published.id], [i.id for i in pw.PrisonsApi(stranger).list_prison_incidents(
            self.prison.id).items])
        self.assertEqual(2, len(pw.PrisonsApi(analyst).list_prison_incidents(self.prison.id).items))

        # a revoked key stops at once, and says so in a problem document
        pw.AdminApi(self.admin).delete_api_key(Keys.of(pw.Role.PARTNER).id)
        Keys._issued.pop(pw.Role.PARTNER)
        with self.assertRaises(ApiException) as revoked:
            incidents.upsert_incident_by_ref(ref, synced, if_match='"2"')
        self.assertEqual(401, revoked.exception.status)
        self.assertEqual("urn:prisonwatch:problem:unauthenticated", problem(revoked.exception).type)

    def test_an_analyst_curates_every_collection(self):
        analyst = Keys.client(pw.Role.ANALYST)
        prisons, sources = pw.PrisonsApi(self.admin), pw.SourcesApi(analyst)
        reports, casualties = pw.ArmedInmateReportsApi(analyst), pw.CasualtiesApi(analyst)

        # prisons (admin): list, read, replace, patch, history, delete
        self.assertIn(self.prison.id, [p.id for p in prisons.list_prisons(state_region=self.region).items])
        read = prisons.get_prison_with_http_info(self.prison.id)
        replaced = prisons.replace_prison(self.prison.id, pw.PrisonInput(name="Python Prison", state_region=self.region,
                                                                        township="Bhamo"), if_match=etag(read))
        patched = prisons.patch_prison(self.prison.id, pw.PrisonPatch(township=None), if_match=f'"{replaced.version}"')
        self.assertIsNone(patched.township)
        self.assertEqual(3, len(prisons.list_prison_history(self.prison.id).items))
        spare = prisons.create_prison(pw.PrisonInput(name="Python Spare Prison", state_region=self.region))
        prisons.delete_prison(spare.id, if_match='"1"')

        # sources: create, list, read, replace, patch, history, erase the contact, delete
        source = sources.create_source(pw.SourceInput(name="Python witness", contact="Signal: +95 9 000 000 002"))
        self.assertIn(source.id, [s.id for s in sources.list_sources(limit=500).items])
        source = sources.replace_source(source.id, pw.SourceInput(name="Python witness", contact="Signal: +95 9 1"),
                                        if_match=etag(sources.get_source_with_http_info(source.id)))
        source = sources.patch_source(source.id, pw.SourcePatch(url="https://example.org/report"), if_match='"2"')
        pw.SourcesApi(self.admin).erase_contact(source.id, if_match='"3"')
        erased = sources.get_source(source.id)
        self.assertIsNone(erased.contact)
        self.assertEqual(4, len(sources.list_source_history(source.id).items))
        pw.SourcesApi(self.admin).delete_source(source.id, if_match=f'"{erased.version}"')

        # armed-inmate reports, cited
        incident = pw.IncidentsApi(analyst).create_incident(pw.IncidentInput(
            type=pw.IncidentType.COMBAT_DEPLOYMENT, title="Analysed", occurred_from=datetime.date(2025, 5, 1),
            prison_id=self.prison.id))
        cited = pw.SourcesApi(analyst).create_source(pw.SourceInput(name="Python news article"))
        report = reports.create_armed_inmate_report(pw.ArmedInmateReportInput(
            prison_id=self.prison.id, reported_on=datetime.date(2025, 5, 2), incident_id=incident.id,
            inmates_armed=pw.Count(min=10, best=12, max=15), citations=[pw.Citation(source_id=cited.id)]))
        self.assertIn(report.id, [r.id for r in reports.list_armed_inmate_reports(prison_id=self.prison.id).items])
        report = reports.replace_armed_inmate_report(report.id, pw.ArmedInmateReportInput(
            prison_id=self.prison.id, reported_on=datetime.date(2025, 5, 3)), if_match='"1"')
        report = reports.patch_armed_inmate_report(report.id, pw.ArmedInmateReportPatch(notes="checked"),
                                                   if_match='"2"')
        self.assertEqual(3, len(reports.list_armed_inmate_report_history(report.id).items))
        pw.ArmedInmateReportsApi(self.admin).delete_armed_inmate_report(report.id, if_match='"3"')

        # casualties: with a person, erased on request
        casualty = casualties.create_casualty(pw.CasualtyInput(
            incident_id=incident.id, outcome=pw.CasualtyOutcome.KILLED, group=pw.CasualtyGroup.CONSCRIPTED_INMATE,
            count=pw.Count(best=1), person=pw.Person(name=unique("Python Person"))))
        self.assertIn(casualty.id, [c.id for c in casualties.list_casualties(incident_id=incident.id).items])
        casualty = casualties.replace_casualty(casualty.id, pw.CasualtyInput(
            incident_id=incident.id, outcome=pw.CasualtyOutcome.KILLED, group=pw.CasualtyGroup.CONSCRIPTED_INMATE,
            count=pw.Count(best=2), person=casualty.person), if_match='"1"')
        casualty = casualties.patch_casualty(casualty.id, pw.CasualtyPatch(notes="named by family"), if_match='"2"')
        pw.CasualtiesApi(self.admin).erase_person(casualty.id, if_match='"3"')
        self.assertIsNone(casualties.get_casualty(casualty.id).person)
        self.assertEqual(4, len(casualties.list_casualty_history(casualty.id).items))
        pw.CasualtiesApi(self.admin).delete_casualty(casualty.id, if_match='"4"')

    def test_exports_statistics_keys_and_the_audit_log(self):
        analyst = Keys.client(pw.Role.ANALYST)
        incidents = pw.IncidentsApi(analyst)
        incidents.create_incident(pw.IncidentInput(type=pw.IncidentType.PRISON_ATTACK, title="=cmd() exported",
                                                   occurred_from=datetime.date(2025, 6, 1), prison_id=self.prison.id,
                                                   latitude=24.27, longitude=97.23))
        # exports are the list operations in another format, asked for with Accept
        csv = incidents.list_incidents_without_preload_content(prison_id=self.prison.id,
                                                               _headers={"Accept": "text/csv"})
        self.assertEqual(200, csv.status)
        rows = csv.data.decode().split("\r\n")
        self.assertTrue(rows[1].lstrip('"').startswith("#event"), "the HXL hashtag row")
        self.assertIn("'=cmd() exported", csv.data.decode(), "a formula is defused")
        geo = incidents.list_incidents_without_preload_content(prison_id=self.prison.id,
                                                               _headers={"Accept": "application/geo+json"})
        features = json.loads(geo.data)["features"]
        self.assertEqual([97.23, 24.27], features[0]["geometry"]["coordinates"])

        statistics = pw.StatisticsApi(analyst)
        self.assertEqual(["prison"], statistics.incident_statistics(group_by="prison", prison_id=self.prison.id)
                         .group_by)
        self.assertEqual("armed-inmates", statistics.armed_inmate_statistics(prison_id=self.prison.id).subject)
        self.assertEqual("casualties", statistics.casualty_statistics(prison_id=self.prison.id).subject)

        admin = pw.AdminApi(self.admin)
        analyst_key = Keys.of(pw.Role.ANALYST)
        self.assertIn(analyst_key.id, [k.id for k in admin.list_api_keys(limit=500).items])
        with self.assertRaises(ApiException) as forbidden:
            pw.AdminApi(analyst).list_api_keys()
        self.assertEqual(403, forbidden.exception.status)
        self.assertEqual("urn:prisonwatch:problem:forbidden", problem(forbidden.exception).type)

        audit = pw.AuditApi(self.admin)
        self.assertTrue(audit.list_audit_entries(limit=10).items)
        self.assertTrue(audit.verify_audit_log().intact)
        checkpoint = audit.sign_audit_checkpoint()
        self.assertTrue(audit.verify_audit_log_against_checkpoint(checkpoint).intact)
        forged = checkpoint.model_copy(update={"head_hash": "0" * len(checkpoint.head_hash)})
        with self.assertRaises(ApiException) as refused:
            audit.verify_audit_log_against_checkpoint(forged)
        self.assertEqual(400, refused.exception.status)

    def test_an_admin_runs_a_partners_webhook(self):
        received = []

        class Receiver(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        hooks = pw.WebhooksApi(self.admin)
        partner = Keys.of(pw.Role.PARTNER)
        created = hooks.create_webhook(pw.WebhookInput(url=f"http://127.0.0.1:{server.server_address[1]}/python",
                                                       api_key_id=partner.id, entities=[pw.ChangedEntity.PRISON]))
        try:
            self.assertTrue(created.secret.startswith("whsec_"))
            prison = pw.PrisonsApi(self.admin).create_prison(pw.PrisonInput(name="Hooked", state_region=self.region))
            for _ in range(200):
                if any(event["data"]["id"] == str(prison.id) for event in received):
                    break
                time.sleep(0.1)
            self.assertIn(str(prison.id), [event["data"]["id"] for event in received])
            self.assertEqual("PARTNER", hooks.get_webhook(id=created.id).audience)
            self.assertIn(created.id, [hook.id for hook in hooks.list_webhooks(limit=500).items])
            delivery = hooks.list_webhook_deliveries(id=created.id).items[0]
            self.assertEqual("DELIVERED", delivery.status)
            self.assertEqual("PENDING", hooks.retry_webhook_delivery(delivery_id=delivery.id, id=created.id).status)
            self.assertEqual("DELIVERED", hooks.ping_webhook(id=created.id).status)
            self.assertTrue(hooks.rotate_webhook_secret(id=created.id).secret.startswith("whsec_"))
            self.assertFalse(hooks.patch_webhook(id=created.id, webhook_patch=pw.WebhookPatch(enabled=False)).enabled)
        finally:
            hooks.delete_webhook(id=created.id)
            server.shutdown()
            server.server_close()

    def test_a_reporter_seals_a_submission(self):
        # what the reporters' page does with WebCrypto: a JWE (RSA-OAEP-256 wrapping an AES-256-GCM key), compact
        import base64
        import hashlib
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding, rsa
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        def b64u(data):
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

        def number(text):
            return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")

        sealed_api = pw.SealedSubmissionsApi(Keys.client(pw.Role.REPORTER))
        jwk = sealed_api.show_sealing_key()
        public_key = rsa.RSAPublicNumbers(number(jwk.e), number(jwk.n)).public_key()
        title = unique("Sealed in Python")
        plaintext = json.dumps({"sealedFor": hashlib.sha256(Keys.of(pw.Role.REPORTER).key.encode()).hexdigest(),
                                "writes": [
            {"collection": "incidents", "record": {"type": "OTHER", "title": title, "occurredFrom": "2026-11-30"}},
            {"collection": "casualties", "record": {"incidentId": "#0", "outcome": "MISSING", "group": "UNKNOWN",
                                                    "count": {"best": 4}}}]}).encode()
        content_key = AESGCM.generate_key(bit_length=256)
        header = b64u(json.dumps({"alg": "RSA-OAEP-256", "enc": "A256GCM", "kid": jwk.kid}).encode())
        iv = os.urandom(12)
        sealed = AESGCM(content_key).encrypt(iv, plaintext, header.encode("ascii"))
        wrapped = public_key.encrypt(content_key, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()),
                                                               algorithm=hashes.SHA256(), label=None))
        body = ".".join([header, b64u(wrapped), b64u(iv), b64u(sealed[:-16]), b64u(sealed[-16:])])
        key = str(uuid.uuid4())
        receipt = sealed_api.create_sealed_submission(idempotency_key=key, body=body)
        self.assertEqual(["incidents", "casualties"], [w.collection for w in receipt.writes])
        again = sealed_api.create_sealed_submission_with_http_info(idempotency_key=key, body=body)
        self.assertEqual("true", again.headers["Idempotent-Replayed"])
        self.assertEqual(receipt.writes[0].id, again.data.writes[0].id)
        self.assertEqual(title, pw.IncidentsApi(self.admin).get_incident(id=receipt.writes[0].id).title)

    def test_zz_every_operation_of_the_spec_was_called(self):
        spec = json.loads(SPEC.read_text())
        operations = {(method.upper(), path) for path, item in spec["paths"].items() for method in item
                      if method in ("get", "post", "put", "patch", "delete")}
        self.assertEqual(set(), operations - CALLED, "operations no test called through the Python client")


if __name__ == "__main__":
    unittest.main(verbosity=2)
