"""A report's area and addressees ("Sent to"): recorded and audited through the services, found by search, and
listed in the Board pack's Statutory responses sheet."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from ol_desk.core.editing.history_text import item_history
from ol_desk.core.errors import ValidationError
from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.model import SourceDocument
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import documents
from tests.core.factories import make_document

SENT_TO = "Chief Constable of Wessex Police; NHS England; Department of Health and Social Care"


def _pfd(db, cpic) -> int:
    with db.transaction() as s:
        return make_document(s, cpic, area="Wessex", addressees=SENT_TO, date_issued=dt.date(2025, 3, 1))


def test_area_and_addressees_are_kept_edited_and_shown_in_the_history(db, cpic):
    doc_id = _pfd(db, cpic)
    with db.transaction() as s:
        documents.update_document(s, cpic, doc_id, area="  Wessex and Isles ")
    with db.reading() as s:
        doc = s.get(SourceDocument, doc_id)
        assert (doc.area, doc.addressees) == ("Wessex and Isles", SENT_TO)
        lines = item_history(s, Entity.DOCUMENT, doc_id)
    details = " ".join(d for line in lines for d in line.details)
    assert "Area" in details and "Wessex and Isles" in details and "Sent to" in details


def test_an_area_too_long_is_refused_with_a_message_and_nothing_changes(db, cpic):
    doc_id = _pfd(db, cpic)
    with db.transaction() as s, pytest.raises(ValidationError, match="area can be at most 200"):
        documents.update_document(s, cpic, doc_id, area="x" * 201)
    with db.reading() as s:
        assert s.get(SourceDocument, doc_id).area == "Wessex"


def test_search_finds_a_report_by_whom_it_was_sent_to(db, cpic):
    from ol_desk.core.search import SearchIndex
    doc_id = _pfd(db, cpic)
    ix = SearchIndex(db, use_process=False)
    try:
        ix.ensure()
        hits = ix.search("department social care", kinds=["document"]).hits
        assert [(h.kind, h.id) for h in hits] == [("document", doc_id)]
    finally:
        ix.close()


def test_the_board_packs_statutory_responses_say_whom_each_report_was_sent_to(db, cpic, tmp_path):
    _pfd(db, cpic)
    path = tmp_path / "pack.xlsx"
    with db.reading() as s:
        export_register_pack(path, s, on=dt.date(2025, 4, 10), exported_by="Tester", database="test db")
    header, *rows = load_workbook(path, read_only=True)["Statutory responses"].iter_rows(values_only=True)
    assert [r[header.index("Sent to")] for r in rows] == [SENT_TO]
