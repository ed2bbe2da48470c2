"""Bulk edit: one change applied to many selected rows of a register, as ONE transaction (so one Ctrl+Z undoes it).

Each row goes through the same service call the editor makes (the same lifecycle table, role and hub checks, the
same audit event), inside its own savepoint: a row the rules refuse is rolled back alone and listed with the
reason, and the others go ahead. Nothing is special-cased here: what the editor may not do to a row, bulk edit
may not either.

    changes, result = bulk_edit(session, actor, Entity.RECOMMENDATION, ids, BulkEdit("owner", owner_id=7))
    result.summary()   # "Set the owner on 998 recommendations; 2 refused (listed)."
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ol_desk.core.errors import OlDeskError, ValidationError
from ol_desk.core.model import Action, Recommendation
from ol_desk.core.model.enums import Entity

from . import actions, recommendations
from .actor import Actor
from .changes import Changes

MAX_ROWS = 20_000    # one selection; beyond this a register filter and an import are the better tools
WHAT = {  # what a bulk edit can set -> its words (for the summary) and the registers it applies to
    "hubs": ("Set the hubs", {Entity.RECOMMENDATION}),
    "add_theme": ("Added the theme", {Entity.RECOMMENDATION}),
    "accept_themes": ("Added the suggested themes", {Entity.RECOMMENDATION}),
    "owner": ("Set the owner", {Entity.RECOMMENDATION, Entity.ACTION}),
    "command": ("Ran the command", {Entity.RECOMMENDATION, Entity.ACTION}),
    "date": ("Moved the date", {Entity.RECOMMENDATION, Entity.ACTION}),
}


@dataclass(frozen=True)
class BulkEdit:
    what: str                          # a key of WHAT
    hub_ids: tuple[int, ...] = ()      # hubs: the hubs to assign, lead first unless lead_hub_id says
    lead_hub_id: int | None = None
    theme_id: int | None = None        # add_theme
    themes_by_row: Mapping[int, tuple[int, ...]] = field(default_factory=dict)   # accept_themes: row id → themes
    owner_id: int | None = None        # owner (None clears it)
    command: str = ""                  # command: a lifecycle command ("assign", "start", "cancel", …)
    new_date: dt.date | None = None    # date: the new target (recommendation) or due (action) date
    reason: str = ""                   # one reason for every row: date moves, return/reopen/cancel commands
    decision_date: dt.date | None = None   # command "close": the Board's decision and its minute
    minute_ref: str = ""


@dataclass(frozen=True)
class Refusal:
    item_id: int
    label: str
    reason: str


@dataclass
class BulkResult:
    entity: Entity
    what: str
    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)   # already so: nothing to do
    refused: list[Refusal] = field(default_factory=list)

    def summary(self) -> str:
        noun = self.entity.label.lower() + ("s" if len(self.changed) != 1 else "")
        words = f"{WHAT[self.what][0]} on {len(self.changed):,} {noun}"
        if self.unchanged:
            words += f"; {len(self.unchanged):,} already so"
        if self.refused:
            words += f"; {len(self.refused):,} refused"
        return words + "."


def _date(edit: BulkEdit) -> dt.date:
    assert edit.new_date is not None   # _check refused an edit without one
    return edit.new_date


def _rec_step(edit: BulkEdit, actor: Actor) -> Callable[[Session, Recommendation], Changes]:
    if edit.what == "hubs":
        return lambda s, r: recommendations.set_hubs(s, actor, r.id, edit.hub_ids, edit.lead_hub_id)
    if edit.what == "add_theme":
        def add(s: Session, r: Recommendation) -> Changes:
            assert edit.theme_id is not None   # _check refused an edit without one
            return recommendations.set_themes(s, actor, r.id, {t.id for t in r.themes} | {edit.theme_id})
        return add
    if edit.what == "accept_themes":
        return lambda s, r: recommendations.set_themes(
            s, actor, r.id, {t.id for t in r.themes} | set(edit.themes_by_row.get(r.id, ())))
    if edit.what == "owner":
        return lambda s, r: recommendations.update_recommendation(s, actor, r.id, owner_id=edit.owner_id)
    if edit.what == "date":
        return lambda s, r: recommendations.set_target_date(s, actor, r.id, _date(edit), edit.reason)
    return lambda s, r: recommendations.run_command(s, actor, r.id, edit.command, reason=edit.reason,
                                                    decision_date=edit.decision_date, minute_ref=edit.minute_ref)


def _action_step(edit: BulkEdit, actor: Actor) -> Callable[[Session, Action], Changes]:
    if edit.what == "owner":
        return lambda s, a: actions.update_action(s, actor, a.id, owner_id=edit.owner_id)
    if edit.what == "date":
        return lambda s, a: actions.set_due_date(s, actor, a.id, _date(edit), edit.reason)
    # one text for every row: the reason (cancel, reopen) or the note (complete, embed) the command needs
    return lambda s, a: actions.run_command(s, actor, a.id, edit.command, reason=edit.reason, note=edit.reason)


def _check(entity: Entity, ids: list[int], edit: BulkEdit) -> None:
    if edit.what not in WHAT or entity not in WHAT[edit.what][1]:
        raise ValidationError(f"Bulk edit cannot set {edit.what!r} on {entity.label.lower()}s.")
    if not ids:
        raise ValidationError("Select the rows to change first.")
    if len(ids) > MAX_ROWS:
        raise ValidationError(f"{len(ids):,} rows are selected; bulk edit takes up to {MAX_ROWS:,} at once. "
                              f"Narrow the register with a filter first.")
    if edit.what == "hubs" and not edit.hub_ids:
        raise ValidationError("Choose at least one hub.")
    if edit.what == "add_theme" and edit.theme_id is None:
        raise ValidationError("Choose the theme to add.")
    if edit.what == "accept_themes" and not any(edit.themes_by_row.values()):
        raise ValidationError("Tick the suggested themes to add first.")
    if edit.what == "command" and not edit.command:
        raise ValidationError("Choose the command to give.")
    if edit.what == "date" and edit.new_date is None:
        raise ValidationError("Give the new date.")


def bulk_edit(session: Session, actor: Actor, entity: Entity, ids: Iterable[int],
              edit: BulkEdit) -> tuple[Changes, BulkResult]:
    """Apply `edit` to each row; refused rows are rolled back one by one and listed. The caller commits."""
    ids = list(dict.fromkeys(ids))
    _check(entity, ids, edit)
    model = Recommendation if entity is Entity.RECOMMENDATION else Action
    step: Callable = _rec_step(edit, actor) if entity is Entity.RECOMMENDATION else _action_step(edit, actor)
    result, changes = BulkResult(entity, edit.what), Changes()
    for item_id in ids:
        obj: Any = session.get(model, item_id)
        if obj is None:
            result.refused.append(Refusal(item_id, f"#{item_id}", "it has been deleted"))
            continue
        label = obj.label if entity is Entity.RECOMMENDATION else (obj.reference or f"#{obj.id}")
        savepoint = session.begin_nested()
        try:
            done = step(session, obj)
            savepoint.commit()
        except OlDeskError as exc:
            savepoint.rollback()
            result.refused.append(Refusal(item_id, label, str(exc)))
            continue
        (result.changed if done else result.unchanged).append(item_id)
        changes = changes | done
    return changes, result
