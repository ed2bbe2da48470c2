"""Cell values that are safe to hand to Excel or LibreOffice.

- Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (or that spells an error code such as
  `#N/A`) could be taken for a formula. Such text is written as a plain string cell (`t="inlineStr"`, never an `<f>`
  element) with the *quote prefix* style, so the application shows it as text and keeps it text when the cell is
  edited again.
- Characters that XML cannot carry (control characters other than tab, line feed and carriage return) are dropped
  rather than corrupting the file.
- Text longer than Excel's limit for one cell is cut, and the cut is marked visibly in the cell.
"""
from __future__ import annotations

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

from .limits import MAX_CELL_CHARS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRUNCATION_MARKER = " … [truncated by ol-desk: {total:,} characters in full; see the item in ol-desk]"


def is_formula_like(text: str) -> bool:
    """True for text a spreadsheet might read as a formula or an error value."""
    return bool(text) and (text[0] in FORMULA_STARTS or text in ERROR_CODES)


def clean_text(text: str) -> str:
    """Text that fits in one cell and contains only characters XML can carry."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        marker = TRUNCATION_MARKER.format(total=len(text))
        text = text[:MAX_CELL_CHARS - len(marker)] + marker
    return text
