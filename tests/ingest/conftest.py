"""A raw HTTP server on loopback for answers no well-behaved server gives: truncated bodies, slow drips."""

from __future__ import annotations

import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

Step = bytes | float  # bytes to send, or seconds to pause
NO_ROBOTS = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@dataclass
class Script:
    steps: list[Step]


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(5)
        try:
            request = self.request.recv(65536)
            if request.startswith(b"GET /robots.txt "):
                self.request.sendall(NO_ROBOTS)
                return
            for step in self.server.script.steps:  # type: ignore[attr-defined]
                if isinstance(step, bytes):
                    self.request.sendall(step)
                else:
                    time.sleep(step)
        except OSError:
            pass  # the client gave up first: that is what several tests expect


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def raw_server() -> Iterator[Callable[[list[Step]], str]]:
    """serve(steps) -> base URL of a server that answers every connection with the scripted steps."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.script = Script([])  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(steps: list[Step]) -> str:
        server.script = Script(steps)  # type: ignore[attr-defined]
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    server.shutdown()
    server.server_close()
