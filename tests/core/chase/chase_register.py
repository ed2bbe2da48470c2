"""A small register to chase, made through the services: owners with and without an email address, overdue,
due-soon and stale items, a closed one that is never chased, and an NW item for the hub-officer tests."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ol_desk.core.model import Person
from ol_desk.core.services import recommendations, reference
from tests.core.factories import hub_id, make_action, make_document, make_recommendation

ON = dt.date(2030, 1, 15)   # every item was made "now", so at ON anything never updated is stale


def person(session, actor, name, email="", hub="MD") -> int:
    reference.create_person(session, actor, name=name, email=email, hub_id=hub_id(session, hub))
    return session.scalar(select(Person.id).where(Person.name == name))


def build(session, actor) -> dict:
    alice = person(session, actor, "Alice Able", "alice.able@example.police.uk")
    bob = person(session, actor, "Bob Brown")                    # no email address on record
    nora = person(session, actor, "Nora North", "nora.north@example.police.uk", "NW")
    doc = make_document(session, actor, reference="2025-0241", title="PFD: death in custody")
    md, nw = hub_id(session, "MD"), hub_id(session, "NW")

    def rec(ref, owner, target, hub=md, **kw):
        rid = make_recommendation(session, actor, doc, reference=ref, owner_id=owner, target_date=target, **kw)
        recommendations.set_hubs(session, actor, rid, [hub], hub)
        return rid
    ids = {"alice": alice, "bob": bob, "nora": nora,
           "overdue": rec("1", alice, dt.date(2030, 1, 1), title="Rousing checks; every 30 minutes, logged"),
           "soon": rec("2", alice, dt.date(2030, 2, 1)),
           "stale": rec("3", bob, dt.date(2030, 12, 1)),
           "nw": rec("4", nora, dt.date(2029, 12, 1), hub=nw),
           "closed_ok": rec("5", alice, dt.date(2029, 1, 1))}
    ids["action"] = make_action(session, actor, [ids["overdue"]], owner_id=bob, hub_id=md,
                                due_date=dt.date(2029, 12, 20), reference="MD-007")
    ids["nw_action"] = make_action(session, actor, [ids["nw"]], owner_id=nora, hub_id=nw,
                                   due_date=dt.date(2030, 1, 20), reference="NW-001")
    # not_accepted: not active, never chased however old
    recommendations.run_command(session, actor, ids["closed_ok"], "not_accept", reason="Not for the Met")
    return ids
