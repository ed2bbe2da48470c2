"""`ol-desk check` at 200,000 recommendations: the rows against their history beside the chain-only check.

A demo register of N recommendations (default 200,000, ~850,000 actions; $OL_DESK_BENCH_INTEGRITY_N for another
size) is built with the current code in a fresh process — the demo writes an event per row as an import would, so
this also measures what that costs the demo — into a file of its own (the shared demo of the other suites may have
been built by older code, without those events). Then, each in a fresh process: `ol-desk check` (the store's own
check, the chain, the rows replayed against their history, the evidence store) and, as the same-run reference,
`ol-desk check --quick` (the store's check and the chain only). Target: the whole check in ≤ 2 minutes.
"""
from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

from .common import BENCH_DIR, Row, print_table, run_measured

N = int(os.environ.get("OL_DESK_BENCH_INTEGRITY_N") or 200_000)
OL_DESK = [sys.executable, "-m", "ol_desk"]


def _counts(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute("SELECT (SELECT count(*) FROM recommendations), (SELECT count(*) FROM actions), "
                                 "(SELECT count(*) FROM audit_events)").fetchone())
    finally:
        con.close()


def main(argv: list[str]) -> int:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"integrity-demo-{N}.sqlite3"
    ready = path.with_suffix(".READY")
    rows: list[Row] = []
    if not (path.exists() and ready.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        seconds, rss, proc = run_measured([*OL_DESK, "--db", str(path), "demo", "--recommendations", str(N),
                                           "--seed", "1"])
        if proc.returncode != 0:
            raise SystemExit(f"demo failed: {proc.stderr.strip().splitlines()[-2:]}")
        ready.touch()
        rows.append(Row(f"demo -n {N:,} with an event per row: wall time, fresh process", seconds, "s"))
        rows.append(Row(f"demo -n {N:,}: peak memory", rss, "MB"))
    recs, actions, events = _counts(path)
    size_mb = path.stat().st_size / 2**20
    print(f"{recs:,} recommendations, {actions:,} actions, {events:,} audit events, {size_mb:,.0f} MB", flush=True)
    quick, quick_rss, proc = run_measured([*OL_DESK, "--db", str(path), "check", "--quick"])
    if proc.returncode != 0:
        raise SystemExit(f"check --quick failed: {proc.stderr.strip()[-500:]}")
    full, full_rss, proc = run_measured([*OL_DESK, "--db", str(path), "check"])
    if proc.returncode != 0:
        raise SystemExit(f"check failed: {proc.stderr.strip()[-2000:]}")
    print(proc.stdout.strip(), flush=True)
    rows += [
        Row(f"ol-desk check ({recs:,} recommendations, {actions:,} actions, {events:,} events): wall time", full,
            "s", quick, "ol-desk check --quick: the store's check and the chain only", "≤ 120 s"),
        Row("ol-desk check: peak memory", full_rss, "MB", quick_rss, "check --quick"),
        Row("database file", size_mb, "MB"),
    ]
    table = print_table(f"Integrity check at {N:,} recommendations ({time.strftime('%Y-%m-%d')})", rows)
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "integrity.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
