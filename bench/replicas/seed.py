#!/usr/bin/env python3
"""Seeds open timeboxes through Deputy replicas, for bench/replicas/failover.sh.

    seed.py --ports 18180,18181 --incidents 1000 --tasks 10 --window-start EPOCH_S --window 60

Declares an incident in each of --incidents channels and makes its lead the commander, then
assigns --tasks tasks in each with a timebox that lapses inside the window: task k of all
(k = 0 … incidents × tasks − 1) falls due at window-start + window × k / total, to the second
(Deputy's timeboxes are whole seconds). Requests go to the ports in turn, each signed (the
secret from SLACK_SIGNING_SECRET) with its own trigger_id, over one keep-alive connection per
port. Timeboxes of 5 minutes or less set no acknowledgement nudge, so each task makes exactly
one follow-up nudge when it lapses. Prints how many tasks it assigned.
"""
import argparse
import http.client
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "slack"))
from make_requests import body, sign, user_id  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ports", required=True)
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=10)
    parser.add_argument("--window-start", type=float, required=True)
    parser.add_argument("--window", type=float, default=60)
    parser.add_argument("--response-base", default="http://127.0.0.1:18199/response")
    args = parser.parse_args()
    secret = os.environ["SLACK_SIGNING_SECRET"].encode()
    connections = [http.client.HTTPConnection("127.0.0.1", int(p), timeout=30) for p in args.ports.split(",")]
    sent = 0

    def send(channel, user, text):
        nonlocal sent
        connection = connections[sent % len(connections)]
        trigger = "seed.%d.%d" % (os.getpid(), sent)
        form = body(channel, user, text, trigger, args.response_base)
        timestamp = str(int(time.time()))
        connection.request(
            "POST", "/slack/commands", body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": sign(secret, timestamp, form),
            })
        response = connection.getresponse()
        answer = response.read()
        sent += 1
        if response.status != 200 or b"can't record" in answer:
            sys.exit("seed: %r in channel %d answered %d %s" % (text, channel, response.status, answer[:200]))

    for channel in range(args.incidents):
        send(channel, channel, "declare failover drill %d sev2" % channel)
        send(channel, channel, "lead")
    total = args.incidents * args.tasks
    assigned = 0
    for k in range(total):
        channel = k % args.incidents
        due = args.window_start + args.window * k / total
        seconds = round(due - time.time())
        if seconds < 5:
            sys.exit("seed: too slow, task %d would be due in %d s: give a longer --window-start lead" % (k, seconds))
        owner = channel + args.incidents * (1 + k // args.incidents)
        send(channel, channel, "assign <@%s|user%d> check shard %d in %ds" % (user_id(owner), owner, k, seconds))
        assigned += 1
    print(assigned)


if __name__ == "__main__":
    main()
