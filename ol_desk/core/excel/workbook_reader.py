"""Opening a workbook safely and streaming its rows (openpyxl read-only, cached values of formulas).

Before openpyxl sees a file we check what it is: an empty file, a CSV or text file renamed to .xlsx, an old binary
.xls, an encrypted (password-protected) workbook, a zip that is not a workbook, a truncated zip, a zip bomb, or XML
with a DTD (entity expansion). Each is refused with one `WorkbookRefused` message.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ol_desk.core.errors import OlDeskError

from . import limits
from .csv_reader import CSV_SUFFIXES, CsvRefused, CsvWorkbook

_CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm"}


class WorkbookRefused(OlDeskError):
    """A file the importer will not read, with the reason in words."""


def _ensure_defused() -> None:
    import openpyxl
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise WorkbookRefused("Reading workbooks needs the 'defusedxml' package (protection against hostile XML); "
                              "it is missing or disabled (OPENPYXL_DEFUSEDXML), so nothing was read.")


def check_file(path: Path) -> None:
    """Refuse anything that is not a safe, complete .xlsx/.xlsm (or a text .csv) before it is parsed."""
    try:
        _check_file(path)
    except OSError as exc:
        raise WorkbookRefused(f"{path.name} cannot be opened ({exc.strerror or exc}); is it open in another "
                              f"program, or on a drive that is not there?") from exc


def _check_file(path: Path) -> None:
    name = path.name
    if not path.is_file():
        raise WorkbookRefused(f"There is no file at {path}.")
    size = path.stat().st_size
    if size == 0:
        raise WorkbookRefused(f"{name} is empty (0 bytes): it is not a workbook.")
    if size > limits.MAX_FILE_BYTES:
        raise WorkbookRefused(f"{name} is {size / 2**20:,.0f} MB; the importer reads workbooks up to "
                              f"{limits.MAX_FILE_BYTES // 2**20} MB.")
    with path.open("rb") as fh:
        head = fh.read(8)
        if head.startswith(_CFB_SIGNATURE):
            fh.seek(0)
            body = fh.read(min(size, 8 * 2**20))
            if _ENCRYPTION_STREAM in body:
                raise WorkbookRefused(f"{name} is password-protected (encrypted). Open it in Excel, remove the "
                                      f"password (File > Info > Protect Workbook), save it and import again.")
            raise WorkbookRefused(f"{name} is an old binary Excel file (.xls). Open it in Excel and save it as "
                                  f"an .xlsx workbook, then import that.")
    if path.suffix.lower() in CSV_SUFFIXES:
        if head.startswith((_ZIP_SIGNATURE, _CFB_SIGNATURE)):
            raise WorkbookRefused(f"{name} is an Excel workbook, not CSV (whatever its name says); rename it to "
                                  f".xlsx and import that.")
        return
    if not head.startswith(_ZIP_SIGNATURE):
        if _looks_like_text(head):
            raise WorkbookRefused(f"{name} is a text or CSV file (whatever its name says). If it is CSV, rename it "
                                  f"to {path.stem}.csv and import that; otherwise save it from Excel as .xlsx.")
        raise WorkbookRefused(f"{name} is not an Excel workbook (whatever its name says). Save it from Excel as "
                              f"an .xlsx workbook and import that.")
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise WorkbookRefused(f"{name}: the importer reads .xlsx and .xlsm workbooks.")
    try:
        with zipfile.ZipFile(path) as zf:
            _check_zip(zf, name)
    except zipfile.BadZipFile:
        raise WorkbookRefused(f"{name} is damaged or incomplete (its zip structure cannot be read; was it "
                              f"truncated while copying?).") from None


def _looks_like_text(head: bytes) -> bool:
    return all(32 <= b < 127 or b in (9, 10, 13) for b in head) or head.startswith(b"\xef\xbb\xbf")


def _check_zip(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise WorkbookRefused(f"{name} is a zip file but not an Excel workbook (it has no workbook inside).")
    total = sum(i.file_size for i in infos)
    if total > limits.MAX_UNCOMPRESSED_BYTES:
        raise WorkbookRefused(f"{name} would unpack to {total / 2**20:,.0f} MB, more than the "
                              f"{limits.MAX_UNCOMPRESSED_BYTES // 2**20:,} MB the importer allows; refused before "
                              f"reading (a zip bomb, or a workbook too large to import in one go).")
    for info in infos:
        if (info.file_size > limits.MIN_BOMB_BYTES and info.compress_size
                and info.file_size / info.compress_size > limits.MAX_COMPRESSION_RATIO):
            raise WorkbookRefused(f"{name}: {info.filename} is compressed {info.file_size // info.compress_size:,}"
                                  f" to 1, which only a zip bomb does; refused before reading.")
        if info.flag_bits & 0x1:
            raise WorkbookRefused(f"{name} has encrypted parts; remove the password in Excel and save again.")
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as member:
                prolog = member.read(4096)
            if _DTD.search(prolog):
                raise WorkbookRefused(f"{name}: {info.filename} declares a DTD or XML entities, which workbooks "
                                      f"never need (it could expand without limit); refused for safety.")


def open_workbook(path: Path):
    """The workbook in openpyxl's read-only mode with formulas' cached values, after `check_file`; a .csv file
    as a one-sheet workbook (csv_reader)."""
    _ensure_defused()
    check_file(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        try:
            return CsvWorkbook(path)
        except (CsvRefused, UnicodeError) as exc:
            raise WorkbookRefused(f"{path.name} cannot be read as CSV ({exc}). Nothing was written.") from exc
    import openpyxl
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except OlDeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file to the user
        raise WorkbookRefused(f"{path.name} cannot be read as a workbook ({_reason(exc)}).") from exc


def _reason(exc: Exception) -> str:
    kind = type(exc).__name__
    if kind in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
        return "it declares XML entities, refused for safety"
    return f"{kind}: {exc}" if str(exc) else kind


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def merged_ranges(ws) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range, found by scanning the sheet's XML stream
    (read-only worksheets do not expose them)."""
    path = getattr(ws, "_worksheet_path", None)
    if path is None:
        return []
    ranges = []
    tail = b""
    with ws.parent._archive.open(path) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            data = tail + chunk
            if b"mergeCell" in data:
                for m in _MERGE.finditer(data):
                    c1, r1 = _col_index(m.group(1)), int(m.group(2))
                    c2, r2 = (_col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
                    ranges.append((r1, c1, r2, c2))
                tail = data[-200:]
            else:
                tail = data[-200:]
    return sorted(set(ranges))


@dataclass
class SheetRows:
    """The non-blank rows of a sheet as (row number, values) with merged cells filled from their top-left cell."""

    ws: Any  # an openpyxl worksheet (openpyxl ships no type information)
    skipped_blank: int = 0
    stopped_early_at: int | None = None
    merged: list = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[int, tuple]]:
        try:
            yield from self._rows()
        except OlDeskError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken sheet part is a damaged file to the user
            name = getattr(self.ws, "title", "?")
            raise WorkbookRefused(f"Sheet '{name}' is damaged and cannot be read to the end ({_reason(exc)}); "
                                  f"was the file truncated while copying? Nothing was written.") from exc

    def _rows(self) -> Iterator[tuple[int, tuple]]:
        fill = _MergeFill(self.merged)
        empty_run = 0
        max_chars = limits.MAX_CELL_CHARS
        for number, values in enumerate(self.ws.iter_rows(values_only=True), start=1):
            if fill.active:
                values = fill.apply(number, values)
            blank = True
            for v in values:
                if v is None:
                    continue
                if type(v) is str:
                    if len(v) > max_chars:
                        col = values.index(v) + 1
                        raise WorkbookRefused(f"Cell {_letters(col)}{number} holds {len(v):,} characters; an Excel "
                                              f"cell holds at most {max_chars:,}. The file was not saved by Excel "
                                              f"or is damaged.")
                    if blank and not v.strip():
                        continue
                blank = False
            if blank:
                empty_run += 1
                self.skipped_blank += 1
                if empty_run >= limits.MAX_EMPTY_RUN:
                    self.stopped_early_at = number
                    return
                continue
            empty_run = 0
            yield number, values


class _MergeFill:
    """Fills the cells under the top-left cell of a range merged down several rows (a report title merged over
    the rows of its recommendations). Ranges merged only across columns are left alone: in a data row the
    neighbouring columns mean other things."""

    def __init__(self, ranges):
        self.by_row: dict[int, list] = {}
        for r1, c1, r2, _c2 in ranges:
            if r2 > r1:
                self.by_row.setdefault(r1, []).append((c1, r2))
        self.live: list[tuple[int, int, object]] = []  # (column, last row, value)
        self.active = bool(self.by_row)

    def apply(self, number: int, values: tuple) -> tuple:
        starting = self.by_row.get(number)
        if self.live:
            self.live = [r for r in self.live if r[1] >= number]
        if not starting and not self.live:
            return values
        row = list(values)
        for c1, r2 in starting or ():
            if c1 - 1 < len(row):
                self.live.append((c1, r2, row[c1 - 1]))
        for c1, _last, value in self.live:
            if c1 - 1 < len(row) and row[c1 - 1] is None:
                row[c1 - 1] = value
        return tuple(row)


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def sheet_rows(ws) -> SheetRows:
    try:
        merged = merged_ranges(ws)
    except Exception as exc:  # noqa: BLE001 - an unreadable sheet part is a damaged file to the user
        raise WorkbookRefused(f"Sheet '{ws.title}' is damaged and cannot be read ({_reason(exc)}).") from exc
    # The stored dimension can be stale (rows beyond it would be missed) or huge (every row padded to 16,384
    # columns): read what is there instead.
    ws.reset_dimensions()
    return SheetRows(ws, merged=merged)
