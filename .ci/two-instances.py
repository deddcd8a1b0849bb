#!/usr/bin/env python3
"""Two packaged instances against one PostgreSQL, one of them killed mid-run.

Field apps post keyed submissions through both instances from concurrent clients, as behind a load balancer.
Part-way through, instance A is killed with SIGKILL while requests are in flight; every client then retries what
it has not had acknowledged, with the same Idempotency-Key and body, on the survivor. Afterwards, through the
survivor:
  lost                every acknowledged record is readable,
  duplicated          every submission exists exactly once,
  missing from feed   the change feed, read from its start, holds every record,
and the slowest submission was acknowledged within 15 s of its first attempt, the ones the killed instance was
working on included (a claim left by a dead instance must not block their retry).

Before the kill, a record read through b (so that b answers it from memory) is made CONFIDENTIAL through a, and
another is deleted through a: b must refuse each to anonymous callers within PRISONWATCH_READ_CACHE_MAX_STALENESS
(3 s) of the write.

A partner's webhook receiver (in this script) is subscribed to incidents through a before the run: every
acknowledged record reaches it, each delivery signed (Standard Webhooks), and at most one webhook-id arrives twice
(the one delivery in flight to it when a was killed: a subscription has one at a time), never two different ids
for one write.

Usage: two-instances.py <quarkus-app dir of a PostgreSQL build>; the database comes from PRISONWATCH_DB_URL,
PRISONWATCH_DB_USER and PRISONWATCH_DB_PASSWORD, and should be fresh. Standard library only.
"""

import base64
import hashlib
import hmac
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

from packaged_service import PackagedService

CLIENTS = 8
SUBMISSIONS_PER_CLIENT = 40
KILL_AFTER_ACKNOWLEDGED = 100
SLOWEST_ALLOWED_SECONDS = 15.0
READ_CACHE_MAX_STALENESS = 3.0
ADMIN_KEY = "two-instances-bootstrap-" + uuid.uuid4().hex
RUN = uuid.uuid4().hex[:12]


def start(name, app_dir, port, management_port, keys_dir, log_dir):
    return PackagedService(f"two-instances-{name}", app_dir, port, management_port,
                           {"PRISONWATCH_KEYS_DIR": keys_dir, "PRISONWATCH_BOOTSTRAP_ADMIN_KEY": ADMIN_KEY,
                            "PRISONWATCH_RATE_LIMIT_PER_KEY": "100000",
                            # the receiver below listens on the loopback address; an instance killed mid-delivery
                            # leaves it to the other after 9 s
                            "PRISONWATCH_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true", "PRISONWATCH_WEBHOOK_TIMEOUT": "3s",
                            "PRISONWATCH_WEBHOOK_CLAIM_FOR": "9s"}, log_dir)


class Receiver:
    """A webhook target that checks every signature and keeps what it was sent."""

    def __init__(self):
        self.secret = None
        self.received = []  # (webhook-id, record id, signature verified)
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                webhook_id = self.headers["webhook-id"]
                signed = f"{webhook_id}.{self.headers['webhook-timestamp']}.".encode() + body
                key = base64.b64decode(receiver.secret.removeprefix("whsec_"))
                expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
                verified = any(hmac.compare_digest(expected, given)
                               for given in self.headers["webhook-signature"].split(" "))
                with receiver.lock:
                    receiver.received.append((webhook_id, json.loads(body)["data"]["id"], verified))
                self.send_response(204 if verified else 401)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/two-instances"

    def snapshot(self):
        with self.lock:
            return list(self.received)


def call(method, url, key, body=None, headers=None, timeout=10):
    """One HTTP exchange: (status, parsed body, headers); status None when no answer came."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
            return response.status, json.loads(payload) if payload else None, response.headers
    except urllib.error.HTTPError as error:
        payload = error.read()
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = None
        return error.code, parsed, error.headers
    except OSError:
        return None, None, None


class Submission:
    def __init__(self, client, number):
        self.key = str(uuid.uuid4())
        self.body = {"type": "FORCED_RECRUITMENT", "title": f"two-instances {RUN} client {client} no. {number}",
                     "occurredFrom": "2026-11-30", "confidentiality": "RESTRICTED"}
        self.first_attempt = None
        self.acknowledged = None
        self.record_id = None
        self.attempts = 0
        self.replayed = False


class Run:
    def __init__(self, instances):
        self.instances = instances
        self.dead = set()
        self.lock = threading.Lock()
        self.acknowledged = 0
        self.killed = threading.Event()
        self.in_flight_at_kill = 0
        self.in_flight = {instance.name: 0 for instance in instances}
        self.outcomes = {}

    def alive(self):
        return [i for i in self.instances if i.name not in self.dead]

    def count(self, outcome):
        with self.lock:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def submit(self, key, submission, preferred):
        submission.first_attempt = time.monotonic()
        pause = 0.05
        turn = preferred
        while time.monotonic() - submission.first_attempt < 60:
            candidates = self.alive()
            instance = candidates[turn % len(candidates)]
            submission.attempts += 1
            with self.lock:
                self.in_flight[instance.name] += 1
            status, body, headers = call("POST", instance.base + "/incidents", key, submission.body,
                                         {"Idempotency-Key": submission.key})
            with self.lock:
                self.in_flight[instance.name] -= 1
            if status == 201:
                submission.acknowledged = time.monotonic()
                submission.record_id = body["id"]
                submission.replayed = headers.get("Idempotent-Replayed") == "true"
                self.count("201 replayed" if submission.replayed else "201")
                with self.lock:
                    self.acknowledged += 1
                return
            self.count(f"{status or 'no answer'} (retried)")
            if status is not None and status < 500 and status not in (409, 429):
                print(f"submission refused for good: {status} {body}", file=sys.stderr)
                return
            # no answer, 5xx, 409 (a twin still running) or 429: retry the same request, on another instance next
            turn += 1
            time.sleep(pause)
            pause = min(pause * 2, 1.0)

    def kill_when_due(self, victim):
        while not self.killed.is_set():
            with self.lock:
                due = self.acknowledged >= KILL_AFTER_ACKNOWLEDGED and self.in_flight[victim.name] >= 2
            if due:
                with self.lock:
                    self.in_flight_at_kill = self.in_flight[victim.name]
                    self.dead.add(victim.name)
                victim.kill()
                self.killed.set()
                return
            time.sleep(0.002)


def answered_from_memory(instance):
    """How many GETs by id the instance has answered with no query (its prisonwatch_reads_by_id counter)."""
    with urllib.request.urlopen(instance.metrics, timeout=10) as response:
        for line in response.read().decode().splitlines():
            if line.startswith("prisonwatch_reads_by_id_total") and 'answered="memory"' in line:
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def refused_across(a, b, change):
    """A public record held by b, changed through a: seconds until b refuses it anonymously, and b's answers
    from memory meanwhile. `change` makes the write through a, given the record's path."""
    status, record, _ = call("POST", a.base + "/incidents", ADMIN_KEY,
                             {"type": "FORCED_RECRUITMENT", "title": f"held read {uuid.uuid4().hex}",
                              "occurredFrom": "2026-11-30", "confidentiality": "PUBLIC"})
    if status != 201:
        raise SystemExit(f"creating the record to change: {status} {record}")
    path = f"/incidents/{record['id']}"
    # b forgets what it read of a record when its next catch-up (every second) meets the record's creation: a
    # read that came before that catch-up is read again once, so b gets a few tries to answer from memory
    for _ in range(5):
        before = answered_from_memory(b)
        for _ in range(2):
            status, _, _ = call("GET", b.base + path, None)
            if status != 200:
                raise SystemExit(f"an anonymous read of a public record through b: {status}")
        if answered_from_memory(b) > before:
            break
        time.sleep(0.5)
    else:
        raise SystemExit("b read the record's row again on every second GET: nothing is answered from memory")
    status, body = change(path)
    written = time.monotonic()
    if status not in (200, 204):
        raise SystemExit(f"changing the record through a: {status} {body}")
    stale = 0
    while time.monotonic() - written < READ_CACHE_MAX_STALENESS + 10:
        status, _, _ = call("GET", b.base + path, None)
        if status == 404:
            return time.monotonic() - written, stale
        stale += 1
        time.sleep(0.05)
    raise SystemExit("b still answered the changed record 10 s past the bound")


def reclassify(a):
    def change(path):
        status, body, _ = call("PATCH", a.base + path, ADMIN_KEY, {"confidentiality": "CONFIDENTIAL"},
                               {"If-Match": '"1"', "Content-Type": "application/merge-patch+json"})
        return status, body
    return change


def delete(a):
    def change(path):
        status, body, _ = call("DELETE", a.base + path, ADMIN_KEY, None, {"If-Match": '"1"'})
        return status, body
    return change


def read_all(survivor, path, key):
    """Every item of a keyset-paged collection or of the change feed, following nextCursor."""
    items = []
    url = survivor.base + path
    while True:
        status, body, _ = call("GET", url, key, timeout=30)
        if status != 200:
            raise SystemExit(f"GET {url}: {status} {body}")
        items.extend(body["items"])
        cursor = body.get("nextCursor")
        if not cursor or not body["items"]:
            return items
        separator = "&" if "?" in path else "?"
        parameter = "after" if path.startswith("/changes") else "cursor"
        url = f"{survivor.base}{path}{separator}{parameter}={urllib.request.quote(cursor)}"


def main():
    app_dir = sys.argv[1]
    log_dir = os.path.abspath(os.path.join(app_dir, ".."))
    keys_dir = tempfile.mkdtemp(prefix="prisonwatch-two-instances-keys-")
    os.chmod(keys_dir, 0o700)
    # A first, so that only one instance runs the migrations and makes the shared keys
    a = start("a", app_dir, 18181, 19181, keys_dir, log_dir)
    instances = [a]
    try:
        a.wait_ready()
        b = start("b", app_dir, 18182, 19182, keys_dir, log_dir)
        instances.append(b)
        b.wait_ready()

        keys = []
        for client in range(CLIENTS):
            status, body, _ = call("POST", a.base + "/admin/api-keys", ADMIN_KEY,
                                   {"name": f"two-instances {RUN} reporter {client}", "role": "REPORTER"})
            if status != 201:
                raise SystemExit(f"issuing a reporter key: {status} {body}")
            keys.append(body["key"])

        receiver = Receiver()
        status, partner, _ = call("POST", a.base + "/admin/api-keys", ADMIN_KEY,
                                  {"name": f"two-instances {RUN} partner", "role": "PARTNER"})
        status, subscription, _ = call("POST", a.base + "/webhooks", ADMIN_KEY,
                                       {"url": receiver.url(), "apiKeyId": partner["id"], "entities": ["INCIDENT"]})
        if status != 201:
            raise SystemExit(f"subscribing the receiver: {status} {subscription}")
        receiver.secret = subscription["secret"]

        held_reads = {"reclassified CONFIDENTIAL": refused_across(a, b, reclassify(a)),
                      "deleted": refused_across(a, b, delete(a))}
        run = Run([a, b])
        submissions = [[Submission(c, n) for n in range(SUBMISSIONS_PER_CLIENT)] for c in range(CLIENTS)]
        started = time.monotonic()
        killer = threading.Thread(target=run.kill_when_due, args=(a,))
        killer.start()

        def client(number):
            for index, submission in enumerate(submissions[number]):
                run.submit(keys[number], submission, number + index)

        threads = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        run.killed.set()
        killer.join()
        elapsed = time.monotonic() - started
        if a.process.poll() is None:
            raise SystemExit("the run ended before instance a was killed: raise SUBMISSIONS_PER_CLIENT")

        every = [s for group in submissions for s in group]
        acknowledged = [s for s in every if s.record_id]
        stored = read_all(b, f"/incidents?q={urllib.request.quote('two-instances ' + RUN)}&limit=100", ADMIN_KEY)
        stored_by_title = {}
        for item in stored:
            stored_by_title.setdefault(item["title"], []).append(item["id"])
        lost = [s for s in acknowledged if s.record_id not in stored_by_title.get(s.body["title"], [])]
        duplicated = [t for t, ids in stored_by_title.items() if len(ids) > 1]
        feed_ids = {item["id"] for item in read_all(b, "/changes?limit=500", ADMIN_KEY)
                    if item["entity"] == "INCIDENT"}
        missing_from_feed = [s for s in acknowledged if s.record_id not in feed_ids]
        slowest = max(s.acknowledged - s.first_attempt for s in acknowledged)
        # a's claim on the delivery in flight when it died lapses after 9 s; b then sends the rest in order
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            pushed = receiver.snapshot()
            if {s.record_id for s in acknowledged} <= {record for _, record, _ in pushed}:
                break
            time.sleep(0.5)
        pushed = receiver.snapshot()
        pushed_ids = {record for _, record, _ in pushed}
        not_pushed = [s for s in acknowledged if s.record_id not in pushed_ids]
        unsigned = [hook for hook, _, verified in pushed if not verified]
        ids_per_record = {}
        times_per_hook = {}
        for hook, record, _ in pushed:
            ids_per_record.setdefault(record, set()).add(hook)
            times_per_hook[hook] = times_per_hook.get(hook, 0) + 1
        pushed_twice = [hook for hook, times in times_per_hook.items() if times > 1]
        # each submission is one write (others, such as the reclassified record, are written twice)
        two_ids = [s.record_id for s in acknowledged if len(ids_per_record.get(s.record_id, ())) > 1]
        retried = [s for s in acknowledged if s.attempts > 1]

        rows = [
            ("instances", "2 (a killed with SIGKILL mid-run, b survived)"),
            ("requests in flight to a when it was killed", run.in_flight_at_kill),
            ("submissions", len(every)),
            ("acknowledged (within 60 s of the first attempt)", len(acknowledged)),
            ("retried (same key and body)", len(retried)),
            ("answered by replay", sum(1 for s in every if s.replayed)),
            ("lost", len(lost)),
            ("duplicated", len(duplicated)),
            ("records in the store", len(stored)),
            ("missing from the feed", len(missing_from_feed)),
            ("slowest acknowledgement, s", f"{slowest:.2f} (bar: {SLOWEST_ALLOWED_SECONDS:.0f})"),
            ("slowest retried one, s", f"{max((s.acknowledged - s.first_attempt for s in retried), default=0):.2f}"),
            ("run time, s", f"{elapsed:.1f}"),
            ("webhook: acknowledged records not pushed", len(not_pushed)),
            ("webhook: deliveries not signed right", len(unsigned)),
            ("webhook: webhook-ids sent twice (bar: 1, in flight at the kill)", len(pushed_twice)),
            ("webhook: writes sent under two ids", len(two_ids)),
        ] + [
            (f"{what} through a, refused by b after, s",
             f"{after:.2f} (bar: {READ_CACHE_MAX_STALENESS:.0f}; {stale} stale answers before)")
            for what, (after, stale) in held_reads.items()
        ]
        width = max(len(name) for name, _ in rows)
        print(f"| {'two instances, one PostgreSQL'.ljust(width)} | |")
        print(f"|{'-' * (width + 2)}|---|")
        for name, value in rows:
            print(f"| {name.ljust(width)} | {value} |")
        print("responses: " + ", ".join(f"{k}: {v}" for k, v in sorted(run.outcomes.items())))

        failures = []
        if len(acknowledged) != len(every):
            failures.append(f"{len(every) - len(acknowledged)} never acknowledged")
        if lost:
            failures.append(f"{len(lost)} lost")
        if duplicated:
            failures.append(f"{len(duplicated)} duplicated")
        if len(stored) != len(every):
            failures.append(f"{len(stored)} records stored for {len(every)} submissions")
        if missing_from_feed:
            failures.append(f"{len(missing_from_feed)} missing from the feed")
        if slowest > SLOWEST_ALLOWED_SECONDS:
            failures.append(f"slowest acknowledgement {slowest:.1f} s")
        if not_pushed:
            failures.append(f"{len(not_pushed)} acknowledged records never reached the webhook")
        if unsigned:
            failures.append(f"{len(unsigned)} webhook deliveries failed their signature")
        if len(pushed_twice) > 1:
            failures.append(f"{len(pushed_twice)} webhook-ids sent twice")
        if two_ids:
            failures.append(f"{len(two_ids)} writes pushed under two webhook-ids")
        for what, (after, _) in held_reads.items():
            if after > READ_CACHE_MAX_STALENESS:
                failures.append(f"b answered a record {what} through a for {after:.1f} s")
        if failures:
            raise SystemExit("two instances: " + "; ".join(failures))
    finally:
        for instance in instances:
            instance.stop()
        shutil.rmtree(keys_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
