"""Source cells in a force's own words: a body and a finding type in one cell ("HMICFRS – Cause of concern"), the
body's own name ("Independent Review Panel"); a word ol-desk does not know never loses the row: it is imported at
the sheet's kind with a warning naming the row, and the words kept in its notes."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from ol_desk.core.excel.register_import.importer import import_file
from ol_desk.core.excel.value_parsing import source_cell
from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import FindingType as F
from ol_desk.core.model.enums import SourceKind as K

from .conftest import build_workbook


@pytest.mark.parametrize("cell, kind, finding", [
    ("HMICFRS – Cause of concern", K.HMICFRS, F.CAUSE_OF_CONCERN),
    ("HMICFRS - area for improvement", K.HMICFRS, F.AREA_FOR_IMPROVEMENT),
    ("PEEL 2023 — AFI", K.HMICFRS, F.AREA_FOR_IMPROVEMENT),
    ("Area for improvement – HMICFRS", K.HMICFRS, F.AREA_FOR_IMPROVEMENT),
    ("HMICFRS cause of concern", K.HMICFRS, F.CAUSE_OF_CONCERN),
    ("Independent Review Panel", K.INDEPENDENT_REVIEW, None),
    ("Coroner (Inner London South)", K.PFD, None),
    ("IOPC – recommendation", K.IOPC, F.RECOMMENDATION),
    ("Manchester Arena Inquiry", K.PUBLIC_INQUIRY, None),
    ("Casey Review - Recommendation", K.INDEPENDENT_REVIEW, F.RECOMMENDATION),
    ("Lighthouse project", None, None),
])
def test_a_source_cell_names_the_kind_and_the_finding_type(cell, kind, finding):
    found = source_cell(cell)
    assert (found.kind, found.finding) == (kind, finding)


def test_no_good_row_is_lost_over_a_source_word(db, cpic, tmp_path):
    path = build_workbook(tmp_path / "register.xlsx", [
        ["Ref", "Source", "Recommendation", "Status"],
        ["R1", "HMICFRS – Cause of concern", "Custody officers should rouse detainees as required.", "Open"],
        ["R2", "Independent Review Panel", "Pursuits must be authorised by a trained adviser.", "Open"],
        ["R3", "Lighthouse project", "Call handlers should grade calls with THRIVE.", "Open"],
    ])
    report = import_file(db, path, cpic)
    assert report.counts["rejected"] == 0 and report.counts["new"] == 3
    assert any(w.startswith("row 4: source 'Lighthouse project' names no kind") for w in report.warnings)
    with db.reading() as s:
        got = {r.reference: (r.document.kind, r.finding_type, r.notes) for r in s.scalars(select(Recommendation))}
    assert got["R1"][:2] == (K.HMICFRS, F.CAUSE_OF_CONCERN)
    assert got["R2"][:2] == (K.INDEPENDENT_REVIEW, F.RECOMMENDATION)
    assert got["R3"][0] == K.OTHER and "Source in spreadsheet: Lighthouse project" in got["R3"][2]
