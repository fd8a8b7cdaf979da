#!/usr/bin/env python3
"""What SQLite alone costs for the Slack benchmark's writes: the floor under Deputy's store.

    sqlite_floor.py --schema-from DEPUTY.sqlite --work DIR [--incidents 500] [--seconds 4]

Copies the schema (tables, indexes, triggers) of a database Deputy made into a fresh file in DIR,
in WAL mode with synchronous=FULL, and declares --incidents incidents. Then, for batches of 1, 2,
8 and 32 commands per transaction, does what DeputyStore.commit does for each benchmark command
(a note or an assignment: one event appended): look the request key up, check the incident and
its last seq, insert the event, update the incident's projection, keep the request key. The
events and actors are real ones, read from DEPUTY.sqlite. A PASSIVE checkpoint runs once a
second, as Deputy's Checkpointer does. The statements mirror Sources/DeputyStore/
DeputyStore+Commit.swift; keep them in step.

Prints, per batch size: wall time and CPU time (user + system, this process) per transaction and
per command, and the rate one core could sustain at that CPU cost. Python's own few microseconds
per statement are included: this is an upper bound of SQLite's share.
"""
import argparse
import os
import random
import resource
import sqlite3
import time


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def copy_schema(source, target):
    rows = source.execute(
        "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END").fetchall()
    for _, sql in rows:
        target.execute(sql)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schema-from", required=True, help="a database `deputy serve` made")
    parser.add_argument("--work", required=True, help="a folder for the scratch database")
    parser.add_argument("--incidents", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=4, help="per batch size")
    args = parser.parse_args()

    source = sqlite3.connect("file:%s?mode=ro" % args.schema_from, uri=True)
    samples = source.execute("SELECT actor, event FROM event ORDER BY random() LIMIT 2000").fetchall()
    if not samples:
        raise SystemExit("%s holds no events to copy" % args.schema_from)

    os.makedirs(args.work, exist_ok=True)
    path = os.path.join(args.work, "floor.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA wal_autocheckpoint = 10000")
    copy_schema(source, db)
    checkpointer = sqlite3.connect(path, isolation_level=None)

    db.execute("BEGIN")
    for number in range(1, args.incidents + 1):
        db.execute(
            "INSERT INTO incident (id, platform, team, channel, title, status, declared_at, event_count) "
            "VALUES (?, 'slack', 'T0BENCH01', ?, 'checkout is slow', 'active', ?, 0)",
            (number, "C%08d" % number, time.time()))
    db.execute("COMMIT")

    counts = [0] * (args.incidents + 1)
    key_number = [0]

    def command(now):
        number = random.randint(1, args.incidents)
        actor, event = random.choice(samples)
        key_number[0] += 1
        key = "%d.%d.%s" % (int(now * 1000), key_number[0], "%020x" % random.getrandbits(80))
        db.execute("SELECT 1 FROM seen_request WHERE key = ?", (key,)).fetchone()
        db.execute("SELECT 1 FROM incident WHERE id = ?", (number,)).fetchone()
        stored = db.execute("SELECT MAX(seq) FROM event WHERE incident_id = ?", (number,)).fetchone()[0] or 0
        db.execute(
            "INSERT INTO event (incident_id, seq, at, actor, event) VALUES (?, ?, ?, ?, ?)",
            (number, stored + 1, now, actor, event))
        counts[number] = stored + 1
        db.execute(
            "UPDATE incident SET title = ?, status = ?, closed_at = ?, event_count = ?, next_deadline = ? "
            "WHERE id = ?",
            ("checkout is slow", "active", None, stored + 1, now + 300, number))
        db.execute("INSERT INTO seen_request (key, seen_at) VALUES (?, ?)", (key, now))

    print("| commands per transaction | wall µs / transaction | CPU µs / transaction | CPU µs / command "
          "| commands/s one core could take |")
    print("|---:|---:|---:|---:|---:|")
    for batch in (1, 2, 8, 32):
        transactions = 0
        last_checkpoint = time.monotonic()
        cpu_start, wall_start = cpu_seconds(), time.monotonic()
        while time.monotonic() - wall_start < args.seconds:
            now = time.time()
            db.execute("BEGIN IMMEDIATE")
            for _ in range(batch):
                command(now)
            db.execute("COMMIT")
            transactions += 1
            if time.monotonic() - last_checkpoint >= 1:
                checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                last_checkpoint = time.monotonic()
        wall = time.monotonic() - wall_start
        cpu = cpu_seconds() - cpu_start
        per_command = cpu / (transactions * batch)
        print("| %d | %.0f | %.0f | %.0f | %.0f |" % (
            batch, wall / transactions * 1e6, cpu / transactions * 1e6, per_command * 1e6, 1 / per_command))
    checkpointer.close()
    db.close()


if __name__ == "__main__":
    main()
