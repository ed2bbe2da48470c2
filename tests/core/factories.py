"""Small builders for tests: a document with recommendations and actions, made through the services."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ol_desk.core.model import Hub, Theme
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import actions, documents, recommendations


def new_id(changes, kind: Entity) -> int:
    return next(iter(changes.created[kind]))


def hub_id(session, code: str) -> int:
    return session.scalar(select(Hub.id).where(Hub.code == code))


def theme_id(session, code: str) -> int:
    return session.scalar(select(Theme.id).where(Theme.code == code))


def make_document(session, actor, **kw) -> int:
    kw.setdefault("kind", "pfd")
    kw.setdefault("title", "Regulation 28 report: death in custody")
    kw.setdefault("reference", "2025-0241")
    kw.setdefault("date_issued", dt.date(2025, 3, 1))
    return new_id(documents.create_document(session, actor, **kw), Entity.DOCUMENT)


def make_recommendation(session, actor, document_id: int, **kw) -> int:
    kw.setdefault("text", "Rousing checks on intoxicated detainees are not carried out at the required frequency.")
    kw.setdefault("finding_type", "matter_of_concern")
    kw.setdefault("reference", "1")
    return new_id(recommendations.create_recommendation(session, actor, document_id=document_id, **kw),
                  Entity.RECOMMENDATION)


def make_action(session, actor, rec_ids, **kw) -> int:
    kw.setdefault("title", "Brief all custody officers on rousing checks")
    return new_id(actions.create_action(session, actor, recommendation_ids=rec_ids, **kw), Entity.ACTION)


def assigned_recommendation(session, actor, hub_code: str = "MD", **kw) -> int:
    doc = make_document(session, actor)
    rec = make_recommendation(session, actor, doc, **kw)
    recommendations.set_hubs(session, actor, rec, [hub_id(session, hub_code)], hub_id(session, hub_code))
    return rec
