"""The full Board register pack at 200,000 recommendations / ~850,000 actions: time and peak memory.

Each scenario runs once, in its own fresh process, on a copy of the shared demo database (so nothing can write to
the shared file):
- pack: `ol-desk export FILE` (every sheet, styles, RAG rules, charts, print setup), peak RSS of that process;
- floor: plain openpyxl write-only writing of the same cell values (the same queries and row values, appended as
  bare values to bare write-only sheets: no styles, no safe-cell checks, no row heights, no rules, no charts);
- queries only: the same row streams read and turned into values, nothing written (how much of both is SQL).
Targets: pack ≤ 2× the floor's time, peak memory < 500 MB.
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
from pathlib import Path

from .common import BENCH_DIR, Row, print_table, run_measured, shared_demo_db


def _measured(argv: list[str], env: dict | None):
    """run_measured, plus the CPU seconds (user + system) the child used: on a shared, loaded machine wall time
    swings with other people's work, CPU time much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, rss, proc = run_measured(argv, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, rss, proc



def _streams(session, on):
    """(sheet name, row stream, row → values) for every sheet the pack writes, in the pack's order."""
    from ol_desk.core.excel.board_pack import pack_queries as q
    from ol_desk.core.excel.board_pack import register_pack as rp
    from ol_desk.core.queries.register_filter import RegisterFilter
    f = RegisterFilter()
    return [("Recommendations", q.recommendation_rows(session, f, on), rp.rec_values),
            ("Actions", q.action_rows(session, f, on), rp.action_values),
            ("Overdue", q.overdue_recommendation_rows(session, f, on), rp.overdue_rec_values),
            ("Overdue", q.overdue_action_rows(session, f, on), rp.overdue_action_values),
            ("For Board decision", q.board_rows(session, f, on), rp.board_values)]


def floor(db_path: str, out: str, write: bool) -> int:
    """Child process: the same values, written plainly with openpyxl write-only (or only read when not `write`)."""
    from openpyxl import Workbook

    from ol_desk.core.dates import today
    from ol_desk.core.excel.board_pack.register_pack import ACTION_COLUMNS, BOARD_COLUMNS, OVERDUE_COLUMNS, REC_COLUMNS
    from ol_desk.core.queries.stats import compute
    from ol_desk.core.store import open_database
    db = open_database(db_path)
    on = today()
    headers = {"Recommendations": REC_COLUMNS, "Actions": ACTION_COLUMNS, "Overdue": OVERDUE_COLUMNS,
               "For Board decision": BOARD_COLUMNS}
    wb = Workbook(write_only=True)
    sheets = {}
    n = 0
    with db.reading() as session:
        compute(session, on)  # the pack's Summary figures (the pack computes them too)
        if write:
            wb.create_sheet("Summary").append(["Summary"])
            for name, cols in headers.items():
                sheets[name] = wb.create_sheet(name)
                sheets[name].append([c.header for c in cols])
        for name, rows, to_values in _streams(session, on):
            for row in rows:
                values = to_values(row, on)
                n += 1
                if write:
                    sheets[name].append(values)
    if write:
        wb.save(out)
    print(f"{n} rows", file=sys.stderr)
    db.dispose()
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--floor"]:
        return floor(argv[1], argv[2], write=True)
    if argv[:1] == ["--read"]:
        return floor(argv[1], "", write=False)
    copy = BENCH_DIR / f"export-bench-{os.getpid()}.sqlite3"
    out = BENCH_DIR / f"export-bench-{os.getpid()}.xlsx"
    floor_out = BENCH_DIR / f"export-floor-{os.getpid()}.xlsx"
    shutil.copyfile(shared_demo_db(), copy)
    env = {"OL_DESK_TODAY": os.environ.get("OL_DESK_TODAY", "")} if os.environ.get("OL_DESK_TODAY") else None
    try:
        pack_s, pack_cpu, pack_mb, proc = _measured([sys.executable, "-m", "ol_desk", "--db", str(copy), "export",
                                              str(out)], env)
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        print(proc.stdout.strip())
        size_mb = out.stat().st_size / 2**20
        floor_s, floor_cpu, floor_mb, fproc = _measured([sys.executable, "-m", "benchmarks.bench_export", "--floor",
                                                 str(copy), str(floor_out)], env)
        if fproc.returncode != 0:
            print(fproc.stderr[-2000:], file=sys.stderr)
            return 1
        read_s, read_cpu, _mb, _ = _measured([sys.executable, "-m", "benchmarks.bench_export", "--read",
                                               str(copy)], env)
        print(f"pack {size_mb:.0f} MB, floor file {floor_out.stat().st_size / 2**20:.0f} MB")
    finally:
        for path in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm"), out, floor_out):
            path.unlink(missing_ok=True)
        shutil.rmtree(Path(f"{copy}.d"), ignore_errors=True)
    floor_name = "openpyxl write-only, same values"
    rows = [
        Row("full register pack, 200k recs (wall time)", pack_s, "s", floor_s, floor_name, "≤ 2×"),
        Row("full register pack (CPU time)", pack_cpu, "s", floor_cpu, floor_name, "≤ 2×"),
        Row("full register pack (peak RSS)", pack_mb, "MB", floor_mb, floor_name, "< 500 MB"),
        Row("the same queries, values only (CPU time)", read_cpu, "s", pack_cpu, "full pack", "(share of SQL)"),
    ]
    print_table("Register pack export", rows)
    return 0 if pack_mb < 500 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
