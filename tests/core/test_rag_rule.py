"""One RAG rule: the dashboard's hub chart (SQL, predicates.rec_rag) colours each open recommendation exactly as
the register pack's RAG column (predicates.rag_word) does."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, OPEN_REC_STATUSES, RecStatus
from ol_desk.core.queries import predicates as p

from .factories import make_document, make_recommendation

ON = dt.date(2025, 6, 1)
D = dt.timedelta


def test_dashboard_colours_and_pack_words_agree_row_by_row(db, cpic):
    cases = {  # key: (status, first target, current target)
        "late": (RecStatus.ASSIGNED, ON - D(5), ON - D(5)),
        "soon": (RecStatus.IN_PROGRESS, ON + D(10), ON + D(10)),
        "later": (RecStatus.ASSIGNED, ON + D(90), ON + D(90)),
        "no_date": (RecStatus.NEW, None, None),
        "slipped_later": (RecStatus.IN_PROGRESS, ON + D(40), ON + D(120)),
        "slipped_late": (RecStatus.IN_PROGRESS, ON - D(60), ON - D(1)),
        "brought_forward": (RecStatus.ASSIGNED, ON + D(200), ON + D(100)),
        "delivered": (RecStatus.DELIVERED, ON - D(1), ON - D(1)),
    }
    ids = {}
    with db.transaction() as s:
        doc = make_document(s, cpic, date_issued=ON - D(20))
        for n, (key, (status, first, current)) in enumerate(cases.items()):
            ids[key] = make_recommendation(s, cpic, doc, reference=str(n + 1))
            rec = s.get(Recommendation, ids[key])
            rec.status, rec.original_target_date, rec.current_target_date = status, first, current
    expected = {"late": "red", "soon": "amber", "later": "green", "no_date": "amber", "slipped_later": "amber",
                "slipped_late": "red", "brought_forward": "green", "delivered": "green"}
    with db.reading() as s:
        sql = {}
        for colour in p.RAG_COLOURS:
            for rid in s.scalars(select(Recommendation.id).where(p.rec_rag(colour, ON))):
                assert rid not in sql, "a recommendation has two colours"
                sql[rid] = colour
        assert {key: sql.get(rid) for key, rid in ids.items()} == expected
        for key, rid in ids.items():
            rec = s.get(Recommendation, rid)
            word = p.rag_word(rec.current_target_date, rec.original_target_date, ON,
                              active=rec.status in ACTIVE_REC_STATUSES, done=rec.status == RecStatus.DELIVERED)
            assert rec.status in OPEN_REC_STATUSES
            assert word.lower() == expected[key] or (word == "Complete" and expected[key] == "green"), key
