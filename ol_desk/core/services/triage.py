"""Triage that converts Gold Group learning into a recommendation *with its actions*, in one transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ol_desk.core.model import LearningEntry
from . import actions
from .actor import Actor
from .changes import Changes
from .learning import triage_convert


def convert_with_actions(session: Session, actor: Actor, entry_id: int, *, text: str | None,
                         target_date: dt.date | None, action_titles: list[str],
                         expected_version: int | None = None) -> tuple[Changes, int]:
    """Convert the learning into a recommendation and give it its actions, in one transaction."""
    changes = triage_convert(session, actor, entry_id, text=text, target_date=target_date,
                             expected_version=expected_version)
    entry = session.get(LearningEntry, entry_id)
    rec_id = entry.recommendation_id
    for title in action_titles:
        if title.strip():
            changes |= actions.create_action(session, actor, title=title.strip(), recommendation_ids=[rec_id],
                                             hub_id=entry.suggested_hub_id, due_date=target_date)
    return changes, rec_id
