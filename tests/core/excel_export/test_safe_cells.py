"""Formula-like text stays text, over-long text is cut visibly, and characters XML cannot carry never corrupt a file:
checked in the sheet XML that Excel and LibreOffice read, not only through openpyxl."""
from __future__ import annotations

from openpyxl import Workbook, load_workbook

from ol_desk.core.excel.board_pack.pack_styles import Column, SheetWriter
from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.excel.limits import MAX_CELL_CHARS
from ol_desk.core.excel.safe_cells import clean_text, is_formula_like

from .conftest import FORMULA_TEXT
from .xlsx_xml import cells_with_text, has_formula, sheet_xml

DANGEROUS = ["=1+2", "+44 20 7230 1212", "-2 officers short", "@SUM(A1:A3)", "\tcmd|' /C calc'!A0",
             "\r=HYPERLINK(\"x\")", "#N/A"]


def test_formula_like_words():
    assert all(is_formula_like(t) for t in DANGEROUS)
    assert not any(is_formula_like(t) for t in ("", "Plain words", "2026-0241", "R-1 = ok"))


def test_clean_text_cuts_with_a_marker_and_drops_control_characters():
    cut = clean_text("x" * 40_000)
    assert len(cut) == MAX_CELL_CHARS
    assert "truncated by ol-desk: 40,000 characters" in cut
    assert clean_text("bell\x07 and\x00 nul") == "bell and nul"
    assert clean_text("tab\tand\nnew line") == "tab\tand\nnew line"


def test_each_dangerous_value_is_an_inline_string_without_a_formula(tmp_path):
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, "Cells", [Column("Text", 30), Column("Wrapped", 30, "wrap"),
                                      Column("Editable", 30, editable=True)])
    for text in DANGEROUS:
        sheet.append([text, text, text])
    sheet.finish()
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    root = sheet_xml(path, "Cells")
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    data = [c for c in root.iter(f"{ns}c") if int("".join(ch for ch in c.get("r") if ch.isdigit())) > 1]
    assert len(data) == 3 * len(DANGEROUS)
    for c in data:
        assert c.get("t") == "inlineStr", c.get("r")
        assert not has_formula(c)
    back = load_workbook(path)["Cells"]
    assert [back.cell(row=i + 2, column=1).value for i in range(len(DANGEROUS))] == DANGEROUS
    assert all(back.cell(row=i + 2, column=2).quotePrefix for i in range(len(DANGEROUS)))


def test_register_pack_keeps_formula_text_as_text(db, register, on, tmp_path):
    path = tmp_path / "pack.xlsx"
    with db.reading() as s:
        export_register_pack(path, s, on=on)
    for needle in ("HYPERLINK", "-2 officers short", "@SUM(1+1)"):
        sheet = "Actions" if needle.startswith("@") else "Recommendations"
        found = cells_with_text(path, sheet, needle)
        assert found, needle
        for cell in found:
            assert cell.get("t") in ("inlineStr", "s") and not has_formula(cell)
    text = load_workbook(path, read_only=True)["Recommendations"]
    values = [row for row in text.iter_rows(min_row=2, values_only=True)]
    by_id = {row[0]: row for row in values}
    assert by_id[register.formula_rec][8] == FORMULA_TEXT
    # 40,000 characters print in no row: the cell shows what fits and says where the rest is; the Full text sheet
    # holds all of it in parts (so no cell comes near Excel's 32,767 limit and nothing is cut), without the bell.
    long_text = by_id[register.long_rec][8]
    assert len(long_text) < MAX_CELL_CHARS and long_text.startswith("Long text. Long text.")
    assert "\x07" not in long_text and "\n… continued on Full text, row " in long_text
    parts = [r[5] for r in load_workbook(path, read_only=True)["Full text"].iter_rows(min_row=2, values_only=True)
             if r[2] == register.long_rec]
    assert all(len(p) < MAX_CELL_CHARS for p in parts)
    assert " ".join(parts).split() == ("Long text. " * 4000 + "bell").split()
