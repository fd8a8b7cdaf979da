#!/usr/bin/env python3
"""The timers benchmark's figures, from the fake Slack's log and Deputy's database.

    analyze.py --slack-log FILE --database FILE --window-start S --window S --expected N

- delivery lateness: when each follow-up reached the fake Slack API, against the deadline its
  text carries (`due=<epoch ms>`);
- fire lateness: when the scheduler fired each follow-up (the `at` of its `nudged` event in
  the log) against the deadline recorded in the event.
Prints one JSON line.
"""
import argparse
import json
import sqlite3


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    rank = max(0, min(len(values) - 1, int(-(-p * len(values) // 100)) - 1))
    return values[rank]


def find_follow_up(node):
    """The `due` of a follow-up nudge anywhere in a decoded event, or None."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "followUp" and isinstance(value, dict) and "due" in value:
                return value["due"]
            found = find_follow_up(value)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = find_follow_up(value)
            if found is not None:
                return found
    return None


def summary(values):
    return {
        "count": len(values),
        "p50_ms": percentile(values, 50),
        "p99_ms": percentile(values, 99),
        "max_ms": max(values) if values else None,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--slack-log", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--window-start", type=float, required=True)
    parser.add_argument("--window", type=float, required=True)
    parser.add_argument("--expected", type=int, required=True)
    args = parser.parse_args()
    low, high = args.window_start * 1000 - 1, (args.window_start + args.window) * 1000 + 1

    delivered = []
    with open(args.slack_log) as f:
        for line in f:
            arrived, due, _ = line.split()
            due = int(due)
            if low <= due <= high:
                delivered.append(int(arrived) - due)

    fired = []
    db = sqlite3.connect("file:%s?mode=ro" % args.database, uri=True)
    for at, event in db.execute("SELECT at, event FROM event WHERE event LIKE '%followUp%'"):
        due = find_follow_up(json.loads(event))
        if due is not None and low <= due * 1000 <= high:
            fired.append((at - due) * 1000)
    db.close()

    print(json.dumps({
        "expected": args.expected,
        "fire": summary(fired),
        "delivery": summary(delivered),
    }))


if __name__ == "__main__":
    main()
