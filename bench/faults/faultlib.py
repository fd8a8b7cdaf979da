"""Shared pieces of the fault harnesses (bench/faults/crash.py and soak.py): the daemon process,
signed slash commands sent over keep-alive connections, the fake Slack API's log, the store,
and percentiles. Not run by itself.

Every command the harnesses send carries a unique word `kx<n>` (in a note, a task's text or an
incident's title), so the event log, the outbox and the fake Slack API's log can be matched up.
"""
import asyncio
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.parse

import aiohttp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "slack"))
import make_requests  # noqa: E402  (bench/slack: the form Slack sends, and its signature)

TOKEN = re.compile(r"\bkx\d+\b")
RATE_LIMITED = "nothing was recorded"  # the phrasebook's `rate_limited` answer: not recorded
TASK_NUMBER = re.compile(r"That is T(\d+)\.")


def now_ms():
    return time.time() * 1000.0


def percentile(values, p):
    """The p-th percentile (0-100) by nearest rank; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, int(round(p / 100.0 * len(ordered) + 0.4999)))
    return ordered[min(rank, len(ordered)) - 1]


def summary(values):
    """p50 / p99 / max of values, as a dict (None when empty)."""
    return {"count": len(values), "p50": percentile(values, 50), "p99": percentile(values, 99),
            "max": max(values) if values else None}


def fmt(value, digits=1):
    return "–" if value is None else ("%.*f" % (digits, value))


def user_id(index):
    return make_requests.user_id(index)


def mention(index):
    return "<@%s|user%d>" % (user_id(index), index)


# --- the daemon -------------------------------------------------------------------------------

class Daemon:
    """`deputy serve` on one database, started and stopped (or killed) by the harness."""

    def __init__(self, binary, env, log_path, port, pid_path=None):
        self.pid_path = pid_path
        self.binary = binary
        self.env = env
        self.log_path = log_path
        self.port = port
        self.process = None

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def start(self):
        """Starts the daemon; returns the epoch ms of the start."""
        log = open(self.log_path, "ab")
        log.write(("---- harness: start at %d ms\n" % now_ms()).encode())
        log.flush()
        started = now_ms()
        self.process = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        log.close()
        if self.pid_path:  # for the shell's trap, should this process die first
            with open(self.pid_path, "w") as f:
                f.write("%d\n" % self.process.pid)
        return started

    def alive(self):
        return self.process is not None and self.process.poll() is None

    async def wait_healthy(self, session, timeout):
        """Polls GET /healthz every 10 ms until 200; True if it answered 200 within timeout s."""
        deadline = time.monotonic() + timeout
        url = "http://127.0.0.1:%d/healthz" % self.port
        while time.monotonic() < deadline:
            if not self.alive():
                return False
            try:
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=1)) as response:
                    await response.read()
                    if response.status == 200:
                        return True
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
                pass
            await asyncio.sleep(0.01)
        return False

    async def kill(self):
        """SIGKILL; waits until the process is gone. Returns the epoch ms of the signal."""
        at = now_ms()
        self.process.send_signal(signal.SIGKILL)
        while self.process.poll() is None:
            await asyncio.sleep(0.002)
        return at

    async def died(self, timeout):
        """Waits up to timeout s for the process to end by itself (someone else killed it)."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.002)
        return self.process.poll() is not None

    async def stop(self, timeout=30):
        """SIGTERM; waits for the exit (SIGKILL after timeout s). Returns the exit code."""
        if not self.alive():
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
            return "killed after %d s" % timeout
        return self.process.returncode

    def kill_now(self):
        """For exits on error: no daemon is left behind."""
        if self.alive():
            self.process.kill()
            self.process.wait()

    def status(self, field):
        """A /proc/PID/status field's first number (VmRSS: KiB, Threads), or None."""
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith(field + ":"):
                        return int(line.split()[1])
        except (OSError, TypeError):
            pass
        return None

    def open_fds(self):
        try:
            return len(os.listdir("/proc/%d/fd" % self.pid))
        except (OSError, TypeError):
            return None

    async def metric(self, session, name):
        """One unlabelled value of GET /metrics, or None."""
        try:
            async with session.get("http://127.0.0.1:%d/metrics" % self.port,
                                   timeout=aiohttp.ClientTimeout(total=2)) as response:
                text = await response.text()
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
            return None
        for line in text.splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        return None


def daemon_env(database, port, fake_port):
    """The daemon's environment: Slack on (the signing secret is already in the environment),
    the fake Slack API, loopback only."""
    env = dict(os.environ)
    env.update({
        "DEPUTY_HOST": "127.0.0.1", "DEPUTY_PORT": str(port), "DEPUTY_DATABASE": database,
        "SLACK_BOT_TOKEN": "xoxb-bench-dummy", "SLACK_API_URL": "http://127.0.0.1:%d/api" % fake_port,
    })
    return env


# --- commands ---------------------------------------------------------------------------------

class Sender:
    """Sends signed `/ic` slash commands over a pool of keep-alive connections and writes one JSON
    line per command to `log_path`: what was sent, when (scheduled, sent, answered), the status
    and what the answer means ("ack", "refused" for a rate limit, "error" for no answer)."""

    def __init__(self, port, secret, response_base, log_path, connections, timeout=10):
        self.url = "http://127.0.0.1:%d/slack/commands" % port
        self.secret = secret
        self.response_base = response_base
        self.log = open(log_path, "a", buffering=1)
        self.connector = aiohttp.TCPConnector(limit=connections, force_close=False)
        self.session = aiohttp.ClientSession(connector=self.connector,
                                             timeout=aiohttp.ClientTimeout(total=timeout))
        self.prefix = str(int(time.time() * 1000) % 10 ** 11)
        self.serial = 0
        self.tasks = set()

    def trigger(self):
        self.serial += 1
        digest = hashlib.sha1(("%s%d" % (self.prefix, self.serial)).encode()).hexdigest()[:20]
        return "%s.%d.%s" % (self.prefix, self.serial, digest)

    async def send(self, command, scheduled_ms=None):
        """Sends one command (a dict with channel, user, text, kind and token); returns its record."""
        record = dict(command)
        record["trigger"] = self.trigger()
        form = make_requests.body(command["channel"], command["user"], command["text"], record["trigger"],
                                  self.response_base)
        record["scheduled_ms"] = scheduled_ms if scheduled_ms is not None else now_ms()
        timestamp = str(int(time.time()))
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": timestamp,
                   "X-Slack-Signature": make_requests.sign(self.secret, timestamp, form)}
        record["sent_ms"] = now_ms()
        try:
            async with self.session.post(self.url, data=form.encode(), headers=headers) as response:
                answer = await response.text()
                record["status"] = response.status
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            record.update(status=None, outcome="error", error=type(error).__name__, done_ms=now_ms())
            self.log.write(json.dumps(record) + "\n")
            return record
        record["done_ms"] = now_ms()
        if record["status"] != 200:
            record["outcome"] = "error"
            record["error"] = answer[:200]
        elif RATE_LIMITED in answer:
            record["outcome"] = "refused"
        else:
            record["outcome"] = "ack"
            number = TASK_NUMBER.search(answer)
            if number:
                record["task_number"] = int(number.group(1))
        self.log.write(json.dumps(record) + "\n")
        return record

    def launch(self, command, scheduled_ms, on_done=None):
        """Sends in the background (open loop); on_done(record) is called with the result."""
        async def run():
            record = await self.send(command, scheduled_ms)
            if on_done:
                on_done(record)
        task = asyncio.get_running_loop().create_task(run())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def drain(self):
        if self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)

    async def close(self):
        await self.drain()
        await self.session.close()
        self.log.close()


async def open_loop(rate, keep_going, next_command, sender, lags, on_done=None):
    """Sends command i at start + i / rate while keep_going() holds, never waiting for answers;
    next_command(i) returns a command, or None to send nothing at that slot. Appends each
    slot's lateness (ms) to lags: the generator's own lag. on_done(record) follows each answer."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    start_ms = now_ms()
    i = 0
    while keep_going():
        due = start + i / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        lags.append(max(0.0, (loop.time() - due) * 1000.0))
        command = next_command(i)
        if command is not None:
            sender.launch(command, start_ms + i * 1000.0 / rate, on_done)
        i += 1
    return i


def read_commands(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


# --- the results folder -----------------------------------------------------------------------

def save_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1, default=str)


def load_json(path):
    """The JSON in path, or None when there is no such file."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def first_line(path):
    """The first line of a text file ("" when there is none): an old report's summary."""
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.readline()


def keep_original_report(out):
    """Before the first re-analysis of a run from before run.json: its own report.txt and
    report.json are kept as report-original.txt and report-original.json."""
    for name in ("report.txt", "report.json"):
        original = os.path.join(out, name.replace("report.", "report-original."))
        if os.path.exists(os.path.join(out, name)) and not os.path.exists(original):
            shutil.copyfile(os.path.join(out, name), original)


def last_activity_ms(commands, store, arrivals):
    """The epoch ms of the last thing a run's files show: an answer, an event or a message at the
    fake API. For a run from before run.json, the stop came after it."""
    times = [c["done_ms"] for c in commands if c.get("done_ms")]
    times += [e["at"] * 1000.0 for e in store["events"]]
    times += [row["done_ms"] for row in arrivals]
    return max(times)


# --- the fake Slack API's log -----------------------------------------------------------------

def read_arrivals(path):
    """Every request the fake Slack API logged, in order of arrival."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return sorted((row for row in rows if "path" in row), key=lambda row: row["ms"])


def read_fake_kills(path):
    """The kills the fake API made when armed (see fake_slack.py): epoch ms of each."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [row["kill_ms"] for row in rows if "kill_ms" in row]


def accepted(row):
    return row["outcome"] in ("ok", "slow")


def arrival_key(row):
    """What identifies a message at the fake API: the response_url path, or the unique tokens."""
    if row["path"].startswith("/response/"):
        return ("url", row["path"])
    if row["tokens"]:
        return ("tokens", tuple(row["tokens"]))
    return None


def accepted_by_key(arrivals):
    """Key -> times (ms) the fake API accepted the message (wrote its 200), oldest first."""
    result = {}
    for row in sorted(arrivals, key=lambda row: row["done_ms"]):
        key = arrival_key(row)
        if key is not None and accepted(row):
            result.setdefault(key, []).append(row["done_ms"])
    return result


# --- the store --------------------------------------------------------------------------------

def read_store(database):
    """The store, read-only (the daemon is stopped): incidents, events, outbox and seen keys."""
    connection = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    store = {"incidents": {}, "events": [], "outbox": [], "seen": set()}
    for incident_id, channel in connection.execute("SELECT id, channel FROM incident"):
        store["incidents"][incident_id] = channel
    for incident_id, seq, at, actor, event in connection.execute(
            "SELECT incident_id, seq, at, actor, event FROM event ORDER BY incident_id, seq"):
        store["events"].append({"incident": incident_id, "seq": seq, "at": at,
                                "actor": json.loads(actor) if actor else None, "event": json.loads(event)})
    for row in connection.execute(
            "SELECT id, channel, message, state, attempts, created_at, delivered_at, last_error FROM outbox ORDER BY id"):
        store["outbox"].append(dict(zip(["id", "channel", "message", "state", "attempts", "created_at",
                                         "delivered_at", "last_error"], row)))
    store["seen"] = {key for (key,) in connection.execute("SELECT key FROM seen_request")}
    connection.close()
    return store


def log_facts(store):
    """What the event log holds, by token and by task:
    tokens: token -> {"incident", "kind", "task", "due_at"}; claimed: incidents with a commander;
    closed: (incident, task) -> when the task was done (or cancelled); resolved: incident -> when;
    fired: (incident, task) of every follow-up nudge in the log; lateness: (incident, task) -> how
    late (s) the scheduler fired it (the nudge's `at` minus the follow-up's `due`)."""
    tokens, claimed, closed, resolved, kinds, lateness = {}, set(), {}, {}, set(), {}
    for record in store["events"]:
        incident, event = record["incident"], record["event"]
        (kind, value), = event.items()
        kinds.add((incident, kind))
        if kind == "declared":
            for token in TOKEN.findall(value["title"]):
                tokens[token] = {"incident": incident, "kind": "declare"}
        elif kind == "noteAdded":
            for token in TOKEN.findall(value["_0"]):
                tokens[token] = {"incident": incident, "kind": "note"}
        elif kind == "taskAssigned":
            task = value["_0"]["number"]
            for token in TOKEN.findall(value["task"]):
                tokens[token] = {"incident": incident, "kind": "assign", "task": task, "due_at": value["dueAt"]}
        elif kind == "commandClaimed":
            claimed.add(incident)
        elif kind == "taskDone" or kind == "taskCancelled":
            closed.setdefault((incident, value["_0"]["number"]), record["at"])
        elif kind in ("resolved", "closedAsFalseAlarm"):
            resolved.setdefault(incident, record["at"])
        elif kind == "nudged" and "followUp" in value["_0"]:
            follow_up = value["_0"]["followUp"]
            lateness.setdefault((incident, follow_up["_0"]["number"]), record["at"] - follow_up["due"])
    return {"tokens": tokens, "claimed": claimed, "closed": closed, "fired": set(lateness), "resolved": resolved,
            "kinds": kinds, "lateness": lateness}


def fire_lateness(facts, done_after=None):
    """How late the scheduler fired the follow-ups in the log (s): p50 / p99 / max, and how many
    were more than 1 s late and more than done_after s late (the harness's grace before it marks
    a task done: a follow-up later than that is overtaken by the task's end, see check_nudges)."""
    values = list(facts["lateness"].values())
    result = summary(values)
    result["over_1s"] = sum(1 for v in values if v > 1.0)
    result["done_after"] = done_after
    result["over_done_after"] = None if done_after is None else sum(1 for v in values if v > done_after)
    return result


# The event each kind of command the harnesses send must leave in the log. The first three carry
# their own token; the others are found in the incident whose declare carried `incident_token`.
EXPECTED_EVENT = {"declare": "declared", "note": "noteAdded", "assign": "taskAssigned", "lead": "commandClaimed",
                  "done": "taskDone", "resolve": "resolveRequested", "confirm": "resolved",
                  "postmortem": "postmortemOwnerNamed"}
TOKEN_KINDS = {"declare", "note", "assign"}


def recorded(command, facts):
    """Whether an acknowledged command left its event in the log."""
    if command["kind"] in TOKEN_KINDS:
        return command["token"] in facts["tokens"]
    incident = facts["tokens"].get(command.get("incident_token"), {}).get("incident")
    if command["kind"] == "done":
        return (incident, command["task"]) in facts["closed"]
    return (incident, EXPECTED_EVENT[command["kind"]]) in facts["kinds"]


def check_commands(commands, facts, store):
    """Every acknowledged command (answered 200, not refused by the rate limit) is in the log."""
    acked = [c for c in commands if c["outcome"] == "ack"]
    lost = [c for c in acked if not recorded(c, facts)]
    not_seen = [c for c in acked if "slack:command:%s:%s" % (make_requests.TEAM, c["trigger"]) not in store["seen"]]
    unacked_recorded = [c for c in commands if c["outcome"] == "error" and c.get("token") in facts["tokens"]]
    return {"sent": len(commands), "acknowledged": len(acked),
            "refused": sum(1 for c in commands if c["outcome"] == "refused"),
            "unanswered": sum(1 for c in commands if c["outcome"] == "error"),
            "unanswered_but_recorded": len(unacked_recorded), "lost": lost, "ack_not_in_seen": len(not_seen)}


def dead_follow_ups(store):
    """Token -> the dead-lettered outbox row of a follow-up nudge that carried it."""
    dead = {}
    for row in store["outbox"]:
        if row["state"] == "dead" and is_follow_up(row):
            for token in TOKEN.findall(row["message"]):
                dead[token] = row
    return dead


def check_nudges(commands, facts, store, arrivals, stop_ms, margin=0.5):
    """Follows the follow-up nudge of every acknowledged assignment. It fell due when its timebox
    lapsed at least `margin` s before its end (the task done or cancelled, its incident resolved,
    or the daemon stopped) or when it is in the log anyway; `raced` counts the unfired ones whose
    timebox lapsed within `margin` of that end (not checked). A follow-up that fell due is:
    - delivered: the fake API accepted it at least once;
    - dead: a dead letter (listed with the reason of its last failed try);
    - overtaken: not fired, and its task was closed (or its incident resolved) before the stop:
      the scheduler was running late, and Deputy rightly sends no reminder for a finished task.
      A late reminder, not a lost one; `after` is how long after the due time the task ended
      (the scheduler was at least that late);
    - lost: not fired although its task was still open at the stop, or fired but never accepted
      by the fake API and not a dead letter (`why` says which).
    `not_fired_in_log` lists every due one that is not in the log (overtaken or lost)."""
    by_key = accepted_by_key(arrivals)
    dead_tokens = dead_follow_ups(store)
    stop = stop_ms / 1000.0
    due, lost, dead, overtaken, not_fired, raced = [], [], [], [], [], 0
    for command in commands:
        fact = facts["tokens"].get(command.get("token"))
        if command["kind"] != "assign" or command["outcome"] != "ack" or fact is None:
            continue
        key, token = (fact["incident"], fact["task"]), command["token"]
        closed = min(facts["closed"].get(key, float("inf")), facts["resolved"].get(fact["incident"], float("inf")))
        end = min(closed, stop)
        fired = key in facts["fired"]
        if not fired and fact["due_at"] + margin > end:
            raced += abs(fact["due_at"] - end) < margin
            continue
        due.append(token)
        if not fired:
            not_fired.append(token)
            if closed <= stop:
                overtaken.append({"token": token, "after": closed - fact["due_at"]})
            else:
                lost.append({"token": token, "why": "not fired, its task still open at the stop"})
        elif not by_key.get(("tokens", (token,))):
            if token in dead_tokens:
                dead.append({"token": token, "reason": dead_tokens[token]["last_error"]})
            else:
                lost.append({"token": token, "why": "fired, never accepted by the fake API, not a dead letter"})
    return {"due": len(due), "delivered": len(due) - len(lost) - len(dead) - len(overtaken), "lost": lost,
            "dead": dead, "overtaken": overtaken, "not_fired_in_log": not_fired, "raced": raced}


def nudge_report(n, lateness):
    """The report's lines on follow-up nudges (n from check_nudges, lateness from fire_lateness),
    and the lines listing each lost one and each dead letter."""
    over = "" if lateness["done_after"] is None else ", over done_after (%s s) %d" % (
        fmt(lateness["done_after"], 0), lateness["over_done_after"])
    lines = [
        "follow-up nudges: due %d, delivered %d, overtaken %d, lost %d, dead letters %d (lapsed as the task ended,"
        " unchecked %d)" % (n["due"], n["delivered"], len(n["overtaken"]), len(n["lost"]), len(n["dead"]), n["raced"]),
        "scheduler fire lateness of the %d fired follow-ups (nudge `at` minus its due, from the log):"
        " p50 %s / p99 %s / max %s s; over 1 s %d%s" % (
            lateness["count"], fmt(lateness["p50"], 3), fmt(lateness["p99"], 3), fmt(lateness["max"], 3),
            lateness["over_1s"], over),
    ]
    if n["overtaken"]:
        after = summary([o["after"] for o in n["overtaken"]])
        beyond = sum(1 for o in n["overtaken"] if lateness["max"] is None or o["after"] > lateness["max"])
        lines.append(
            "overtaken (a late reminder, not a lost one): %d follow-ups not fired before their task was done or"
            " their incident resolved, which came p50 %s / max %s s after they fell due (the scheduler was at least"
            " that late for them); %d of those imply more lateness than the worst fired one" % (
                len(n["overtaken"]), fmt(after["p50"], 3), fmt(after["max"], 3), beyond))
    for lost in n["lost"][:20]:
        lines.append("  LOST nudge: the follow-up of %s (%s)" % (lost["token"], lost["why"]))
    for dead in n["dead"][:50]:
        lines.append("  DEAD LETTER: the follow-up of %s (%s)" % (dead["token"], dead["reason"]))
    return lines


def outbox_key(row):
    """The key (see arrival_key) a stored outgoing message will arrive under, or None."""
    message = json.loads(row["message"])
    url = message.get("responseURL")
    if url:
        return ("url", urllib.parse.urlparse(url).path)
    tokens = sorted(set(TOKEN.findall(row["message"])))
    return ("tokens", tuple(tokens)) if tokens else None


def is_follow_up(row):
    message = json.loads(row["message"])
    return any(line.get("key") == "follow_up" for line in message.get("reply", {}).get("lines", []))


def delivery_windows(store, arrivals):
    """For every delivered outbox message that can be matched to what the fake API accepted: the
    time (ms) from the fake API accepting it (its last accepted copy before the outbox's
    `delivered_at`) to `delivered_at`. Keys shared by several stored messages are skipped."""
    by_key = accepted_by_key(arrivals)
    keys = {}
    for row in store["outbox"]:
        key = outbox_key(row)
        if key is not None:
            keys.setdefault(key, []).append(row)
    windows = []
    for key, rows in keys.items():
        if len(rows) != 1 or rows[0]["state"] != "delivered" or key not in by_key:
            continue
        delivered_ms = rows[0]["delivered_at"] * 1000.0
        before = [ms for ms in by_key[key] if ms <= delivered_ms + 5]
        if before:
            windows.append(delivered_ms - before[-1])
    return windows


def duplicates(arrivals, kills_ms, limit_ms, slack_ms=50):
    """Messages the fake API accepted more than once. Each repeat is explained when a kill fell
    after the previous copy was accepted (give or take slack_ms: the request may be read just
    after the sender died) and before the repeat, at most limit_ms after that acceptance: the
    daemon died between the API's acceptance and the outbox recording the delivery."""
    result = []
    for key, times in accepted_by_key(arrivals).items():
        for first, again in zip(times, times[1:]):
            kills = [k for k in kills_ms if first - slack_ms <= k < again]
            gap = (kills[0] - first) if kills else None
            label = key[1] if key[0] == "url" else " ".join(key[1])
            result.append({"key": label, "accepted_ms": first, "again_ms": again, "kill_after_ms": gap,
                           "explained": gap is not None and gap <= limit_ms})
    return result
