"""Column recognition by name and by content, user corrections, and saved profiles reused for the same layout."""
from __future__ import annotations

import datetime as dt

import pytest

from ol_desk.core.errors import ValidationError
from ol_desk.core.excel.register_import.importer import ImportOptions, import_file, inspect_workbook
from ol_desk.core.excel.workbook_reader import WorkbookRefused
from ol_desk.core.services import import_profiles

from .conftest import build_workbook

ODD = [["Quarterly learning return"], ["no", "header", "we", "know"],
       ["R1", "Make sure every detained person is checked at the required frequency.", "WIP", "01/02/2025"],
       ["R2", "Review how vetting decisions are recorded and reviewed.", "Done", "03/04/2025"]]


def test_names_and_synonyms(db, tmp_path):
    path = build_workbook(tmp_path / "s.xlsx", [
        ["Rec Ref", "Matter of Concern", "Accountable Lead", "OCU", "Response Due", "RAG Status", "Comments"],
        ["1", "Text of the concern, long enough to be a recommendation text.", "Supt A", "Custody", None, "R", "x"]])
    with db.reading() as s:
        info = inspect_workbook(path, s)
        info.close()
    fields = {c.header: c.field for c in info.mapping.columns}
    assert fields == {"Rec Ref": "reference", "Matter of Concern": "text", "Accountable Lead": "owner",
                      "OCU": "hubs", "Response Due": "response_due", "RAG Status": "rag",
                      "Comments": "latest_update"}
    assert info.confidence == 1.0


def test_columns_recognised_by_content_when_names_say_nothing(db, tmp_path):
    rows = [["Col 1", "Col 2", "Col 3", "Col 4", "Col 5"]]
    for i in range(1, 6):
        rows.append([f"R{i}", f"The force should improve how it records risk assessments, part {i} of five.",
                     dt.datetime(2025, i, 1), "North West BCU", "In progress"])
    path = build_workbook(tmp_path / "c.xlsx", [["Something"], *rows])
    with db.reading() as s:
        with pytest.raises(WorkbookRefused, match="no header row"):
            inspect_workbook(path, s)
        info = inspect_workbook(path, s, ImportOptions(overrides={"Col 2": "text"}))
        info.close()
    by_header = {c.header: (c.field, c.how) for c in info.mapping.columns}
    assert by_header == {"Col 1": ("reference", "content"), "Col 2": ("text", "user"),
                         "Col 3": ("target_date", "content"), "Col 4": ("hubs", "content"),
                         "Col 5": ("status", "content")}
    assert info.confidence == 0.5


def test_user_mapping_saved_as_profile_and_reused_for_the_same_layout(db, cpic, tmp_path):
    path = build_workbook(tmp_path / "odd.xlsx", ODD)
    with pytest.raises(WorkbookRefused):
        import_file(db, path, cpic)
    options = ImportOptions(overrides={"no": "reference", "header": "text", "we": "status", "know": "target_date"},
                            save_profile="Odd tracker", kind="iopc")
    first = import_file(db, path, cpic, options)
    assert first.counts["new"] == 2 and first.info.kind.value == "iopc"
    with db.reading() as s:
        saved = import_profiles.by_name(s, "Odd tracker")
        assert saved.columns == {"no": "reference", "header": "text", "we": "status", "know": "target_date"}
    again = import_file(db, path, cpic)   # no options: the layout's fingerprint finds the profile
    assert again.info.profile == "Odd tracker" and again.info.kind.value == "iopc" and again.info.header_row == 2
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 2, "rejected": 0}
    build_workbook(tmp_path / "odd2.xlsx", [ODD[0], ODD[1], ODD[2], [*ODD[3][:3], "30/04/2025"]])
    edited = import_file(db, tmp_path / "odd2.xlsx", cpic, ImportOptions(profile="Odd tracker"))
    assert [r.changes for r in edited.rows] == [{"target date": ["2025-04-03", "2025-04-30"]}]


def test_bad_mapping_words_are_explained(db, cpic, tmp_path):
    path = build_workbook(tmp_path / "odd.xlsx", ODD)
    with pytest.raises(WorkbookRefused, match="columns named with --map \\('nope'\\)"):
        import_file(db, path, cpic, ImportOptions(overrides={"nope": "text"}))
    with pytest.raises(ValidationError, match="not a field"):
        import_file(db, path, cpic, ImportOptions(overrides={"header": "wording"}))
    with pytest.raises(ValidationError, match="no import profile"):
        import_file(db, path, cpic, ImportOptions(profile="missing"))
    with pytest.raises(ValidationError, match="no sheet 'Other'"):
        import_file(db, path, cpic, ImportOptions(sheet="Other"))


def test_documents_only_sheet(db, cpic, tmp_path):
    path = build_workbook(tmp_path / "docs.xlsx", [
        ["Report Ref", "Report Title", "Date Issued", "Source"],
        ["IOPC-22-1", "Investigation into a restraint", "12/03/2024", "IOPC"],
        ["2024-0077", "Regulation 28 report", "01/05/2024", "PFD"]])
    report = import_file(db, path, cpic)
    assert report.info.mode == "documents" and report.counts["new"] == 2
    build_workbook(tmp_path / "docs.xlsx", [
        ["Report Ref", "Report Title", "Date Issued", "Source"],
        ["IOPC-22-1", "Investigation into a restraint", "13/03/2024", "IOPC"],
        ["2024-0077", "Regulation 28 report", "01/05/2024", "PFD"]])
    again = import_file(db, path, cpic)
    assert again.counts == {"new": 0, "changed": 1, "unchanged": 1, "rejected": 0}
    assert again.rows[0].changes == {"report date_issued": ["2024-03-12", "2024-03-13"]}


def test_cancel_writes_nothing(db, cpic, tmp_path, monkeypatch):
    from ol_desk.core.excel.register_import import importer

    from .conftest import audit_count, table_state
    rows = [["Ref", "Recommendation"]] + [[f"R{i}", f"Recommendation number {i}"] for i in range(4100)]
    path = build_workbook(tmp_path / "big.xlsx", rows)
    before, events = table_state(db), audit_count(db)
    with pytest.raises(importer.ImportCancelled):
        import_file(db, path, cpic, cancel=lambda: True)
    assert table_state(db) == before and audit_count(db) == events


def test_a_column_of_blank_looking_cells_is_left_unmapped_not_a_crash(db, tmp_path):
    """Spaces typed into cells (common in trackers) once made content guessing raise AttributeError."""
    path = build_workbook(tmp_path / "blank.xlsx", [
        ["Ref", "Recommendation", "Misc"],
        ["R1", "Make sure every detained person is checked at the required frequency.", "  "],
        ["R2", "Review how vetting decisions are recorded and reviewed by a second officer.", " "],
        ["R3", "Publish the custody inspection action plan to the learning hub.", "\t"]])
    with db.reading() as s:
        info = inspect_workbook(path, s)
        info.close()
    fields = {c.header: c.field for c in info.mapping.columns}
    assert fields["Ref"] == "reference" and fields["Recommendation"] == "text"
    assert fields["Misc"] is None
