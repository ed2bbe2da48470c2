"""Moving a target, due or response date: recorded with its reason as a DateChange, never overwritten."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ol_desk.core.errors import ValidationError
from ol_desk.core.model import DateChange
from ol_desk.core.model.enums import Entity

from . import writes
from .actor import Actor
from .changes import Changes

_PARENT_COLUMN = {Entity.DOCUMENT: "document_id", Entity.RECOMMENDATION: "recommendation_id",
                  Entity.ACTION: "action_id"}


def move_date(session: Session, actor: Actor, entity: Entity, obj, field: str, new_date: dt.date, reason: str,
              *, expected_version: int | None, first_field: str) -> Changes:
    """Set `field` to `new_date`. The first date ever set fills `first_field` too and needs no reason;
    any later move is an extension (or a bring-forward) and needs one."""
    if not isinstance(new_date, dt.date):
        raise ValidationError("A date is needed.")
    old = getattr(obj, field)
    if old == new_date:
        writes.check_version(obj, entity, expected_version)
        return Changes()
    reason = (reason or "").strip()
    values = {field: new_date}
    if old is None and getattr(obj, first_field) is None:
        values[first_field] = new_date
    elif not reason:
        raise ValidationError(f"Moving the date from {old:%d %b %Y} to {new_date:%d %b %Y} needs a reason.")
    writes.check_version(obj, entity, expected_version)
    # The DateChange row is written first so that the audit event can name it (undo removes it again).
    change = DateChange(**{_PARENT_COLUMN[entity]: obj.id}, old_date=old, new_date=new_date,
                        reason=reason or "first date set", changed_by=actor.name)
    session.add(change)
    session.flush()
    return writes.update(session, actor, entity, obj, values, verb="move_date",
                         expected_version=expected_version, extra={"reason": reason, "date_change": change.id})
