"""The pack's Full text sheet: the whole of every text too long to print in its row.

A register row can be at most 409 pt tall (Excel's limit) and a printed cell must not run over the next row, so a
wrapped cell shows what fits in `pack_paper.ROW_LINES` lines and ends "… continued on Full text, row N". That
row (and the ones after it, "1 of 3", "2 of 3"…) holds the whole text, cut at words into parts that each fit a row
of their own, so nothing is lost — not even text longer than Excel's 32,767 characters a cell.
"""
from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .pack_paper import MAX_LINES, cut_to_lines, per_line
from .pack_styles import Column, SheetSeries

TITLE = "Full text"
TEXT_WIDTH = 130
FULL_TEXT_COLUMNS = [Column("Sheet", 18, "wrap"), Column("Row", 7, "count"), Column("ID", 8), Column("Column", 14),
                     Column("Part", 8), Column("Text", TEXT_WIDTH, "wrap")]


def parts_of(text: str, chars: int, max_lines: int = MAX_LINES) -> list[str]:
    """`text` cut at words into parts of at most `max_lines` lines of `chars` characters."""
    out, rest = [], text
    while rest:
        head, rest = cut_to_lines(rest, chars, max_lines)
        if not head:  # nothing fitted (cannot happen with chars >= 1; never loop for ever)
            head, rest = rest[:chars], rest[chars:]
        out.append(head)
    return out


class FullText:
    """Receives the long texts of the register sheets; `add` returns where the text can be read in full."""

    def __init__(self, wb, *, max_rows: int):
        self.sheet = SheetSeries(wb, TITLE, FULL_TEXT_COLUMNS, print_title="Full text of long entries",
                                 max_rows=max_rows, row_lines=MAX_LINES)

    @property
    def rows(self) -> int:
        return self.sheet.rows

    def add(self, sheet: str, row: int, item_id, header: str, text: str) -> str:
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
        parts = parts_of(text, per_line(TEXT_WIDTH))
        where = ""
        for n, part in enumerate(parts, 1):
            self.sheet.append([sheet, row, item_id, header, f"{n} of {len(parts)}", part])
            if n == 1:
                last = self.sheet.parts[-1]
                where = f"{last.ws.title}, row {last.last_row}"
        return where

    def finish(self) -> None:
        self.sheet.finish()
