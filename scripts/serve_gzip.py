"""Serve a built site on the loopback interface, gzip-compressed as a static host would.

Lighthouse measures what readers get from a real host: text files (HTML, CSS, JS, JSON, SVG,
XML) are sent gzip-compressed when the browser accepts it, with a validator and a cache
lifetime. Only 127.0.0.1 is bound: nothing outside this machine can reach it.

    python scripts/serve_gzip.py site/ [--port 8765]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
import sys
import threading
from collections.abc import Callable
from email.utils import formatdate
from typing import Any

COMPRESSED = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".svg",
    ".xml",
    ".txt",
    ".ics",
    ".webmanifest",
    ".map",
}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus gzip for text files and a cache lifetime for everything."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:  # io.BytesIO or a file, as SimpleHTTPRequestHandler's
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or os.path.splitext(path)[1].lower() not in COMPRESSED or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that stops a download midway (a video it no longer needs) is not an error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def start(directory: str | os.PathLike[str], port: int = 0) -> tuple[str, Callable[[], None]]:
    """Serve `directory` on 127.0.0.1 in a thread; return (base URL, stop)."""
    directory = os.fspath(directory)
    if not os.path.isdir(directory):
        raise NotADirectoryError(directory)
    server = _Server(("127.0.0.1", port), functools.partial(GzipHandler, directory=directory))
    thread = threading.Thread(target=server.serve_forever, name="serve-gzip", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return f"http://127.0.0.1:{server.server_address[1]}", stop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    url, stop = start(args.directory, args.port)
    print(f"Serving {args.directory} at {url}/ (gzip; Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        stop()


if __name__ == "__main__":
    main()
