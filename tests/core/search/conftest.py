"""A small register made through the services, and an index over it (written in this process: fast)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from ol_desk.core.model.enums import Entity
from ol_desk.core.services import learning, recommendations, records, reference
from tests.core import factories as f


@dataclass
class Sample:
    pfd: int             # a PFD report about a death in custody
    iopc: int            # an IOPC report about pursuits
    rousing: int         # PFD matter of concern: rousing checks (Met Detention, theme custody, owner Jane Smith)
    pursuit: int         # IOPC recommendation: pursuit policy (North West, theme roads)
    taser: int           # IOPC recommendation: Taser refresher (North West)
    briefing: int        # action on `rousing`, due 2025-01-31, open: overdue
    policy: int          # action on `pursuit`, due 2099-01-01, open
    update: int          # progress update on `briefing`
    learning: int        # Gold Group learning entry


@pytest.fixture
def sample(db, cpic) -> Sample:
    with db.transaction() as s:
        smith = f.new_id(reference.create_person(s, cpic, name="Jane Smith"), Entity.PERSON)
        pfd = f.make_document(s, cpic, title="Regulation 28 report: death in custody", reference="2025-0241")
        iopc = f.make_document(s, cpic, kind="iopc", title="Learning recommendations: police pursuit collision",
                               reference="IOPC-2024-117", date_issued=dt.date(2024, 5, 2))
        rousing = f.make_recommendation(s, cpic, pfd, title="Rousing checks", owner_id=smith)
        recommendations.set_hubs(s, cpic, rousing, [f.hub_id(s, "MD")], None)
        recommendations.set_themes(s, cpic, rousing, [f.theme_id(s, "custody")])
        pursuit = f.make_recommendation(
            s, cpic, iopc, reference="R1", finding_type="recommendation",
            text="The pursuit policy should require drivers to end a pursuit when the risk to the public rises.")
        recommendations.set_hubs(s, cpic, pursuit, [f.hub_id(s, "NW")], None)
        taser = f.make_recommendation(
            s, cpic, iopc, reference="R2", finding_type="recommendation",
            text="Officers should receive refresher training on Taser use during a vehicle stop.")
        recommendations.set_hubs(s, cpic, taser, [f.hub_id(s, "NW")], None)
        briefing = f.make_action(s, cpic, [rousing], due_date=dt.date(2025, 1, 31), reference="MD-001")
        policy = f.make_action(s, cpic, [pursuit], title="Rewrite the pursuit policy", due_date=dt.date(2099, 1, 1),
                               hub_id=f.hub_id(s, "NW"))
        update = f.new_id(records.add_update(s, cpic, action_id=briefing,
                                             text="Custody sergeants were briefed at the March training day."),
                          Entity.UPDATE)
        entry = f.new_id(learning.capture_learning(s, cpic, operation="Operation Kestrel",
                                                   learning="Radio coverage failed in the underground car park."),
                         Entity.LEARNING)
    return Sample(pfd, iopc, rousing, pursuit, taser, briefing, policy, update, entry)


@pytest.fixture
def index(db, sample):
    from ol_desk.core.search import SearchIndex
    ix = SearchIndex(db, use_process=False)
    ix.ensure()
    yield ix
    ix.close()


def found(result) -> set[tuple[str, int]]:
    return {(h.kind, h.id) for h in result.hits}
