#!/usr/bin/env python3
"""Crash harness: signed Slack slash commands stream into `deputy serve` while it is killed with
SIGKILL at random moments and restarted on the same database; then checks that nothing
acknowledged was lost. Run it through bench/faults/crash.sh (which starts the fake Slack API and
sets the signing secret); by hand:

    SLACK_SIGNING_SECRET=… python3 bench/faults/crash.py --bin DEPUTY --out DIR \\
        --port 18290 --fake-port 18299 [--kills 50] [--rate 20] [--channels 40]

1. Starts the daemon on a fresh database in --out, declares an incident in each of --channels
   channels and makes its lead the commander.
2. Sends distinct commands at --rate a second, open loop over --connections keep-alive
   connections: notes by responders and assignments by the commander with a timebox of a few
   seconds (`assign <@U…|name> check shard kx<n> in 3s`), each with a unique word kx<n>.
3. Every --min-gap to --max-gap seconds (at random) SIGKILLs the daemon, restarts it at once and
   times it to its first GET /healthz 200, --kills times. A share --aimed of the kills is aimed
   at the delivery window: the fake API is armed to SIGKILL the daemon right after it has written
   its 200 for the next message (before Deputy can record the delivery), which should make that
   message arrive twice; the rest fall at random moments. Commands sent while the daemon is down
   or in flight at the kill get no answer: they are not acknowledged, and not counted as lost.
4. After the last restart: stops sending, waits until every timebox has lapsed and the outbox is
   empty, stops the daemon with SIGTERM and reads the store (read-only):
   (a) every command answered 200 (and not refused by the rate limit) is in the event log;
   (b) every follow-up nudge of an acknowledged assignment whose timebox lapsed reached the fake
       Slack API at least once;
   (c) messages the fake API accepted more than once, each explained if a kill fell between the
       acceptance and the next copy (within --dup-limit ms of the acceptance);
   (d) the window from the fake API's acceptance to the outbox's `delivered_at`, p50/p99/max.
Writes commands.jsonl, kills.jsonl, report.json and report.txt in --out; prints the report;
exits 1 when a command or a nudge was lost, a repeat is unexplained, or a restart was not
healthy within --healthy-within seconds. The report also gives the scheduler's fire lateness of
the follow-ups in the log (how late each nudge fired after its due time).

A run also saves run.json (its parameters, restarts, stop time and exit status), so that

    python3 bench/faults/crash.py --report-only RESULTS_DIR

recomputes the report from a finished run's folder without starting anything (for a folder from
before run.json, what it would hold is inferred from report.json and the other files).
"""
import argparse
import asyncio
import json
import os
import random
import sys
import time

import aiohttp

import faultlib as fl


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report-only", metavar="RESULTS_DIR",
                        help="recompute the report of a finished run from its folder; start nothing")
    parser.add_argument("--bin", help="the deputy binary (required unless --report-only)")
    parser.add_argument("--out", help="the results folder (required unless --report-only)")
    parser.add_argument("--port", type=int, default=18290)
    parser.add_argument("--fake-port", type=int, default=18299)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--rate", type=float, default=20, help="commands a second")
    parser.add_argument("--channels", type=int, default=40)
    parser.add_argument("--responders", type=int, default=5, help="per channel")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--min-gap", type=float, default=1.0, help="seconds between kills, at least")
    parser.add_argument("--max-gap", type=float, default=4.0, help="seconds between kills, at most")
    parser.add_argument("--timebox-min", type=int, default=2, help="seconds")
    parser.add_argument("--timebox-max", type=int, default=5, help="seconds")
    parser.add_argument("--healthy-within", type=float, default=5.0, help="seconds after a restart")
    parser.add_argument("--drain-timeout", type=float, default=120.0, help="seconds")
    parser.add_argument("--dup-limit", type=float, default=1000.0,
                        help="ms after the acceptance a kill may fall and still explain a repeat")
    parser.add_argument("--aimed", type=float, default=0.3,
                        help="share of kills aimed at the window: right after the fake API accepts a message")
    parser.add_argument("--aim-timeout", type=float, default=5.0, help="seconds to wait for a message to aim at")
    parser.add_argument("--seed", type=int, default=None)
    return parser


def parse_args():
    parser = build_parser()
    args = parser.parse_args()
    if not args.report_only and not (args.bin and args.out):
        parser.error("--bin and --out are required (unless --report-only RESULTS_DIR)")
    return args


class Workload:
    """Which command goes next: per channel, a note by a responder, then an assignment by the
    commander with a timebox of a few seconds; every text carries a unique token."""

    def __init__(self, args, rng):
        self.args = args
        self.rng = rng
        self.token = 0
        self.per_channel = [0] * args.channels

    def next_token(self):
        self.token += 1
        return "kx%d" % self.token

    def responder(self, channel, j):
        return channel + self.args.channels * (1 + j % self.args.responders)

    def setup(self, channel):
        token = self.next_token()
        return [
            {"channel": channel, "user": channel, "kind": "declare", "token": token,
             "text": "declare checkout is slow %s sev2" % token},
            {"channel": channel, "user": channel, "kind": "lead", "token": None, "incident_token": token,
             "text": "lead"},
        ]

    def command(self, i):
        channel = i % self.args.channels
        j = self.per_channel[channel]
        self.per_channel[channel] += 1
        token = self.next_token()
        owner = self.responder(channel, j // 2)
        if j % 2 == 0:
            return {"channel": channel, "user": owner, "kind": "note", "token": token,
                    "text": "note dashboard %s looks normal" % token}
        timebox = self.rng.randint(self.args.timebox_min, self.args.timebox_max)
        return {"channel": channel, "user": channel, "kind": "assign", "token": token, "timebox": timebox,
                "text": "assign %s check shard %s in %ds" % (fl.mention(owner), token, timebox)}


async def setup_channels(sender, workload, channels):
    for channel in range(channels):
        for command in workload.setup(channel):
            record = await sender.send(command)
            if record["outcome"] != "ack":
                raise SystemExit("setup: %r in channel %d got %s" % (command["text"], channel, record))


async def restart(daemon, health_session, kill_ms, healthy_within, restarts):
    """Starts the daemon again and times it to healthy; appends a record to restarts."""
    started = daemon.start()
    healthy = await daemon.wait_healthy(health_session, timeout=max(30.0, healthy_within))
    ready = fl.now_ms()
    entry = {"kill_ms": kill_ms, "start_ms": started, "healthy": healthy,
             "start_to_healthy_ms": ready - started if healthy else None,
             "kill_to_healthy_ms": ready - kill_ms if healthy and kill_ms else None}
    entry["in_time"] = healthy and entry["start_to_healthy_ms"] <= healthy_within * 1000.0
    restarts.append(entry)
    return entry


async def aimed_kill(args, daemon, session):
    """Arms the fake API to SIGKILL the daemon right after it accepts the next message; returns
    the epoch ms the daemon was seen dead (the fake API logs the exact moment), or None when no
    message came within --aim-timeout s (then it is disarmed by a plain kill)."""
    url = "http://127.0.0.1:%d/arm" % args.fake_port
    async with session.post(url, json={"pid": daemon.pid}) as response:
        await response.read()
    if await daemon.died(args.aim_timeout):
        return fl.now_ms()
    async with session.post(url, json={"pid": None}) as response:  # never a pid reused later
        await response.read()
    return None if daemon.alive() else fl.now_ms()


async def kill_loop(args, rng, daemon, health_session, restarts, log):
    for n in range(args.kills):
        await asyncio.sleep(rng.uniform(args.min_gap, args.max_gap))
        aimed = rng.random() < args.aimed
        kill_ms = await aimed_kill(args, daemon, health_session) if aimed else None
        if kill_ms is None:
            aimed = False
            kill_ms = await daemon.kill()
        entry = await restart(daemon, health_session, kill_ms, args.healthy_within, restarts)
        entry.update(kill=n + 1, aimed=aimed)
        log.write(json.dumps(entry) + "\n")
        print("[crash] kill %d/%d%s: healthy again in %s ms" % (
            n + 1, args.kills, " (aimed at a delivery)" if aimed else "", fl.fmt(entry["start_to_healthy_ms"], 0)),
            file=sys.stderr)
        if not entry["healthy"]:
            raise SystemExit("the daemon did not come up healthy after kill %d: see deputy.log" % (n + 1))


async def wait_drained(args, daemon, session, commands, arrivals_path):
    """Until every acknowledged timebox has lapsed (plus 2 s), the outbox is empty and the fake
    API has heard nothing for 2 s; False on --drain-timeout."""
    dues = [c["done_ms"] + c["timebox"] * 1000.0 for c in commands if c.get("kind") == "assign" and c["outcome"] == "ack"]
    until = (max(dues) if dues else fl.now_ms()) + 2000.0
    deadline = time.monotonic() + args.drain_timeout
    quiet_since, last_size = time.monotonic(), -1
    while time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        size = os.path.getsize(arrivals_path) if os.path.exists(arrivals_path) else 0
        if size != last_size:
            quiet_since, last_size = time.monotonic(), size
        if fl.now_ms() < until:
            continue
        depth = await daemon.metric(session, "deputy_outbox_depth")
        if depth == 0 and time.monotonic() - quiet_since >= 2.0:
            return True
    return False


def report(args, checks, lateness, restarts, windows, dups, stop_code, drained):
    c, n = checks["commands"], checks["nudges"]
    start_ms = [r["start_to_healthy_ms"] for r in restarts[1:] if r["start_to_healthy_ms"] is not None]
    kill_ms = [r["kill_to_healthy_ms"] for r in restarts[1:] if r["kill_to_healthy_ms"] is not None]
    w, s, k = fl.summary(windows), fl.summary(start_ms), fl.summary(kill_ms)
    unexplained = [d for d in dups if not d["explained"]]
    slow = [r for r in restarts[1:] if not r["in_time"]]
    aimed = sum(1 for r in restarts if r.get("aimed"))
    lines = [
        "crash harness: %d kills (%d at random moments, %d aimed right after the fake API accepted a message),"
        " %d restarts (+1 first start)" % (args.kills, args.kills - aimed, aimed, len(restarts) - 1),
        "commands: sent %d, acknowledged %d, lost %d (refused by the rate limit %d, unanswered %d of which %d"
        " recorded anyway; acknowledged but not in seen_request %d)" % (
            c["sent"], c["acknowledged"], len(c["lost"]), c["refused"], c["unanswered"],
            c["unanswered_but_recorded"], c["ack_not_in_seen"]),
    ] + [line for line in fl.nudge_report(n, lateness) if not line.startswith("  ")] + [
        "duplicates (messages accepted twice): %d, explained by a kill in the window %d, unexplained %d" % (
            len(dups), len(dups) - len(unexplained), len(unexplained)),
        "window (fake API acceptance -> outbox delivered_at), %d messages: p50 %s / p99 %s / max %s ms" % (
            w["count"], fl.fmt(w["p50"]), fl.fmt(w["p99"]), fl.fmt(w["max"])),
        "restart to healthy (start -> GET /healthz 200): p50 %s / p99 %s / max %s ms; kill -> healthy p50 %s / max %s ms;"
        " over %.0f s: %d" % (fl.fmt(s["p50"], 0), fl.fmt(s["p99"], 0), fl.fmt(s["max"], 0), fl.fmt(k["p50"], 0),
                             fl.fmt(k["max"], 0), args.healthy_within, len(slow)),
        "drained before the stop: %s; exit status after SIGTERM: %s" % ("yes" if drained else "NO", stop_code),
    ]
    for d in dups:
        lines.append("  repeat %s: accepted at %d, again at %d, kill %s ms after the acceptance: %s" % (
            d["key"], d["accepted_ms"], d["again_ms"], fl.fmt(d["kill_after_ms"]),
            "explained" if d["explained"] else "UNEXPLAINED"))
    for command in c["lost"][:20]:
        lines.append("  LOST command: %s (trigger %s, answered %s)" % (command["text"], command["trigger"], command["status"]))
    lines += [line for line in fl.nudge_report(n, lateness) if line.startswith("  ")]
    failed = bool(c["lost"] or n["lost"] or n["dead"] or unexplained or slow or stop_code != 0)
    lines.append("RESULT: %s" % ("FAIL" if failed else "ok"))
    return "\n".join(lines), failed


async def run(args):
    rng = random.Random(args.seed)
    secret = os.environ.get("SLACK_SIGNING_SECRET", "").encode()
    if not secret:
        raise SystemExit("set SLACK_SIGNING_SECRET")
    database = os.path.join(args.out, "db", "deputy.sqlite")
    os.makedirs(os.path.dirname(database), exist_ok=True)
    daemon = fl.Daemon(args.bin, fl.daemon_env(database, args.port, args.fake_port),
                       os.path.join(args.out, "deputy.log"), args.port, os.path.join(args.out, "daemon.pid"))
    commands_path = os.path.join(args.out, "commands.jsonl")
    arrivals_path = os.path.join(args.out, "slack-arrivals.jsonl")
    sender = fl.Sender(args.port, secret, "http://127.0.0.1:%d/response" % args.fake_port, commands_path,
                       args.connections)
    health_session = aiohttp.ClientSession()
    restarts, lags = [], []
    try:
        await restart(daemon, health_session, None, args.healthy_within, restarts)
        if not restarts[0]["healthy"]:
            raise SystemExit("the daemon did not start: see deputy.log")
        workload = Workload(args, rng)
        await setup_channels(sender, workload, args.channels)
        print("[crash] %d channels declared and led; sending %.0f commands/s, %d kills" % (
            args.channels, args.rate, args.kills), file=sys.stderr)
        killing = asyncio.get_running_loop().create_task(
            kill_loop(args, rng, daemon, health_session, restarts, open(os.path.join(args.out, "kills.jsonl"), "w")))
        await fl.open_loop(args.rate, lambda: not killing.done(), workload.command, sender, lags)
        await killing
        await sender.drain()
        commands = fl.read_commands(commands_path)
        print("[crash] kills done; waiting for every timebox and the outbox to drain", file=sys.stderr)
        drained = await wait_drained(args, daemon, health_session, commands, arrivals_path)
        stop_ms = fl.now_ms()
        stop_code = await daemon.stop()
    finally:
        daemon.kill_now()
        await sender.close()
        await health_session.close()
    fl.save_json(os.path.join(args.out, "run.json"),
                 {"params": {k: v for k, v in vars(args).items() if k != "report_only"}, "restarts": restarts,
                  "stop_ms": stop_ms, "stop_code": stop_code, "drained": drained, "generator_lag_ms": fl.summary(lags)})
    await asyncio.sleep(0.5)  # the fake API's last lines
    return analyse(args.out)


def infer_run(out, commands, store, arrivals):
    """What run.json would hold, for a folder from before it existed: the restarts, exit status,
    `drained` and generator lag from the old report.json (the restarts from kills.jsonl without
    it), --kills from the restarts, the other parameters the defaults; the stop time from the last
    activity (plus the 2 quiet seconds wait_drained waits for when the outbox drained)."""
    old = fl.load_json(os.path.join(out, "report.json")) or {}
    restarts = old.get("restarts")
    if restarts is None:
        with open(os.path.join(out, "kills.jsonl")) as f:
            restarts = [{"kill_ms": None, "aimed": False}] + [json.loads(line) for line in f if line.strip()]
    drained = old.get("drained", True)
    params = vars(build_parser().parse_args([]))
    params.update(kills=len(restarts) - 1)
    params.pop("report_only")
    return {"params": params, "restarts": restarts,
            "stop_ms": fl.last_activity_ms(commands, store, arrivals) + (2000.0 if drained else 0.0),
            "stop_code": old.get("stop_code"), "drained": drained,
            "generator_lag_ms": old.get("generator_lag_ms") or fl.summary([]),
            "inferred": ["restarts, exit status, drained and generator lag from the old report.json" if old else
                         "restarts from kills.jsonl; exit status, drained and generator lag unknown",
                         "kills from the restarts, other parameters the defaults",
                         "stop time from the last activity%s" % (" + 2 s" if drained else "")]}


def analyse(out):
    """Reads a finished run's folder (run.json, commands, store, fake API log; infers and saves
    run.json when it is missing), writes report.txt and report.json, prints the report. Returns
    the exit status: 1 when the run failed."""
    commands = fl.read_commands(os.path.join(out, "commands.jsonl"))
    store = fl.read_store(os.path.join(out, "db", "deputy.sqlite"))
    arrivals = fl.read_arrivals(os.path.join(out, "slack-arrivals.jsonl"))
    record = fl.load_json(os.path.join(out, "run.json"))
    if record is None:
        record = infer_run(out, commands, store, arrivals)
        fl.save_json(os.path.join(out, "run.json"), record)
        fl.keep_original_report(out)
    params = vars(build_parser().parse_args([]))
    params.update(record["params"])
    args, restarts = argparse.Namespace(**params), record["restarts"]
    facts = fl.log_facts(store)
    checks = {"commands": fl.check_commands(commands, facts, store),
              "nudges": fl.check_nudges(commands, facts, store, arrivals, record["stop_ms"])}
    lateness = fl.fire_lateness(facts)  # no task is ever marked done here: no done_after
    # A plain kill's moment is the harness's; an aimed kill's is the fake API's (it sent the signal).
    kills_ms = [r["kill_ms"] for r in restarts if r["kill_ms"] and not r.get("aimed")]
    kills_ms += fl.read_fake_kills(os.path.join(out, "slack-arrivals.jsonl"))
    windows = fl.delivery_windows(store, arrivals)
    dups = fl.duplicates(arrivals, kills_ms, args.dup_limit)
    text, failed = report(args, checks, lateness, restarts, windows, dups, record["stop_code"], record["drained"])
    lag = record["generator_lag_ms"]
    text += "\n(load generator lag p50 %s / p99 %s / max %s ms)" % (fl.fmt(lag["p50"]), fl.fmt(lag["p99"]), fl.fmt(lag["max"]))
    if record.get("inferred"):
        text += "\n(re-analysed from the files of a run without run.json; inferred: %s)" % "; ".join(record["inferred"])
    fl.save_json(os.path.join(out, "report.json"),
                 {"checks": checks, "fire_lateness_s": lateness, "restarts": restarts,
                  "windows_ms": fl.summary(windows), "duplicates": dups, "stop_code": record["stop_code"],
                  "drained": record["drained"], "generator_lag_ms": lag})
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write(text + "\n")
    print(text)
    return 1 if failed else 0


def main():
    args = parse_args()
    if args.report_only:
        sys.exit(analyse(args.report_only))
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
