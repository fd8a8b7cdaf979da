#!/usr/bin/env python3
"""A fake Slack Web API on 127.0.0.1 for the benchmarks: answers every POST with {"ok": true}
at once and, for chat.postMessage, notes when it arrived.

    python3 bench/timers/fake_slack.py --port 8099 [--log FILE]

With --log, each chat.postMessage whose text carries `due=<epoch ms>` (the timers benchmark
puts the deadline in the task's text, and Deputy's follow-up quotes the task) adds a line
`<arrival epoch ms> <due epoch ms> <channel>` to FILE: how late the nudge reached Slack.
response_url posts (/response/...) are answered the same way. Bounded: it exits by itself
after --lifetime seconds (default 1800).
"""
import argparse
import asyncio
import json
import os
import re
import signal
import time

from aiohttp import web

DUE = re.compile(r"due=(\d+)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--log")
    parser.add_argument("--lifetime", type=float, default=1800)
    args = parser.parse_args()
    log = open(args.log, "a", buffering=1) if args.log else None
    counts = {"postMessage": 0, "other": 0}

    async def handle(request):
        arrived = time.time()
        body = await request.read()
        if request.path.endswith("/chat.postMessage"):
            counts["postMessage"] += 1
            if log is not None:
                try:
                    message = json.loads(body)
                    match = DUE.search(message.get("text", ""))
                    if match:
                        log.write("%d %s %s\n" % (int(arrived * 1000), match.group(1), message.get("channel")))
                except ValueError:
                    pass
        else:
            counts["other"] += 1
        return web.json_response({"ok": True, "channel": "C0", "ts": "%.6f" % arrived})

    async def stats(_):
        return web.json_response(counts)

    async def stop_later(app):
        async def stop():
            await asyncio.sleep(args.lifetime)
            os.kill(os.getpid(), signal.SIGINT)
        app["stopper"] = asyncio.get_running_loop().create_task(stop())

    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.router.add_get("/stats", stats)
    app.router.add_route("POST", "/{tail:.*}", handle)
    app.on_startup.append(stop_later)
    web.run_app(app, host="127.0.0.1", port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
