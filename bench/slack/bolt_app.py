#!/usr/bin/env python3
"""The comparison point: Slack's Bolt for Python, AsyncApp on aiohttp, acking Deputy's benchmark
requests with the JSON Deputy answers (same text, blocks and button; key order aside).

    SLACK_SIGNING_SECRET=... python3 bench/slack/bolt_app.py [--port 8092]

It verifies every request's signature (request_verification_enabled=True, the default) with
the same signing secret as Deputy and never calls Slack: instead of a bot token, whose first use
would make Bolt call auth.test, an `authorize` function hands Bolt a fixed dummy installation.
The logger is at WARNING so no request is logged (Deputy logs one line per request).
Needs `pip install slack-bolt aiohttp`.
"""
import argparse
import logging
import os

from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult

logging.basicConfig(level=logging.WARNING)


async def authorize(enterprise_id, team_id, user_id, **_):
    return AuthorizeResult(
        enterprise_id=enterprise_id, team_id=team_id, user_id=user_id,
        bot_token="xoxb-bench-dummy", bot_id="B0BENCH01", bot_user_id="U0BENCHBOT")


app = AsyncApp(
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    authorize=authorize,
    request_verification_enabled=True,
    process_before_response=True,
)


@app.command("/ic")
async def ic(ack, command):
    """Acks with the JSON Deputy answers (the same text, blocks and button)."""
    text = command.get("text", "")
    if text.startswith("assign "):
        words = text.split(" ", 2)
        owner = words[1].split("|")[0] + ">" if len(words) > 1 else ""
        task = words[2] if len(words) > 2 else ""
        if task.endswith(" in 5m"):
            task = task[:-6]
        answer = ("%s, I'd like you to %s. I'll come back to you in 5 minutes. Understood?\n"
                  "That is T1. Type /ic ack to confirm." % (owner, task))
        blocks = [
            {"type": "section", "text": {"type": "mrkdwn", "text": answer}},
            {"type": "actions", "elements": [{
                "type": "button", "action_id": "deputy.ack", "style": "primary", "value": "T1",
                "text": {"type": "plain_text", "text": "Understood"}}]},
        ]
        await ack(response_type="in_channel", text=answer, blocks=blocks)
    else:
        await ack(response_type="ephemeral", text="Noted on the timeline.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8092)
    args = parser.parse_args()
    app.start(port=args.port, path="/slack/commands", host="127.0.0.1")
