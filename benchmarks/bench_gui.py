"""GUI benchmark (offscreen) on the shared 200,000 / ~850,000 demo database, opened read-only.

    python -m benchmarks gui
    python -m benchmarks.bench_gui --db PATH

Scenarios, each beside a reference measured in the same run:
  start       process start → main window with the first register page painted   vs an empty QMainWindow process
  sort        header click → first page of the re-sorted register painted         vs the bare SQL for that page
  filter      filter change → first page painted                                  vs the bare SQL for that page
  next page   scrolled to an unread page → its rows arrive (one ops round trip)   vs the bare SQL for those rows
  memory      peak RSS after all of the above (recommendations + actions registers open)
The search index is not used (it would have to be written beside the shared database).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from .common import Row, demo_db_path, median, peak_rss_mb, print_table, run_measured, shared_demo_db

SHARED = demo_db_path()
TIMEOUT = 60.0
FULL_LIST: dict = {}   # query -> seconds until the whole id list was in (the second phase), for the notes


def ro_url(path: Path) -> str:
    return f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true"


def wait(app, condition, timeout: float = TIMEOUT) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the GUI did not get there in time")
        app.processEvents()
        time.sleep(0.0005)


def painted(app, panel, change=None) -> float:
    """Make `change` (a reload); return the time at which the first page with its values had been painted
    (rendered into a pixmap the moment it arrived, as the screen would be)."""
    ready = []

    def paint():
        if not ready:
            panel.table.viewport().grab()
            ready.append(time.perf_counter())
    panel.model.first_page_ready.connect(paint)
    try:
        if change is not None:
            change()
        wait(app, lambda: bool(ready) or (change is None and not panel.model.loading))
    finally:
        panel.model.first_page_ready.disconnect(paint)
    return ready[0] if ready else time.perf_counter()


def settled(app, panel) -> None:
    """Wait until the full id list is in (the second phase of a load) and nothing is queued."""
    wait(app, lambda: not panel.model.loading)
    panel.window().ops.wait_idle()


# -- child processes (start-up) ---------------------------------------------------------------------------------
def child_start(db_path: str, empty: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([sys.argv[0]])
    if empty:
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.grab()
        os._exit(0)
    from ol_desk.core.model.enums import Role
    from ol_desk.core.store import open_database
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.settings import Identity, app_settings
    from ol_desk.gui.theme import apply_theme
    apply_theme(app, "light")
    settings = app_settings()
    settings.setValue("window/panel", "recommendations")
    db = open_database(ro_url(Path(db_path)), seed=False)
    window = MainWindow(db, Identity("Bench", Role.CPIC, "NW"), settings, search_index=None, start_index=False)
    window.show()
    panel = window.panel("recommendations")
    ready = []
    panel.model.first_page_ready.connect(lambda: ready.append(panel.table.viewport().grab()))
    wait(app, lambda: bool(ready))
    os._exit(0)


def measure_start(db: Path, rounds: int = 3) -> tuple[float, float]:
    def run(empty: bool) -> float:
        with tempfile.TemporaryDirectory() as tmp:
            env = {"QT_QPA_PLATFORM": "offscreen", "OL_DESK_SETTINGS": str(Path(tmp) / "s.ini")}
            argv = [sys.executable, "-m", "benchmarks.bench_gui", "--child-start", str(db)]
            seconds, _rss, proc = run_measured(argv + (["--empty"] if empty else []), env)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr[-2000:])
            return seconds
    app_times = [run(False) for _ in range(rounds)]
    empty_times = [run(True) for _ in range(rounds)]
    return median(app_times), median(empty_times)


# -- in-process scenarios -----------------------------------------------------------------------------------------
def bare_page_seconds(db, spec, q, rounds: int = 3) -> float:
    """The SQL a hand-written app would run for the same first page: ids in order with LIMIT, then their rows."""
    from sqlalchemy import and_, select

    from ol_desk.core.dates import today
    from ol_desk.gui.registers import query as rq
    col = spec.column(q.sort_key)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        with db.reading() as s:
            stmt = rq._with_joins(select(spec.id_col).select_from(spec.table), spec, set(col.joins))
            conditions = spec.conditions(q.filter, today())
            if conditions:
                stmt = stmt.where(and_(*conditions))
            order = (col.expr.desc(), spec.id_col.desc()) if q.descending else (col.expr, spec.id_col)
            ids = s.scalars(stmt.order_by(*order).limit(100)).all()
            rq.fetch_rows(s, spec, ids)
        times.append(time.perf_counter() - t)
    return median(times)


def timed_reload(app, panel, q, rounds: int = 3) -> float:
    from ol_desk.gui.registers.query import RegisterQuery
    times, full = [], []
    for _ in range(rounds):
        painted(app, panel, lambda: panel.set_query(RegisterQuery()))   # elsewhere first, so each round reloads
        settled(app, panel)
        t = time.perf_counter()
        times.append(painted(app, panel, lambda: panel.set_query(q)) - t)
        settled(app, panel)
        full.append(time.perf_counter() - t)
    FULL_LIST[q] = median(full)
    return median(times)


def next_page(app, panel, db, rounds: int = 5) -> tuple[float, float]:
    from ol_desk.gui.registers import query as rq
    model = panel.model
    times, bare = [], []
    n = model.rowCount()
    for i in range(rounds):
        row = (n // (rounds + 1)) * (i + 1)
        t = time.perf_counter()
        panel.table.scrollTo(model.index(row, 0))
        app.processEvents()
        wait(app, lambda row=row: model.is_loaded(row))
        panel.table.viewport().grab()
        times.append(time.perf_counter() - t)
        ids = list(model.ids()[row + 5000: row + 5100])
        t = time.perf_counter()
        with db.reading() as s:
            rq.fetch_rows(s, panel.spec, ids)
        bare.append(time.perf_counter() - t)
    return median(times), median(bare)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks gui")
    parser.add_argument("--db", default=str(SHARED))
    parser.add_argument("--child-start", dest="child")
    parser.add_argument("--empty", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        child_start(args.child, args.empty)
        return 0
    db_path = Path(args.db)
    if db_path == SHARED:
        shared_demo_db()  # built once if this machine has none yet
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.TemporaryDirectory()
    os.environ["OL_DESK_SETTINGS"] = str(Path(tmp.name) / "settings.ini")

    start, start_ref = measure_start(db_path)

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from ol_desk.core.model import Hub
    from ol_desk.core.model.enums import Role
    from ol_desk.core.queries.register_filter import RegisterFilter
    from ol_desk.core.store import open_database
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.registers.query import RegisterQuery
    from ol_desk.gui.settings import Identity
    app = QApplication.instance() or QApplication([sys.argv[0]])
    db = open_database(ro_url(db_path), seed=False)
    window = MainWindow(db, Identity("Bench", Role.CPIC, "NW"), search_index=None, start_index=False,
                        extensions=())
    window.resize(1280, 800)
    window.show()
    panel = window.show_panel("recommendations")
    wait(app, lambda: panel.model.loaded_once)
    settled(app, panel)
    with db.reading() as s:
        nw = s.scalar(select(Hub.id).where(Hub.code == "NW"))
    total = panel.model.rowCount()

    rows = [Row("start → first register page painted", start, "s", start_ref, "empty QMainWindow process", "≤ 2 s")]
    for key, descending in (("target", False), ("status", False), ("title", False), ("lead_hub", True)):
        q = RegisterQuery(sort_key=key, descending=descending)
        rows.append(Row(f"sort {total:,} recommendations by {key}", timed_reload(app, panel, q), "s",
                        bare_page_seconds(db, panel.spec, q), "bare SQL for that page", "≤ 300 ms"))
    for label, f in (("overdue", RegisterFilter(overdue=True)),
                     ("hub NW + overdue", RegisterFilter(hub_ids=(nw,), overdue=True)),
                     ("status in progress", RegisterFilter(statuses=("in_progress",))),
                     ("source PFD + due within 30 days", RegisterFilter(source_kinds=("pfd",), due_within_days=30))):
        q = RegisterQuery(f, "target", False)
        rows.append(Row(f"filter: {label} (shows {0})", timed_reload(app, panel, q), "s",
                        bare_page_seconds(db, panel.spec, q), "bare SQL for that page", "≤ 300 ms"))
        rows[-1].scenario = f"filter: {label} ({panel.model.rowCount():,} rows)"
    painted(app, panel, lambda: panel.set_query(RegisterQuery()))
    settled(app, panel)
    page, page_ref = next_page(app, panel, db)
    rows.append(Row("next page while scrolling (100 rows)", page, "s", page_ref, "bare SQL for 100 rows", "≤ 30 ms"))

    actions = window.show_panel("actions")
    wait(app, lambda: actions.model.loaded_once)
    settled(app, actions)
    q = RegisterQuery(sort_key="due", descending=False)
    rows.append(Row(f"sort {actions.model.rowCount():,} actions by due date", timed_reload(app, actions, q, 1), "s",
                    bare_page_seconds(db, actions.spec, q, 1), "bare SQL for that page", "(no target)"))
    rows.append(Row("peak memory (both registers open)", peak_rss_mb(), "MB", None, "", "≤ 400 MB"))
    text = print_table("GUI registers (offscreen, 200k demo, read-only)", rows)
    notes = "\n".join(f"- full id list in after {sec * 1000:,.0f} ms: sort {q.sort_key}"
                      f"{' desc' if q.descending else ''}{', filtered' if not q.filter.is_empty else ''}"
                      for q, sec in FULL_LIST.items())
    print(notes)
    text += "\n\nSecond phase (the whole id list, behind the painted first page):\n" + notes
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "gui.md").write_text(text + "\n")
    window.ops.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
