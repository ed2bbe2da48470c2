"""Shared benchmark helpers: timing, peak memory, a results table with the floor/reference and the ratio."""
from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {mem_gib:.0f} GiB, " \
           f"Python {platform.python_version()}"


@contextmanager
def timed():
    """`with timed() as t: ...` then `t()` gives the elapsed seconds."""
    start = time.perf_counter()
    end = [None]
    yield lambda: (end[0] or time.perf_counter()) - start
    end[0] = time.perf_counter()


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_measured(argv: list[str], env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run a command in a fresh process; return (seconds, peak RSS MB of that child, result)."""
    code = ("import resource, subprocess, sys, time, json\n"
            "t = time.perf_counter()\n"
            "r = subprocess.run(sys.argv[1:])\n"
            "el = time.perf_counter() - t\n"
            "ru = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
            "print(json.dumps([el, ru, r.returncode]), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    import json
    elapsed, rss, _rc = json.loads(proc.stderr.strip().splitlines()[-1])
    return elapsed, rss, proc


def _tree_pss_kb(pid: int) -> int:
    """Proportional set size of a process and all its descendants (Linux /proc), in kB: memory shared between a
    parent and its forked children is counted once."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_tree_measured(argv: list[str], env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run a command; return (seconds, peak memory of it and its child processes together in MB, result). Memory
    is their summed proportional set size, sampled twice a second (Linux; elsewhere the largest one's peak RSS)."""
    if not Path("/proc/self/smaps_rollup").exists():
        return run_measured(argv, env)
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = 0
    with ThreadPoolExecutor(1) as pool:
        out = pool.submit(proc.communicate)
        while not out.done():
            peak = max(peak, _tree_pss_kb(proc.pid))
            time.sleep(0.5)
        stdout, stderr = out.result()
    return time.perf_counter() - t0, peak / 1024, subprocess.CompletedProcess(argv, proc.returncode, stdout, stderr)


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


@dataclass
class Row:
    scenario: str
    value: float
    unit: str
    reference: float | None = None
    reference_name: str = ""
    target: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference in (None, 0):
            return None
        return self.value / self.reference


def print_table(title: str, rows: list[Row]) -> str:
    """Print (and return, as Markdown) a table: scenario, measured, reference measured in the same run, ratio."""
    lines = [f"### {title}", "", f"{machine()}; {time.strftime('%Y-%m-%d %H:%M')}", "",
             "| scenario | measured | reference (same run) | ratio | target |", "|---|---|---|---|---|"]
    for r in rows:
        ref = f"{r.reference:,.3f} {r.unit} ({r.reference_name})" if r.reference is not None else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        lines.append(f"| {r.scenario} | {r.value:,.3f} {r.unit} | {ref} | {ratio} | {r.target} |")
    text = "\n".join(lines)
    print(text)
    sys.stdout.flush()
    return text


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# Where benchmark data lives: $OL_DESK_BENCH_DIR, else benchmarks/out/ (git-ignored).
BENCH_DIR = Path(os.environ.get("OL_DESK_BENCH_DIR") or OUT)
# The witness files that every commit leaves (ol_desk.core.integrity.witness) stay with the benchmark data, not in
# the user's config folder; the commands benchmarks start inherit it.
os.environ.setdefault("OL_DESK_CONFIG_DIR", str(BENCH_DIR / "config"))


def demo_db_path(n: int = 200_000, seed: int = 1) -> Path:
    return BENCH_DIR / f"demo-{n}-s{seed}.sqlite3"


def shared_demo_db(n: int = 200_000, seed: int = 1) -> Path:
    """The demo register the suites share, built once with `ol-desk demo` (about 4 minutes at 200,000).

    Suites must not write to it (copy it first): it is built under a temporary name, moved into place, and marked
    ready, so a half-built file is never used."""
    path = demo_db_path(n, seed)
    ready = path.with_suffix(".READY")
    if ready.exists() and path.exists():
        return path
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"building-{os.getpid()}-{path.name}")
    print(f"building the shared demo register ({n:,} recommendations) at {path} …", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "ol_desk", "--db", str(tmp), "demo", "--recommendations", str(n),
                    "--seed", str(seed)], check=True)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    ready.touch()
    return path


@contextmanager
def demo_copy(name: str):
    """`with demo_copy("editors") as db:` a private copy of the shared demo register, for suites that write;
    the copy, its WAL files and its evidence store are removed afterwards."""
    import shutil

    from ol_desk.core.store import open_database
    copy = BENCH_DIR / f"{name}-bench-{os.getpid()}.sqlite3"
    shutil.copyfile(shared_demo_db(), copy)
    db = open_database(copy)
    try:
        yield db
    finally:
        db.dispose()
        for path in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
            path.unlink(missing_ok=True)
        shutil.rmtree(Path(f"{copy}.d"), ignore_errors=True)
