"""The Board register pack: its Summary matches `ol-desk stats`, each sheet holds the rows the register filter
selects, and the workbook is marked, formatted and set up for printing as a Board paper."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from ol_desk.cli.main import main
from ol_desk.core.errors import ValidationError
from ol_desk.core.excel.board_pack.pack_filters import build_filters
from ol_desk.core.excel.board_pack.pack_paper import printed_points
from ol_desk.core.excel.board_pack.pack_summary import key_figures
from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.queries.stats import compute

from .xlsx_xml import parts, sheet_xml

# Statutory responses: the Summary counted overdue responses that no sheet listed; Full text: what is too long to
# print in a register row (issue 19, item 3).
SHEETS = ["Summary", "Recommendations", "Actions", "Overdue", "Statutory responses", "For Board decision",
          "Full text"]


def _export(db, on, path, **filters):
    with db.reading() as s:
        f = build_filters(s, **filters)
        report = export_register_pack(path, s, register=f.recommendations, action_register=f.actions, on=on,
                                      filter_words=f.words, exported_by="Tester", database="test db")
        stats = compute(s, on, register=f.recommendations, action_register=f.actions)
    return report, stats


def _summary_figures(path) -> dict[str, int]:
    ws = load_workbook(path, read_only=True)["Summary"]
    return {row[0]: row[1] for row in ws.iter_rows(values_only=True) if len(row) > 1 and isinstance(row[1], int)}


def test_summary_matches_stats_and_sheets_hold_the_register(db, register, on, tmp_path):
    path = tmp_path / "pack.xlsx"
    report, stats = _export(db, on, path)
    with db.reading() as s:
        assert compute(s, on) == stats  # no filter: the same figures `ol-desk stats` prints
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == SHEETS
    figures = _summary_figures(path)
    for label, count, _note in key_figures(stats, 30):
        assert figures[label] == count, label
    assert stats.overdue == 1 and stats.actions_overdue == 2 and stats.awaiting_board == 1
    assert stats.slipped == 1 and stats.target_date_moves == 1 and stats.responses_overdue == 1
    assert figures["Evidence accepted"] == stats.by_status["evidence_accepted"]
    assert figures["North West (NW)"] == stats.by_lead_hub["NW"]

    def rows(name):
        return list(wb[name].iter_rows(min_row=2, values_only=True))
    assert len(rows("Recommendations")) == stats.recommendations == 4
    assert len(rows("Actions")) == stats.actions == 4
    assert len(rows("Overdue")) == stats.overdue + stats.actions_overdue
    assert [r[0] for r in rows("For Board decision")] == [register.board_rec]
    recs = {r[0]: r for r in rows("Recommendations")}
    overdue = recs[register.overdue_rec]
    assert overdue[15] == "Red" and overdue[18] == 1  # RAG and one extension
    assert overdue[16] == dt.datetime(2026, 3, 1) and overdue[17] == dt.datetime(2026, 5, 1)  # real dates
    acts = {r[0]: r for r in rows("Actions")}
    answers = acts[register.nw_actions[0]][14]
    assert f"[#{register.overdue_rec}]" in answers and f"[#{register.formula_rec}]" in answers
    assert report.rows["recommendations"] == 4


def test_pack_is_formatted_marked_and_set_up_for_printing(db, register, on, tmp_path):
    path = tmp_path / "pack.xlsx"
    _export(db, on, path)
    wb = load_workbook(path)
    assert "OFFICIAL-SENSITIVE" in wb.properties.title and wb.properties.keywords == "OFFICIAL-SENSITIVE"
    assert any(p.name == "Classification" and p.value == "OFFICIAL-SENSITIVE" for p in wb.custom_doc_props)
    for name in SHEETS:
        ws = wb[name]
        assert "OFFICIAL-SENSITIVE" in ws.oddHeader.center.text and "OFFICIAL-SENSITIVE" in ws.oddFooter.center.text
        # Printed at a scale that keeps 11 pt text at 8 pt or more, not fitted to one page across (that printed the
        # 25 Recommendations columns at 4 pt); tests/core/excel_export/test_pack_print.py checks the pages.
        assert ws.page_setup.orientation == "landscape" and printed_points(int(ws.page_setup.scale)) >= 8
        assert not ws.sheet_properties.pageSetUpPr.fitToPage
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.print_title_rows == "$1:$1"
    recs = wb["Recommendations"]
    assert recs["Q2"].number_format == "dd mmm yyyy" and recs["Q2"].is_date
    assert recs["I2"].alignment.wrap_text
    rag_rules = [r for rng in recs.conditional_formatting for r in rng.rules]
    assert {r.formula[0] for r in rag_rules} >= {'"Red"', '"Amber"', '"Green"'}
    assert sum(1 for p in parts(path) if p.startswith("xl/charts/chart")) == 2
    header = sheet_xml(path, "Recommendations")
    assert header.find("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheetViews") is not None


def test_filters_select_the_same_rows_as_the_register(db, register, on, tmp_path):
    path = tmp_path / "md.xlsx"
    _report, stats = _export(db, on, path, hubs=["MD"])
    wb = load_workbook(path, read_only=True)
    recs = [r[0] for r in wb["Recommendations"].iter_rows(min_row=2, values_only=True)]
    acts = [r[1] for r in wb["Actions"].iter_rows(min_row=2, values_only=True)]
    assert recs == [register.board_rec] and acts == ["MD-001"]
    assert stats.recommendations == 1 and stats.actions == 1
    summary = [r[0] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]]
    assert any("Met Detention (MD)" in str(line) for line in summary)

    path = tmp_path / "overdue.xlsx"
    _report, stats = _export(db, on, path, overdue=True, statuses=["in_progress"])
    wb = load_workbook(path, read_only=True)
    assert [r[0] for r in wb["Recommendations"].iter_rows(min_row=2, values_only=True)] == [register.overdue_rec]
    assert stats.recommendations == 1


def test_bad_filters_and_targets_get_one_clear_message(db, register, on, tmp_path):
    with db.reading() as s:
        with pytest.raises(ValidationError, match="'finished' is not a status"):
            build_filters(s, statuses=["finished"])
        with pytest.raises(ValidationError, match="no hub with code 'ZZ'"):
            build_filters(s, hubs=["ZZ"])
        with pytest.raises(ValidationError, match="Search is not available"):
            build_filters(s, query="custody")
        with pytest.raises(ValidationError, match=r"\.xlsx"):
            export_register_pack(tmp_path / "pack.csv", s)


def test_cli_export_writes_the_pack(db, cli_db, register, on, tmp_path, capsys):
    path = tmp_path / "cli.xlsx"
    assert main([*cli_db(), "export", str(path), "--hub", "NW", "--source", "hmicfrs"]) == 0
    assert "(recommendations 2, actions 3," in capsys.readouterr().out  # NW leads one, shares one
    assert main([*cli_db(), "export", str(path), "--status", "bogus"]) == 2
    assert "'bogus' is not a status" in capsys.readouterr().err


def test_query_selects_what_the_search_finds(db, cli_db, register, on, tmp_path, capsys):
    path = tmp_path / "hits.xlsx"
    assert main([*cli_db(), "export", str(path), "--query", "rousing"]) == 0
    capsys.readouterr()
    wb = load_workbook(path, read_only=True)
    assert [r[0] for r in wb["Recommendations"].iter_rows(min_row=2, values_only=True)] == [register.overdue_rec]
    assert [r[1] for r in wb["Actions"].iter_rows(min_row=2, values_only=True)] == ["NW-001", "MD-001"]
    assert any('matching "rousing"' in str(r[0]) for r in wb["Summary"].iter_rows(values_only=True) if r)


def test_a_sheet_past_the_row_limit_carries_on_in_a_second_sheet(db, register, on, tmp_path):
    path = tmp_path / "split.xlsx"
    with db.reading() as s:
        report = export_register_pack(path, s, on=on, max_rows=3)
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == ["Summary", "Recommendations", "Recommendations (2)", "Actions", "Actions (2)",
                             "Overdue", "Statutory responses", "For Board decision", "Full text",
                             *(f"Full text ({n})" for n in range(2, 2 + (report.rows["full text"] - 1) // 3))]
    assert report.rows["full text"] > 3  # the 40,000-character finding, in parts
    ids = [r[0] for name in ("Recommendations", "Recommendations (2)")
           for r in wb[name].iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == [1, 2, 3, 4] and report.rows["recommendations"] == 4
    assert next(wb["Actions (2)"].iter_rows(max_row=1, values_only=True))[0] == "ID"  # its own header row


def test_cancelled_export_leaves_no_file(db, register, on, tmp_path):
    from ol_desk.core.excel.board_pack.register_pack import ExportCancelled
    path = tmp_path / "cancelled.xlsx"
    seen = []
    with db.reading() as s:
        with pytest.raises(ExportCancelled):
            export_register_pack(path, s, on=on, progress=lambda done, total, msg: seen.append(msg),
                                 cancel=lambda: bool(seen))
    assert not path.exists() and not list(tmp_path.glob(".*part"))


def test_summary_shows_what_ol_desk_stats_prints(db, cli_db, register, on, tmp_path, capsys):
    import json
    path = tmp_path / "pack.xlsx"
    assert main([*cli_db(), "export", str(path)]) == 0
    capsys.readouterr()
    assert main([*cli_db(), "stats", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    figures = _summary_figures(path)
    assert figures["Recommendations"] == printed["recommendations"]
    assert figures["Recommendations overdue"] == printed["overdue"]
    assert figures["Actions overdue"] == printed["actions_overdue"]
    assert figures["Slipped targets (recommendations past their first agreed date)"] == printed["slipped"]
    assert figures["Closures awaiting the Board (evidence accepted)"] == printed["awaiting_board"]
    assert figures["Statutory responses overdue"] == printed["responses_overdue"]
    assert figures["Target-date extensions recorded (recommendations)"] == printed["target_date_moves"]


def test_a_finding_without_a_title_reads_by_its_first_sentence_marked_derived(db, register, on, tmp_path):
    path = tmp_path / "pack.xlsx"
    _export(db, on, path)
    wb = load_workbook(path, read_only=True)
    recs = {r[0]: r for r in wb["Recommendations"].iter_rows(min_row=2, values_only=True)}
    assert recs[register.board_rec][7] == "Supervisors should review every use of force form within 72 hours (derived)"
    assert "derived" not in recs[register.formula_rec][7]     # a real title is shown as typed
    board = list(wb["For Board decision"].iter_rows(min_row=2, values_only=True))
    assert board[0][4].endswith("(derived)")


def test_statutory_responses_sheet_lists_every_response_the_summary_counts(db, register, on, tmp_path):
    from ol_desk.core.queries.statutory_responses import responses
    path = tmp_path / "pack.xlsx"
    report, stats = _export(db, on, path)
    wb = load_workbook(path, read_only=True)
    ws = wb["Statutory responses"]
    header, *rows = ws.iter_rows(values_only=True)
    col = {h: i for i, h in enumerate(header)}
    assert {"Kind", "Issuing body", "Issued", "Response due", "Days over"} <= set(col)
    overdue = [r for r in rows if r[col["Days over"]]]
    assert len(overdue) == stats.responses_overdue == _summary_figures(path)["Statutory responses overdue"] >= 1
    assert len(rows) - len(overdue) == stats.responses_due_within_56_days >= 1
    assert report.rows["statutory responses"] == len(rows)
    with db.reading() as s:
        listed = responses(s, on)
    assert [r[col["Doc ID"]] for r in rows] == [r.document_id for r in listed]
    for row, r in zip(rows, listed, strict=True):
        assert row[col["Response due"]] == dt.datetime.combine(r.due, dt.time())
        if r.overdue:
            assert row[col["Days over"]] == (on - r.due).days > 0
            assert row[col["Standing"]].startswith("Overdue by")
    peel = next(r for r in rows if r[col["Reference"]] == "PEEL-25")
    assert peel[col["Kind"]] == "HMICFRS inspection" and peel[col["Response due"]] == dt.datetime(2026, 6, 26)
    assert peel[col["Days over"]] is None and peel[col["Standing"]] == "Due in 25 days"


def test_statutory_responses_follow_the_register_filter(db, register, on, tmp_path):
    path = tmp_path / "md.xlsx"
    _report, stats = _export(db, on, path, hubs=["MD"])
    rows = list(load_workbook(path, read_only=True)["Statutory responses"].iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in rows] == ["PEEL-25"]  # MD's only recommendation is in PEEL-25
    assert stats.responses_overdue == 0 and stats.responses_due_within_56_days == 1
