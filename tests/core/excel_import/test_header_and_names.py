"""Issue 19: a real export of coroners' reports (header on row 1, long prose cells full of column words) is read
from its real header; the header row can be chosen; --map works against it; a file that would be mostly rejected
is stopped; an unchanged re-import records nothing; placeholder references do not merge different reports."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ol_desk.core.errors import ValidationError
from ol_desk.core.excel.register_import.importer import ImportOptions, MostlyRejected, import_file
from ol_desk.core.excel.workbook_reader import WorkbookRefused
from ol_desk.core.model import ImportBatch, Recommendation, SourceDocument
from ol_desk.core.model.enums import SourceKind

from .conftest import audit_count, build_workbook, table_state
from .report_exports import HEADER, report_row, reports_export


def test_the_real_header_row_is_chosen_over_prose_full_of_column_words(db, cpic, tmp_path):
    path = reports_export(tmp_path / "pfd_export.xlsx", rows=9)
    preview = import_file(db, path, cpic, dry_run=True)
    assert preview.info.header_row == 1
    assert preview.info.header_confidence == 1.0
    assert {c.header: c.field for c in preview.info.mapping.columns} == {
        "url": "document_link", "id": "document_reference", "date": "date_issued", "coroner": "issuing_body",
        "area": "area", "receiver": "sent_to", "investigation": "investigation", "circumstances": "circumstances",
        "concerns": "text"}
    report = import_file(db, path, cpic)
    assert report.counts == {"new": 9, "changed": 0, "unchanged": 0, "rejected": 0}
    with db.reading() as s:
        docs = s.scalars(select(SourceDocument).order_by(SourceDocument.reference)).all()
        assert [d.reference for d in docs] == [f"2024-{n:04d}" for n in range(1, 10)]
        first = docs[0]
        assert first.kind == SourceKind.PFD and first.issuing_body == "Coroner Number 1"
        assert first.link.startswith("https://www.judiciary.uk/") and first.date_issued.isoformat() == "2024-03-02"
        assert first.addressees.startswith("NHS England") and first.area == "Inner North London"
        assert "Sent to:" not in first.notes and "Area:" not in first.notes   # in their own fields, not the notes
        assert "Investigation and inquest: On 1 March" in first.notes and "Circumstances of the death:" in first.notes
        rec = s.scalar(select(Recommendation).where(Recommendation.document_id == first.id))
        assert rec.text.startswith("(1) There is no protocol for case 1, and (2) the matters")   # one concern


def test_the_reported_export_of_1514_reports_imports_every_row(db, cpic, tmp_path):
    path = reports_export(tmp_path / "pfd_export.xlsx", rows=1514, refs={5: "N/A: Not found", 9: "N/A: Not found"})
    report = import_file(db, path, cpic)
    assert report.info.header_row == 1 and report.batch_id
    assert report.counts == {"new": 1514, "changed": 0, "unchanged": 0, "rejected": 0}
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SourceDocument)) == 1514
        assert s.scalar(select(func.count()).select_from(Recommendation)) == 1514


def test_the_real_pfd_reports_register_imports_one_report_a_row(db, cpic, samples):
    report = import_file(db, samples / "pfd_reports_register.xlsx", cpic)
    assert report.info.header_row == 1 and report.info.header_confidence == 1.0
    # 16 of the 40 reports list their matters of concern: 74 findings in all (checked by reading each cell)
    assert report.counts == {"new": 74, "changed": 0, "unchanged": 0, "rejected": 0} and not report.warnings
    with db.reading() as s:
        docs = s.scalars(select(SourceDocument)).all()
        assert len(docs) == 40 and all(d.kind == SourceKind.PFD and d.link.startswith("http") for d in docs)
        assert all(d.date_issued is not None and d.addressees and d.area for d in docs)
        assert s.scalar(select(func.count()).select_from(Recommendation)) == 74
    assert import_file(db, samples / "pfd_reports_register.xlsx", cpic).nothing_changed


def test_data_like_rows_above_the_header_lower_its_confidence_and_are_named(db, cpic, tmp_path):
    rows = [report_row(n) for n in range(1, 7)] + [HEADER] + [report_row(n) for n in range(7, 10)]
    path = build_workbook(tmp_path / "late_header.xlsx", rows)
    report = import_file(db, path, cpic, dry_run=True)
    assert report.info.header_row == 7 and report.info.header_confidence == 0.6
    assert "rows 1–6 above it look like data" in report.info.header_why
    assert any(n.startswith("Rows 1–6 above the header row (row 7) hold several cells and are not imported")
               for n in report.info.notes)


def test_header_row_can_be_chosen(db, cpic, tmp_path):
    rows = [["Force learning register"], ["Rec No.", "Recommendation text", "Lead"], ["A1", "Old layout", "DI Shah"],
            ["Ref", "Recommendation"], ["R1", "Row under the header the user chose"]]
    path = build_workbook(tmp_path / "two.xlsx", rows)
    auto = import_file(db, path, cpic, dry_run=True)
    assert auto.info.header_row == 2 and auto.info.header_why.startswith("3 of its 3 cells")
    chosen = import_file(db, path, cpic, ImportOptions(header_row=4, document="Register"), dry_run=True)
    assert chosen.info.header_row == 4 and chosen.info.header_why == "chosen by you"
    assert chosen.counts["new"] == 1 and chosen.rows[0].label.endswith("R1")
    with pytest.raises(WorkbookRefused, match="row 40 cannot be the header row"):
        import_file(db, path, cpic, ImportOptions(header_row=40), dry_run=True)


def test_map_works_against_the_chosen_header(db, cpic, tmp_path):
    path = reports_export(tmp_path / "pfd_export.xlsx", rows=3)
    report = import_file(db, path, cpic, ImportOptions(overrides={"concerns": "text", "receiver": "ignore"}),
                         dry_run=True)
    fields = {c.header: c.field for c in report.info.mapping.columns}
    assert fields["concerns"] == "text" and fields["receiver"] == "ignore"
    chosen = import_file(db, path, cpic, ImportOptions(header_row=1, overrides={"Concerns": "title"}), dry_run=True)
    assert {c.header: c.field for c in chosen.info.mapping.columns}["concerns"] == "title"
    with pytest.raises(ValidationError, match="no column 'worries'"):
        import_file(db, path, cpic, ImportOptions(header_row=1, overrides={"worries": "text"}), dry_run=True)


def test_map_naming_columns_of_another_row_uses_that_row(db, cpic, tmp_path):
    rows = [["Ref", "Recommendation", "Owner"], ["Our Ref", "Worries", "Who"], ["W1", "A worry", "DI Shah"]]
    path = build_workbook(tmp_path / "worries.xlsx", rows)
    report = import_file(db, path, cpic, ImportOptions(overrides={"our_ref": "reference", "WORRIES": "text"},
                                                       document="Register"), dry_run=True)
    assert report.info.header_row == 2 and report.counts["new"] == 1
    assert {c.header: c.field for c in report.info.mapping.columns}["Worries"] == "text"


def test_a_mostly_rejected_import_stops_and_can_be_overridden(db, cpic, tmp_path):
    rows = [["Ref", "Recommendation", "Target date"], ["R1", "Fine", "01/01/2025"]] + [
        [f"R{n}", f"Bad {n}", "31/02/2024"] for n in range(2, 5)]
    path = build_workbook(tmp_path / "bad_dates.xlsx", rows)
    before, events = table_state(db), audit_count(db)
    preview = import_file(db, path, cpic, dry_run=True)
    assert preview.mostly_rejected and any("would stop" in n for n in preview.info.notes)
    with pytest.raises(MostlyRejected) as refused:
        import_file(db, path, cpic)
    message = str(refused.value)
    assert "3 of 4 rows would be rejected" in message and "nothing was written" in message
    assert "row 3: target date '31/02/2024' is not a date" in message and "--accept-rejections" in message
    assert table_state(db) == before and audit_count(db) == events
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0
    report = import_file(db, path, cpic, ImportOptions(accept_rejections=True))
    assert report.counts == {"new": 1, "changed": 0, "unchanged": 0, "rejected": 3} and report.batch_id


def test_an_unchanged_reimport_records_nothing(db, cpic, tmp_path):
    path = reports_export(tmp_path / "pfd_export.xlsx", rows=4)
    first = import_file(db, path, cpic)
    assert first.batch_id and not first.nothing_changed
    before, events = table_state(db), audit_count(db)
    again = import_file(db, path, cpic)
    assert again.counts["unchanged"] == 4 and again.counts["new"] == again.counts["changed"] == 0
    assert again.batch_id is None and again.nothing_changed and "nothing changed" in again.summary()
    assert table_state(db) == before and audit_count(db) == events
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1
    # in one transaction: the dropped savepoint's events are not the chain's tail for what is written next
    from ol_desk.core.audit import verify
    from ol_desk.core.excel.register_import.importer import apply
    with db.transaction() as s:
        assert apply(path, s, cpic).nothing_changed
        assert apply(reports_export(tmp_path / "more.xlsx", rows=5), s, cpic).counts["new"] == 1
    with db.reading() as s:
        assert verify(s).ok


@pytest.mark.parametrize("placeholder", ["N/A: Not found", "N/A", "n/a", "Not found", "-", "TBC", "none"])
def test_placeholder_references_do_not_merge_reports(db, cpic, tmp_path, placeholder):
    path = reports_export(tmp_path / "p.xlsx", rows=3, refs={1: placeholder, 2: placeholder})
    report = import_file(db, path, cpic)
    assert report.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 0}
    with db.reading() as s:
        docs = s.scalars(select(SourceDocument).order_by(SourceDocument.id)).all()
        assert len(docs) == 3 and sorted(d.reference for d in docs) == ["", "", "2024-0003"]
        assert len({d.link for d in docs}) == 3
    assert import_file(db, path, cpic).nothing_changed   # identified again by their links


def test_placeholders_read_as_empty_in_any_column(db, cpic, tmp_path):
    path = build_workbook(tmp_path / "ph.xlsx", [
        ["Report", "Ref", "Recommendation", "Owner", "Target date", "Status"],
        ["Custody review", "R1", "Improve checks", "N/A", "TBC", "none"],
        ["Custody review", "N/A", "Second", "Not found", "-", "n/a"],
        ["Custody review", "N/A", "Third", "DI Shah", "N/A: Not found", "-"]])
    report = import_file(db, path, cpic)
    assert report.counts["new"] == 3 and report.counts["rejected"] == 0 and not report.warnings
    with db.reading() as s:
        recs = s.scalars(select(Recommendation).order_by(Recommendation.id)).all()
        assert [r.reference for r in recs] == ["R1", "", ""]
        assert [r.owner.name if r.owner else None for r in recs] == [None, None, "DI Shah"]
        assert all(r.current_target_date is None for r in recs)


@pytest.mark.parametrize(("header", "field"), [
    ("concerns", "text"), ("Matters of concern", "text"), ("matter_of_concern", "text"), ("CONCERN", "text"),
    ("date", "date_issued"), ("Date of report", "date_issued"), ("date_of_report", "date_issued"),
    ("receiver", "sent_to"), ("Sent to", "sent_to"), ("receivers", "sent_to"), ("sent_to", "sent_to"),
    ("circumstances", "circumstances"), ("Circumstance", "circumstances"),
    ("investigation", "investigation"), ("Investigations", "investigation"),
    ("url", "document_link"), ("Link", "document_link"), ("links", "document_link"),
    ("id", "reference"), ("IDs", "reference"), ("coroner", "issuing_body"), ("Coroners", "issuing_body"),
    ("Target_Dates", "target_date"), ("Lead Officers", "owner"), ("statuses", "status"), ("Notes", "notes"),
    ("note", "notes"), ("Action IDs", "action_reference"), ("Recommendations", "text"), ("Hubs", "hubs"),
    ("latest_updates", "latest_update"), ("% Complete", "percent_complete"), ("Rec No.", "linked_reference"),
])
def test_synonyms_singular_plural_and_snake_case(header, field):
    from ol_desk.core.excel.register_import.column_mapping import match_header
    assert match_header(header) == (field, 1.0)


def test_every_known_name_is_recognised_in_its_other_forms():
    from ol_desk.core.excel.register_import.column_mapping import FIELDS, canonical, match_header
    claimed: dict[str, str] = {}
    for f in FIELDS:
        for name in f.names:
            first = claimed.setdefault(canonical(name), f.key)   # the first field claiming a name wins
            last = name.split()[-1]
            if last.endswith(("ss", "us")):
                other = name + "es"                                  # status → statuses
            elif last.endswith("s") and len(last) > 3:
                other = name[:-1]                                    # circumstances → circumstance
            elif last.endswith("y") and len(last) > 3:
                other = name[:-1] + "ies"                            # summary → summaries
            else:
                other = name + "s" if last.isalpha() and len(last) > 2 else name
            for form in (name, name.upper(), name.replace(" ", "_"), other):
                assert match_header(form) == (first, 1.0), (form, f.key)


@pytest.mark.parametrize(("header", "field"), [
    ("Free text", "text"), ("Area lead", "owner"), ("Comments / updates", "latest_update"),
    ("Target date (revised)", "target_date"), ("Evidence link", "evidence")])
def test_known_names_inside_short_headers_still_count_as_before(header, field):
    from ol_desk.core.excel.register_import.column_mapping import match_header
    assert match_header(header)[0] == field


@pytest.mark.parametrize("cell", [
    "The date of the report, the coroner and the area are recorded.",
    "Concerns: the receiver did not reply. Status unknown.", "x" * 61])
def test_prose_is_never_a_column_name(cell):
    from ol_desk.core.excel.register_import.column_mapping import header_like, match_header
    assert not header_like(cell) and match_header(cell) == (None, 0.0)


def test_export_rows_prose_never_names_a_header(tmp_path):
    from ol_desk.core.excel.register_import.header_detection import detect
    row = report_row(1)
    assert detect([(1, tuple(row)), (2, tuple(report_row(2)))]) is None
    found = detect([(n, tuple(report_row(n))) for n in range(1, 8)] + [(8, tuple(HEADER))])
    assert found.number == 8 and found.score == 9
