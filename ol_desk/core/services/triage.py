"""Triage that converts Gold Group learning into a recommendation *with its actions*, in one transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ol_desk.core.model import LearningEntry
from ol_desk.core.model.enums import Entity

from . import actions, writes
from .actor import Actor
from .changes import Changes
from .learning import triage_convert


def convert_with_actions(session: Session, actor: Actor, entry_id: int, *, text: str | None,
                         target_date: dt.date | None, action_titles: list[str],
                         expected_version: int | None = None) -> tuple[Changes, int]:
    """Convert the learning into a recommendation and give it its actions, in one transaction."""
    changes = triage_convert(session, actor, entry_id, text=text, target_date=target_date,
                             expected_version=expected_version)
    entry = writes.get(session, LearningEntry, Entity.LEARNING, entry_id)
    rec_id = entry.recommendation_id
    if rec_id is None:  # pragma: no cover - triage_convert has just set it
        raise RuntimeError(f"Learning entry {entry_id} was converted but is linked to no recommendation.")
    for title in action_titles:
        if title.strip():
            changes |= actions.create_action(session, actor, title=title.strip(), recommendation_ids=[rec_id],
                                             hub_id=entry.suggested_hub_id, due_date=target_date)
    return changes, rec_id
