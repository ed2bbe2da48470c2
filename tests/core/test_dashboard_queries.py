"""Dashboard numbers: each tile and bar counts exactly the rows its click-through filter selects."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ol_desk.core.model import Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity, RecStatus
from ol_desk.core.queries import dashboard, statutory_clocks
from ol_desk.core.queries.register_filter import document_conditions, recommendation_conditions
from ol_desk.core.services import recommendations, reference

from .factories import hub_id, make_document, make_recommendation

ON = dt.date(2025, 6, 1)
D = dt.timedelta


def _rows(session, s: dashboard.Slice) -> set[int]:
    if s.entity == Entity.RECOMMENDATION:
        return set(session.scalars(select(Recommendation.id).where(*recommendation_conditions(s.filter, ON))))
    return set(session.scalars(select(SourceDocument.id).where(*document_conditions(s.filter, ON))))


def _set(session, rec_id, **values):
    rec = session.get(Recommendation, rec_id)
    for k, v in values.items():
        setattr(rec, k, v)


def _build(db, cpic):
    """A small register touching every tile and bucket; returns the ids by what they are."""
    ids = {}
    with db.transaction() as s:
        pfd = make_document(s, cpic, date_issued=ON - D(20))                       # response due in 36 days
        iopc = make_document(s, cpic, kind="iopc", reference="2021/153511", date_issued=ON - D(70))  # overdue
        old = make_document(s, cpic, kind="hmicfrs", reference="PEEL", title="PEEL", date_issued=ON - D(800))
        s.get(SourceDocument, old).response_sent_on = ON - D(700)
        nw, md = hub_id(s, "NW"), hub_id(s, "MD")
        ids["late"] = make_recommendation(s, cpic, pfd, reference="1", target_date=ON - D(5))
        ids["soon"] = make_recommendation(s, cpic, iopc, reference="2", finding_type="recommendation",
                                          target_date=ON + D(10))
        ids["later"] = make_recommendation(s, cpic, old, reference="3", finding_type="recommendation",
                                           target_date=ON + D(90))
        ids["no_date"] = make_recommendation(s, cpic, old, reference="4", finding_type="area_for_improvement")
        ids["delivered"] = make_recommendation(s, cpic, pfd, reference="5", target_date=ON - D(1))
        ids["accepted"] = make_recommendation(s, cpic, iopc, reference="6", finding_type="recommendation")
        ids["closed"] = make_recommendation(s, cpic, old, reference="7", finding_type="recommendation")
        for key, hub in (("late", nw), ("soon", nw), ("later", md), ("no_date", md), ("delivered", nw)):
            recommendations.set_hubs(s, cpic, ids[key], [hub], hub)
        recommendations.set_hubs(s, cpic, ids["accepted"], [nw, md], md)
        s.flush()
        _set(s, ids["soon"], status=RecStatus.IN_PROGRESS, last_update_on=ON - D(3))
        _set(s, ids["late"], status=RecStatus.ASSIGNED, last_update_on=ON - D(100))
        _set(s, ids["delivered"], status=RecStatus.DELIVERED)
        _set(s, ids["accepted"], status=RecStatus.EVIDENCE_ACCEPTED)
        _set(s, ids["closed"], status=RecStatus.CLOSED, closed_on=ON - D(40))
    return ids


def test_every_tile_and_bar_counts_exactly_the_rows_its_filter_selects(db, cpic):
    _build(db, cpic)
    with db.reading() as s:
        board = dashboard.compute(s, ON)
        slices = (board.tiles + board.by_source_kind + board.ageing + board.closures_by_month
                  + [seg for bar in board.by_hub + board.responses_due for seg in bar.segments])
        assert len(slices) > 30
        for sl in slices:
            assert sl.count == len(_rows(s, sl)), sl


def test_tiles_and_charts_say_what_the_register_holds(db, cpic):
    ids = _build(db, cpic)
    with db.reading() as s:
        board = dashboard.compute(s, ON)
        by = {t.key: t for t in board.tiles}
        assert by["open"].count == 5                      # new/assigned/in progress + delivered; not accepted/closed
        assert _rows(s, by["overdue"]) == {ids["late"]}   # delivered is past its date but waits on CPIC, not the hub
        assert _rows(s, by["due_soon"]) == {ids["soon"]}
        assert _rows(s, by["stale"]) == {ids["late"]}
        assert _rows(s, by["awaiting_cpic"]) == {ids["delivered"]}
        assert _rows(s, by["awaiting_board"]) == {ids["accepted"]}
        assert by["responses_overdue"].count == 1 and by["responses_overdue"].entity == Entity.DOCUMENT

        nw = next(b for b in board.by_hub if b.label == "North West")
        assert [seg.count for seg in nw.segments] == [1, 1, 1]   # red late, amber soon, green delivered
        assert board.by_hub[0].label == "North West"              # busiest first
        # RAG splits open items without overlap or gap
        assert sum(b.total for b in board.by_hub) == by["open"].count
        assert sum(sl.count for sl in board.ageing) == by["open"].count
        assert [sl.count for sl in board.ageing] == [3, 0, 0, 0, 2]   # issued 20 and 70 days ago; 800
        assert sum(sl.count for sl in board.closures_by_month) == 1
        assert board.closures_by_month[-1].label == "Jun 2025" and board.closures_by_month[-3].count == 1  # 22 April
        kinds = {seg.label: seg.count for seg in board.responses_due[0].segments}
        assert kinds["IOPC recommendation"] == 1
        assert sum(seg.count for bar in board.responses_due[1:] for seg in bar.segments) == 1  # PFD, week 6


def test_ageing_windows_meet_without_gaps():
    for (_l, lo, hi), (_l2, lo2, _h2) in zip(dashboard.AGE_BUCKETS, dashboard.AGE_BUCKETS[1:], strict=False):
        oldest, _ = dashboard.age_window(ON, lo, hi)
        _, newest_next = dashboard.age_window(ON, lo2, None)
        assert oldest - newest_next == D(1)


def test_statutory_clocks_list_outstanding_responses_most_urgent_first(db, cpic):
    ids = _build(db, cpic)
    with db.transaction() as s:
        person, _ = reference.person_named(s, cpic, "DCI Jane Moss")
        recommendations.update_recommendation(s, cpic, ids["soon"], owner_id=person.id)
    with db.reading() as s:
        rows = statutory_clocks.clocks(s, ON)
        assert [c.reference for c in rows] == ["2021/153511", "2025-0241"]
        assert rows[0].overdue and rows[0].days_left == -14 and rows[0].owner == "DCI Jane Moss"
        assert rows[1].days_left == 36 and rows[1].owner == "North West"
        assert statutory_clocks.count_outstanding(s) == 2
