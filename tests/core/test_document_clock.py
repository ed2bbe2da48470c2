"""A source document's statutory response clock starts as soon as it has an issue date and a kind that has one."""
from __future__ import annotations

import datetime as dt

from ol_desk.core.model import SourceDocument
from ol_desk.core.services import documents

from .factories import make_document


def test_correcting_the_kind_to_a_statutory_one_starts_the_clock(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic, kind="other", date_issued=dt.date(2025, 3, 1))
    with db.reading() as s:
        assert s.get(SourceDocument, doc).response_due is None
    with db.transaction() as s:
        documents.update_document(s, cpic, doc, kind="pfd")
    with db.reading() as s:
        assert s.get(SourceDocument, doc).response_due == dt.date(2025, 4, 26)   # 56 days


def test_giving_the_issue_date_later_starts_the_clock(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic, kind="iopc", date_issued=None)
        documents.update_document(s, cpic, doc, date_issued=dt.date(2025, 1, 10))
    with db.reading() as s:
        assert s.get(SourceDocument, doc).original_response_due == dt.date(2025, 3, 7)
