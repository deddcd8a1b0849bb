#!/usr/bin/env python3
"""Backup and restore, as an administrator would run them, on the packaged service.

  backup-restore.py <quarkus-app directory>

PostgreSQL when PRISONWATCH_DB_URL names one (a fresh database), else the embedded H2 in a fresh data directory,
encrypted at rest with a file key. It records a named casualty, backs up (the service stopped for H2, running for
PostgreSQL), records more, then checks that a restore with a wrong passphrase, or from an altered backup, changes
nothing; that the right one brings back exactly what was backed up, keys included (the audit chain verifies); that
a change-feed cursor from before the restore is answered 410 while the feed from the start works; and that the
backup holds nothing in clear. Standard library only.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import uuid

from packaged_service import PackagedService

ADMIN_KEY = "backup-restore-bootstrap-" + uuid.uuid4().hex
SCRIPTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "scripts")


def call(service, method, path, key=ADMIN_KEY, body=None):
    request = urllib.request.Request(service.base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Authorization", f"Bearer {key}")
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def pg_environment():
    """libpq's variables for the database PRISONWATCH_DB_URL names (jdbc:postgresql://host:port/database)."""
    address = os.environ["PRISONWATCH_DB_URL"].split("//", 1)[1].split("?")[0]
    host_port, database = address.split("/", 1)
    host, _, port = host_port.partition(":")
    return {"PGHOST": host, "PGPORT": port or "5432", "PGDATABASE": database,
            "PGUSER": os.environ["PRISONWATCH_DB_USER"], "PGPASSWORD": os.environ.get("PRISONWATCH_DB_PASSWORD", "")}


def expect(condition, message):
    if not condition:
        raise SystemExit(f"backup-restore: {message}")
    print(f"  ok: {message}")


def feed_end(service):
    """The cursor at the end of the change feed, read from the start."""
    status, page = call(service, "GET", "/changes?limit=500")
    while True:
        expect_status(status, page, 200)
        if not page["items"]:
            return page["nextCursor"]
        status, page = call(service, "GET", f"/changes?limit=500&after={page['nextCursor']}")


def expect_status(status, body, wanted):
    if status != wanted:
        raise SystemExit(f"backup-restore: expected {wanted}, got {status}: {body}")


def main():
    app_dir = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="prisonwatch-backup-restore-")
    data_dir = os.path.join(work, "data")
    kind = "postgresql" if os.environ.get("PRISONWATCH_DB_URL") else "h2"
    environment = {"PRISONWATCH_DATA_DIR": data_dir, "PRISONWATCH_BOOTSTRAP_ADMIN_KEY": ADMIN_KEY,
                   "PRISONWATCH_APP_DIR": app_dir}
    if kind == "h2":
        environment["PRISONWATCH_DB_FILE_KEY"] = secrets.token_urlsafe(24)
    key_file = os.path.join(work, "backup-passphrase")
    wrong_key_file = os.path.join(work, "wrong-passphrase")
    for path in (key_file, wrong_key_file):
        with open(path, "w") as file:
            file.write(secrets.token_urlsafe(24))
    backup = os.path.join(work, "prisonwatch.backup")
    log_dir = os.path.join(app_dir, "..")

    def start():
        return PackagedService(f"backup-restore-{kind}", app_dir, 18581, 19581, environment, log_dir).wait_ready()

    def script(name, *arguments, key=key_file):
        return subprocess.run([os.path.join(SCRIPTS, name), *arguments], capture_output=True, text=True,
                              env=dict(os.environ, **environment, PRISONWATCH_BACKUP_KEY_FILE=key))

    print(f"backup and restore on {kind}")
    person = f"Backup Person {uuid.uuid4()}"
    service = start()
    try:
        status, analyst = call(service, "POST", "/admin/api-keys", body={"name": "backup analyst", "role": "ANALYST"})
        expect_status(status, analyst, 201)
        status, incident = call(service, "POST", "/incidents", analyst["key"], {
            "type": "COMBAT_CASUALTIES", "title": "Before the backup", "occurredFrom": "2026-11-01"})
        expect_status(status, incident, 201)
        status, casualty = call(service, "POST", "/casualties", analyst["key"], {
            "incidentId": incident["id"], "outcome": "KILLED", "group": "CONSCRIPTED_INMATE", "count": {"best": 1},
            "person": {"name": person}})
        expect_status(status, casualty, 201)
        cursor_before_backup = feed_end(service)
        if kind == "postgresql":
            done = script("backup", backup)
            expect(done.returncode == 0, f"a backup of the running service: {done.stdout.strip()}{done.stderr}")
        else:
            refused = script("backup", backup)
            expect(refused.returncode != 0 and "stop the service" in refused.stderr,
                   "the embedded database is not copied while the service has it open")
    finally:
        service.stop()
    if kind == "h2":
        done = script("backup", backup)
        expect(done.returncode == 0, f"a backup of the stopped service: {done.stdout.strip()}{done.stderr}")
    expect(oct(os.stat(backup).st_mode & 0o777) == "0o600", "the backup is readable by its owner only")
    with open(backup, "rb") as file:
        content = file.read()
    expect(person.encode() not in content and b"Before the backup" not in content,
           "nothing recorded is in the backup in clear")
    expect(script("backup", backup).returncode != 0, "a backup never overwrites a file")

    service = start()
    try:
        status, after = call(service, "POST", "/incidents", body={
            "type": "COMBAT_CASUALTIES", "title": "After the backup", "occurredFrom": "2026-11-02"})
        expect_status(status, after, 201)
        cursor_after_backup = feed_end(service)
    finally:
        service.stop()

    wrong = script("restore", backup, key=wrong_key_file)
    expect(wrong.returncode != 0 and "nothing was changed" in wrong.stderr, "a wrong passphrase restores nothing")
    altered = os.path.join(work, "altered.backup")
    shutil.copy(backup, altered)
    with open(altered, "r+b") as file:
        file.seek(os.path.getsize(altered) // 2)
        byte = file.read(1)
        file.seek(-1, os.SEEK_CUR)
        file.write(bytes([byte[0] ^ 0x01]))
    tampered = script("restore", altered)
    expect(tampered.returncode != 0, "an altered backup restores nothing")
    if kind == "h2":
        # a new host whose service has another file key: the backup's file must not be put in place
        new_host = os.path.join(work, "new-host")
        foreign = dict(environment, PRISONWATCH_DB_FILE_KEY=secrets.token_urlsafe(24), PRISONWATCH_DATA_DIR=new_host)
        other_key = subprocess.run([os.path.join(SCRIPTS, "restore"), backup], capture_output=True, text=True,
                                   env=dict(os.environ, **foreign, PRISONWATCH_BACKUP_KEY_FILE=key_file))
        expect(other_key.returncode != 0 and "nothing was changed" in other_key.stderr
               and not os.path.exists(os.path.join(new_host, "prisonwatch.mv.db"))
               and not os.path.exists(os.path.join(new_host, "keys")),
               "a backup the service's file key cannot open is not put in place")
    else:
        # a table made after the backup: a restore must not leave it beside the restored schema history
        subprocess.run(["psql", "-qc", "create table made_after_the_backup (x integer)"], check=True,
                       env=dict(os.environ, **pg_environment()))
    service = start()
    try:
        status, _ = call(service, "GET", f"/incidents/{after['id']}")
        expect(status == 200, "after both refusals the data is as it was")
        if kind == "postgresql":
            running = script("restore", backup)
            expect(running.returncode != 0 and "stop every instance" in running.stderr,
                   "no restore under a running instance")
    finally:
        service.stop()

    done = script("restore", backup)
    expect(done.returncode == 0, f"the restore: {done.stdout.strip()}{done.stderr}")
    if kind == "postgresql":
        leftover = subprocess.run(["psql", "-Atqc", "select count(*) from pg_tables where tablename = "
                                   "'made_after_the_backup'"], capture_output=True, text=True,
                                  env=dict(os.environ, **pg_environment()))
        expect(leftover.stdout.strip() == "0", "a table made after the backup is gone with the rest")
    service = start()
    try:
        status, _ = call(service, "GET", f"/incidents/{after['id']}")
        expect(status == 404, "what was written after the backup is gone")
        status, restored = call(service, "GET", f"/casualties/{casualty['id']}", analyst["key"])
        expect(status == 200 and restored["person"]["name"] == person,
               "what was backed up is back, the analyst's key with it")
        status, verification = call(service, "GET", "/audit/verify")
        expect(status == 200 and verification["intact"], "the audit chain verifies with the restored keys")
        for name, cursor in (("before the backup", cursor_before_backup), ("after it", cursor_after_backup)):
            status, problem = call(service, "GET", f"/changes?after={cursor}")
            expect(status == 410 and problem["type"] == "urn:prisonwatch:problem:feed-restarted",
                   f"a feed cursor from {name} is told to resync (410)")
        fresh = feed_end(service)
        status, page = call(service, "GET", f"/changes?after={fresh}")
        expect(status == 200, "the feed read again from the start continues")
        status, _ = call(service, "POST", "/incidents", body={
            "type": "COMBAT_CASUALTIES", "title": "After the restore", "occurredFrom": "2026-11-03"})
        expect(status == 201, "the restored service takes writes")
    finally:
        service.stop()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
