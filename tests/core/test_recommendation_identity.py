"""A recommendation's identity within its document (reference + position) never collides into a database error."""
from __future__ import annotations

import pytest

from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Recommendation
from ol_desk.core.services import recommendations

from .factories import make_document, make_recommendation


def test_giving_a_recommendation_a_reference_another_already_has_keeps_both(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
        first = make_recommendation(s, cpic, doc, reference="R3")
        second = make_recommendation(s, cpic, doc, reference="R4")
    with db.transaction() as s:
        recommendations.update_recommendation(s, cpic, second, reference="R3", position=1)  # as the editor sends it
    with db.reading() as s:
        assert [(r.reference, r.position) for r in (s.get(Recommendation, first), s.get(Recommendation, second))] \
            == [("R3", 1), ("R3", 2)]


def test_moving_onto_a_taken_position_is_refused_in_words_and_nothing_changes(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
        make_recommendation(s, cpic, doc, reference="R3")
        second = make_recommendation(s, cpic, doc, reference="R3")
    with pytest.raises(ValidationError, match="already has recommendation R3 at position 1"):
        with db.transaction() as s:
            recommendations.update_recommendation(s, cpic, second, position=1, title="moved")
    with pytest.raises(ValidationError, match="already has recommendation R3 at position 2"):
        with db.transaction() as s:
            recommendations.create_recommendation(s, cpic, document_id=doc, reference="R3", position=2, text="x")
    with db.reading() as s:
        rec = s.get(Recommendation, second)
        assert (rec.position, rec.title) == (2, "")
