"""The pack opens in a real spreadsheet application: LibreOffice converts every sheet to CSV, the row counts and the
Summary agree with `ol-desk stats`, and formula-like text comes out as the text it is (not a computed result).
Skipped where LibreOffice is not installed (CI does not depend on it)."""
from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.queries.stats import compute

from .conftest import FORMULA_TEXT

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (soffice not on PATH); "
                            "apt-get install libreoffice-calc-nogui to run this check")
# Filter options: comma, double quote, UTF-8, from line 1, …, and -1 = every sheet to its own file (LO ≥ 7.2).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _convert(path, out_dir, profile, target: str) -> subprocess.CompletedProcess:
    return subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           target, "--outdir", str(out_dir), str(path)], capture_output=True, text=True,
                          timeout=180)


def _rows(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_libreoffice_reads_every_sheet_with_the_stats_counts(db, register, on, tmp_path):
    pack = tmp_path / "pack.xlsx"
    with db.reading() as s:
        export_register_pack(pack, s, on=on)
        stats = compute(s, on)
    out = tmp_path / "csv"
    result = _convert(pack, out, tmp_path / "lo-profile", CSV_FILTER)
    assert result.returncode == 0, result.stderr
    sheets = {p.stem.removeprefix("pack-"): _rows(p) for p in out.glob("pack-*.csv")}
    assert set(sheets) == {"Summary", "Recommendations", "Actions", "Overdue", "Statutory responses",
                           "For Board decision", "Full text"}
    assert len(sheets["Recommendations"]) - 1 == stats.recommendations
    assert len(sheets["Actions"]) - 1 == stats.actions
    assert len(sheets["Overdue"]) - 1 == stats.overdue + stats.actions_overdue
    assert len(sheets["For Board decision"]) - 1 == stats.awaiting_board
    assert len(sheets["Statutory responses"]) - 1 == stats.responses_overdue + stats.responses_due_within_56_days
    summary = {row[0]: row[1] for row in sheets["Summary"] if len(row) > 1 and row[1]}
    assert summary["Recommendations overdue"] == str(stats.overdue)
    assert summary["Closures awaiting the Board (evidence accepted)"] == str(stats.awaiting_board)
    assert summary["Statutory responses overdue"] == str(stats.responses_overdue)
    texts = [cell for row in sheets["Recommendations"] for cell in row]
    assert FORMULA_TEXT in texts and "Click" not in texts  # shown as typed, never evaluated
    assert "-2 officers short" in texts


def test_libreoffice_opens_and_resaves_the_pack_and_the_round_trip(db, register, on, tmp_path):
    from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
    pack, hub = tmp_path / "pack.xlsx", tmp_path / "hub.xlsx"
    with db.reading() as s:
        export_register_pack(pack, s, on=on)
        export_for_update(hub, s, hub_code="NW", db_uid=db.uid)
    out = tmp_path / "pdf"
    for path in (pack, hub):
        result = _convert(path, out, tmp_path / "lo-profile", "pdf")
        assert result.returncode == 0, result.stderr
        assert (out / f"{path.stem}.pdf").stat().st_size > 5_000


def test_round_trip_saved_by_libreoffice_reads_back(db, register, hub_officer, on, tmp_path):
    from ol_desk.core.excel.hub_roundtrip import roundtrip
    from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
    hub = tmp_path / "hub.xlsx"
    with db.reading() as s:
        export_for_update(hub, s, hub_code="NW", db_uid=db.uid)
    out = tmp_path / "resaved"
    result = _convert(hub, out, tmp_path / "lo-profile", "xlsx:Calc MS Excel 2007 XML")
    assert result.returncode == 0, result.stderr
    resaved = out / "hub.xlsx"
    assert roundtrip.is_roundtrip_workbook(resaved)
    with db.reading() as s:
        diff = roundtrip.preview(resaved, s, hub_officer)
    assert (len(diff.changes), len(diff.conflicts), len(diff.problems), diff.unchanged) == (0, 0, 0, 5)
