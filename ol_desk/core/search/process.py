"""Starting the index worker process (worker.py), relaying its progress and honouring cancel()."""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading

from ol_desk.core.errors import OlDeskError

from .indexer import IndexCancelled


class IndexWorkerError(OlDeskError):
    """The index worker process failed; the message says how."""


def _command(command: str, *, if_free: bool = False, procs: int = 1) -> list[str]:
    # In a PyInstaller bundle sys.executable is ol-desk itself, which knows no `-m`: it runs the worker as its
    # (internal) `index-worker` subcommand, which takes the same arguments.
    if getattr(sys, "frozen", False):
        launcher = [sys.executable, "index-worker"]
    else:
        launcher = [sys.executable, "-m", "ol_desk.core.search.worker"]
    return launcher + [command, "--procs", str(procs)] + (["--if-free"] if if_free else [])


def _env(db) -> dict:
    return {**os.environ, "OL_DESK_DB": db.url.render_as_string(hide_password=False)}


def start(db, command: str, *, if_free: bool = False, procs: int = 1, quiet: bool = False) -> subprocess.Popen:
    out = subprocess.DEVNULL if quiet else subprocess.PIPE
    return subprocess.Popen(_command(command, if_free=if_free, procs=procs), env=_env(db), stdout=out,
                            stderr=subprocess.DEVNULL if quiet else subprocess.PIPE, text=True, bufsize=1)


def run(db, command: str, progress=None, cancel=None, *, procs: int = 1) -> str:
    """Run the worker to the end (or until cancel() says stop); returns what it did, in words."""
    proc = start(db, command, procs=procs)
    lines: queue.Queue = queue.Queue()
    stdout = proc.stdout
    if stdout is None:  # pragma: no cover - start() pipes stdout unless quiet
        raise RuntimeError("The search worker was started without a pipe for its output.")

    def read_lines() -> None:
        for line in stdout:
            lines.put(line)

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    result, cancelled = None, False
    while True:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            if cancel is not None and not cancelled and cancel():
                proc.terminate()  # the worker stops at its next batch and leaves the live index alone
                cancelled = True
            if proc.poll() is not None and not reader.is_alive() and lines.empty():
                break
            continue
        line = line.rstrip("\n")
        if line.startswith("P ") and progress is not None:
            parts = line.split(" ", 3)
            progress(int(parts[1]), int(parts[2]), parts[3] if len(parts) > 3 else "")
        elif line.startswith(("OK", "ERR", "BUSY")):
            result = line
    proc.wait()
    errors = proc.stderr.read().strip() if proc.stderr else ""
    if cancelled:
        raise IndexCancelled("Index build stopped; the search index was left as it was.")
    if result and result.startswith("OK"):
        return result[3:].strip()
    detail = result[4:] if result and result.startswith("ERR") else (errors.splitlines() or ["no output"])[-1]
    raise IndexWorkerError(f"The search index could not be updated: {detail}")
