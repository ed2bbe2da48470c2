"""Reading back a hub's round-trip workbook (made by `ol-desk export FILE --hub CODE --for-update`).

Stable API (used by `ol-desk import`, which hands a file here when `is_roundtrip_workbook` is true):

    is_roundtrip_workbook(path) -> bool
        True when the file is an ol-desk round-trip workbook (it has the very hidden "_ol_desk" sheet). Never
        raises: a file that cannot be read is simply not one.
    preview(path, session, actor=None) -> RoundTripDiff
        Compares every row of the returned file with what was exported (kept in the hidden sheet) and with the
        database now. Writes nothing. Raises ValidationError for a file from another database (uid mismatch) or a
        damaged file.
        RoundTripDiff.changes    [RowChange(entity, id, label, version, fields=[FieldChange(field, old, new)])]
                                  rows the hub edited, unchanged in the app since the export: will be applied
        RoundTripDiff.conflicts  [RowConflict(entity, id, label, exported_version, current_version, fields)]
                                  rows the hub edited that were ALSO changed in the app after the export (their
                                  version moved): listed, never applied
        RoundTripDiff.problems   [RowProblem(entity, id, label, message)]: edits that cannot be applied as they
                                  are (a status move the rules do not allow, a new date without a reason, a bad
                                  date); not applied
        RoundTripDiff.unchanged, .missing (exported rows not in the file), .unknown (rows the export never had)
        RoundTripDiff.summary() -> str, .as_dict() -> dict
    apply(path, session, actor, *, only=None) -> RoundTripReport
        `only`: the (entity, id) rows of `changes` to apply (the GUI's row-by-row accept); None applies them all.
        Re-reads the file against the database inside the caller's transaction and applies `changes` through the
        services (owner, date with its reason, progress update, then the lifecycle command), all tagged with a new
        ImportBatch (kind "roundtrip") so `ol-desk import --undo BATCH` reverses it. The caller commits (use
        `db.transaction()`); if any service refuses a row, it raises and the caller's rollback leaves nothing.
        RoundTripReport(batch_id, diff, changes: Changes).summary()

Editable fields and how each is applied: status → the lifecycle command that moves the item from its current
status to the chosen one (complete/cancel/not accepted take the progress update text as their note or reason);
due/target date → services.*.set_due_date / set_target_date with the reason column; owner → a person of that name
(created when new); progress update → services.records.add_update.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.errors import OlDeskError, ValidationError
from ol_desk.core.model import Action, ActionRecommendation, Evidence, Meta, Recommendation
from ol_desk.core.model.enums import OPEN_ACTION_STATUSES, ActionStatus, Entity, RecStatus, Role
from ol_desk.core.services import Actor, Changes, import_batches, in_batch, records, writes
from ol_desk.core.services import actions as action_service
from ol_desk.core.services import recommendations as rec_service
from ol_desk.core.services.reference import person_named

from .. import value_parsing as vp
from .roundtrip_export import EDIT_MARK, FORMAT_NAME, FORMAT_VERSION, META_SHEET

SHEETS = {"action": "Actions", "recommendation": "Recommendations"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any   # by field: a status value, a date, a person's name
    new: Any


@dataclass(frozen=True)
class RowChange:
    entity: str
    id: int
    label: str
    version: int
    fields: list[FieldChange]
    reason: str = ""      # for a new date
    update: str = ""      # a progress update to post


@dataclass(frozen=True)
class RowConflict:
    entity: str
    id: int
    label: str
    exported_version: int
    current_version: int
    fields: list[FieldChange]


@dataclass(frozen=True)
class RowProblem:
    entity: str
    id: int | None
    label: str
    message: str


@dataclass
class RoundTripDiff:
    path: Path
    hub: str
    exported_at: str
    exported_by: str
    changes: list[RowChange] = field(default_factory=list)
    conflicts: list[RowConflict] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    unchanged: int = 0
    missing: int = 0
    unknown: int = 0

    def summary(self) -> str:
        return (f"{self.path.name} (hub {self.hub}, exported {self.exported_at} by {self.exported_by or 'ol-desk'}): "
                f"{len(self.changes)} row(s) to change, {len(self.conflicts)} conflict(s) not applied, "
                f"{len(self.problems)} row(s) with problems not applied, {self.unchanged} unchanged"
                + (f", {self.missing} exported row(s) missing from the file" if self.missing else "")
                + (f", {self.unknown} row(s) the export did not contain ignored" if self.unknown else "") + ".")

    def as_dict(self) -> dict:
        data = asdict(self)
        data["path"] = str(self.path)
        return json.loads(json.dumps(data, default=str))


@dataclass(frozen=True)
class RoundTripReport:
    batch_id: int | None
    diff: RoundTripDiff
    changes: Changes

    def summary(self) -> str:
        if self.batch_id is None:
            return f"Nothing to apply. {self.diff.summary()}"
        return (f"Applied {len(self.diff.changes)} row(s) as import batch {self.batch_id} "
                f"(undo with: ol-desk import --undo {self.batch_id}). {self.diff.summary()}")


# -- reading the file -------------------------------------------------------------------------------------------

def is_roundtrip_workbook(path) -> bool:
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - not a workbook at all: not one of ours
        return False
    try:
        if META_SHEET not in wb.sheetnames:
            return False
        first: tuple = next(wb[META_SHEET].iter_rows(min_row=1, max_row=1, values_only=True), ())
        return len(first) > 1 and first[1] == FORMAT_NAME
    except Exception:  # noqa: BLE001
        return False
    finally:
        wb.close()


@dataclass
class _Exported:
    entity: str
    id: int
    version: int
    status: str
    due: dt.date | None
    owner: str


def _load(path: Path):
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets one message
        raise ValidationError(f"{path.name} cannot be read as a workbook ({type(exc).__name__}).") from exc
    if META_SHEET not in wb.sheetnames:
        wb.close()
        raise ValidationError(f"{path.name} is not an ol-desk round-trip workbook (its hidden sheet is missing).")
    return wb


def _read_meta(wb, path: Path) -> tuple[dict, dict[tuple[str, int], _Exported]]:
    info: dict = {}
    rows: dict[tuple[str, int], _Exported] = {}
    in_rows = False
    for row in wb[META_SHEET].iter_rows(values_only=True):
        if not row or row[0] is None:
            continue
        if in_rows:
            entity, ident, version, status, due, owner = (list(row) + [None] * 6)[:6]
            rows[(entity, int(ident))] = _Exported(entity, int(ident), int(version), status,
                                                   dt.date.fromisoformat(due) if due else None, owner or "")
        elif row[0] == "entity":
            in_rows = True
        else:
            info[row[0]] = row[1] if len(row) < 3 or row[2] is None else (row[1], row[2])
    fmt = info.get("format")
    if fmt != (FORMAT_NAME, FORMAT_VERSION):
        raise ValidationError(f"{path.name} was made by a different version of ol-desk's round trip ({fmt}); "
                              f"export a new copy for the hub.")
    return info, rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value) -> dt.date | None:
    """A date the hub typed: any full date the importer reads (a date cell, dd/mm/yyyy, '3 March 2025', …); a
    month, quarter or year alone is refused, since it would move the date somewhere the hub did not say."""
    try:
        parsed = vp.parse_date(value)
    except vp.BadValue:
        parsed = vp.Parsed(None, "not a date")
    if parsed is None:
        return None
    if parsed.warning or not isinstance(parsed.value, dt.date):
        raise ValueError(f"'{_text(value)}' is not a date (use a date cell, or dd/mm/yyyy)")
    return parsed.value


def _status(entity: str, value) -> str:
    enum = ActionStatus if entity == "action" else RecStatus
    text = _text(value).lower()
    for member in enum:
        if text in (member.value, member.label.lower()):
            return member.value
    raise ValueError(f"'{_text(value)}' is not a {entity} status "
                     f"(choose one of: {', '.join(m.label for m in enum)})")


def _sheet_rows(wb, entity: str):
    """(row number, {header without the edit mark: value}) for each data row of a sheet."""
    name = SHEETS[entity]
    if name not in wb.sheetnames:
        return
    rows = wb[name].iter_rows(values_only=True)
    header = [(_text(h).removesuffix(EDIT_MARK.strip()).strip()) for h in next(rows, ())]
    for n, row in enumerate(rows, 2):
        values = dict(zip(header, row, strict=False))  # a sheet row may be short or long
        if any(v not in (None, "") for v in values.values()):
            yield n, values


# -- comparing --------------------------------------------------------------------------------------------------

def _db_uid(session: Session) -> str:
    row = session.get(Meta, "uid")
    return row.value if row is not None else ""


def preview(path, session: Session, actor: Actor | None = None) -> RoundTripDiff:
    path = Path(path)
    wb = _load(path)
    try:
        info, exported = _read_meta(wb, path)
        uid = _db_uid(session)
        if info.get("db_uid") != uid:
            raise ValidationError(f"{path.name} was exported from another ol-desk database (id {info.get('db_uid')}); "
                                  f"this database is {uid}. Read it back into the database it came from.")
        diff = RoundTripDiff(path, str(info.get("hub", "")), str(info.get("exported_at", "")),
                             str(info.get("exported_by", "") or ""))
        seen: set[tuple[str, int]] = set()
        edits: list[tuple[_Exported, dict, list[FieldChange], str]] = []
        for entity in SHEETS:
            for n, values in _sheet_rows(wb, entity):
                try:
                    ident = int(values.get("ID"))
                except (TypeError, ValueError):
                    diff.unknown += 1
                    continue
                row = exported.get((entity, ident))
                if row is None or (entity, ident) in seen:
                    diff.unknown += 1
                    continue
                seen.add((entity, ident))
                label = f"{SHEETS[entity]} row {n} (#{ident} {_text(values.get('Ref'))})".replace(" )", ")")
                try:
                    fields = _edited_fields(entity, row, values)
                except ValueError as exc:
                    diff.problems.append(RowProblem(entity, ident, label, str(exc)))
                    continue
                update = _text(values.get("Progress update"))
                if not fields and not update:
                    diff.unchanged += 1
                    continue
                reason = _text(values.get("Reason for new due date") or values.get("Reason for new target date"))
                edits.append((row, {"label": label, "update": update, "reason": reason}, fields, entity))
        diff.missing = len(set(exported) - seen)
        _classify(session, actor, diff, edits)
        return diff
    finally:
        wb.close()


def _edited_fields(entity: str, row: _Exported, values: dict) -> list[FieldChange]:
    date_header = "Current due date" if entity == "action" else "Current target date"
    fields = []
    status = _status(entity, values.get("Status")) if _text(values.get("Status")) else row.status
    if status != row.status:
        fields.append(FieldChange("status", row.status, status))
    due = _date(values.get(date_header))
    if due != row.due:
        if due is None:
            raise ValueError("the date cannot be removed, only moved (with a reason)")
        fields.append(FieldChange("due", row.due, due))
    owner = _text(values.get("Owner"))
    if owner.lower() != row.owner.lower():
        fields.append(FieldChange("owner", row.owner, owner))
    return fields


def _command_for(entity: str, current: str, target: str) -> str | None:
    table = lifecycle.ACTION_COMMANDS if entity == "action" else lifecycle.REC_COMMANDS
    enum = ActionStatus if entity == "action" else RecStatus
    for cmd in table.values():
        if cmd.name != "embed" and enum(current) in cmd.sources and cmd.target == enum(target):
            return cmd.name
    return None


def _classify(session: Session, actor: Actor | None, diff: RoundTripDiff, edits) -> None:
    role = actor.role if actor is not None else Role.CPIC
    # Actions first: a recommendation may be delivered in the same file that completes its last actions.
    closing: set[int] = set()
    for row, extra, fields, entity in sorted(edits, key=lambda e: e[3] != "action"):
        current = session.get(Action, row.id) if entity == "action" else session.get(Recommendation, row.id)
        label = extra["label"]
        if current is None:
            diff.problems.append(RowProblem(entity, row.id, label, "it no longer exists in ol-desk"))
            continue
        if current.version != row.version:
            diff.conflicts.append(RowConflict(entity, row.id, label, row.version, current.version,
                                              fields + ([FieldChange("progress update", "", extra["update"])]
                                                        if extra["update"] else [])))
            continue
        problem = _problem(session, entity, current, fields, extra, role, closing)
        if problem:
            diff.problems.append(RowProblem(entity, row.id, label, problem))
            continue
        if entity == "action" and any(f.field == "status" and f.new in (ActionStatus.COMPLETE.value,
                                                                      ActionStatus.CANCELLED.value) for f in fields):
            closing.add(row.id)
        shown = fields + ([FieldChange("progress update", "", extra["update"])] if extra["update"] else [])
        diff.changes.append(RowChange(entity, row.id, label, row.version, shown, extra["reason"], extra["update"]))


def _problem(session: Session, entity: str, current, fields: list[FieldChange], extra: dict, role: Role,
             closing: set[int]) -> str | None:
    by_name = {f.field: f for f in fields}
    if "due" in by_name and by_name["due"].old is not None and not extra["reason"]:
        return "a new date needs a reason in the reason column"
    if "status" not in by_name:
        return None
    change = by_name["status"]
    command = _command_for(entity, change.old, change.new)
    if command is None:
        enum = ActionStatus if entity == "action" else RecStatus
        return f"it cannot move from {enum(change.old).label} to {enum(change.new).label} in one step"
    why = lifecycle.why_not(entity, command, current.status, role)
    if why:
        return why
    needs_note = {("action", "complete"), ("action", "cancel"), ("action", "reopen"),
                  ("recommendation", "not_accept"), ("recommendation", "reopen"),
                  ("recommendation", "return_to_hub")}
    if (entity, command) in needs_note and not extra["update"]:
        has_evidence = entity == "action" and command == "complete" and session.scalar(
            select(func.count(Evidence.id)).where(Evidence.action_id == current.id))
        if not has_evidence:
            return f"{command.replace('_', ' ')} needs a note: write it in Progress update"
    if entity == "recommendation" and command == "deliver":
        open_ids = set(session.scalars(
            select(Action.id).join(ActionRecommendation, ActionRecommendation.action_id == Action.id)
            .where(ActionRecommendation.recommendation_id == current.id,
                   Action.status.in_(OPEN_ACTION_STATUSES))))
        still = open_ids - closing
        if still:
            return f"{len(still)} linked action(s) are still open"
    if entity == "recommendation" and command in ("close", "supersede"):
        return "closing or superseding is done in ol-desk, not from a hub's workbook"
    return None


# -- applying ---------------------------------------------------------------------------------------------------

def apply(path, session: Session, actor: Actor, *, only=None) -> RoundTripReport:
    """`only`: the (entity, id) pairs of `diff.changes` the user accepted (None: all of them)."""
    path = Path(path)
    diff = preview(path, session, actor)
    if only is not None:
        accepted = {(entity, int(ident)) for entity, ident in only}
        diff.changes = [c for c in diff.changes if (c.entity, c.id) in accepted]
    if not diff.changes:
        return RoundTripReport(None, diff, Changes())
    batch_id = import_batches.open_batch(
        session, actor, "roundtrip", path.name, sha256=records.sha256_of(path),
        detail={"kind": "roundtrip", "hub": diff.hub},
        summary={"hub": diff.hub, "exported_at": diff.exported_at, "changes": len(diff.changes),
                 "conflicts": len(diff.conflicts), "problems": len(diff.problems)})
    changes = Changes()
    with in_batch(session, batch_id):
        # Actions first, so a recommendation delivered in the same file finds its actions complete.
        for row in sorted(diff.changes, key=lambda r: r.entity != "action"):
            try:
                changes |= _apply_row(session, actor, row)
            except OlDeskError as exc:
                raise ValidationError(f"{row.label}: {exc} Nothing from {path.name} was applied.") from exc
    return RoundTripReport(batch_id, diff, Changes(changes.created, changes.updated, changes.deleted, batch_id))


def _apply_row(session: Session, actor: Actor, row: RowChange) -> Changes:
    is_action = row.entity == "action"
    model = Action if is_action else Recommendation
    writes.check_version(session.get(model, row.id), Entity(row.entity), row.version)
    changes = Changes()
    by_name = {f.field: f for f in row.fields}
    if "owner" in by_name:
        owner_id = None
        if by_name["owner"].new:
            person, made = person_named(session, actor, by_name["owner"].new)
            owner_id, changes = person.id, changes | made
        update = action_service.update_action if is_action else rec_service.update_recommendation
        changes |= update(session, actor, row.id, owner_id=owner_id)
    if "due" in by_name:
        move = action_service.set_due_date if is_action else rec_service.set_target_date
        changes |= move(session, actor, row.id, by_name["due"].new, row.reason)
    if row.update:
        changes |= records.add_update(session, actor, text=row.update, action_id=row.id if is_action else None,
                                      recommendation_id=None if is_action else row.id)
    if "status" in by_name:
        command = _command_for(row.entity, by_name["status"].old, by_name["status"].new)
        assert command is not None, "a move with no command is listed as a problem, never applied"
        if is_action:
            changes |= action_service.run_command(session, actor, row.id, command, note=row.update,
                                                  reason=row.update)
        else:
            changes |= rec_service.run_command(session, actor, row.id, command, reason=row.update)
    return changes
