#!/usr/bin/env python3
"""Soak: `deputy serve` under a steady open-loop stream of signed Slack slash commands for an
hour while the fake Slack API fails a fraction of deliveries; samples the daemon's memory and
file descriptors and checks that nothing was lost. Run it through bench/faults/soak.sh (which
starts the fake Slack API with its failure rate and sets the signing secret); by hand:

    SLACK_SIGNING_SECRET=… python3 bench/faults/soak.py --bin DEPUTY --out DIR \\
        --port 18390 --fake-port 18399 [--rate 50] [--channels 200] [--duration 3600]

Each channel runs incidents one after another: declare, lead, then --work commands (notes by
responders, assignments by the commander with a timebox of --timebox-min to --timebox-max
seconds), each task marked done by its owner --done-after seconds after its timebox lapsed
(so its follow-up nudge has fired), then resolve, resolve confirm, postmortem owner, and the
next declare. A channel with a command in flight waits its turn, so its commands stay in order.
Commands go out at --rate a second (open loop: command i at start + i / rate) over
--connections keep-alive connections. Every --sample seconds the daemon's VmRSS, open file
descriptors (/proc/PID/fd), threads and outbox depth go to samples.csv.

After --duration: stops sending, waits until the outbox has drained (at most --drain seconds),
stops the daemon with SIGTERM and reads the store (read-only): every acknowledged command is in
the event log; every follow-up that fell due reached the fake API (or is a dead letter, listed);
messages accepted twice (none should be: nothing is killed). Prints the report (also
report.txt); exits 1 on a loss, a dead-lettered follow-up, a repeat, resident memory growing
more than --rss-growth between 50% and 100% of the run, or file descriptors growing more than
max(--fd-growth, 20%) over the same span. A follow-up the scheduler fired so late that its task
was done first is "overtaken" (reported with the scheduler's lateness), not lost; only a
follow-up not fired while its task was still open at the stop, or fired and never delivered, is.

Besides commands.jsonl, samples.csv and the fake API's slack-arrivals.jsonl, a run saves run.json
(its parameters, the stop time, the exit status, the generator's lag), so that

    python3 bench/faults/soak.py --report-only RESULTS_DIR

recomputes the report (report.txt, report.json) from a finished run's folder without starting
anything. For a folder from before run.json, what it would hold is inferred from the files
(and saved as run.json, with the list of what was inferred).
"""
import argparse
import asyncio
import csv
import json
import os
import random
import re
import statistics
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
    parser.add_argument("--port", type=int, default=18390)
    parser.add_argument("--fake-port", type=int, default=18399)
    parser.add_argument("--rate", type=float, default=50, help="commands a second")
    parser.add_argument("--channels", type=int, default=200)
    parser.add_argument("--responders", type=int, default=20, help="per channel")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=float, default=3600, help="seconds of load")
    parser.add_argument("--work", type=int, default=30, help="notes and assignments per incident")
    parser.add_argument("--timebox-min", type=int, default=5, help="seconds")
    parser.add_argument("--timebox-max", type=int, default=20, help="seconds")
    parser.add_argument("--done-after", type=float, default=10,
                        help="seconds after the timebox lapsed (room for a scheduler running late on a busy machine)")
    parser.add_argument("--sample", type=float, default=10, help="seconds between samples")
    parser.add_argument("--drain", type=float, default=180, help="seconds to wait for the outbox at most")
    parser.add_argument("--rss-growth", type=float, default=0.20, help="allowed growth, 50%% to 100%% of the run")
    parser.add_argument("--fd-growth", type=int, default=10, help="allowed growth (or 20%%), 50%% to 100%%")
    parser.add_argument("--seed", type=int, default=None)
    return parser


def parse_args():
    parser = build_parser()
    args = parser.parse_args()
    if not args.report_only and not (args.bin and args.out):
        parser.error("--bin and --out are required (unless --report-only RESULTS_DIR)")
    return args


class Channel:
    """One channel's incident, as far as the load generator knows it."""

    def __init__(self, index, args):
        self.index = index
        self.lead = index
        self.responders = [index + args.channels * (1 + r) for r in range(args.responders)]
        self.phase = "declare"
        self.incident_token = None
        self.tasks = {}  # number -> {"due": epoch s, "owner": user, "done": bool}
        self.last_due = 0.0  # every assignment sent, answered or not: resolve waits for them
        self.work = 0
        self.turn = 0
        self.in_flight = False
        self.incidents = 0


class Workload:
    """Picks each slot's command (see the module's docstring) and follows the answers."""

    def __init__(self, args, rng):
        self.args = args
        self.rng = rng
        self.token = 0
        self.channels = [Channel(c, args) for c in range(args.channels)]
        self.next_channel = 0

    def next_token(self):
        self.token += 1
        return "kx%d" % self.token

    def command(self, _slot):
        """The next free channel's next command; None when every channel waits for an answer."""
        for _ in range(len(self.channels)):
            channel = self.channels[self.next_channel]
            self.next_channel = (self.next_channel + 1) % len(self.channels)
            if channel.in_flight:
                continue
            command = self.for_channel(channel)
            command.update(channel=channel.index, incident_token=channel.incident_token)
            channel.in_flight = True
            return command
        return None

    def for_channel(self, channel):
        now = time.time()
        if channel.phase == "declare":
            token = self.next_token()
            return {"kind": "declare", "user": channel.lead, "token": token,
                    "text": "declare soak test %s sev3" % token}
        if channel.phase in ("lead", "confirm"):
            text = "lead" if channel.phase == "lead" else "resolve confirm"
            return {"kind": channel.phase, "user": channel.lead, "token": None, "text": text}
        if channel.phase == "postmortem":
            return {"kind": "postmortem", "user": channel.lead, "token": None,
                    "text": "postmortem %s" % fl.mention(channel.lead)}
        ripe = [n for n, t in sorted(channel.tasks.items()) if not t["done"] and now >= t["due"] + self.args.done_after]
        if ripe:
            task = channel.tasks[ripe[0]]
            return {"kind": "done", "user": task["owner"], "token": None, "task": ripe[0], "text": "done T%d" % ripe[0]}
        open_tasks = any(not t["done"] for t in channel.tasks.values())
        if channel.work >= self.args.work and not open_tasks and now >= channel.last_due + self.args.done_after:
            return {"kind": "resolve", "user": channel.lead, "token": None, "text": "resolve"}
        token = self.next_token()
        channel.turn += 1
        owner = channel.responders[channel.turn % len(channel.responders)]
        if channel.work >= self.args.work or channel.turn % 2 == 0:
            channel.work += channel.work < self.args.work
            return {"kind": "note", "user": owner, "token": token, "text": "note dashboard %s looks normal" % token}
        channel.work += 1
        timebox = self.rng.randint(self.args.timebox_min, self.args.timebox_max)
        channel.last_due = max(channel.last_due, now + timebox)
        return {"kind": "assign", "user": channel.lead, "token": token, "timebox": timebox, "owner": owner,
                "text": "assign %s check shard %s in %ds" % (fl.mention(owner), token, timebox)}

    def answered(self, record):
        """Follows the answer: the next phase on success, the same command again otherwise."""
        channel = self.channels[record["channel"]]
        channel.in_flight = False
        if record["outcome"] != "ack":
            return
        kind = record["kind"]
        if kind == "declare":
            channel.phase, channel.incident_token = "lead", record["token"]
            channel.tasks, channel.work, channel.last_due = {}, 0, 0.0
            channel.incidents += 1
        elif kind == "lead":
            channel.phase = "work"
        elif kind == "assign" and "task_number" in record:
            channel.tasks[record["task_number"]] = {"due": record["done_ms"] / 1000.0 + record["timebox"],
                                                    "owner": record["owner"], "done": False}
        elif kind == "done":
            channel.tasks[record["task"]]["done"] = True
        elif kind == "resolve":
            channel.phase = "confirm"
        elif kind == "confirm":
            channel.phase = "postmortem"
        elif kind == "postmortem":
            channel.phase = "declare"


SAMPLE_FIELDS = ("rss_kib", "fds", "threads", "outbox_depth")


async def sample_loop(daemon, session, every, started, path):
    """Every `every` s: seconds since the start, VmRSS (KiB), open fds, threads, outbox depth."""
    with open(path, "w", buffering=1) as out:
        out.write("seconds,%s\n" % ",".join(SAMPLE_FIELDS))
        while True:
            out.write(sample_line(await take_sample(daemon, session, started)))
            await asyncio.sleep(every)


def sample_line(row):
    return "%.1f,%s,%s,%s,%s\n" % (row["t"], row["rss_kib"], row["fds"], row["threads"], row["outbox_depth"])


async def take_sample(daemon, session, started):
    return {"t": time.monotonic() - started, "rss_kib": daemon.status("VmRSS"), "fds": daemon.open_fds(),
            "threads": daemon.status("Threads"), "outbox_depth": await daemon.metric(session, "deputy_outbox_depth")}


def read_samples(path):
    """samples.csv back as the rows take_sample made (None where a value was missing)."""
    def number(text):
        return None if text in ("None", "") else float(text)
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [dict({"t": float(row["seconds"])}, **{field: number(row[field]) for field in SAMPLE_FIELDS})
            for row in rows]


def around(samples, mark, width, field):
    """The median of `field` over the samples within `width` s of `mark`."""
    values = [s[field] for s in samples if abs(s["t"] - mark) <= width and s[field] is not None]
    return statistics.median(values) if values else None


def resources(samples, duration, every):
    """Resident memory and fds at 0, 50% and 100% of the run (medians of nearby samples), min, max."""
    width = max(every * 1.01, duration * 0.05)
    result = {}
    for field in ("rss_kib", "fds", "threads"):
        values = [s[field] for s in samples if s[field] is not None]
        result[field] = {"start": around(samples, 0, width, field), "half": around(samples, duration / 2, width, field),
                         "end": around(samples, duration, width, field),
                         "min": min(values) if values else None, "max": max(values) if values else None}
    return result


async def wait_drained(daemon, session, arrivals_path, timeout):
    """Until the outbox is empty and the fake API has heard nothing for 3 s; False on timeout."""
    deadline = time.monotonic() + timeout
    quiet_since, last_size = time.monotonic(), -1
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        size = os.path.getsize(arrivals_path) if os.path.exists(arrivals_path) else 0
        if size != last_size:
            quiet_since, last_size = time.monotonic(), size
        depth = await daemon.metric(session, "deputy_outbox_depth")
        if depth == 0 and time.monotonic() - quiet_since >= 3.0:
            return True
    return False


def growth_failures(args, res):
    problems = []
    rss, fds = res["rss_kib"], res["fds"]
    if rss["half"] and rss["end"] and rss["end"] > rss["half"] * (1 + args.rss_growth):
        problems.append("resident memory grew %.0f%% from 50%% to 100%% of the run" % (100 * (rss["end"] / rss["half"] - 1)))
    if fds["half"] and fds["end"] and fds["end"] > max(fds["half"] * 1.2, fds["half"] + args.fd_growth):
        problems.append("open fds grew from %d to %d" % (fds["half"], fds["end"]))
    return problems


def report(args, c, n, lateness, dups, res, lat, lag, rate, arrivals, stop_code, drained, incidents):
    mib = lambda kib: "–" if kib is None else "%.1f" % (kib / 1024.0)
    rss, fds, threads = res["rss_kib"], res["fds"], res["threads"]
    outcomes = {}
    for row in arrivals:
        outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
    problems = growth_failures(args, res)
    nudge_lines = fl.nudge_report(n, lateness)
    lines = [
        "soak: %.0f s at %.0f commands/s over %d channels (sent at %.1f/s; %d incidents declared; tasks done %s s"
        " after their timebox)" % (args.duration, args.rate, args.channels, rate, incidents, fl.fmt(args.done_after)),
        "commands: sent %d, acknowledged %d, lost %d (refused by the rate limit %d, unanswered %d)" % (
            c["sent"], c["acknowledged"], len(c["lost"]), c["refused"], c["unanswered"]),
        "command latency from the scheduled send: p50 %s / p99 %s / max %s ms; from the actual send p50 %s / p99 %s ms"
        % (fl.fmt(lat["sched"]["p50"]), fl.fmt(lat["sched"]["p99"]), fl.fmt(lat["sched"]["max"]),
           fl.fmt(lat["sent"]["p50"]), fl.fmt(lat["sent"]["p99"])),
        "load generator lag: p50 %s / p99 %s / max %s ms" % (fl.fmt(lag["p50"]), fl.fmt(lag["p99"]), fl.fmt(lag["max"])),
        "fake Slack API answers: %s" % ", ".join("%s %d" % kv for kv in sorted(outcomes.items())),
    ] + [line for line in nudge_lines if not line.startswith("  ")] + [
        "messages accepted twice: %d" % len(dups),
        "resident memory (MiB): start %s, 50%% %s, 100%% %s, min %s, max %s" % (
            mib(rss["start"]), mib(rss["half"]), mib(rss["end"]), mib(rss["min"]), mib(rss["max"])),
        "open fds: start %s, 50%% %s, 100%% %s, min %s, max %s; threads start %s, end %s, max %s" % (
            count(fds["start"]), count(fds["half"]), count(fds["end"]), count(fds["min"]), count(fds["max"]),
            count(threads["start"]), count(threads["end"]), count(threads["max"])),
        "drained before the stop: %s; exit status after SIGTERM: %s" % ("yes" if drained else "NO", stop_code),
    ]
    for command in c["lost"][:20]:
        lines.append("  LOST command: %s (trigger %s)" % (command["text"], command["trigger"]))
    lines += [line for line in nudge_lines if line.startswith("  ")]
    for d in dups[:20]:
        lines.append("  REPEAT %s: accepted at %d and again at %d" % (d["key"], d["accepted_ms"], d["again_ms"]))
    lines += ["  " + p.upper() for p in problems]
    failed = bool(c["lost"] or n["lost"] or n["dead"] or dups or problems or stop_code != 0)
    lines.append("RESULT: %s" % ("FAIL" if failed else "ok"))
    return "\n".join(lines), failed


def count(value):
    """A sampled count (a median may be a half) without a needless `.0`."""
    return "–" if value is None else ("%g" % value)


def latencies(commands):
    acked = [c for c in commands if c["outcome"] == "ack" and c.get("phase") == "load"]
    return {"sched": fl.summary([c["done_ms"] - c["scheduled_ms"] for c in acked]),
            "sent": fl.summary([c["done_ms"] - c["sent_ms"] for c in acked])}


# --- the run's record (run.json), and what to infer when an older run has none -----------------

def run_params(saved):
    """The run's parameters: the parser's defaults, overridden by the ones saved."""
    params = vars(build_parser().parse_args([]))
    params.update(saved or {})
    return argparse.Namespace(**params)


def infer_done_after(commands):
    """The run's --done-after, from the commands: each `done` went out no sooner than done_after s
    after its task's timebox lapsed (the harness's due: the assignment's answer plus its timebox),
    so the smallest such gap, to 0.1 s, is it. None when there is no `done` to go by."""
    dues = {(c["channel"], c["incident_token"], c["task_number"]): c["done_ms"] / 1000.0 + c["timebox"]
            for c in commands if c["kind"] == "assign" and "task_number" in c}
    gaps = [c["sent_ms"] / 1000.0 - dues[key] for c in commands if c["kind"] == "done"
            for key in [(c["channel"], c["incident_token"], c["task"])] if key in dues]
    return round(min(gaps), 1) if gaps else None


def infer_run(out, commands, store, arrivals):
    """What run.json would hold, for a folder from before it existed: the parameters from the old
    report's first line (duration, rate, channels) and --done-after from the commands, others the
    defaults; the exit status, `drained` and the generator's lag from the old report.json; the
    stop time from the last activity (plus the 3 quiet seconds wait_drained waits for when the
    outbox drained). Says what it inferred in `inferred`."""
    params, inferred = {}, []
    match = re.match(r"soak: ([\d.]+) s at ([\d.]+) commands/s over (\d+) channels",
                     fl.first_line(os.path.join(out, "report.txt")))
    if match:
        params.update(duration=float(match.group(1)), rate=float(match.group(2)), channels=int(match.group(3)))
        inferred.append("duration, rate and channels from the old report.txt")
    else:
        inferred.append("duration, rate and channels: the defaults")
    done_after = infer_done_after(commands)
    if done_after is not None:
        params["done_after"] = done_after
        inferred.append("done_after %s s from the done commands" % fl.fmt(done_after))
    old = fl.load_json(os.path.join(out, "report.json")) or {}
    drained = old.get("drained", True)
    stop_ms = fl.last_activity_ms(commands, store, arrivals) + (3000.0 if drained else 0.0)
    inferred.append("stop time from the last activity%s" % (" + 3 s" if drained else ""))
    inferred.append("elapsed = duration; exit status, drained and generator lag from the old report.json"
                    if old else "elapsed = duration; exit status, drained and generator lag unknown")
    params = vars(run_params(params))
    return {"params": {k: v for k, v in params.items() if k != "report_only"}, "elapsed_s": params["duration"],
            "stop_ms": stop_ms, "stop_code": old.get("stop_code"), "drained": drained,
            "generator_lag_ms": old.get("generator_lag_ms") or fl.summary([]), "inferred": inferred}


# --- the report, from the results folder ------------------------------------------------------

def analyse(out):
    """Reads a finished run's folder (run.json, commands, store, fake API log, samples; infers and
    saves run.json when it is missing), writes report.txt and report.json, prints the report.
    Returns the exit status: 1 when the run failed."""
    commands = fl.read_commands(os.path.join(out, "commands.jsonl"))
    store = fl.read_store(os.path.join(out, "db", "deputy.sqlite"))
    arrivals = fl.read_arrivals(os.path.join(out, "slack-arrivals.jsonl"))
    record = fl.load_json(os.path.join(out, "run.json"))
    if record is None:
        record = infer_run(out, commands, store, arrivals)
        fl.save_json(os.path.join(out, "run.json"), record)
        fl.keep_original_report(out)
    args = run_params(record["params"])
    facts = fl.log_facts(store)
    c = fl.check_commands(commands, facts, store)
    n = fl.check_nudges(commands, facts, store, arrivals, record["stop_ms"])
    lateness = fl.fire_lateness(facts, args.done_after)
    dups = fl.duplicates(arrivals, [], 0)
    res = resources(read_samples(os.path.join(out, "samples.csv")), args.duration, args.sample)
    lat, lag = latencies(commands), record["generator_lag_ms"]
    sent_rate = sum(1 for x in commands if x.get("phase") == "load") / record["elapsed_s"]
    incidents = sum(1 for x in commands if x["kind"] == "declare" and x["outcome"] == "ack")
    text, failed = report(args, c, n, lateness, dups, res, lat, lag, sent_rate, arrivals, record["stop_code"],
                          record["drained"], incidents)
    windows = fl.summary(fl.delivery_windows(store, arrivals))
    text += "\n(window from the fake API's acceptance to the outbox's delivered_at: p50 %s / p99 %s / max %s ms, %d messages)" % (
        fl.fmt(windows["p50"]), fl.fmt(windows["p99"]), fl.fmt(windows["max"]), windows["count"])
    if record.get("inferred"):
        text += "\n(re-analysed from the files of a run without run.json; inferred: %s)" % "; ".join(record["inferred"])
    fl.save_json(os.path.join(out, "report.json"),
                 {"commands": c, "nudges": n, "fire_lateness_s": lateness, "duplicates": dups, "resources": res,
                  "latency_ms": lat, "generator_lag_ms": lag, "windows_ms": windows, "stop_code": record["stop_code"],
                  "drained": record["drained"]})
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write(text + "\n")
    print(text)
    return 1 if failed else 0


# --- the run ----------------------------------------------------------------------------------

async def run(args):
    """Runs the soak (see the module's docstring), saves run.json and returns analyse's status."""
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
    samples_path = os.path.join(args.out, "samples.csv")
    sender = fl.Sender(args.port, secret, "http://127.0.0.1:%d/response" % args.fake_port, commands_path,
                       args.connections)
    session = aiohttp.ClientSession()
    workload = Workload(args, rng)
    lags = []
    try:
        daemon.start()
        if not await daemon.wait_healthy(session, 30):
            raise SystemExit("the daemon did not start: see deputy.log")
        started = time.monotonic()
        sampler = asyncio.get_running_loop().create_task(
            sample_loop(daemon, session, args.sample, started, samples_path))
        print("[soak] %.0f commands/s over %d channels for %.0f s" % (args.rate, args.channels, args.duration),
              file=sys.stderr)
        end = started + args.duration

        def next_command(slot):
            command = workload.command(slot)
            if command is not None:
                command["phase"] = "load"
            return command

        slots = await fl.open_loop(args.rate, lambda: time.monotonic() < end, next_command, sender, lags,
                                   workload.answered)
        elapsed = time.monotonic() - started
        last = await take_sample(daemon, session, started)
        sampler.cancel()
        await asyncio.gather(sampler, return_exceptions=True)
        with open(samples_path, "a") as out:
            out.write(sample_line(last))
        await sender.drain()
        print("[soak] load over (%d slots in %.0f s); draining the outbox" % (slots, elapsed), file=sys.stderr)
        drained = await wait_drained(daemon, session, arrivals_path, args.drain)
        stop_ms = fl.now_ms()
        stop_code = await daemon.stop()
    finally:
        daemon.kill_now()
        await sender.close()
        await session.close()
    fl.save_json(os.path.join(args.out, "run.json"),
                 {"params": {k: v for k, v in vars(args).items() if k != "report_only"}, "elapsed_s": elapsed,
                  "slots": slots, "stop_ms": stop_ms, "stop_code": stop_code, "drained": drained,
                  "generator_lag_ms": fl.summary(lags)})
    await asyncio.sleep(0.5)  # the fake API's last lines
    return analyse(args.out)


def main():
    args = parse_args()
    if args.report_only:
        sys.exit(analyse(args.report_only))
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
