"""CSV registers (SharePoint list exports, trackers kept as text) read as a one-sheet workbook, so that they go
through the same header detection, mapping, preview, profiles and undo as an .xlsx.

The encoding is found, not asked: UTF-8 with or without a byte-order mark, else Windows-1252 (what Excel on
Windows writes for "CSV"); the separator too: comma, semicolon (European Excel) or tab, from the first lines.
Every cell arrives as text, as a typed date does in a workbook; the importer's value parsing reads dates, numbers
and percentages from text already. Empty cells are None.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from . import limits

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
_SEPARATORS = ",;\t"


class CsvRefused(Exception):
    """A text file that cannot be read as CSV (the caller turns it into a WorkbookRefused)."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 (with BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def separator(text: str) -> str:
    """The field separator, from the first lines: the candidate that splits them most evenly and most often."""
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {sep: first.count(sep) for sep in _SEPARATORS}
        best = max(counts, key=lambda sep: counts[sep])
        return best if counts[best] else ","


class CsvSheet:
    """The rows of a CSV file, shaped like a read-only openpyxl worksheet for the importer's readers."""

    def __init__(self, title: str, text: str, sep: str):
        self.title, self._text, self.separator = title, text, sep

    def reset_dimensions(self) -> None:   # a worksheet's stored size; a CSV has none
        return None

    def iter_rows(self, values_only: bool = True) -> Iterator[tuple]:
        assert values_only, "the importer reads values only"
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.separator)
        try:
            for row in reader:
                yield tuple(cell if cell.strip() else None for cell in row)
        except csv.Error as exc:
            raise CsvRefused(f"line {reader.line_num}: {exc}") from exc


class CsvWorkbook:
    """One sheet, named after the file."""

    def __init__(self, path: Path):
        data = path.read_bytes()
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise CsvRefused("it holds binary data, not text")
        text, self.encoding = decode(data)
        csv.field_size_limit(max(limits.MAX_CELL_CHARS, 131_072))
        self.sheet = CsvSheet(path.stem, text, separator(text))
        self.sheetnames = [self.sheet.title]

    def __getitem__(self, name: str) -> CsvSheet:
        if name != self.sheet.title:
            raise KeyError(name)
        return self.sheet

    def close(self) -> None:
        return None

    def describe(self) -> str:
        names = {",": "comma", ";": "semicolon", "\t": "tab"}
        return f"CSV, {self.encoding}, {names.get(self.sheet.separator, repr(self.sheet.separator))}-separated"
