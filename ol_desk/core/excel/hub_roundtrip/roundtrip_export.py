"""The hub round-trip workbook: a hub's open actions and recommendations, to update offline and send back.

    export_for_update(path, session, *, hub_code, db_uid, exported_by="", progress=None, cancel=None)
        -> RoundTripExportReport

Sheets: "Read me" (what to do), "Actions", "Recommendations", and a very hidden "_ol_desk" sheet that records what
the file was made from (format, database uid, export time, hub, and for every row its entity, id, version and the
exported values of the editable fields). Editable columns (status, current due/target date, reason for a new date,
owner, progress update) are tinted, marked "✎" in the header, unlocked and validated (status from a drop-down list,
dates as dates); every other cell is locked by sheet protection. `hub_roundtrip.roundtrip` reads it back.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.dates import today
from ol_desk.core.integrity.anchor import Anchor, chain_head
from ol_desk.core.model import Action, Recommendation, RecommendationHub
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, OPEN_ACTION_STATUSES, ActionStatus, RecStatus
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.services.reference import hub_by_code

from ..board_pack import pack_queries as q
from ..board_pack.pack_styles import MARKING, Column, SheetWriter, setup_print
from ..board_pack.register_pack import (
    ExportCancelled,
    check_target,
    new_workbook,
    save_atomically,
    set_marking,
    stamp_anchor,
)

FORMAT_NAME = "ol-desk round trip"
FORMAT_VERSION = 1
META_SHEET = "_ol_desk"
EDIT_MARK = " ✎"

ACTION_STATUS_CHOICES = [s.label for s in ActionStatus]
# A hub can start and deliver; the other words are there so that an unchanged row validates.
REC_STATUS_CHOICES = [RecStatus.NEW.label, RecStatus.ASSIGNED.label, RecStatus.IN_PROGRESS.label,
                      RecStatus.DELIVERED.label, RecStatus.REOPENED.label]

# Editable fields: (meta key, header) in the order they appear in the meta rows.
EDITABLE = ("status", "due", "owner")


def _e(header: str, width: float, kind: str = "text") -> Column:
    return Column(header + EDIT_MARK, width, kind, editable=True)


ACTION_SHEET_COLUMNS = [
    Column("ID", 8), Column("Version", 8), Column("Ref", 10), Column("Action", 50, "wrap"),
    Column("Answers recommendations", 30, "wrap"), _e("Status", 13), _e("Current due date", 14, "date"),
    _e("Reason for new due date", 28, "wrap"), _e("Owner", 20), _e("Progress update", 45, "wrap"),
    Column("First due date", 13, "date"), Column("Last update", 13, "date"),
]
REC_SHEET_COLUMNS = [
    Column("ID", 8), Column("Version", 8), Column("Source", 16), Column("Document", 16), Column("Ref", 8),
    Column("Recommendation", 55, "wrap"), _e("Status", 13), _e("Current target date", 14, "date"),
    _e("Reason for new target date", 28, "wrap"), _e("Owner", 20), _e("Progress update", 45, "wrap"),
    Column("First target date", 13, "date"), Column("Open actions", 9, "count"), Column("Last update", 13, "date"),
]

READ_ME = [
    "How to update this workbook",
    "",
    "1. Change only the tinted columns marked ✎: Status (choose from the list), Current due/target date, "
    "Reason for a new date, Owner, and Progress update (a new update to post; leave it empty for none).",
    "2. Moving a date needs a reason in the next column. Completing or cancelling an action needs a note: write it "
    "in Progress update.",
    "3. Do not add, copy or re-type rows: rows are matched by their ID. Sorting and filtering are fine.",
    "4. Send the file back to the CPIC learning team, who read it back into ol-desk. They see every change "
    "before it is applied; a row that someone changed in ol-desk after this file was made is shown as a conflict "
    "and is not applied.",
]


@dataclass(frozen=True)
class RoundTripExportReport:
    path: Path
    hub: str
    actions: int
    recommendations: int

    def summary(self) -> str:
        return (f"Wrote {self.path}: {self.actions:,} open action(s) and {self.recommendations:,} open "
                f"recommendation(s) of {self.hub}, ready to be updated and sent back.")


def _iso(value) -> str:
    return value.isoformat() if value is not None else ""


def _label(value) -> str:
    return getattr(value, "label", value) or ""


def export_for_update(path, session: Session, *, hub_code: str, db_uid: str, exported_by: str = "",
                      progress: Callable | None = None, cancel: Callable[[], bool] | None = None,
                      on: dt.date | None = None) -> RoundTripExportReport:
    path = check_target(path)
    hub = hub_by_code(session, hub_code)
    on = on or today()
    with new_workbook() as wb:
        return _write(wb, path, session, hub, db_uid=db_uid, exported_by=exported_by, progress=progress,
                      cancel=cancel, on=on)


def _write(wb, path, session, hub, *, db_uid, exported_by, progress, cancel, on) -> RoundTripExportReport:
    set_marking(wb, f"Open items of {hub.name} for update", exported_by)
    anchor = chain_head(session, db_uid)
    stamp_anchor(wb, anchor)
    _read_me(wb, hub.name, anchor)
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for row in (["format", FORMAT_NAME, FORMAT_VERSION], ["db_uid", db_uid], ["exported_at", exported_at.isoformat()],
                ["hub", hub.code], ["exported_by", exported_by],
                ["entity", "id", "version", "status", "due", "owner"]):
        meta.append(row)

    flt = RegisterFilter(hub_ids=(hub.id,), statuses=tuple(s.value for s in OPEN_ACTION_STATUSES))
    acts = SheetWriter(wb, "Actions", ACTION_SHEET_COLUMNS, print_title=f"{hub.name}: open actions", protect=True)
    versions = dict(session.execute(select(Action.id, Action.version).where(Action.hub_id == hub.id)).all())
    for n, a in enumerate(q.action_rows(session, flt, on), 1):
        if cancel is not None and n % 200 == 0 and cancel():
            raise ExportCancelled("Export cancelled; no file was written.")
        status = _label(a.status)
        acts.append([a.id, versions[a.id], a.reference, a.title, a.answers, status, a.current_due_date, None,
                     a.owner, None, a.original_due_date, a.last_update_on])
        meta.append(["action", a.id, versions[a.id], a.status.value, _iso(a.current_due_date), a.owner or ""])
    _validate(acts, ACTION_STATUS_CHOICES)
    acts.finish()

    rec_flt = RegisterFilter(hub_ids=(hub.id,), statuses=tuple(s.value for s in ACTIVE_REC_STATUSES))
    recs = SheetWriter(wb, "Recommendations", REC_SHEET_COLUMNS, print_title=f"{hub.name}: open recommendations",
                       protect=True)
    rec_versions = dict(session.execute(
        select(Recommendation.id, Recommendation.version)
        .join(RecommendationHub, RecommendationHub.recommendation_id == Recommendation.id)
        .where(RecommendationHub.hub_id == hub.id)).all())
    for r in q.recommendation_rows(session, rec_flt, on):
        text = r.title + "\n" + r.text if r.title and r.text else (r.title or r.text)
        recs.append([r.id, rec_versions[r.id], _label(r.kind), r.doc_ref, r.reference, text, _label(r.status),
                     r.current_target_date, None, r.owner, None, r.original_target_date, r.open_actions,
                     r.last_update_on])
        meta.append(["recommendation", r.id, rec_versions[r.id], r.status.value, _iso(r.current_target_date),
                     r.owner or ""])
    _validate(recs, REC_STATUS_CHOICES)
    recs.finish()
    if progress is not None:
        progress(acts.rows + recs.rows, acts.rows + recs.rows, "saving the workbook")
    save_atomically(wb, path)
    return RoundTripExportReport(path, f"{hub.name} ({hub.code})", acts.rows, recs.rows)


def _validate(sheet: SheetWriter, status_choices: list[str]) -> None:
    """Drop-down list for status, a real date for the date column; both refuse anything else."""
    ws = sheet.ws
    status = DataValidation(type="list", formula1='"' + ",".join(status_choices) + '"', allow_blank=False,
                            showErrorMessage=True, errorTitle="Status",
                            error="Choose a status from the list.", promptTitle="Status",
                            prompt="Choose from the list.", showInputMessage=True)
    status.add(sheet.column_range(next(c.header for c in sheet.columns if c.header.startswith("Status"))))
    date_header = next(c.header for c in sheet.columns if c.editable and c.kind == "date")
    when = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True,
                          showErrorMessage=True, errorTitle="Date", error="Enter a date, for example 31/03/2026.")
    when.add(sheet.column_range(date_header))
    ws.data_validations.append(status)
    ws.data_validations.append(when)


def _read_me(wb, hub_name: str, anchor: Anchor) -> None:
    ws = wb.create_sheet("Read me")
    setup_print(ws, "Read me")
    ws.column_dimensions["A"].width = 110
    mark = WriteOnlyCell(ws, MARKING)
    mark.font = Font(name="Calibri", bold=True, color="C00000", size=12)
    ws.append([mark])
    title = WriteOnlyCell(ws, f"Open actions and recommendations of {hub_name}")
    title.font = Font(name="Calibri", bold=True, size=14, color="1F3864")
    ws.append([title])
    lines_here = [*READ_ME, f"Audit trail when this workbook was written ({anchor.events:,} events): "
                            f"{anchor.text}."]
    for row, line in enumerate(lines_here, 3):
        cell = WriteOnlyCell(ws, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if line == READ_ME[0]:
            cell.font = Font(name="Calibri", bold=True, size=12, color="1F3864")
        lines = len(line) // 110 + 1
        ws.row_dimensions[row] = {"ht": str(lines * 15 + 3), "customHeight": "1"}
        ws.append([cell])
