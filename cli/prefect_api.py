"""The Prefect API a `clusterwatch run` or `demo` reports to.

With PREFECT_API_URL set, that server. Without it, a temporary server in a child process, as Prefect's
own ephemeral mode starts one, with one difference: it stops when its parent does, even when the parent
is killed (`kill -9`) and cannot stop it. The child watches its parent's process id and ends itself
when it changes (the orphan is adopted by another process); Prefect's ephemeral server would run on
as an orphan.

A kept server (`CLUSTERWATCH_RUN__SERVER_KEEP_SECONDS` > 0) is the same server started for a HOME and
left running after the run, for the next run on that HOME: its address is in `HOME/prefect-server/
server.json`. Each run that uses it holds a shared `flock` on `HOME/prefect-server/in-use` (the kernel
lets go of it when the run ends, killed included); the server ends itself once nobody has held that
lock for the keep time, removing server.json first while it holds the lock exclusively, so a run never
finds the address of a server that is stopping.

The child is this module run as a program: `python -m cli.prefect_api PARENT_PID PORT [KEEP FOLDER]`.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

STARTUP_SECONDS = 120.0  # at least; PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS may say more
WATCH_SECONDS = 0.5
STOP_SECONDS = 10.0
KEPT_FOLDER = "prefect-server"  # in HOME: server.json (its address), in-use (the lock), server.log
ADDRESS, IN_USE, LOG = "server.json", "in-use", "server.log"


class ServerError(RuntimeError):
    """The temporary Prefect server did not start."""


@dataclass(frozen=True)
class KeptServer:
    """Where a HOME's kept server is recorded, and how long it stays up once no run uses it."""

    folder: Path
    seconds: float

    @classmethod
    def of(cls, home: Path, seconds: float) -> KeptServer | None:
        """The kept server of `home`, or None when servers are not kept (`seconds` 0)."""
        return cls(home.resolve() / KEPT_FOLDER, seconds) if seconds > 0 else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(client: httpx.Client, url: str) -> bool:
    import httpx

    try:
        return client.get(f"{url}/health").status_code == 200
    except httpx.HTTPError:
        return False


def _wait_healthy(process: subprocess.Popen, url: str) -> None:
    import httpx
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
# imports every installed Prefect collection, Dask's among them, and costs about half a second), nor the
# collections imported to see whether their block types changed since the last start (1.6 s of its 14 s
# start under cProfile)
SERVER_ENV = {
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
    "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
}
# what a run's command sets for itself (cli/pipeline.py) and its server inherits: warnings only, no analytics
QUIET_ENV = {
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def _spawn(port: int, kept: KeptServer | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "cli.prefect_api", str(os.getpid()), str(port)]
    env = {**QUIET_ENV, **os.environ, **SERVER_ENV}
    if kept is None:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, env=env)
    # a session of its own, so that Ctrl-C of this run's terminal does not reach it, and a log of its own:
    # it outlives the run and whatever read the run's output
    with (kept.folder / LOG).open("ab") as log:
        command += [repr(kept.seconds), str(kept.folder)]
        return subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env, start_new_session=True
        )


# A temporary server started first thing in a `run` or `demo` process (`start_early`), not yet taken by
# prefect_api_starting: (its process, its port)
_EARLY: list[tuple[subprocess.Popen, int]] = []
EARLY_COMMANDS = ("run", "demo")
KEEP_VARIABLE = "CLUSTERWATCH_RUN__SERVER_KEEP_SECONDS"


def start_early(arguments: list[str]) -> None:
    """Start the temporary server before the command's own imports and checks (Typer, pydantic, DuckDB,
    the settings, the lease, the database: about half a second of CPU), so that they overlap its start,
    as the flow's imports already did: for `run` and `demo` (`arguments`: the command line without the
    program), unless they only print help or serve the sample site, Prefect's API URL is set,
    or the environment asks for a kept server (found or started per HOME once the settings are read).
    prefect_api_starting takes it; a server not taken (the command stopped first) is stopped when this
    process exits."""
    if _EARLY or not arguments or arguments[0] not in EARLY_COMMANDS:
        return
    if {"--help", "--serve-only"} & set(arguments):
        return
    if os.environ.get("PREFECT_API_URL") or _keeps_servers() or _prechecks(arguments):
        return
    port = _free_port()
    _EARLY.append((_spawn(port), port))
    atexit.register(_stop_early)


def _keeps_servers() -> bool:
    """The environment asks for kept servers (or says something the settings check will refuse)."""
    try:
        return float(os.environ.get(KEEP_VARIABLE) or 0) != 0
    except ValueError:
        return True


PRECHECK_VARIABLE = "CLUSTERWATCH_RUN__PRECHECK"
PRECHECK_OFF = ("false", "0", "no", "off", "f", "n")


def _prechecks(arguments: list[str]) -> bool:
    """The run checks for changes before it starts a flow (flows/precheck/): the pre-check is on and HOME
    has a working database (a first run starts the flow at once). A run that finds nothing changed starts
    no server; one that finds a change starts it as the flow's modules import (prefect_api_starting)."""
    if (os.environ.get(PRECHECK_VARIABLE) or "true").strip().lower() in PRECHECK_OFF:
        return False
    home = os.environ.get("CLUSTERWATCH_HOME") or "data"
    for index, argument in enumerate(arguments):
        if argument == "--home" and index + 1 < len(arguments):
            home = arguments[index + 1]
        elif argument.startswith("--home="):
            home = argument.removeprefix("--home=")
    return (Path(home) / "clusterwatch.duckdb").is_file()


def _stop_early() -> None:
    while _EARLY:
        _stop(_EARLY.pop()[0])


def _take_early() -> tuple[subprocess.Popen, int] | None:
    return _EARLY.pop() if _EARLY else None


def _prefect_version() -> str:
    return metadata.version("prefect")


def _recorded(kept: KeptServer) -> str | None:
    """The API URL of the kept server server.json names, when that server answers and runs the Prefect
    this run has (one kept across an upgrade ends by itself, unused)."""
    try:
        found = json.loads((kept.folder / ADDRESS).read_text(encoding="utf-8"))
        os.kill(int(found["pid"]), 0)
        url = str(found["url"])
        if found["prefect"] != _prefect_version():
            return None
    except (OSError, ValueError, KeyError, TypeError):  # none, damaged, or its process gone
        return None
    import httpx

    with httpx.Client(timeout=2) as client:
        return url if _healthy(client, url) else None


def _record(kept: KeptServer, process: subprocess.Popen, url: str) -> None:
    temporary = kept.folder / f".{ADDRESS}.{os.getpid()}"
    found = {"pid": process.pid, "url": url, "prefect": _prefect_version()}
    temporary.write_text(json.dumps(found) + "\n", encoding="utf-8")
    os.replace(temporary, kept.folder / ADDRESS)


@contextmanager
def _in_use(kept: KeptServer) -> Iterator[None]:
    """The shared lock that tells the kept server a run uses it; waits only while a server stops."""
    kept.folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(kept.folder / IN_USE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # lets go of the lock


@contextmanager
def _kept_server(kept: KeptServer) -> Iterator[tuple[str, Callable[[], None]]]:
    """The kept server's URL (started now if none answers) and a function that waits until it answers,
    while this run holds it in use."""
    with _in_use(kept):
        url = _recorded(kept)
        if url is not None:
            yield url, lambda: None
            return
        port = _free_port()
        process, url = _spawn(port, kept), f"http://127.0.0.1:{port}/api"

        def wait() -> None:
            try:
                _wait_healthy(process, url)
            except ServerError:
                _stop(process)
                raise
            _record(kept, process, url)

        yield url, wait


@contextmanager
def prefect_api_starting(kept: KeptServer | None = None) -> Iterator[Callable[[], str]]:
    """Starts the temporary server at once (unless an API URL is configured, or `kept` names a server
    that answers) and gives a function that waits until it answers and returns the API URL: the caller
    imports and prepares meanwhile, on the other core; the server `start_early` started, if any, is the
    temporary one. A temporary server stops when the block ends; a kept one once no run has used it for
    `kept.seconds`."""
    early, named = _take_early(), os.environ.get("PREFECT_API_URL")
    if early is not None and (named or kept is not None):  # the settings name a server after all
        _stop(early[0])
        early = None
    if kept is not None and not named:
        with _kept_server(kept) as (url, wait):
            yield from _unless_configured(url, wait)
        return
    # started before Prefect's settings are even imported (a second); stopped if they name a server
    process, port = early or (None, _free_port())
    if process is None and not named:
        process = _spawn(port)
    from prefect.settings import PREFECT_API_URL

    configured = PREFECT_API_URL.value()
    if configured:
        if process is not None:
            _stop(process)
        yield lambda: configured
        return
    process = process or _spawn(port)
    url = f"http://127.0.0.1:{port}/api"
    try:
        yield from _unless_configured(url, lambda: _wait_healthy(process, url))
    finally:
        _stop(process)


def _unless_configured(url: str, wait: Callable[[], None]) -> Iterator[Callable[[], str]]:
    """Yields the function that waits for the server at `url` and returns it, with Prefect's API URL set
    to it, unless Prefect's settings (a profile) name a server: then that one's URL (a kept server
    started meanwhile ends by itself once its keep time has passed)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured:
        yield lambda: configured
        return

    def ready() -> str:
        wait()
        return url

    with temporary_settings(updates={PREFECT_API_URL: url}):
        yield ready


@contextmanager
def prefect_api() -> Iterator[str]:
    """The API URL: PREFECT_API_URL when set, else a temporary server's, for the duration."""
    with prefect_api_starting() as ready:
        yield ready()


def _end_self() -> None:
    """SIGTERM to this process first (a clean shutdown), then for good."""
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(STOP_SECONDS)
    os._exit(1)


def _watch(parent: int) -> None:
    """End this process when its parent is gone."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    _end_self()


def _unused(fd: int) -> bool:
    """True, holding the in-use lock exclusively, when no run holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _named(kept: KeptServer) -> int | None:
    """The process id server.json names, if any."""
    try:
        return int(json.loads((kept.folder / ADDRESS).read_text(encoding="utf-8"))["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _watch_use(kept: KeptServer) -> None:
    """End this kept server once no run has held it in use for `kept.seconds`; its address is removed
    while the lock is held, so a run that takes the lock next starts a server of its own. A server
    whose address another one has taken (it did not answer in time, or ran another Prefect) counts as
    unused: no run can find it any more."""
    fd = os.open(kept.folder / IN_USE, os.O_RDWR | os.O_CREAT, 0o644)
    last_used, recorded = time.monotonic(), False
    while True:
        time.sleep(WATCH_SECONDS)
        named = _named(kept)
        recorded = recorded or named == os.getpid()
        if recorded and named != os.getpid():  # superseded (until recorded, the file may name an earlier one)
            if time.monotonic() - last_used >= kept.seconds:
                _end_self()
            continue
        if not _unused(fd):
            last_used = time.monotonic()
            continue
        idle = time.monotonic() - last_used >= kept.seconds
        if idle:
            _forget(kept)
        fcntl.flock(fd, fcntl.LOCK_UN)
        if idle:
            _end_self()


def _forget(kept: KeptServer) -> None:
    """Remove server.json when it names this process."""
    if _named(kept) == os.getpid():
        (kept.folder / ADDRESS).unlink(missing_ok=True)


def serve(parent: int, port: int, kept: KeptServer | None = None) -> None:
    """Serve Prefect's API (no UI, no background services) on 127.0.0.1:port while `parent` lives, or,
    kept, while a run uses it and `kept.seconds` after."""
    import uvicorn
    from prefect.server.api.server import create_app

    watcher = (_watch, (parent,)) if kept is None else (_watch_use, (kept,))
    threading.Thread(target=watcher[0], args=watcher[1], daemon=True).start()
    app = create_app(ephemeral=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", lifespan="on")


if __name__ == "__main__":
    keep = KeptServer(Path(sys.argv[4]), float(sys.argv[3])) if len(sys.argv) > 4 else None
    serve(int(sys.argv[1]), int(sys.argv[2]), keep)
