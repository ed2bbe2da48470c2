"""Dashboard, statutory clocks and Board report on the 200,000 / 1,000,000 demo database.

    python -m benchmarks dashboard [--db PATH]

Reference measured in the same run: one full `COUNT(*)` scan of the recommendations with a status filter (the
floor for any dashboard number that looks at every open item). Targets: the dashboard refresh runs on the worker
thread (the UI never waits) in ≤ 2 s, clocks ≤ 100 ms, the Board report PDF ≤ 5 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from .common import BENCH_DIR, Row, peak_rss_mb, print_table, shared_demo_db, timed

OWN = BENCH_DIR / "insight-200k.sqlite3"


def _database(path: Path | None) -> Path:
    if path is not None:
        return path
    if not OWN.exists():  # never open the shared file itself: opening may write to it
        shutil.copyfile(shared_demo_db(), OWN)
    return OWN


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks dashboard")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from ol_desk.core.model import Recommendation
    from ol_desk.core.queries import board_report_data, dashboard, statutory_clocks
    from ol_desk.core.queries import predicates as p
    from ol_desk.core.store import open_database
    from ol_desk.gui.report.board_report import write_board_report

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the report draws charts
    db = open_database(_database(args.db))
    rows: list[Row] = []
    with db.reading() as s:
        n = s.scalar(select(func.count()).select_from(Recommendation))
        s.scalar(select(func.count()).select_from(Recommendation).where(p.rec_open()))  # warm the cache
        with timed() as floor:
            s.scalar(select(func.count()).select_from(Recommendation).where(p.rec_open()))
        ref = floor()
        with timed() as cold:
            board = dashboard.compute(s)
        for name, fn in (("tiles", dashboard.tiles), ("by source kind", dashboard.by_source_kind),
                         ("by hub × RAG", dashboard.by_hub), ("ageing buckets", dashboard.ageing),
                         ("closures per month", dashboard.closures_by_month),
                         ("responses due (8 weeks)", dashboard.responses_due)):
            with timed() as t:
                fn(s, board.on)
            rows.append(Row(f"dashboard part: {name}", t(), "s", ref, "open-items COUNT scan"))
        with timed() as warm:
            dashboard.compute(s)
        with timed() as clocks:
            found = statutory_clocks.clocks(s)
        with timed() as read:
            data = board_report_data.read(s)
    rows.insert(0, Row(f"dashboard refresh, all tiles and charts ({n:,} recommendations), first", cold(), "s",
                       ref, "open-items COUNT scan", "≤ 2 s (worker thread)"))
    rows.insert(1, Row("dashboard refresh, again", warm(), "s", ref, "open-items COUNT scan", "≤ 2 s (worker thread)"))
    rows.append(Row(f"statutory clocks list ({len(found):,} outstanding)", clocks(), "s", ref,
                    "open-items COUNT scan", "≤ 0.1 s"))
    with tempfile.TemporaryDirectory() as tmp:
        with timed() as pdf:
            pages = write_board_report(data, Path(tmp) / "board.pdf")
    rows.append(Row("Board report: read data", read(), "s", ref, "open-items COUNT scan"))
    rows.append(Row(f"Board report: draw PDF ({pages} pages)", pdf(), "s", None, "", "≤ 5 s with the read"))
    rows.append(Row("peak memory", peak_rss_mb(), "MB", None, "", "≤ 400 MB"))
    print_table("Dashboard, clocks and Board report (200,000 demo)", rows)
    db.dispose()
    return 0
