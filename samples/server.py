"""Serve samples/site on 127.0.0.1, with __BASE_URL__ filled in and each page's charset in its header."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE_DIR = Path(__file__).parent / "site"
PLACEHOLDER = b"__BASE_URL__"
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)
COUNTING = threading.Lock()  # the handlers' threads count into one Counter
CONTENT_TYPES = {".html": "text/html", ".xml": "application/xml", ".txt": "text/plain"}


class SiteHandler(SimpleHTTPRequestHandler):
    """GET only; text files get the base URL substituted and an explicit charset."""

    def __init__(self, *args, base_url: str, requests: Counter[str] | None = None, **kwargs):
        self.base_url = base_url.encode("ascii")
        self.requests = requests
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self.requests is not None:
            with COUNTING:
                self.requests[self.path] += 1
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in CONTENT_TYPES:
            self.send_error(404, "Not Found")
            return
        body = path.read_bytes().replace(PLACEHOLDER, self.base_url)
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", _content_type(path.suffix, body))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the pipeline's own fetch_log records every request."""


def _content_type(suffix: str, body: bytes) -> str:
    match = META_CHARSET.search(body[:2048]) if suffix == ".html" else None
    charset = match.group(1).decode("ascii").lower() if match else "utf-8"
    return f"{CONTENT_TYPES[suffix]}; charset={charset}"


def _bind(host: str, port: int, handler: object) -> ThreadingHTTPServer:
    """The port asked for, or any free one when it is taken."""
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError:
        if port == 0:
            raise
        return ThreadingHTTPServer((host, 0), handler)


@contextmanager
def serve_site(
    site_dir: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0, requests: Counter[str] | None = None
) -> Iterator[str]:
    """Serve the site in a background thread; yields its base URL, e.g. http://127.0.0.1:40123. Port 0
    takes any free port; a port that is taken falls back to a free one. `requests`, when given, counts
    the GET requests by path (query included)."""
    holder: dict[str, str] = {}

    def handler(*args, **kwargs):
        base = holder["base"]
        return SiteHandler(*args, directory=str(site_dir), base_url=base, requests=requests, **kwargs)

    server = _bind(host, port, handler)
    holder["base"] = f"http://{host}:{server.server_address[1]}"
    # a short poll interval: shutdown() waits up to one interval for the serving loop to notice
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield holder["base"]
    finally:
        server.shutdown()
        server.server_close()


def sources_yaml(base_url: str) -> str:
    """A sources file for the served sample site."""
    return (
        "allow_private_networks: true\n"
        "sources:\n"
        "  - name: sample-site\n"
        f"    site_name: Kaluga Industrial News\n"
        f"    feeds: [{base_url}/rss.xml]\n"
        f"    sitemaps: [{base_url}/sitemap.xml]\n"
        f"    start_urls: [{base_url}/]\n"
        "    allowed_domains: [127.0.0.1]\n"
    )


__all__ = ["SITE_DIR", "serve_site", "sources_yaml"]
