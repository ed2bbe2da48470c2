"""Demo generation rate and `ol-desk stats` latency at 200,000 recommendations.

Generation: `ol-desk demo -n 200000` once, in a fresh process, into a temporary file under benchmarks/out/ (or
$OL_DESK_BENCH_DIR), in rows written per second, beside a floor measured in the same run: raw sqlite3 executemany
of the same number of rows, of the same average width, into one empty table without secondary indexes.
Stats: median of a few `ol_desk.core.queries.stats.compute` runs on the shared 200,000 database, beside a plain
`SELECT count(*)` over recommendations and actions; and the CLI in a fresh process beside `ol-desk --version`.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

from .common import BENCH_DIR, Row, demo_db_path, median, print_table, run_measured, shared_demo_db, timed

N = 200_000
SHARED_DB = demo_db_path()
OL_DESK = [sys.executable, "-m", "ol_desk"]
TABLES = ("people", "documents", "recommendations", "recommendation_hubs", "recommendation_themes", "actions",
          "action_recommendations", "progress_updates", "evidence", "date_changes", "learning_entries")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def average_row_bytes(path: Path) -> float:
    """Average stored width of the demo's rows: the length of every column value, over all generated rows."""
    con = sqlite3.connect(path)
    total_bytes = total_rows = 0
    for table in TABLES:
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        widths = " + ".join(f"coalesce(length({c}), 0)" for c in columns)
        rows, width = con.execute(f"SELECT count(*), coalesce(sum({widths}), 0) FROM {table}").fetchone()
        total_rows += rows
        total_bytes += width
    con.close()
    return total_bytes / max(total_rows, 1)


def floor_rows_per_second(path: Path, rows: int, width: float) -> float:
    """Raw sqlite3 executemany of `rows` rows of about `width` bytes into an empty table, one transaction."""
    _remove(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE floor (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c INTEGER, d TEXT)")
    text = max(int(width) - 16, 3)
    a, b, d = "x" * (text // 2), "y" * (text // 4), "z" * (text - text // 2 - text // 4)
    with timed() as t:
        with con:
            con.executemany("INSERT INTO floor VALUES (?, ?, ?, ?, ?)", ((i, a, b, i, d) for i in range(1, rows + 1)))
    con.close()
    _remove(path)
    return rows / t()


def generation() -> list[Row]:
    target = BENCH_DIR / f"bench-demo-{os.getpid()}.sqlite3"
    _remove(target)
    try:
        seconds, rss, proc = run_measured([*OL_DESK, "--db", str(target), "demo", "--recommendations", str(N),
                                           "--seed", "1"])
        if proc.returncode != 0:
            raise SystemExit(f"demo generation failed: {proc.stderr.strip().splitlines()[-2:]}")
        con = sqlite3.connect(target)
        summary = json.loads(con.execute("SELECT summary FROM import_batches ORDER BY id DESC LIMIT 1").fetchone()[0])
        con.close()
        rows = sum(summary["counts"].values())
        width = average_row_bytes(target)
    finally:
        _remove(target)
    floor = floor_rows_per_second(BENCH_DIR / f"bench-floor-{os.getpid()}.sqlite3", rows, width)
    print(f"generated {rows:,} rows ({summary['counts']['actions']:,} actions) averaging {width:.0f} bytes "
          f"in {seconds:.1f} s, peak RSS {rss:.0f} MB", flush=True)
    return [
        Row(f"demo -n {N:,}: rows written per second ({rows:,} rows, ~{width:.0f} B each)", rows / seconds,
            "rows/s", floor, "raw sqlite3 executemany, same rows and width, one table, no indexes",
            "finish in a few minutes"),
        Row(f"demo -n {N:,}: wall time, fresh process", seconds, "s", rows / floor, "the floor's time for as many rows",
            "a few minutes"),
        Row(f"demo -n {N:,}: peak memory", rss, "MB"),
    ]


def stats_latency(runs: int = 5) -> list[Row]:
    if not SHARED_DB.exists():
        shared_demo_db()
    if not SHARED_DB.exists():
        print(f"no shared database at {SHARED_DB}; skipping the stats latency", file=sys.stderr)
        return []
    from sqlalchemy import text

    from ol_desk.core.queries.stats import compute
    from ol_desk.core.store import open_database
    db = open_database(SHARED_DB)
    try:
        with db.reading() as s:
            with timed() as first:
                compute(s)
            took, counts = [], []
            for _ in range(runs):
                with timed() as t:
                    stats = compute(s)
                took.append(t())
            for _ in range(runs):
                with timed() as t:
                    s.execute(text("SELECT (SELECT count(*) FROM recommendations) + (SELECT count(*) FROM actions)"))\
                        .scalar()
                counts.append(t())
    finally:
        db.dispose()
    cli, startup = [], []
    for _ in range(3):
        cli.append(run_measured([*OL_DESK, "--db", str(SHARED_DB), "stats", "--json"])[0])
        startup.append(run_measured([*OL_DESK, "--version"])[0])
    print(f"stats on {stats.recommendations:,} recommendations / {stats.actions:,} actions: overdue {stats.overdue:,}, "
          f"due soon {stats.due_within_30_days:,}, stale {stats.stale:,}, slipped {stats.slipped:,}", flush=True)
    return [
        Row(f"stats.compute, median of {runs} (warm)", median(took) * 1000, "ms", median(counts) * 1000,
            "SELECT count(*) recommendations + actions", "< 1,000 ms"),
        Row("stats.compute, first run in the process", first() * 1000, "ms", median(counts) * 1000,
            "SELECT count(*) recommendations + actions", "< 1,000 ms"),
        Row("ol-desk stats --json, fresh process, median of 3", median(cli) * 1000, "ms", median(startup) * 1000,
            "ol-desk --version, fresh process", "< 2,000 ms"),
    ]


def main(argv: list[str]) -> int:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d")
    rows = generation() + stats_latency()
    table = print_table(f"Demo generation and stats at {N:,} recommendations ({started})", rows)
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "demo.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
