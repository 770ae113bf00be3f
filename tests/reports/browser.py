"""Headless Chromium driven over the DevTools protocol, cut off from the network: every request the page
makes is recorded, and the browser's only proxy is a loopback server that counts what reaches it.

Chromium is Debian's `chromium` (installed by .ci/run); tests skip with a message when it is absent.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-client-side-phishing-detection",
    "--disable-component-extensions-with-background-pages",
    "--disable-domain-reliability",
    "--disable-features=Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,SigninInterception",
    "--metrics-recording-only",
    "--no-pings",
    "--no-service-autorun",
    "--password-store=basic",
    "--use-mock-keychain",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-bypass-list=<-loopback>",
    "--remote-debugging-port=0",
)


# Chromium's own services, which it calls whatever page is open (updates, sign-in); a page's request to
# any other host, and any request the page itself makes (seen over DevTools), counts as a leak
BROWSER_SERVICES = {"update.googleapis.com", "accounts.google.com", "clients2.google.com"}


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Trap(ThreadingHTTPServer):
    """The browser's proxy: any request that tries to leave the machine lands here and is counted."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []  # method, host, target
        trap = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                target = self.path.split("://", 1)[-1]
                trap.seen.append((self.command, target.split("/", 1)[0].rsplit(":", 1)[0], self.path))
                self.send_error(403)

            do_GET = do_POST = do_HEAD = do_CONNECT = _any

            def log_message(self, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


class Browser:
    """One Chromium process with a fresh profile, one page, and the requests that page made."""

    def __init__(self, profile: Path) -> None:
        self.trap = Trap()
        proxy = f"--proxy-server=http://127.0.0.1:{self.trap.server_address[1]}"
        args = [chromium_path() or "chromium", *FLAGS, proxy, f"--user-data-dir={profile}", "about:blank"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ws = connect(self._endpoint(profile), max_size=None, open_timeout=30)
        self.ids = itertools.count(1)
        self.events: list[dict] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def _endpoint(self, profile: Path, timeout: float = 30.0) -> str:
        port_file, deadline = profile / "DevToolsActivePort", time.monotonic() + timeout
        while time.monotonic() < deadline:
            if port_file.is_file() and len(lines := port_file.read_text().split()) == 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.process.returncode}")
            time.sleep(0.1)
        raise TimeoutError("chromium did not open its DevTools port")

    def call(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        message: dict[str, Any] = {"id": next(self.ids), "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv(timeout=60))
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self.call("Emulation.setDeviceMetricsOverride", metrics, session=True)
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        deadline = time.monotonic() + 60
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not finish loading")
            self.events.append(json.loads(self.ws.recv(timeout=60)))

    def evaluate(self, expression: str) -> Any:
        found = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in found:
            raise RuntimeError(f"{expression}: {found['exceptionDetails']}")
        return found["result"].get("value")

    def requests(self) -> list[str]:
        """Every URL the page asked for since it was opened (the page itself included)."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def leaks(self) -> list[str]:
        """Requests that reached the trap (the proxy standing for the outside world), the browser's own
        background services left out."""
        return [f"{m} {target}" for m, host, target in self.trap.seen if host not in BROWSER_SERVICES]

    def console_errors(self) -> list[str]:
        return [
            e["params"]["entry"]["text"]
            for e in self.events
            if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
        ]

    def screenshot(self, path: Path) -> Path:
        shot = self.call(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=True
        )
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.trap.shutdown()
            self.trap.server_close()
