"""Services for recommendations: create, edit, hubs and themes, target-date extensions, lifecycle commands."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.dates import today
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Action, Hub, Person, Recommendation, RecommendationHub, SourceDocument, Theme
from ol_desk.core.model.enums import OPEN_ACTION_STATUSES, Entity, FindingType, RecStatus, ResponsePosition

from . import writes
from .actor import Actor
from .changes import Changes
from .dates import move_date

EDITABLE = {"reference", "finding_type", "title", "text", "owner_id", "response_position", "response_rationale",
            "notes", "position"}


def _validate(session: Session, values: dict) -> dict:
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError(f"Recommendations have no editable field(s) {', '.join(sorted(unknown))}.")
    if "finding_type" in values:
        values["finding_type"] = FindingType.from_value(values["finding_type"])
    if "response_position" in values:
        values["response_position"] = ResponsePosition.from_value(values["response_position"])
        if values["response_position"] == ResponsePosition.NOT_ACCEPTED:
            raise ValidationError("To record a recommendation as not accepted, use the 'not accepted' command "
                                  "with a rationale.")
    for key in ("reference", "title", "text", "response_rationale", "notes"):
        if key in values:
            values[key] = (values[key] or "").strip()
    if "title" in values and len(values["title"]) > 300:
        raise ValidationError("A recommendation title can be at most 300 characters.")
    if values.get("owner_id") is not None:
        writes.get(session, Person, Entity.PERSON, values["owner_id"])
    return values


def next_position(session: Session, document_id: int, reference: str) -> int:
    top = session.scalar(select(func.max(Recommendation.position))
                         .where(Recommendation.document_id == document_id, Recommendation.reference == reference))
    return (top or 0) + 1


def _position_taken(session: Session, document_id: int, reference: str, position: int, own_id: int | None) -> bool:
    other = session.scalar(select(Recommendation.id).where(
        Recommendation.document_id == document_id, Recommendation.reference == reference,
        Recommendation.position == position).limit(1))
    return other is not None and other != own_id


def _refuse_taken_position(session: Session, document_id: int, reference: str, position: int,
                           own_id: int | None = None) -> None:
    if _position_taken(session, document_id, reference, position, own_id):
        doc = writes.get(session, SourceDocument, Entity.DOCUMENT, document_id)
        raise ValidationError(f"{doc.reference or doc.title} already has recommendation "
                              f"{reference or '(no reference)'} at position {position}; choose another position.")


def create_recommendation(session: Session, actor: Actor, *, document_id: int, text: str,
                          finding_type: FindingType | str = FindingType.RECOMMENDATION, reference: str = "",
                          title: str = "", owner_id: int | None = None, target_date: dt.date | None = None,
                          position: int | None = None, notes: str = "") -> Changes:
    writes.require_role(actor, lifecycle.CPIC, "record recommendations")
    writes.get(session, SourceDocument, Entity.DOCUMENT, document_id)
    values = _validate(session, dict(reference=reference, finding_type=finding_type, title=title, text=text,
                                     owner_id=owner_id, notes=notes))
    if not values["text"] and not values["title"]:
        raise ValidationError("A recommendation needs its text.")
    if position is None:
        position = next_position(session, document_id, values["reference"])
    else:
        _refuse_taken_position(session, document_id, values["reference"], position)
    rec = Recommendation(document_id=document_id, position=position, status=RecStatus.NEW,
                         original_target_date=target_date, current_target_date=target_date, **values)
    return writes.create(session, actor, Entity.RECOMMENDATION, rec)


def update_recommendation(session: Session, actor: Actor, rec_id: int, *, expected_version: int | None = None,
                          **values) -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "edit recommendations")
    rec = writes.get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    values = _validate(session, values)
    reference, position = values.get("reference", rec.reference), values.get("position", rec.position)
    if (reference, position) != (rec.reference, rec.position):
        # A new reference that another recommendation of the document already has at this position (two "R3"s,
        # say) takes the next free position, unless the user moved the position too: that is refused in words.
        if position == rec.position and _position_taken(session, rec.document_id, reference, position, rec.id):
            values["position"] = next_position(session, rec.document_id, reference)
        else:
            _refuse_taken_position(session, rec.document_id, reference, position, rec.id)
    return writes.update(session, actor, Entity.RECOMMENDATION, rec, values, expected_version=expected_version)


def set_hubs(session: Session, actor: Actor, rec_id: int, hub_ids: Iterable[int], lead_hub_id: int | None, *,
             expected_version: int | None = None) -> Changes:
    """Replace the hubs a recommendation is assigned to; the lead must be one of them."""
    writes.require_role(actor, lifecycle.CPIC, "assign hubs")
    rec = writes.get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    writes.check_version(rec, Entity.RECOMMENDATION, expected_version)
    hub_ids = list(dict.fromkeys(hub_ids))
    if lead_hub_id is None and hub_ids:
        lead_hub_id = hub_ids[0]
    if lead_hub_id is not None and lead_hub_id not in hub_ids:
        raise ValidationError("The lead hub must be one of the recommendation's hubs.")
    for hid in hub_ids:
        writes.get(session, Hub, Entity.HUB, hid)
    before = {link.hub_id: link.is_lead for link in rec.hub_links}
    after = {hid: hid == lead_hub_id for hid in hub_ids}
    if before == after:
        return Changes()
    rec.hub_links = [RecommendationHub(hub_id=hid, is_lead=lead) for hid, lead in after.items()]
    return writes.update(session, actor, Entity.RECOMMENDATION, rec, {}, verb="set_hubs", force_event=True,
                         extra={"hubs": [sorted(before), sorted(after)],
                                "lead": [next((h for h, lead in before.items() if lead), None), lead_hub_id]})


def set_themes(session: Session, actor: Actor, rec_id: int, theme_ids: Iterable[int], *,
               expected_version: int | None = None) -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "set themes")
    rec = writes.get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    writes.check_version(rec, Entity.RECOMMENDATION, expected_version)
    wanted = sorted(set(theme_ids))
    before = sorted(t.id for t in rec.themes)
    if wanted == before:
        return Changes()
    rec.themes = [writes.get(session, Theme, Entity.THEME, tid) for tid in wanted]
    return writes.update(session, actor, Entity.RECOMMENDATION, rec, {}, verb="set_themes", force_event=True,
                         extra={"themes": [before, wanted]})


def set_target_date(session: Session, actor: Actor, rec_id: int, new_date: dt.date, reason: str = "", *,
                    expected_version: int | None = None) -> Changes:
    """Set the first target date, or extend (move) it with a reason that joins the slippage history."""
    writes.require_role(actor, lifecycle.EDITORS, "change target dates")
    rec = writes.get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    return move_date(session, actor, Entity.RECOMMENDATION, rec, "current_target_date", new_date, reason,
                     expected_version=expected_version, first_field="original_target_date")


def _open_actions(rec: Recommendation) -> list[Action]:
    return [a for a in rec.actions if a.status in OPEN_ACTION_STATUSES]


def blocker(session: Session, rec: Recommendation, command: str) -> str | None:
    """What the item itself still lacks for a command (beyond status and role), in words; None if nothing."""
    if command == "assign" and not rec.hub_links:
        return "assign at least one hub first"
    if command == "deliver":
        still_open = _open_actions(rec)
        if still_open:
            refs = ", ".join(a.reference or f"#{a.id}" for a in still_open[:5])
            more = "" if len(still_open) <= 5 else f" and {len(still_open) - 5} more"
            return f"{len(still_open)} linked action(s) are still open ({refs}{more})"
    return None


def why_not(session: Session, actor: Actor, rec: Recommendation, command: str) -> str | None:
    """For the GUI: None if the command can be given now, else why not."""
    return lifecycle.why_not("recommendation", command, rec.status, actor.role) or blocker(session, rec, command)


def run_command(session: Session, actor: Actor, rec_id: int, command: str, *, expected_version: int | None = None,
                reason: str = "", decision_date: dt.date | None = None, minute_ref: str = "",
                superseded_by_id: int | None = None) -> Changes:
    """Move a recommendation along its lifecycle. Each command checks status, role and what it needs."""
    rec = writes.get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    writes.check_version(rec, Entity.RECOMMENDATION, expected_version)
    cmd = lifecycle.require("recommendation", command, rec.status, actor.role, rec.label)
    lacking = blocker(session, rec, command)
    if lacking:
        raise ValidationError(f"Cannot {cmd.label.lower()} {rec.label}: {lacking}.")
    reason = (reason or "").strip()
    values: dict = {"status": cmd.target}
    if command in ("return_to_hub", "reopen", "not_accept") and not reason:
        need = "a rationale" if command == "not_accept" else "a reason"
        raise ValidationError(f"{cmd.label} needs {need}.")
    if command == "not_accept":
        values.update(response_position=ResponsePosition.NOT_ACCEPTED, response_rationale=reason)
    elif command == "close":
        if decision_date is None or not minute_ref.strip():
            raise ValidationError("Closing needs the Board decision date and its minute reference.")
        values.update(board_decision_on=decision_date, board_minute_ref=minute_ref.strip(), closed_on=today())
    elif command == "supersede":
        if superseded_by_id is None or superseded_by_id == rec.id:
            raise ValidationError("Superseding needs the newer recommendation that replaces this one.")
        writes.get(session, Recommendation, Entity.RECOMMENDATION, superseded_by_id)
        values["superseded_by_id"] = superseded_by_id
    elif command == "reopen":
        values.update(closed_on=None)
    return writes.update(session, actor, Entity.RECOMMENDATION, rec, values, verb=command,
                         extra={"reason": reason} if reason else None)
