#!/usr/bin/env python3
"""A stand-in for an SMS provider's HTTP API, for the tests.

Usage: sms-receiver.py PORT FILE [STATUS]

Accepts POST requests with a JSON body and appends each as one line of JSON
to FILE: {"authorization": <header>, "body": <the request's JSON>}. Answers
STATUS (default 202), so tests can also play a failing provider. Only the
standard library: nothing to install.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
FILE = sys.argv[2]
STATUS = int(sys.argv[3]) if len(sys.argv) > 3 else 202


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        if STATUS < 300:
            record = {"authorization": self.headers.get("Authorization"), "body": body}
            with open(FILE, "a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")
        self.send_response(STATUS)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
