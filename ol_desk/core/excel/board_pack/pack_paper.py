"""The pack on paper: how wide a printed page is in column-width units, the print scale that keeps text at 8 pt or
more, and how many lines a text wraps to in a column (so a row is given the height its text needs and no text
runs over the next row).

Excel and LibreOffice do not size rows to wrapped text when a file opens, and they print a wrapped cell taller than
its row over the rows below (LibreOffice) or cut it off (Excel); so every row is given its height here, up to
`ROW_LINES` in a register sheet (so a page holds two rows or more). Text needing more lines is cut at a word, and
the cell says where it continues (the Full text sheet, see pack_full_text, whose rows go up to `MAX_LINES`: Excel's
limit is a 409 pt row).

Line estimates are deliberately generous: `CHARS_PER_UNIT` characters per width unit is what the widest common
substitute for Calibri (DejaVu Sans, LibreOffice's fallback without Carlito) fits, with word wrap simulated; in
Excel with Calibri a long row ends with a little white space instead of a cut-off line.
"""
from __future__ import annotations

import math
import re

BODY_POINTS = 11          # Calibri 11, the sheets' body text
MIN_PRINTED_POINTS = 8    # the least a Board member should have to read
LINE_POINTS = 15          # one line of Calibri 11 (LibreOffice with DejaVu Sans needs a little under 15)
MAX_LINES = 27            # 27 x 15 = 405 pt: Excel refuses rows taller than 409 pt (the Full text sheet's rows)
ROW_LINES = 16            # a register row: two to a printed page at most; longer text continues on Full text
CHARS_PER_UNIT = 0.85     # characters a width unit holds on a printed line (see the module docstring)
POINTS_PER_UNIT = 5.25    # a width unit is 7 pixels at 96 dpi (Calibri 11's digit width)
# A4 landscape (842 pt) less the 0.4 inch left and right margins set by setup_print.
PRINTABLE_POINTS = 842 - 2 * 0.4 * 72
MIN_SCALE = math.ceil(100 * MIN_PRINTED_POINTS / BODY_POINTS)   # 73 %: 11 pt prints at 8.03 pt

_TOKENS = re.compile(r"\n|[^ \n]+")


def printed_points(scale: int) -> float:
    return BODY_POINTS * scale / 100


def print_scale(widths) -> int:
    """The largest scale (at most 100 %) that fits the columns on one page across, but never below MIN_SCALE: a
    wider sheet prints on several pages across (its ID column repeated) rather than shrinking its text."""
    total = sum(widths) * POINTS_PER_UNIT
    return max(MIN_SCALE, min(100, int(100 * PRINTABLE_POINTS / total))) if total else 100


def per_line(width: float) -> int:
    return max(1, int(width * CHARS_PER_UNIT))


def lines_and_cut(text: str, chars: int, max_lines: int | None = None) -> tuple[int, int]:
    """(lines `text` wraps to in a line of `chars` characters, offset where line `max_lines` ends (len when all
    fit)). Words wrap whole; a word longer than a line is broken."""
    lines, col, cut = 1, 0, len(text)
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token == "\n":
            if max_lines is not None and lines == max_lines:
                return lines, m.start()
            lines, col = lines + 1, 0
            continue
        need = len(token) if col == 0 else col + 1 + len(token)
        if need <= chars:
            col = need
            continue
        if col:  # the word starts a new line
            if max_lines is not None and lines == max_lines:
                return lines, m.start()
            lines += 1
        col = len(token)
        while col > chars:  # a word longer than a line is broken
            if max_lines is not None and lines == max_lines:
                return lines, m.start() + len(token) - col + chars
            lines += 1
            col -= chars
    return lines, cut


def wrapped_lines(text: str, chars: int) -> int:
    if len(text) <= chars and "\n" not in text:
        return 1
    return lines_and_cut(text, chars)[0]


def cut_to_lines(text: str, chars: int, max_lines: int) -> tuple[str, str]:
    """`text` split into the part that fits in `max_lines` lines and the rest (stripped of the break)."""
    _lines, cut = lines_and_cut(text, chars, max_lines)
    return text[:cut].rstrip(), text[cut:].lstrip(" \n")
