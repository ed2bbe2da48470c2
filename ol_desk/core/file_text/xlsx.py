"""Excel .xlsx: the text of every cell (strings, numbers, dates as written), sheet by sheet, with openpyxl in
read-only mode (streaming), at most MAX_CELLS cells."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .limits import MAX_CELLS, Collected, FileText


def read(path: Path) -> FileText:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError):
        return FileText("", "not an Excel .xlsx file (an old .xls, or damaged?)")
    collected, cells, has_cells = Collected(), 0, False
    try:
        for sheet in book.worksheets:
            collected.add(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                words = [str(v) for v in row if v is not None and str(v).strip()]
                cells += len(row)
                if words:
                    collected.add(" ".join(words))
                    has_cells = True
                if collected.full or cells >= MAX_CELLS:
                    break
            if collected.full or cells >= MAX_CELLS:
                break
    finally:
        book.close()
    return FileText(collected.text() if has_cells else "")   # sheet names alone are no text worth searching
