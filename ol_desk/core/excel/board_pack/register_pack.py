"""The Board register pack: one workbook with Summary, Recommendations, Actions, Overdue, Statutory responses and
For Board decision.

    export_register_pack(path, session, *, register=RegisterFilter(), action_register=None, on=None,
                         filter_words=(), exported_by="", database="", progress=None, cancel=None) -> PackReport

Streams: every sheet is a write-only sheet fed from a Core select read in chunks, so the whole register (200,000
recommendations, a million actions) is written without holding it in memory. The file appears only when it is
complete (written beside the target, then renamed); a cancelled or failed export leaves nothing behind.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.packaging.custom import StringProperty
from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, today
from ol_desk.core.derived_title import derived_title
from ol_desk.core.errors import OlDeskError, ValidationError
from ol_desk.core.integrity.anchor import ANCHOR_PROPERTY, Anchor, chain_head
from ol_desk.core.model import Hub
from ol_desk.core.progress import Progress
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.queries.stats import Stats, compute

from . import pack_queries as q
from .pack_full_text import FullText
from .pack_responses import write_responses
from .pack_styles import MARKING, MAX_DATA_ROWS, Column, SheetSeries
from .pack_summary import write_summary


class ExportCancelled(OlDeskError):
    """The user stopped the export; no file was written."""


@dataclass(frozen=True)
class PackReport:
    path: Path
    stats: Stats
    rows: dict[str, int]

    def summary(self) -> str:
        counts = ", ".join(f"{name} {n:,}" for name, n in self.rows.items())
        return f"Wrote {self.path} ({counts})."


REC_COLUMNS = [
    Column("ID", 8), Column("Source", 18), Column("Document", 16), Column("Document title", 30, "wrap"),
    Column("Issued", 12, "date"), Column("Ref", 11), Column("Finding type", 16), Column("Title", 34, "wrap"),
    Column("Recommendation", 60, "wrap"), Column("Lead hub", 9), Column("Other hubs", 12, "wrap"),
    Column("Themes", 24, "wrap"), Column("Owner", 18), Column("Response", 14), Column("Status", 15),
    Column("RAG", 10), Column("First target", 12, "date"), Column("Current target", 12, "date"),
    Column("Date changes", 9, "count"), Column("Last update", 12, "date"), Column("Open actions", 9, "count"),
    Column("Actions", 9, "count"), Column("Board decision", 12, "date"), Column("Minute ref", 12),
    Column("Closed on", 12, "date"),
]

ACTION_COLUMNS = [
    Column("ID", 9), Column("Ref", 10), Column("Action", 60, "wrap"), Column("Hub", 8), Column("Owner", 18),
    Column("Status", 12), Column("RAG", 10), Column("First due", 12, "date"), Column("Current due", 12, "date"),
    Column("Date changes", 9, "count"), Column("% complete", 9, "count"), Column("Completed on", 12, "date"),
    Column("Embedded", 9), Column("Last update", 12, "date"),
    Column("Answers recommendations", 40, "wrap"),
]

OVERDUE_COLUMNS = [
    Column("Kind", 14), Column("ID", 9), Column("Reference", 18), Column("Title", 60, "wrap"), Column("Hub", 9),
    Column("Owner", 18), Column("Status", 13), Column("Due", 12, "date"), Column("Days overdue", 9, "count"),
    Column("First due", 12, "date"), Column("Date changes", 9, "count"), Column("Last update", 12, "date"),
]

BOARD_COLUMNS = [
    Column("ID", 8), Column("Source", 18), Column("Document", 16), Column("Ref", 11), Column("Title", 40, "wrap"),
    Column("Recommendation", 60, "wrap"), Column("Lead hub", 9), Column("Owner", 18),
    Column("First target", 12, "date"),
    Column("Current target", 12, "date"), Column("Date changes", 9, "count"), Column("Actions", 9, "count"),
    Column("Last update", 12, "date"), Column("Board decision", 24, "wrap", editable=True),
    Column("Minute ref", 14, editable=True),
]


def _label(value) -> str:
    return getattr(value, "label", value) or ""


def _ref(doc_ref: str, ref: str) -> str:
    return f"{doc_ref} {ref}".strip()


def _title(r) -> str:
    """The finding's title, or (when it has none) its first sentence marked as derived, so no row reads blank."""
    return r.title or (f"{derived_title(r.text)} (derived)" if r.text else "")


def rec_values(r, on: dt.date) -> list:
    return [r.id, _label(r.kind), r.doc_ref, r.doc_title, r.date_issued, r.reference, _label(r.finding_type),
            _title(r), r.text, r.lead_hub, r.other_hubs, r.themes, r.owner, _label(r.response_position),
            _label(r.status), q.rec_rag(r.status, r.current_target_date, r.original_target_date, on),
            r.original_target_date, r.current_target_date, r.moves, r.last_update_on, r.open_actions, r.actions,
            r.board_decision_on, r.board_minute_ref, r.closed_on]


def action_values(a, on: dt.date) -> list:
    return [a.id, a.reference, a.title, a.hub, a.owner, _label(a.status),
            q.action_rag(a.status, a.current_due_date, a.original_due_date, on), a.original_due_date,
            a.current_due_date, a.moves, a.percent_complete, a.completed_on, "Yes" if a.embedded else "No",
            a.last_update_on, a.answers]


def overdue_rec_values(r, on: dt.date) -> list:
    return ["Recommendation", r.id, _ref(r.doc_ref, r.reference), _title(r), r.lead_hub, r.owner,
            _label(r.status), r.current_target_date, (on - r.current_target_date).days, r.original_target_date,
            r.moves, r.last_update_on]


def overdue_action_values(a, on: dt.date) -> list:
    return ["Action", a.id, a.reference, a.title, a.hub, a.owner, _label(a.status), a.current_due_date,
            (on - a.current_due_date).days, a.original_due_date, a.moves, a.last_update_on]


def board_values(r, on: dt.date) -> list:
    return [r.id, _label(r.kind), r.doc_ref, r.reference, _title(r), r.text, r.lead_hub, r.owner,
            r.original_target_date, r.current_target_date, r.moves, r.actions, r.last_update_on, None, None]


class _Feed:
    """Writes query rows into a sheet, reporting progress and honouring cancel every few hundred rows."""

    def __init__(self, total: int, progress: Progress | None, cancel: Callable[[], bool] | None):
        self.done, self.total, self.progress, self.cancel = 0, total, progress, cancel

    def run(self, sheet: SheetSeries, rows, to_values, on: dt.date, what: str) -> None:
        append = sheet.append
        written = 0
        for written, row in enumerate(rows, 1):
            append(to_values(row, on))
            if written % 500 == 0:
                self.tick(written, f"writing {what}")
        self.done += written
        self.tick(0, f"writing {what}")

    def tick(self, extra: int, what: str) -> None:
        if self.cancel is not None and self.cancel():
            raise ExportCancelled("Export cancelled; no file was written.")
        if self.progress is not None:  # the bar reaches its end only when the file is saved
            self.progress(min(self.done + extra, max(self.total - 1, 0)), self.total, what)


def set_marking(wb: Workbook, title: str, exported_by: str) -> None:
    wb.properties.title = f"{title} [{MARKING}]"
    wb.properties.subject = MARKING
    wb.properties.keywords = MARKING
    wb.properties.category = MARKING
    wb.properties.creator = exported_by or "ol-desk"
    wb.properties.description = f"Protective marking: {MARKING}. Exported from ol-desk."
    wb.custom_doc_props.append(StringProperty(name="Classification", value=MARKING))


def stamp_anchor(wb: Workbook, anchor: Anchor) -> None:
    """The audit chain's head as the workbook was written, in its document properties (`check --against`)."""
    wb.custom_doc_props.append(StringProperty(name=ANCHOR_PROPERTY, value=anchor.text))


def check_target(path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(f"Export to an .xlsx file (not {path.name}).")
    if not path.parent.is_dir():
        raise ValidationError(f"There is no folder {path.parent} to write {path.name} into.")
    return path


@contextmanager
def new_workbook() -> Iterator[Workbook]:
    """A write-only workbook whose temporary files are removed if the export stops before it is saved."""
    wb = Workbook(write_only=True)
    try:
        yield wb
    except BaseException:
        discard(wb)
        raise


def discard(wb: Workbook) -> None:
    """Close an abandoned write-only workbook's sheets and remove their temporary files (cancel or error)."""
    for ws in wb._sheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            if not ws.closed:
                ws.close()
        except Exception:  # noqa: BLE001 - a half-written sheet may not close cleanly; its file goes anyway
            pass
        try:
            writer.cleanup()
        except (OSError, ValueError):  # already removed
            pass


def save_atomically(wb: Workbook, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.part")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except PermissionError as exc:
        raise ValidationError(f"Cannot write {path}: {exc.strerror} (is it open in Excel?).") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def export_register_pack(path, session: Session, *, register: RegisterFilter | None = None,
                         action_register: RegisterFilter | None = None, on: dt.date | None = None,
                         filter_words=(), exported_by: str = "", database: str = "",
                         progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                         max_rows: int = MAX_DATA_ROWS) -> PackReport:
    path = check_target(path)
    on = on or today()
    register = register or RegisterFilter()
    action_register = action_register if action_register is not None else register
    stats = compute(session, on, register=register, action_register=action_register)

    with new_workbook() as wb:
        return _write_pack(wb, path, session, register, action_register, stats, on, filter_words=filter_words,
                           exported_by=exported_by, database=database, progress=progress, cancel=cancel,
                           max_rows=max_rows)


def _write_pack(wb, path, session, register, action_register, stats, on, *, filter_words, exported_by,
                database, progress, cancel, max_rows) -> PackReport:
    hub_names = dict(session.execute(select(Hub.code, Hub.name)).all())
    set_marking(wb, "Improvement register pack", exported_by)
    anchor = chain_head(session)
    stamp_anchor(wb, anchor)
    write_summary(wb, stats, on=on, filters=list(filter_words), exported_by=exported_by or "ol-desk",
                  database=database or "the ol-desk database", hub_names=hub_names, due_days=DEFAULT_DUE_SOON_DAYS,
                  anchor=anchor)
    # Created first, placed last: the sheets below hand it the texts too long to print in their rows.
    full = FullText(wb, max_rows=max_rows)
    recs = SheetSeries(wb, "Recommendations", REC_COLUMNS, max_rows=max_rows, full_text=full)
    acts = SheetSeries(wb, "Actions", ACTION_COLUMNS, max_rows=max_rows, full_text=full)
    over = SheetSeries(wb, "Overdue", OVERDUE_COLUMNS, print_title="Overdue recommendations and actions",
                       max_rows=max_rows, full_text=full)
    responses = write_responses(wb, session, register, on, max_rows=max_rows, full_text=full)
    board = SheetSeries(wb, "For Board decision", BOARD_COLUMNS, print_title="Closures for Board decision",
                        max_rows=max_rows, full_text=full)
    sheets = wb._sheets
    sheets.append(sheets.pop(sheets.index(full.sheet.parts[0].ws)))

    total = stats.recommendations + stats.actions + stats.overdue + stats.actions_overdue + stats.awaiting_board
    feed = _Feed(total, progress, cancel)
    feed.run(recs, q.recommendation_rows(session, register, on), rec_values, on, "recommendations")
    feed.run(acts, q.action_rows(session, action_register, on), action_values, on, "actions")
    feed.run(over, q.overdue_recommendation_rows(session, register, on), overdue_rec_values, on, "overdue")
    feed.run(over, q.overdue_action_rows(session, action_register, on), overdue_action_values, on, "overdue")
    feed.run(board, q.board_rows(session, register, on), board_values, on, "Board decisions")
    for sheet in (recs, acts):
        sheet.add_rag()
    for part in over.parts:  # the longer overdue, the deeper the red
        part.ws.conditional_formatting.add(part.column_range("Days overdue"), ColorScaleRule(
            start_type="num", start_value=0, start_color="FFF2CC", end_type="percentile", end_value=90,
            end_color="F8696B"))
    for sheet in (recs, acts, over, responses, board, full.sheet):
        sheet.finish()
    feed.tick(0, "saving the workbook")
    save_atomically(wb, path)
    if progress is not None:
        progress(total, total, "saved")
    return PackReport(path, stats, {"recommendations": recs.rows, "actions": acts.rows, "overdue": over.rows,
                                    "statutory responses": responses.rows, "for Board decision": board.rows,
                                    "full text": full.rows})
