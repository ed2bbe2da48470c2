"""A recommendation with a PDF that has text and a scanned one, and an index the worker process wrote."""
from __future__ import annotations

import pytest

from ol_desk.core.search import SearchIndex
from ol_desk.core.services import records
from tests.core import evidence_files as ef
from tests.core import factories as f


@pytest.fixture
def register(db, cpic, tmp_path):
    with db.transaction() as s:
        doc = f.make_document(s, cpic, reference="2025-0241", title="Regulation 28 report")
        rec = f.make_recommendation(s, cpic, doc, reference="1", text="Rousing checks must be recorded.")
        for path in (ef.text_pdf(tmp_path / "custody-audit.pdf", [["Every detainee had rousing checks at thirty "
                                                                   "minute intervals, the audit found."]]),
                     ef.image_pdf(tmp_path / "signed-scan.pdf")):
            records.add_evidence_file(s, cpic, db.evidence_dir, path, recommendation_id=rec)
    index = SearchIndex(db, use_process=True)
    index.ensure()   # as the window's index starter does: the worker process reads the files
    yield rec, index
    index.close()
