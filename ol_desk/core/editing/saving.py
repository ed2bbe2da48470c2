"""What an editor's Save does, as one transaction on the worker thread (so one Save is one undo step).

Each function is `fn(session, actor, item_id, expected_version, fields, …) -> (Changes, item_id)` for `ops.write`.
`fields` holds only what the user changed. The version is checked once, up front: a stale copy raises
ConflictError before anything is written. A new item (item_id None) is created, then given the rest.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Action, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import actions, documents, recommendations
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.changes import Changes
from ol_desk.core.services.writes import check_version, get


def _new_id(changes: Changes, kind: Entity) -> int:
    return next(iter(changes.created[kind]))


def _take(fields: dict, keys) -> dict:
    return {k: fields.pop(k) for k in list(fields) if k in keys}


def save_document(session: Session, actor: Actor, document_id: int | None, expected_version: int | None,
                  fields: dict) -> tuple[Changes, int]:
    fields = dict(fields)
    if document_id is None:
        changes = documents.create_document(session, actor, **fields)
        return changes, _new_id(changes, Entity.DOCUMENT)
    check_version(get(session, SourceDocument, Entity.DOCUMENT, document_id), Entity.DOCUMENT, expected_version)
    return documents.update_document(session, actor, document_id, **fields), document_id


def save_recommendation(session: Session, actor: Actor, rec_id: int | None, expected_version: int | None,
                        fields: dict, *, document_id: int | None = None, hubs: tuple | None = None,
                        themes: tuple | None = None) -> tuple[Changes, int]:
    """`hubs` is (hub_ids, lead_hub_id) when the hubs changed; `themes` the theme ids when they changed."""
    fields = dict(fields)
    changes = Changes()
    if rec_id is None:
        if document_id is None:  # the editor asks for it first (validate); the service needs it
            raise ValidationError("Choose the source document this recommendation comes from.")
        first = _take(fields, {"text", "finding_type", "reference", "title", "owner_id", "notes", "position"})
        first.setdefault("text", "")
        changes = recommendations.create_recommendation(session, actor, document_id=document_id, **first)
        rec_id = _new_id(changes, Entity.RECOMMENDATION)
    else:
        check_version(get(session, Recommendation, Entity.RECOMMENDATION, rec_id), Entity.RECOMMENDATION,
                      expected_version)
    if fields:
        changes |= recommendations.update_recommendation(session, actor, rec_id, **fields)
    if hubs is not None:
        changes |= recommendations.set_hubs(session, actor, rec_id, hubs[0], hubs[1])
    if themes is not None:
        changes |= recommendations.set_themes(session, actor, rec_id, themes)
    return changes, rec_id


def save_action(session: Session, actor: Actor, action_id: int | None, expected_version: int | None,
                fields: dict, *, recommendation_ids: tuple = ()) -> tuple[Changes, int]:
    fields = dict(fields)
    changes = Changes()
    if action_id is None:
        first = _take(fields, {"title", "reference", "owner_id", "hub_id", "notes"})
        first.setdefault("title", "")
        changes = actions.create_action(session, actor, recommendation_ids=recommendation_ids, **first)
        action_id = _new_id(changes, Entity.ACTION)
    else:
        check_version(get(session, Action, Entity.ACTION, action_id), Entity.ACTION, expected_version)
    if fields:
        changes |= actions.update_action(session, actor, action_id, **fields)
    return changes, action_id


SAVERS: dict[Entity, Callable[..., tuple[Changes, int]]] = {
    Entity.DOCUMENT: save_document, Entity.RECOMMENDATION: save_recommendation, Entity.ACTION: save_action}


def move_date(session: Session, actor: Actor, entity: Entity, item_id: int, expected_version: int | None,
              new_date, reason: str) -> Changes:
    """The date with a history on each kind: a document's response due, a rec's target, an action's due date."""
    if entity is Entity.DOCUMENT:
        return documents.extend_response_due(session, actor, item_id, new_date, reason,
                                             expected_version=expected_version)
    if entity is Entity.RECOMMENDATION:
        return recommendations.set_target_date(session, actor, item_id, new_date, reason,
                                               expected_version=expected_version)
    return actions.set_due_date(session, actor, item_id, new_date, reason, expected_version=expected_version)


def run_command(session: Session, actor: Actor, entity: Entity, item_id: int, command: str,
                expected_version: int | None, inputs: dict) -> Changes:
    service = recommendations if entity is Entity.RECOMMENDATION else actions
    return service.run_command(session, actor, item_id, command, expected_version=expected_version, **inputs)


def link_action(session: Session, actor: Actor, action_id: int, rec_id: int, linked: bool) -> Changes:
    """Link an existing action to a recommendation (or unlink it), keeping its other links."""
    action = get(session, Action, Entity.ACTION, action_id)
    ids = {r.id for r in action.recommendations}
    ids = ids | {rec_id} if linked else ids - {rec_id}
    return actions.set_recommendations(session, actor, action_id, sorted(ids))
