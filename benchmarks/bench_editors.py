"""Editors on the 200,000 / ~850,000 demo database: opening an item, saving, undo and redo, the link finder.

Runs on a copy of the shared demo database (undo and redo write). Each figure is the median over several items
spread through the table, with a reference measured in the same run:
- open (data): everything an editor shows, read on the worker thread (`load_for_editor`: the row, pickers' choices,
  linked items, updates, evidence, date history, audit history, which commands the rules allow); reference: the
  bare row by primary key;
- open (window): `open_editor` until the window is filled, offscreen (widgets + the read); reference: the read;
- save / undo / redo of one field edit, each one transaction; reference: the plain service update;
- link finder worst case (text that matches nothing scans the table); reference: the same LIKE in plain SQL.
Targets: an editor opens in ≤ 150 ms; undo and redo feel like a keypress (≤ 50 ms each).
"""
from __future__ import annotations

import os
import sys

from .common import Row, demo_copy, median, print_table, timed

SAMPLES = 15


def _spread(session, model, n: int) -> list[int]:
    from sqlalchemy import func, select
    top = session.scalar(select(func.max(model.id))) or 0
    return [max(1, top * (k + 1) // (n + 1)) for k in range(n)]


def _reads(db, actor) -> list[Row]:
    from sqlalchemy import text

    from ol_desk.core.editing.snapshots import find_actions, load_for_editor
    from ol_desk.core.model import Action, Recommendation, SourceDocument
    from ol_desk.core.model.enums import Entity
    rows = []
    for entity, model in ((Entity.RECOMMENDATION, Recommendation), (Entity.ACTION, Action),
                          (Entity.DOCUMENT, SourceDocument)):
        with db.reading() as s:
            ids = _spread(s, model, SAMPLES)
        full, bare = [], []
        for item_id in ids:
            with db.reading() as s, timed() as t:
                load_for_editor(s, actor, entity, item_id)
            full.append(t() * 1000)
            with db.reading() as s, timed() as t:
                s.get(model, item_id)
            bare.append(t() * 1000)
        rows.append(Row(f"open {entity.label.lower()} editor (data, median of {SAMPLES})", median(full), "ms",
                        median(bare), "the bare row by id", "≤ 150 ms"))
    with db.reading() as s, timed() as t:
        find_actions(s, "zzzz-matches-nothing")
    finder = t() * 1000
    with db.reading() as s, timed() as t:
        s.execute(text("SELECT id FROM actions WHERE reference LIKE :q OR title LIKE :q ORDER BY id DESC LIMIT 50"),
                  {"q": "%zzzz-matches-nothing%"}).all()
    rows.append(Row("link finder, text matching nothing (full scan)", finder, "ms", t() * 1000,
                    "the same LIKE in plain SQL", "off the UI thread"))
    return rows


def _window(db, actor) -> Row:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ol_desk.core.editing.snapshots import load_for_editor
    from ol_desk.core.model import Recommendation
    from ol_desk.core.model.enums import Entity
    from ol_desk.gui.app_context import AppContext
    from ol_desk.gui.editors import open_editor
    from ol_desk.gui.ops import Operations
    app = QApplication.instance() or QApplication([])
    ops = Operations(db)
    ctx = AppContext(db, ops, actor)
    with db.reading() as s:
        ids = _spread(s, Recommendation, 5)
    shown, read = [], []
    for item_id in ids:
        with timed() as t:
            editor = open_editor(ctx, Entity.RECOMMENDATION, item_id)
            ops.wait_idle()
            app.processEvents()
        shown.append(t() * 1000)
        editor.close()
        with db.reading() as s, timed() as t:
            load_for_editor(s, actor, Entity.RECOMMENDATION, item_id)
        read.append(t() * 1000)
    ops.shutdown()
    return Row("open recommendation editor window, filled (offscreen, median of 5)", median(shown), "ms",
               median(read), "its data read alone", "≤ 150 ms")


def _undo_redo(db, actor) -> list[Row]:
    from sqlalchemy import func, select

    from ol_desk.core.model import AuditEvent, Recommendation
    from ol_desk.core.services import recommendations
    from ol_desk.core.services.history import redo, undo

    def step(fn, *args, **kw):
        with db.transaction() as s, timed() as t:
            before = s.scalar(select(func.max(AuditEvent.id))) or 0
            fn(s, *args, **kw)
            after = s.scalar(select(func.max(AuditEvent.id))) or 0
        return list(range(before + 1, after + 1)), t() * 1000

    with db.reading() as s:
        ids = _spread(s, Recommendation, 5)
    saves, undos, redos = [], [], []
    for n, rec_id in enumerate(ids):
        events, ms = step(recommendations.update_recommendation, actor, rec_id, notes=f"benchmark edit {n}")
        saves.append(ms)
        undone, ms = step(undo, actor, events)
        undos.append(ms)
        _redone, ms = step(redo, actor, undone)
        redos.append(ms)
    return [Row("undo one edit (median of 5)", median(undos), "ms", median(saves), "the edit itself", "≤ 50 ms"),
            Row("redo it", median(redos), "ms", median(saves), "the edit itself", "≤ 50 ms")]


def main(argv: list[str]) -> int:
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services import Actor
    actor = Actor("Benchmark", Role.CPIC)
    with demo_copy("editors") as db:
        rows = _reads(db, actor) + [_window(db, actor)] + _undo_redo(db, actor)
    print_table("Editors (200,000 recommendations / ~850,000 actions)", rows)
    limits = {"≤ 150 ms": 150, "≤ 50 ms": 50}
    return 0 if all(r.value <= limits[r.target] for r in rows if r.target in limits) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
