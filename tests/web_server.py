"""A small real web server for the fetch tests, run as its own process on 127.0.0.1:
`python tests/web_server.py SITE PORT_FILE`. What each path serves is read from SITE/routes.json at
every request, so that a test can change a page, make one vanish or add a release between runs:

    {"/feed.xml": {"file": "feed.xml", "type": "application/rss+xml", "etag": "\"v1\""},
     "/flaky": {"file": "a.html", "fail_first": 1},      # 500 once, then the page
     "/slow": {"file": "a.html", "delay": 5},            # answers after 5 s
     "/old": {"redirect": "/new"},                        # 301
     "/huge": {"zeros": 52428800},                        # a 50 MB body, streamed, no length
     "/report.pdf": {"file": "r.pdf", "type": "application/pdf"}}

A path that is not listed is a 404. GET /__hits answers how often each path was asked for, GET
/__agents the User-Agent headers it was asked with."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(sys.argv[1])
HITS: Counter[str] = Counter()
AGENTS: set[str] = set()  # the User-Agent headers seen


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if self.path == "/__hits":
            return self._send(200, json.dumps(HITS).encode(), "application/json")
        if self.path == "/__agents":
            return self._send(200, json.dumps(sorted(AGENTS)).encode(), "application/json")
        HITS[self.path] += 1
        AGENTS.add(self.headers.get("User-Agent", ""))
        route = json.loads((SITE / "routes.json").read_text(encoding="utf-8")).get(self.path)
        if route is None:
            return self._send(404, b"not found", "text/plain")
        if HITS[self.path] <= route.get("fail_first", 0):
            return self._send(500, b"server error", "text/plain")
        time.sleep(route.get("delay", 0))
        if "redirect" in route:
            self.send_response(301)
            self.send_header("Location", route["redirect"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if "zeros" in route:
            return self._stream_zeros(route["zeros"])
        etag, modified = route.get("etag"), route.get("last_modified")
        if (etag and self.headers.get("If-None-Match") == etag) or (
            modified and self.headers.get("If-Modified-Since") == modified
        ):
            return self._send(304, b"", None, etag, modified)
        body = (SITE / route["file"]).read_bytes()
        return self._send(200, body, route.get("type", "text/html; charset=utf-8"), etag, modified)

    def _send(self, status: int, body: bytes, kind: str | None, etag=None, modified=None) -> None:
        self.send_response(status)
        for name, value in (("Content-Type", kind), ("ETag", etag), ("Last-Modified", modified)):
            if value:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream_zeros(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"0" * 65536
        try:
            for _ in range(size // len(chunk)):
                self.wfile.write(chunk)
        except OSError:  # the client stopped reading at its limit
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Path(sys.argv[2]).write_text(str(server.server_address[1]))
    server.serve_forever()
