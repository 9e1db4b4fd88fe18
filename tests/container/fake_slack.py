#!/usr/bin/env python3
"""A loopback fake of Slack's Web API for the container smoke test: answers chat.postMessage like Slack
(`{"ok": true, "channel": …, "ts": …}`, https://api.slack.com/methods/chat.postMessage) and appends one JSON line
per call to RECORD_FILE. Usage: fake_slack.py PORT RECORD_FILE"""
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

port, record = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()

class SlackApi(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace")
        if self.headers.get("Content-Type", "").startswith("application/json"):
            body = json.loads(raw or "{}")
        else:
            body = {k: v[0] for k, v in parse_qs(raw).items()}
        method = self.path.rstrip("/").rsplit("/", 1)[-1]
        with lock, open(record, "a") as f:
            f.write(json.dumps({"method": method, "channel": body.get("channel"), "text": body.get("text")}) + "\n")
        answer = {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", port), SlackApi).serve_forever()
