#!/usr/bin/env python3
"""Starts a server and times it from the start to its first `GET /healthz` 200.

    ready.py --port PORT --log FILE -- COMMAND...

Prints one JSON line: {"pid": …, "server_pid": …, "ready_ms": …, "rss_kib": …} (`pid` is the
command started, `server_pid` the process in it holding the most memory, and `rss_kib` that
process's resident memory right when it turned ready) and leaves the server running; the
caller stops it. Polls every
2 ms on one kept-alive connection; gives up (and stops the server) after 60 s.
"""
import argparse
import http.client
import json
import os
import subprocess
import sys
import time


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def server_process(pid):
    """The process that does the work: the one with the most resident memory among `pid` and its
    descendants (the command may be wrapped in `timeout` and `taskset`)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    family, todo = [], [pid]
    while todo:
        current = todo.pop()
        family.append(current)
        todo += children.get(current, [])
    return max(family, key=rss_kib)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    log = open(args.log, "ab")
    start = time.monotonic()
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    connection = None
    while time.monotonic() - start < 60:
        if server.poll() is not None:
            sys.exit("the server exited with %d before it was ready" % server.returncode)
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=5)
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                ready = (time.monotonic() - start) * 1000
                worker = server_process(server.pid)
                print(json.dumps({"pid": server.pid, "server_pid": worker, "ready_ms": round(ready, 1),
                                  "rss_kib": rss_kib(worker)}))
                return
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
        time.sleep(0.002)
    server.terminate()
    sys.exit("not ready after 60 s")


if __name__ == "__main__":
    main()
