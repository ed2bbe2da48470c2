"""Linking recommendations as related (a new PFD concern that repeats an old IOPC recommendation).

The link is recorded on the recommendation it was made from, as an audit event whose detail holds the related ids
before and after ({"related": [before, after]}), so the generic undo can put them back. Both items are announced to
the search index and reported as updated.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Recommendation, RelatedLink
from ol_desk.core.model.enums import Entity

from . import writes
from .actor import Actor
from .changes import Changes


def related_ids(session: Session, rec_id: int) -> list[int]:
    """The recommendations linked to this one, either way round, ascending."""
    rows = session.execute(select(RelatedLink.recommendation_id, RelatedLink.related_id).where(
        or_(RelatedLink.recommendation_id == rec_id, RelatedLink.related_id == rec_id)))
    return sorted(b if a == rec_id else a for a, b in rows)


def set_related_ids(session: Session, rec_id: int, ids: Iterable[int], linked_by: str) -> list[int]:
    """Make exactly `ids` related to `rec_id` (no audit: callers record it); returns the ids before."""
    before = related_ids(session, rec_id)
    wanted = set(ids) - {rec_id}
    for other in set(before) - wanted:
        lo, hi = sorted((rec_id, other))
        session.execute(delete(RelatedLink).where(RelatedLink.recommendation_id == lo, RelatedLink.related_id == hi))
    for other in wanted - set(before):
        lo, hi = sorted((rec_id, other))
        session.add(RelatedLink(recommendation_id=lo, related_id=hi, linked_by=linked_by))
    session.flush()
    return before


def _change(session: Session, actor: Actor, rec_id: int, other_id: int, link: bool) -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "link recommendations")
    if rec_id == other_id:
        raise ValidationError("A recommendation cannot be related to itself.")
    rec = writes.get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    other = writes.get(session, Recommendation, Entity.RECOMMENDATION, other_id)
    before = related_ids(session, rec_id)
    if link and other_id in before:
        raise ValidationError(f"{rec.label} and {other.label} are already linked as related.")
    if not link and other_id not in before:
        raise ValidationError(f"{rec.label} and {other.label} are not linked.")
    after = sorted(set(before) | {other_id}) if link else [i for i in before if i != other_id]
    extra: dict = {"related": [before, after]}
    if not link:  # who made the link removed, so that undoing the unlink puts back the same row
        lo, hi = sorted((rec_id, other_id))
        made_by = session.scalar(select(RelatedLink.linked_by).where(RelatedLink.recommendation_id == lo,
                                                                      RelatedLink.related_id == hi))
        extra["link_rows"] = {"related": [[other_id, {"linked_by": made_by}]]}
    set_related_ids(session, rec_id, after, actor.name)
    changes = writes.update(session, actor, Entity.RECOMMENDATION, rec, {}, verb="relate" if link else "unrelate",
                            force_event=True, extra=extra)
    writes.announce(session, Entity.RECOMMENDATION, [other_id])
    return changes | Changes(updated={Entity.RECOMMENDATION: frozenset({other_id})})


def link_related(session: Session, actor: Actor, rec_id: int, other_id: int) -> Changes:
    return _change(session, actor, rec_id, other_id, True)


def unlink_related(session: Session, actor: Actor, rec_id: int, other_id: int) -> Changes:
    return _change(session, actor, rec_id, other_id, False)
