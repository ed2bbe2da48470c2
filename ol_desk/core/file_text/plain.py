"""Plain text (.txt, .csv, .md …): decoded as the CSV importer decodes (UTF-8 with or without BOM, UTF-16,
Windows-1252), the first MAX_TEXT_BYTES only."""
from __future__ import annotations

from pathlib import Path

from ol_desk.core.excel.csv_reader import decode

from .limits import MAX_TEXT_BYTES, FileText

SUFFIXES = (".txt", ".csv", ".tsv", ".md", ".text", ".log")


def read(path: Path) -> FileText:
    with path.open("rb") as fh:
        data = fh.read(MAX_TEXT_BYTES)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileText("", "not text (binary data)")
    text, _encoding = decode(data)
    return FileText(text)
