"""The Prefect API a `clusterwatch run` or `demo` reports to.

With PREFECT_API_URL set, that server. Without it, a temporary server in a child process, as Prefect's
own ephemeral mode starts one, with one difference: it stops when its parent does, even when the parent
is killed (`kill -9`) and cannot stop it. The child watches its parent's process id and ends itself
when it changes (the orphan is adopted by another process); Prefect's ephemeral server would run on
as an orphan.

The child is this module run as a program: `python -m cli.prefect_api PARENT_PID PORT`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

STARTUP_SECONDS = 120.0  # at least; PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS may say more
WATCH_SECONDS = 0.5
STOP_SECONDS = 10.0


class ServerError(RuntimeError):
    """The temporary Prefect server did not start."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(client: httpx.Client, url: str) -> bool:
    try:
        return client.get(f"{url}/health").status_code == 200
    except httpx.HTTPError:
        return False


def _wait_healthy(process: subprocess.Popen, url: str) -> None:
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as CONFIGURED

    seconds = max(STARTUP_SECONDS, float(CONFIGURED.value()))
    deadline = time.monotonic() + seconds
    # one client for every poll: a new one loads the certificate store each time (about 70 ms of CPU,
    # taken from the server starting on the other core)
    with httpx.Client(timeout=2) as client:
        while time.monotonic() < deadline:
            if _healthy(client, url):
                return
            if process.poll() is not None:
                raise ServerError(f"the temporary Prefect server exited with {process.returncode}")
            time.sleep(0.2)
    raise ServerError(f"the temporary Prefect server did not answer within {seconds:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# the temporary server's own settings: no block types registered at its start (the flows use none; it
# imports every installed Prefect collection, Dask's among them, and costs about half a second)
SERVER_ENV = {"PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false"}


def _spawn(port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "cli.prefect_api", str(os.getpid()), str(port)]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, env={**os.environ, **SERVER_ENV})


@contextmanager
def prefect_api_starting() -> Iterator[Callable[[], str]]:
    """Starts the temporary server at once (unless an API URL is configured) and gives a function that
    waits until it answers and returns the API URL: the caller imports and prepares meanwhile, on the
    other core. The server stops when the block ends."""
    port = _free_port()
    # started before Prefect's settings are even imported (a second); stopped if they name a server
    process = None if os.environ.get("PREFECT_API_URL") else _spawn(port)
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured:
        if process is not None:
            _stop(process)
        yield lambda: configured
        return
    process = process or _spawn(port)
    url = f"http://127.0.0.1:{port}/api"

    def ready() -> str:
        _wait_healthy(process, url)
        return url

    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield ready
    finally:
        _stop(process)


@contextmanager
def prefect_api() -> Iterator[str]:
    """The API URL: PREFECT_API_URL when set, else a temporary server's, for the duration."""
    with prefect_api_starting() as ready:
        yield ready()


def _watch(parent: int) -> None:
    """End this process when its parent is gone: SIGTERM first (a clean shutdown), then for good."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(STOP_SECONDS)
    os._exit(1)


def serve(parent: int, port: int) -> None:
    """Serve Prefect's API (no UI, no background services) on 127.0.0.1:port while `parent` lives."""
    import uvicorn
    from prefect.server.api.server import create_app

    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    app = create_app(ephemeral=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", lifespan="on")


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
