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


def test_statutory_responses_are_those_of_the_pack_all_of_them(db, cpic):
    from ol_desk.core.queries.stats import compute
    from ol_desk.core.queries.statutory_responses import responses
    _build(db, cpic)
    with db.reading() as s:
        data = board_report_data.read(s, ON, cap=1)
        stats = compute(s, ON)
        assert data.responses == responses(s, ON)  # the pack's Statutory responses sheet
    assert [r.reference for r in data.responses] == ["2021/153511", "2025-0241"]  # IOPC overdue, PFD due in 36
    assert data.responses_overdue == stats.responses_overdue == 1 and data.responses[0].days_over == 14
    by = {t.key: t.count for t in data.board.tiles}
    assert by["responses_overdue"] == data.responses_overdue  # the tile and the table agree
