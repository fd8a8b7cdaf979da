#!/usr/bin/env python3
"""Pre-signed Slack slash commands for the benchmarks, and the incidents they go to.

    make_requests.py requests --out FILE --count N [--prefix P] [--text TEXT]
        writes N distinct signed `/ic` requests, one a line:
        <X-Slack-Request-Timestamp> TAB <X-Slack-Signature> TAB <form body>
        (the format bench/slack/requests.lua and the open-loop generator read).
    make_requests.py setup --port PORT
        declares an incident in each benchmark channel, makes its lead the commander and
        names a deputy, through the server's /slack/commands (each request signed as it is sent).

Every request is signed with the current time, so a file is good for Slack's five minutes:
write it just before the run that uses it. Requests alternate, channel by channel, between a
note by one of the channel's responders and an assignment to one of them
(`assign <@U…|name> check shard K in 5m`), given in turn by the channel's commander and its
deputy (setup names one), over --channels channels (500) and --users users (10,000: user U
spends its time in channel U mod channels). At 5,000 requests/s that is 10 a second per
channel and 2.5 a second from each lead: under Deputy's default command limits (300 a minute
per person, 6,000 per channel), so no request of the benchmark is limited. Each has its own
trigger_id, so Deputy's dedupe never answers one from memory. The 5-minute timebox sets no
acknowledgement nudge (rules.yaml skips those up to 5m) and falls due after the run.
With --text, every request has that text instead (`help`: a command that records nothing), from
the same people in the same channels.
The signing secret is read from SLACK_SIGNING_SECRET.
"""
import argparse
import hashlib
import hmac
import http.client
import os
import sys
import time
import urllib.parse

TEAM = "T0BENCH01"


def user_id(index):
    return "U%08d" % index


def channel_id(index):
    return "C%08d" % index


def body(channel, user, text, trigger, response_base):
    fields = [
        ("token", "benchverificationtoken0"),
        ("team_id", TEAM),
        ("team_domain", "deputy-bench"),
        ("channel_id", channel_id(channel)),
        ("channel_name", "inc-bench-%d" % channel),
        ("user_id", user_id(user)),
        ("user_name", "user%d" % user),
        ("command", "/ic"),
        ("text", text),
        ("api_app_id", "A0BENCH01"),
        ("is_enterprise_install", "false"),
        ("response_url", "%s/commands/%s/%s" % (response_base, TEAM, trigger.replace(".", ""))),
        ("trigger_id", trigger),
    ]
    return urllib.parse.urlencode(fields, quote_via=urllib.parse.quote)


def sign(secret, timestamp, text):
    mac = hmac.new(secret, ("v0:%s:%s" % (timestamp, text)).encode(), hashlib.sha256)
    return "v0=" + mac.hexdigest()


def command(k, channels, users):
    """Request k: its channel, who types it, and what."""
    per_channel = max(users // channels, 2)
    channel = k % channels
    j = k // channels
    responder = channel + channels * (1 + (j // 2) % (per_channel - 1))  # never the commander
    if j % 2 == 0:
        return channel, responder, "note dashboard %d looks normal" % k
    lead = channel if (j // 2) % 2 == 0 else deputy_of(channel, channels)
    return channel, lead, "assign <@%s|user%d> check shard %d in 5m" % (user_id(responder), responder, k)


def deputy_of(channel, channels):
    """The channel's deputy: its first responder."""
    return channel + channels


def write_requests(args, secret):
    timestamp = str(int(time.time()))
    prefix = args.prefix or str(int(time.time() * 1000) % 10**11)
    with open(args.out, "w") as out:
        for k in range(args.count):
            channel, user, text = command(k, args.channels, args.users)
            text = args.text or text
            trigger = "%s.%d.%s" % (prefix, k, hashlib.sha1(("%s%d" % (prefix, k)).encode()).hexdigest()[:20])
            form = body(channel, user, text, trigger, args.response_base)
            out.write("%s\t%s\t%s\n" % (timestamp, sign(secret, timestamp, form), form))


def setup(args, secret):
    connection = http.client.HTTPConnection(args.host, args.port, timeout=10)
    prefix = str(int(time.time() * 1000) % 10**11)
    for channel in range(args.channels):
        deputy = deputy_of(channel, args.channels)
        steps = [
            "declare checkout is slow in region %d sev2" % channel, "lead",
            "role deputy <@%s|user%d>" % (user_id(deputy), deputy),
        ]
        for n, text in enumerate(steps):
            trigger = "%s.setup%d.%d" % (prefix, channel, n)
            form = body(channel, channel, text, trigger, args.response_base)
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
            if response.status != 200:
                sys.exit("setup: %s in channel %d answered %d %s" % (text, channel, response.status, answer[:200]))
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["requests", "setup"])
    parser.add_argument("--out")
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--text", default="", help="this text in every request instead")
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--response-base", default="http://127.0.0.1:8099/response")
    args = parser.parse_args()
    secret = os.environ.get("SLACK_SIGNING_SECRET", "").encode()
    if not secret:
        sys.exit("set SLACK_SIGNING_SECRET")
    if args.mode == "requests":
        if not args.out:
            sys.exit("--out FILE is required")
        write_requests(args, secret)
    else:
        setup(args, secret)


if __name__ == "__main__":
    main()
