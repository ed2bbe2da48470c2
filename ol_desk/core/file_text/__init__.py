"""The words inside an attached file (PDF, Word, Excel, plain text), for the search index.

    from ol_desk.core.file_text import extract
    found = extract(path, name)      # FileText(text, reason): text, or why there is none ("no text layer — scanned?")

One module per format; each reads at most `limits.MAX_CHARS` characters (and a PDF at most `limits.MAX_PDF_PAGES`
pages) so one huge file cannot stall an index rebuild. Nothing here raises: a file that cannot be read gives a
reason instead, and the indexer records it. Run it where the index is written in bulk (the search worker process),
never on a thread that serves the window: pdfminer is pure Python and holds the GIL.
"""
from __future__ import annotations

from pathlib import Path

from .limits import MAX_CHARS, FileText, tidy

__all__ = ["FileText", "MAX_CHARS", "extract", "reader_for"]

UNSUPPORTED = "not a type whose text is read (PDF, Word .docx, Excel .xlsx, text)"
MISSING = "file missing from the evidence store"


def reader_for(name: str):
    """The function that reads files called `name` (by extension), or None."""
    from . import docx, pdf, plain, xlsx
    suffix = Path(name).suffix.lower()
    return {".pdf": pdf.read, ".docx": docx.read, ".docm": docx.read, ".xlsx": xlsx.read, ".xlsm": xlsx.read,
            **dict.fromkeys(plain.SUFFIXES, plain.read)}.get(suffix)


def extract(path: Path, name: str | None = None) -> FileText:
    """The text of the file at `path` (its type told by `name`, the name it was attached under), or why not."""
    path = Path(path)
    reader = reader_for(name or path.name)
    if reader is None:
        return FileText("", UNSUPPORTED)
    if not path.is_file():
        return FileText("", MISSING)
    try:
        found = reader(path)
    except MemoryError:
        return FileText("", "too large to read")
    except Exception as exc:  # noqa: BLE001 - a damaged file must never stop the indexer; say what it was
        return FileText("", f"could not be read ({type(exc).__name__})")
    text = tidy(found.text)
    if not text and not found.reason:
        return FileText("", "no text found")
    return FileText(text, found.reason if not text else "")
