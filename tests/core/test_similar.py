"""Similar items: a new concern finds the old recommendation from another source that it repeats; linking them as
related is recorded both ways, audited, refused twice, and undone by the generic undo."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from ol_desk.core.errors import PermissionDenied, ValidationError
from ol_desk.core.model import AuditEvent, Recommendation
from ol_desk.core.search import SearchIndex
from ol_desk.core.services import related
from ol_desk.core.services.history import undo
from ol_desk.core.similar import similar_recommendations

from .factories import make_document, make_recommendation

ROUSING = ("Custody officers did not rouse an intoxicated detainee at the required half-hourly intervals and the "
           "checks were recorded without the detainee being roused.")


@pytest.fixture
def register(db, cpic):
    with db.transaction() as s:
        iopc = make_document(s, cpic, kind="iopc", reference="2021/153511", title="IOPC learning: custody death")
        hmic = make_document(s, cpic, kind="hmicfrs", reference="PEEL 2023", title="PEEL inspection")
        pfd = make_document(s, cpic, kind="pfd", reference="2025-0241", title="PFD: death in custody")
        ids = {
            "old_iopc": make_recommendation(s, cpic, iopc, reference="R2", finding_type="recommendation", text=(
                "The force should ensure custody officers rouse intoxicated detainees at the required intervals "
                "and record each rousing check accurately.")),
            "afi": make_recommendation(s, cpic, hmic, reference="AFI 4", finding_type="area_for_improvement",
                                       text="The force should improve how it records stop and search grounds."),
            "pursuit": make_recommendation(s, cpic, hmic, reference="R7", finding_type="recommendation",
                                           text="Pursuit tactics should be authorised by a trained tactical adviser."),
            "new_pfd": make_recommendation(s, cpic, pfd, reference="1", text=ROUSING),
            "sibling": make_recommendation(s, cpic, pfd, reference="2", text=ROUSING + " Handover missed it."),
        }
    index = SearchIndex(db, use_process=False)
    index.ensure()
    yield ids, index
    index.close()


def test_a_new_concern_finds_the_old_recommendation_it_repeats(db, register):
    ids, index = register
    with db.reading() as s:
        found = similar_recommendations(s, index, ROUSING, exclude_ids=(ids["new_pfd"],), document_id=None, limit=3)
        assert found[0].id == ids["sibling"]                      # without the document rule, the sibling wins
        pfd_doc = s.get(Recommendation, ids["new_pfd"]).document_id
        found = similar_recommendations(s, index, ROUSING, exclude_ids=(ids["new_pfd"],), document_id=pfd_doc,
                                        limit=3)
    assert found[0].id == ids["old_iopc"]
    assert found[0].label == "2021/153511 R2" and found[0].source == "IOPC recommendation"
    assert ids["pursuit"] not in [f.id for f in found[:1]]
    with db.reading() as s:
        assert similar_recommendations(s, index, "   ") == []
        assert similar_recommendations(s, None, ROUSING) == []   # no index: nothing, not an error


def test_linking_as_related_is_kept_both_ways_audited_and_undoable(db, register, cpic, board):
    ids, _index = register
    with db.transaction() as s:
        changes = related.link_related(s, cpic, ids["new_pfd"], ids["old_iopc"])
    assert changes.updated  # both items refresh
    with db.reading() as s:
        assert related.related_ids(s, ids["new_pfd"]) == [ids["old_iopc"]]
        assert related.related_ids(s, ids["old_iopc"]) == [ids["new_pfd"]]
        event = s.scalars(select(AuditEvent).where(AuditEvent.verb == "relate")).one()
    with db.transaction() as s, pytest.raises(ValidationError, match="already linked"):
        related.link_related(s, cpic, ids["old_iopc"], ids["new_pfd"])
    with db.transaction() as s, pytest.raises(ValidationError, match="itself"):
        related.link_related(s, cpic, ids["afi"], ids["afi"])
    with db.transaction() as s, pytest.raises(PermissionDenied):
        related.link_related(s, board, ids["afi"], ids["pursuit"])
    with db.transaction() as s:
        undo(s, cpic, [event.id])
    with db.reading() as s:
        assert related.related_ids(s, ids["old_iopc"]) == []


REG28 = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion there "
         "is a risk that future deaths will occur unless action is taken. In the circumstances it is my statutory "
         "duty to report to you. The MATTERS OF CONCERN are as follows: ")


def test_the_standard_regulation_28_wording_is_no_likeness(db, cpic):
    """Two PFD concerns that share only the Regulation 28 boilerplate are not similar; the IOPC recommendation on
    the same concern is found, and the stored text keeps the boilerplate."""
    with db.transaction() as s:
        pfd = make_document(s, cpic, kind="pfd", reference="2025-0300", title="PFD: death in custody")
        road = make_document(s, cpic, kind="pfd", reference="2025-0301", title="PFD: road death")
        iopc = make_document(s, cpic, kind="iopc", reference="2021/1", title="IOPC learning: custody death")
        new = make_recommendation(s, cpic, pfd, reference="1", text=REG28 + ROUSING)
        crossing = make_recommendation(s, cpic, road, reference="1", text=REG28 + (
            "There is no controlled pedestrian crossing on the A63 dual carriageway near the hospital."))
        repeat = make_recommendation(s, cpic, iopc, reference="R1", finding_type="recommendation", text=(
            "Custody officers should rouse intoxicated detainees at the required intervals."))
    index = SearchIndex(db, use_process=False)
    try:
        index.ensure()
        with db.reading() as s:
            found = similar_recommendations(s, index, REG28 + ROUSING, exclude_ids=(new,), document_id=pfd)
            assert [f.id for f in found] == [repeat]
            assert crossing not in [f.id for f in found]
            assert similar_recommendations(s, index, REG28) == []      # nothing but standard wording: no likeness
            assert s.get(Recommendation, crossing).text.startswith("During the course of the inquest")
    finally:
        index.close()
