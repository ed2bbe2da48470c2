"""PFD registers whose concerns cell holds a numbered list: one finding per matter of concern, in order, the
standard wording kept on the report; re-import is a no-op, undo removes all, and the user may keep cells whole."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from ol_desk.cli.main import main
from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
from ol_desk.core.model import Recommendation, SourceDocument
from ol_desk.core.model.enums import FindingType
from ol_desk.core.services.history import undo_batch

from . import pfd_report_registers as registers
from .conftest import table_state

LAYOUTS = [registers.report_per_row, registers.tracker_rows]


def _concerns(db) -> dict[str, list[tuple[int, str]]]:
    with db.reading() as s:
        out: dict[str, list[tuple[int, str]]] = {}
        for doc_ref, pos, text in s.execute(
                select(SourceDocument.reference, Recommendation.position, Recommendation.text)
                .join(SourceDocument).order_by(SourceDocument.reference, Recommendation.position)):
            out.setdefault(doc_ref, []).append((pos, text))
        return out


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_numbered_concern_is_its_own_finding_in_order(db, cpic, tmp_path, layout):
    report = import_file(db, layout(tmp_path / "pfd.xlsx"), cpic)
    assert report.counts == {"new": registers.FINDINGS, "changed": 0, "unchanged": 0, "rejected": 0}
    concerns = _concerns(db)
    assert concerns["2024-0101"] == [
        (1, "Officers attending the address did not check the police national computer for warning markers."),
        (2, "The control room did not pass the call to the ambulance service for 47 minutes."),
        (3, "There is no force policy on welfare checks of people released under investigation.")]
    assert [p for p, _ in concerns["2024-0202"]] == [1, 2]
    assert concerns["2024-0202"][0][1].startswith("The detainee was held under s.136 of the Mental Health Act")
    assert concerns["2024-0404"][1] == (2, "The cell camera was not monitored for 40 minutes.")
    # numbers inside a sentence ("may be (1) obscured … and (2) unlit", "paragraph 7.") are one concern
    assert len(concerns["2024-0303"]) == 1 and "(2) unlit at night" in concerns["2024-0303"][0][1]
    with db.reading() as s:
        docs = {d.reference: d for d in s.scalars(select(SourceDocument))}
        assert len(docs) == len(registers.REPORTS)
        assert docs["2024-0101"].notes.startswith(registers.STANDARD)      # the standard wording stays on the report
        assert all(not r.text.startswith("During the course") for r in s.scalars(
            select(Recommendation).join(SourceDocument).where(SourceDocument.reference != "2024-0303")))
        assert {r.finding_type for r in s.scalars(select(Recommendation))} == {FindingType.MATTER_OF_CONCERN}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_reimport_changes_nothing_and_undo_removes_every_split_finding(db, cpic, tmp_path, layout):
    path = layout(tmp_path / "pfd.xlsx")
    first = import_file(db, path, cpic)
    after_first = table_state(db)
    again = import_file(db, path, cpic)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": registers.FINDINGS, "rejected": 0}
    assert again.nothing_changed and table_state(db) == after_first
    with db.transaction() as s:
        undo_batch(s, cpic, first.batch_id)
    assert all(not rows for table, rows in table_state(db).items() if table != "people")


def test_the_preview_says_how_cells_were_split_and_the_user_can_keep_them_whole(db, cpic, tmp_path):
    path = registers.report_per_row(tmp_path / "pfd.xlsx")
    preview = import_file(db, path, cpic, dry_run=True)
    assert any(n.startswith("Numbered concerns split: 3 cell(s) into 7 findings") for n in preview.info.notes)
    labels = [r.label for r in preview.rows]
    assert labels[:3] == ["2024-0101", "2024-0101 (2)", "2024-0101 (3)"]

    whole = import_file(db, path, cpic, ImportOptions(keep_concerns_whole=True))
    assert whole.counts["new"] == len(registers.REPORTS)
    assert not any(n.startswith("Numbered concerns split") for n in whole.info.notes)
    text = _concerns(db)["2024-0101"][0][1]
    assert text.startswith(registers.STANDARD) and "3. There is no force policy" in text


def test_cli_keep_concerns_whole(cli_db, tmp_path, capsys):
    path = str(registers.report_per_row(tmp_path / "pfd.xlsx"))
    target = cli_db()
    assert main([*target, "import", path, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would import — 8 new" in out and "Numbered concerns split: 3 cell(s) into 7 findings" in out
    assert "2024-0101 (3)" in out
    assert main([*target, "import", path, "--keep-concerns-whole", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would import — 4 new" in out and "Numbered concerns split" not in out


def test_the_coroner_area_and_sent_to_are_the_reports_area_and_addressees_not_hubs(db, cpic, tmp_path):
    report = import_file(db, registers.report_per_row(tmp_path / "pfd.xlsx"), cpic)
    assert not any("hub" in w for w in report.warnings)
    with db.reading() as s:
        doc = s.scalar(select(SourceDocument).where(SourceDocument.reference == "2024-0202"))
        assert doc.area == "Wessex" and doc.addressees == "Chief Constable of Wessex Police; NHS England"
        assert doc.issuing_body == "Sam Roe, Senior Coroner" and "Sent to" not in doc.notes
        assert all(not r.hub_links for r in s.scalars(select(Recommendation)))


def test_a_hubs_round_trip_edit_of_one_split_concern_lands_on_that_concern(db, cpic, hub_officer, tmp_path):
    from openpyxl import load_workbook

    from ol_desk.core.excel.hub_roundtrip import roundtrip
    from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
    from ol_desk.core.model import ProgressUpdate
    book = load_workbook(registers.report_per_row(tmp_path / "pfd.xlsx"))
    sheet = book.active
    sheet.cell(row=1, column=8, value="BCU")
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=8, value="North West")
    book.save(tmp_path / "pfd_nw.xlsx")
    import_file(db, tmp_path / "pfd_nw.xlsx", cpic)
    with db.reading() as s:
        second = s.scalar(select(Recommendation.id).join(SourceDocument).where(
            SourceDocument.reference == "2024-0101", Recommendation.position == 2))
        export_for_update(tmp_path / "nw.xlsx", s, hub_code="NW", db_uid=db.uid, exported_by="Learning Officer")
    wb = load_workbook(tmp_path / "nw.xlsx")
    ws = wb["Recommendations"]
    headers = {str(c.value).removesuffix(" ✎"): c.column for c in ws[1]}
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == second)
    ws.cell(row=row, column=headers["Progress update"], value="Control room call handling reviewed.")
    wb.save(tmp_path / "nw.xlsx")
    with db.transaction() as s:
        roundtrip.apply(tmp_path / "nw.xlsx", s, hub_officer)
    with db.reading() as s:
        assert s.scalars(select(ProgressUpdate.recommendation_id)).all() == [second]
    assert import_file(db, tmp_path / "pfd_nw.xlsx", cpic).nothing_changed   # the register again: still a no-op


def test_split_concerns_are_told_apart_by_their_labels_as_the_preview_listed_them(db, cpic, tmp_path):
    import_file(db, registers.report_per_row(tmp_path / "pfd.xlsx"), cpic)
    with db.reading() as s:
        recs = s.scalars(select(Recommendation).join(SourceDocument)
                         .where(SourceDocument.reference == "2024-0101").order_by(Recommendation.position))
        assert [r.label for r in recs] == ["2024-0101", "2024-0101 (2)", "2024-0101 (3)"]
