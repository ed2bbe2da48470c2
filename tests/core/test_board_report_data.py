"""What the Board report reads (no Qt): the overdue and for-decision tables, ordered and capped."""
from __future__ import annotations

import datetime as dt

from ol_desk.core.queries import board_report_data

from .factories import make_document, make_recommendation
from .test_dashboard_queries import ON, _build


def test_the_tables_list_what_is_overdue_and_what_awaits_the_board(db, cpic):
    _build(db, cpic)
    with db.reading() as s:
        data = board_report_data.read(s, ON)
    assert [r.label for r in data.overdue] == ["2025-0241 1"]
    assert data.overdue_total == 1 and data.for_decision_total == 1


def test_long_tables_are_capped_most_overdue_first(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
        for i in range(130):
            make_recommendation(s, cpic, doc, reference=f"R{i}", target_date=ON - dt.timedelta(days=i + 1))
    with db.reading() as s:
        data = board_report_data.read(s, ON, cap=100)
    assert data.overdue_total == 130 and len(data.overdue) == 100
    assert data.overdue[0].date == ON - dt.timedelta(days=130)
