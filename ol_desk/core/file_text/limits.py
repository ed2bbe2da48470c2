"""How much of a file is read, and the value every reader returns."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Characters of text kept per file (about 30 pages of a report). Search finds words in these; the rest is not read.
# pdfminer reads ~35,000 characters a second on a shared 2-core machine (docs/benchmarks.md), so this also bounds a
# PDF's cost to ~3 s, and a file is read once: its text is kept by SHA-256 (search/file_reader.py).
MAX_CHARS = 100_000
# Pages of a PDF read: a 500-page bundle of scans (no characters to stop at) cannot stall a rebuild either.
MAX_PDF_PAGES = 50
# Bytes of a text file read; and of a Word/Excel part unpacked (a "zip bomb" is refused, not unpacked).
MAX_TEXT_BYTES = 4 * MAX_CHARS
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
# Cells of a workbook read.
MAX_CELLS = 200_000


@dataclass(frozen=True)
class FileText:
    text: str            # what was read ("" when nothing)
    reason: str = ""     # why there is no text ("" when there is)


_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Runs of spaces and blank lines squeezed, control characters dropped, cut at MAX_CHARS."""
    text = (text or "")[:MAX_CHARS * 2].replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _BLANK_LINES.sub("\n\n", _SPACES.sub(" ", text)).strip()
    return text[:MAX_CHARS]


class Collected:
    """Pieces of text up to MAX_CHARS in all; .full says when to stop reading."""

    def __init__(self, limit: int = MAX_CHARS):
        self.parts: list[str] = []
        self.size, self.limit = 0, limit

    def add(self, piece: str) -> None:
        if piece and not self.full:
            self.parts.append(piece)
            self.size += len(piece) + 1

    @property
    def full(self) -> bool:
        return self.size >= self.limit

    def text(self, sep: str = "\n") -> str:
        return sep.join(self.parts)
