"""A hub officer works their own hub's items: recommendations assigned to the hub, the hub's actions, and the
updates, evidence and date changes on those. The same rule the server's row-level security enforces, checked here
first so that people get a clear message (and so one workstation behaves as the server does)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.errors import PermissionDenied
from ol_desk.core.model import Action, Hub, RecommendationHub
from ol_desk.core.model.enums import Entity, Role

from .actor import Actor

_PARENTED = {Entity.UPDATE, Entity.EVIDENCE}


def actor_hub_id(session: Session, actor: Actor) -> int | None:
    if actor.hub_code is None:
        return None
    return session.scalar(select(Hub.id).where(Hub.code == actor.hub_code))


def _rec_in_hub(session: Session, rec_id: int | None, hub_id: int) -> bool:
    return rec_id is not None and session.scalar(
        select(RecommendationHub.hub_id).where(RecommendationHub.recommendation_id == rec_id,
                                               RecommendationHub.hub_id == hub_id)) is not None


def _action_in_hub(session: Session, action_id: int | None, hub_id: int) -> bool:
    return action_id is not None and session.scalar(select(Action.hub_id).where(Action.id == action_id)) == hub_id


def require(session: Session, actor: Actor, entity: Entity, obj) -> None:
    """Refuse a hub officer's change to something outside their hub (no-op for every other role, and for a hub
    officer whose hub is not known, as on a workstation set up before hubs were chosen)."""
    if actor.role is not Role.HUB_OFFICER or actor.hub_code is None:
        return
    with session.no_autoflush:  # a new row is checked before it is added: nothing half-made may be flushed
        _require(session, actor, entity, obj)


def _require(session: Session, actor: Actor, entity: Entity, obj) -> None:
    hub_id = actor_hub_id(session, actor)
    if entity is Entity.RECOMMENDATION:
        ok = hub_id is not None and _rec_in_hub(session, obj.id, hub_id)
    elif entity is Entity.ACTION:
        ok = hub_id is not None and obj.hub_id == hub_id
    elif entity in _PARENTED:
        ok = hub_id is not None and (_rec_in_hub(session, obj.recommendation_id, hub_id)
                                     or _action_in_hub(session, obj.action_id, hub_id))
    else:
        return
    if not ok:
        if entity in _PARENTED:
            what = "That recommendation" if obj.recommendation_id is not None else "That action"
        else:
            what = f"{entity.label} {getattr(obj, 'label', None) or obj.id or ''}".strip()
        raise PermissionDenied(f"{what} is not {actor.hub_code}'s: a hub officer works the items of their own "
                               f"hub. Ask CPIC to assign it to {actor.hub_code} if it should be.")
