#!/usr/bin/env python3
"""A fake Slack Web API on 127.0.0.1 for the fault harnesses, which logs every request and can
fail a fraction of them.

    python3 bench/faults/fake_slack.py --port 18299 --log FILE [--fail-rate 0.10] [--slow 2]

Every POST (chat.postMessage, chat.postEphemeral, response_url posts under /response/...) adds
one JSON line to FILE:

    {"ms": <arrival epoch ms>, "done_ms": <epoch ms of the answer: when an "ok" was accepted>,
     "path": "/api/chat.postMessage", "channel": "C…",
     "outcome": "ok" | "slow" | "500" | "429" | "reset", "tokens": ["kx12", …]}

`tokens` are the harness's unique words (`kx` and digits) found in the message's text, so a
nudge quoting a task can be told apart from every other. Only "ok" and "slow" answers are
200 {"ok": true}: the message was accepted. With --fail-rate F, a fraction F of requests is
answered, in equal shares, with a 500, a 429 with `Retry-After: 1`, a connection reset before
any answer, or a slow 200 after --slow seconds (accepted, just late). GET /stats returns the
counts by outcome. Bounded: it exits by itself after --lifetime seconds (default 7200).

POST /arm {"pid": N} (the crash harness) makes the next accepted message kill process N with
SIGKILL right after its 200 has been written: the sender dies between Slack accepting a message
and recording it as delivered. The kill is logged as {"kill_ms": …, "pid": N, "after_ms": <the
acceptance>}. POST /arm {"pid": null} disarms it.
"""
import argparse
import asyncio
import json
import os
import random
import re
import signal
import time

from aiohttp import web

TOKEN = re.compile(r"\bkx\d+\b")
FAULTS = ["500", "429", "reset", "slow"]


def message_fields(body):
    """The channel and the harness tokens of a posted message (JSON or a form), best effort."""
    try:
        message = json.loads(body)
    except ValueError:
        return None, sorted(set(TOKEN.findall(body.decode("utf-8", "replace"))))
    if not isinstance(message, dict):
        return None, []
    text = json.dumps(message, ensure_ascii=False)
    return message.get("channel"), sorted(set(TOKEN.findall(text)))


def pick_outcome(fail_rate, rng):
    """"ok", or one of the faults with probability fail_rate."""
    if fail_rate > 0 and rng.random() < fail_rate:
        return rng.choice(FAULTS)
    return "ok"


def make_app(args, log):
    rng = random.Random(args.seed)
    counts = {}
    armed = {}

    def record(arrived, request, channel, tokens, outcome):
        counts[outcome] = counts.get(outcome, 0) + 1
        log.write(json.dumps({
            "ms": int(arrived * 1000), "done_ms": int(time.time() * 1000), "path": request.path,
            "channel": channel, "outcome": outcome, "tokens": tokens}) + "\n")

    async def handle(request):
        arrived = time.time()
        body = await request.read()
        channel, tokens = message_fields(body)
        outcome = pick_outcome(args.fail_rate, rng)
        if outcome == "slow":
            await asyncio.sleep(args.slow)
        if outcome == "reset":
            record(arrived, request, channel, tokens, outcome)
            request.transport.abort()
            return web.Response(status=500)  # never reaches the client: the connection is gone
        if outcome == "500":
            record(arrived, request, channel, tokens, outcome)
            return web.json_response({"ok": False, "error": "internal_error"}, status=500)
        if outcome == "429":
            record(arrived, request, channel, tokens, outcome)
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": "1"})
        # Logged before the answer is written: the moment the fake API accepts the message.
        record(arrived, request, channel, tokens, outcome)
        response = web.json_response({"ok": True, "channel": channel or "C0", "ts": "%.6f" % arrived})
        pid = armed.pop("pid", None)
        if pid is not None:
            accepted_ms = int(time.time() * 1000)
            await response.prepare(request)
            await response.write_eof()
            kill(pid, accepted_ms)
        return response

    def kill(pid, accepted_ms):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            return
        log.write(json.dumps({"kill_ms": int(time.time() * 1000), "pid": pid, "after_ms": accepted_ms}) + "\n")

    async def arm(request):
        pid = (await request.json()).get("pid")
        if pid is None:
            armed.pop("pid", None)
        else:
            armed["pid"] = int(pid)
        return web.json_response({"armed": pid})

    async def stats(_):
        return web.json_response(counts)

    async def stop_later(app):
        async def stop():
            await asyncio.sleep(args.lifetime)
            os.kill(os.getpid(), signal.SIGINT)
        app["stopper"] = asyncio.get_running_loop().create_task(stop())

    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.router.add_get("/stats", stats)
    app.router.add_post("/arm", arm)
    app.router.add_route("POST", "/{tail:.*}", handle)
    app.on_startup.append(stop_later)
    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=18299)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fail-rate", type=float, default=0.0)
    parser.add_argument("--slow", type=float, default=2.0, help="seconds a slow answer takes")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--lifetime", type=float, default=7200)
    args = parser.parse_args()
    log = open(args.log, "a", buffering=1)
    web.run_app(make_app(args, log), host="127.0.0.1", port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
