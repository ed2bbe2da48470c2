"""How exported sheets look and print, and a streaming writer for one write-only sheet.

`SheetWriter` sets up a write-only worksheet (column widths, a styled and frozen header row, autofilter, protective
marking in the page header and footer, landscape A4 printed at a scale that keeps text at 8 pt or more — on several
pages across if need be, with the header row and the ID column repeated on every page) and appends rows of plain
Python values, turning each into a safe, correctly formatted cell, each row as tall as its wrapped text needs
(pack_paper; text too long for a row continues on the Full text sheet when the sheet is given one). Cells that need
a style (dates, wrapped text, editable cells, formula-like text) reuse one styled cell object per column, so a
million rows cost little more than writing bare values.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from ..limits import MAX_CELL_CHARS
from ..safe_cells import clean_text, is_formula_like
from .pack_paper import (
    LINE_POINTS,
    MAX_LINES,
    POINTS_PER_UNIT,
    PRINTABLE_POINTS,
    ROW_LINES,
    cut_to_lines,
    per_line,
    print_scale,
    wrapped_lines,
)

MARKING = "OFFICIAL-SENSITIVE"
DATE_FORMAT = "dd mmm yyyy"
DATETIME_FORMAT = "dd mmm yyyy hh:mm"
COUNT_FORMAT = "#,##0"

NAVY = "1F3864"
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
EDITABLE_HEADER_FILL = PatternFill("solid", fgColor="BF8F00")
EDITABLE_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
WRAP_ALIGN = Alignment(wrap_text=True, vertical="top")
TOP_ALIGN = Alignment(vertical="top")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)

# RAG words written in the RAG column, and their colours (applied by conditional formatting).
RAG_COLOURS = {"Red": ("C00000", "FFFFFF"), "Amber": ("FFC000", "000000"), "Green": ("00B050", "FFFFFF"),
               "Complete": ("2F75B5", "FFFFFF"), "n/a": ("D9D9D9", "000000")}


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    kind: str = "text"        # text | wrap | date | datetime | count
    editable: bool = False    # round trip: unlocked, tinted, marked in the header


class _ReusedCell(Cell):
    """A styled cell object reused for one column row after row. openpyxl's write-only sheet takes a Cell in a row
    after failing to convert it (its error message formats the cell's repr), so the repr is kept cheap."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<styled cell>"


# Python type -> openpyxl data type, for values this module has already made safe (text checked and cleaned).
_DATA_TYPES = {str: "s", int: "n", float: "n", bool: "b", dt.date: "d", dt.datetime: "d"}


def _put(cell: Cell, value) -> None:
    """Set a reused cell's value without openpyxl's per-value checks (done once, by `SheetWriter.append`)."""
    data_type = _DATA_TYPES.get(value.__class__)
    if data_type is None:
        cell.value = value
    else:
        cell._value = value
        cell.data_type = data_type


def _styled(ws, *, kind: str, editable: bool, quoted: bool = False) -> Cell:
    cell = _ReusedCell(ws, column=1, row=1)
    if kind == "date":
        cell.number_format = DATE_FORMAT
    elif kind == "datetime":
        cell.number_format = DATETIME_FORMAT
    elif kind == "count":
        cell.number_format = COUNT_FORMAT
    cell.alignment = WRAP_ALIGN if kind == "wrap" else TOP_ALIGN
    if editable:
        cell.fill = EDITABLE_FILL
        cell.protection = UNLOCKED
        cell.border = BOX
    if quoted:
        cell.quotePrefix = True
    return cell


class SheetWriter:
    """One write-only sheet with a header row and data rows; call `finish()` after the last row."""

    def __init__(self, wb, title: str, columns: list[Column], *, print_title: str = "", protect: bool = False,
                 marking: str = MARKING, full_text=None, row_lines: int = ROW_LINES):
        self.ws = ws = wb.create_sheet(title)
        self.columns = columns
        self.rows = 0
        self.protect = protect
        self.full_text = full_text  # pack_full_text.FullText, or None: over-long text is then cut off in print
        self.row_lines = min(row_lines, MAX_LINES)
        for i, col in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        self.scale = print_scale(c.width for c in columns)
        setup_print(ws, print_title or title, marking, scale=self.scale)
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        if self.scale * sum(c.width for c in columns) > 100 * page_units():  # several pages across
            ws.print_title_cols = "A:A"
        # Per column: the styled cell for ordinary values (None where a bare value will do) and for quoted text.
        self._plain = [None if (c.kind == "text" and not c.editable) else _styled(ws, kind=c.kind, editable=c.editable)
                       for c in columns]
        # In a row taller than one line every cell is top-aligned, so a row reads from its top edge.
        self._plain_top = [cell or _styled(ws, kind=c.kind, editable=c.editable)
                           for cell, c in zip(self._plain, columns, strict=False)]
        self._quoted = [_styled(ws, kind=c.kind, editable=c.editable, quoted=True) for c in columns]
        self._blank = [_styled(ws, kind=c.kind, editable=True) if c.editable else None for c in columns]
        # Wrapped columns and how many characters fit on one printed line of each.
        self._wrapped = [(i, per_line(c.width)) for i, c in enumerate(columns) if c.kind == "wrap"]
        header = []
        for col in columns:
            cell = WriteOnlyCell(ws, col.header)
            cell.font = HEADER_FONT
            cell.fill = EDITABLE_HEADER_FILL if col.editable else HEADER_FILL
            cell.alignment = HEADER_ALIGN
            cell.border = BOX
            header.append(cell)
        lines = max(wrapped_lines(c.header, max(1, per_line(c.width) - 1)) for c in columns)  # bold: a little wider
        if lines > 1:  # room for a header that wraps
            ws.row_dimensions[1] = {"ht": str(min(lines, MAX_LINES) * LINE_POINTS + 2), "customHeight": "1"}
        ws.append(header)
        ws.row_dimensions.pop(1, None)

    def append(self, values) -> None:
        out = []
        lines = self._lines(values) if self._wrapped else 1
        if lines > self.row_lines and self.full_text is not None:
            values, lines = self._continue_elsewhere(list(values))
        plain = self._plain if lines == 1 else self._plain_top
        quoted, blank = self._quoted, self._blank
        for i, value in enumerate(values):
            if value is None or value == "":
                cell = blank[i]
                if cell is not None:  # an editable cell stays unlocked and tinted even when empty
                    cell.value = None
                out.append(cell)
                continue
            if value.__class__ is str:
                if len(value) > MAX_CELL_CHARS or ILLEGAL_CHARACTERS_RE.search(value):
                    value = clean_text(value)
                if is_formula_like(value):
                    cell = quoted[i]
                    cell._value = value
                    cell.data_type = "s"  # text, never a formula
                    out.append(cell)
                    continue
            cell = plain[i]
            if cell is None:
                out.append(value)
            else:
                _put(cell, value)
                out.append(cell)
        if lines > 1:
            # Spreadsheet applications do not size rows to wrapped text on opening: give the height needed.
            row = self.rows + 2
            self.ws.row_dimensions[row] = {"ht": str(min(lines, self.row_lines) * LINE_POINTS + 2),
                                           "customHeight": "1"}
            self.ws.append(out)
            del self.ws.row_dimensions[row]
        else:
            self.ws.append(out)
        self.rows += 1

    def _lines(self, values) -> int:
        most = 1
        for i, chars in self._wrapped:
            value = values[i]
            if value.__class__ is str and (len(value) > chars or "\n" in value):
                most = max(most, wrapped_lines(value, chars))
        return most

    def _continue_elsewhere(self, values: list) -> tuple[list, int]:
        """Cut each wrapped text that needs more than `row_lines` lines to what fits, ending with where the whole
        text is (the Full text sheet); returns the values and the lines the row now needs."""
        row = self.rows + 2
        for i, chars in self._wrapped:
            value = values[i]
            if value.__class__ is not str or wrapped_lines(value, chars) <= self.row_lines:
                continue
            where = self.full_text.add(self.ws.title, row, values[0], self.columns[i].header, value)
            note = f"… continued on {where}"
            head, _rest = cut_to_lines(value, chars, max(1, self.row_lines - wrapped_lines(note, chars)))
            values[i] = f"{head}\n{note}"
        return values, self._lines(values)

    @property
    def last_row(self) -> int:
        return self.rows + 1

    def column_range(self, header: str) -> str:
        letter = self.letter(header)
        return f"{letter}2:{letter}{max(self.last_row, 2)}"

    def letter(self, header: str) -> str:
        index = next(i for i, c in enumerate(self.columns, 1) if c.header == header)
        return get_column_letter(index)

    def add_rag(self, header: str = "RAG") -> None:
        add_rag_rules(self.ws, self.column_range(header))

    def finish(self) -> None:
        ws = self.ws
        last = get_column_letter(len(self.columns))
        ws.auto_filter.ref = f"A1:{last}{max(self.last_row, 1)}"
        if self.protect:
            ws.protection.sheet = True
            # Filtering, sorting and resizing stay allowed (False means "not protected" for these flags).
            ws.protection.autoFilter = False
            ws.protection.sort = False
            ws.protection.formatColumns = False
            ws.protection.formatRows = False


def add_rag_rules(ws, cell_range: str) -> None:
    for word, (fill, font) in RAG_COLOURS.items():
        ws.conditional_formatting.add(cell_range, CellIsRule(
            operator="equal", formula=[f'"{word}"'], fill=PatternFill("solid", fgColor=fill, bgColor=fill),
            font=Font(color=font, bold=True)))


def page_units() -> float:
    """The printable width of a landscape A4 page in column-width units at 100 %."""
    return PRINTABLE_POINTS / POINTS_PER_UNIT


def setup_print(ws, title: str, marking: str = MARKING, *, scale: int | None = None) -> None:
    """Landscape A4, marked at the top and bottom of every page, numbered "Page n of N". Without `scale`, fitted to
    one page wide (a narrow sheet such as the Summary); with it, printed at that scale, across then down."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    if scale is None:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.page_setup.scale = scale
        ws.page_setup.pageOrder = "overThenDown"  # a row's continuation pages follow it
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    for part in (ws.oddHeader, ws.firstHeader, ws.evenHeader):
        part.center.text = marking
        part.center.font = "Calibri,Bold"
        part.center.size = 11
        part.center.color = "C00000"
        part.left.text = title
        part.left.size = 11  # header and footer scale with the sheet: 11 pt prints at 8 pt or more
    for part in (ws.oddFooter, ws.firstFooter, ws.evenFooter):
        part.center.text = marking
        part.center.font = "Calibri,Bold"
        part.center.size = 11
        part.center.color = "C00000"
        part.left.text = "&A"
        part.left.size = 11
        part.right.text = "Page &P of &N"
        part.right.size = 11


# Excel and LibreOffice hold at most 1,048,576 rows in a sheet: the header and this many data rows.
MAX_DATA_ROWS = 1_048_575


class SheetSeries:
    """A `SheetWriter` that carries on in "Title (2)", "Title (3)"… (placed right after the first) when a sheet is
    full, so a register larger than a spreadsheet's row limit is split rather than cut or refused."""

    def __init__(self, wb, title: str, columns: list[Column], *, print_title: str = "",
                 max_rows: int = MAX_DATA_ROWS, **kw):
        self.wb, self.title, self.columns, self.max_rows, self.kw = wb, title, columns, max_rows, kw
        self.print_title = print_title or title
        self.parts = [SheetWriter(wb, title, columns, print_title=self.print_title, **kw)]

    @property
    def rows(self) -> int:
        return sum(p.rows for p in self.parts)

    def append(self, values) -> None:
        if self.parts[-1].rows >= self.max_rows:
            n = len(self.parts) + 1
            part = SheetWriter(self.wb, f"{self.title} ({n})", self.columns,
                               print_title=f"{self.print_title} (part {n})", **self.kw)
            sheets = self.wb._sheets
            sheets.insert(sheets.index(self.parts[-1].ws) + 1, sheets.pop(sheets.index(part.ws)))
            self.parts.append(part)
        self.parts[-1].append(values)

    def add_rag(self, header: str = "RAG") -> None:
        for part in self.parts:
            part.add_rag(header)

    def finish(self) -> None:
        for part in self.parts:
            part.finish()
