"""A PDF's text as lines in reading order, with pdfminer.six's layout analysis: each line keeps its page, its
distance from the top and its cells (text pieces far apart on one line, as the template's two-column table and a
two-column addressee block put them). Running headers and footers (the same words near the top or bottom of
several pages) and page numbers are left out, so a concern that runs over a page break reads on unbroken.

Refused, with a message and never a traceback: a file that is not a PDF, a damaged or encrypted PDF, and a PDF with
a page that holds only a picture (a scan: its words cannot be read without OCR)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ol_desk.core.errors import ValidationError

MAX_BYTES = 64 * 1024 * 1024
MAX_PAGES = 200
CELL_GAP = 18.0        # points between two pieces of one line that make them separate cells
SAME_LINE = 3.0        # points between two pieces' tops that still put them on one line
MARGIN = 0.08          # the top and bottom share of a page where running headers and footers sit (A4: 67 pt,
                       # inside a word processor's 72 pt page margin, so the first and last lines of text are not)
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\u00a0": " ", "\u00ad": ""})
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?(?:\s*-)?$", re.IGNORECASE)


class PdfRefused(ValidationError):
    """A file that cannot be read as a PFD report's text."""


@dataclass(frozen=True)
class Line:
    page: int                           # from 1
    top: float                          # points from the top of the page
    cells: tuple[tuple[float, str], ...]  # (x, text) left to right

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.cells)

    @property
    def x(self) -> float:
        return self.cells[0][0]


@dataclass(frozen=True)
class PdfText:
    lines: list[Line]
    pages: int
    running: list[Line]                 # the header, footer and page-number lines left out


def read_lines(path: Path) -> PdfText:
    path = Path(path)
    _check_file(path)
    pages = _pages(path)
    _refuse_scans(path.name, pages)
    lines = [line for page in pages for line in page.lines]
    kept = _without_running_lines(lines, pages)
    keep = {id(ln) for ln in kept}
    return PdfText(kept, len(pages), [ln for ln in lines if id(ln) not in keep])


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise PdfRefused(f"There is no file at {path}.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise PdfRefused(f"{path.name} is {size / 2**20:.0f} MB; a PFD report PDF over {MAX_BYTES // 2**20} MB is "
                         "not read.")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise PdfRefused(f"{path.name} is not a PDF (it does not start as one). Import a coroner's report as the "
                         "PDF published on the judiciary website.")


@dataclass
class _Page:
    number: int
    height: float
    lines: list[Line]
    pictures: int


def _pages(path: Path) -> list[_Page]:
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    try:
        return _read_pages(path, LAParams())
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfRefused(f"{path.name} is encrypted (password-protected), so its text cannot be read. Save an "
                         "unprotected copy (or the report as published on the judiciary website) and import that.") \
            from None
    except PdfRefused:
        raise
    except Exception as exc:   # noqa: BLE001 - pdfminer raises many kinds on a damaged file; the user gets one line
        raise PdfRefused(f"{path.name} is damaged and cannot be read as a PDF ({type(exc).__name__}).") from None


def _read_pages(path: Path, laparams) -> list[_Page]:
    from pdfminer.high_level import extract_pages
    out = []
    for number, layout in enumerate(extract_pages(str(path), laparams=laparams), start=1):
        if number > MAX_PAGES:
            raise PdfRefused(f"{path.name} has more than {MAX_PAGES} pages: that is not a PFD report.")
        pieces: list[tuple[float, float, str]] = []
        pictures = _collect(layout, layout.height, pieces)
        out.append(_Page(number, layout.height, _join_pieces(number, pieces), pictures))
    return out


def _collect(item, height: float, pieces: list, depth: int = 0) -> int:
    """Every text line under `item` as (top, x, text); returns how many pictures it holds."""
    from pdfminer.layout import LTFigure, LTImage, LTTextLine
    pictures = 0
    for child in item:
        if isinstance(child, LTTextLine):
            text = " ".join(child.get_text().translate(_LIGATURES).split())
            if text:
                pieces.append((height - child.y1, child.x0, text))
        elif isinstance(child, LTImage):
            pictures += 1
        elif depth < 8 and hasattr(child, "__iter__"):
            pictures += _collect(child, height, pieces, depth + 1)
            if isinstance(child, LTFigure) and not any(True for _ in child):
                pictures += 1
    return pictures


def _join_pieces(page: int, pieces: list[tuple[float, float, str]]) -> list[Line]:
    """Pieces whose tops are within SAME_LINE points form one line; pieces on a line further apart than CELL_GAP
    (a heading's number and its words; two addressees side by side) stay separate cells."""
    lines: list[Line] = []
    row: list[tuple[float, float, str]] = []
    for piece in sorted(pieces):
        if row and piece[0] - row[0][0] > SAME_LINE:
            lines.append(_line(page, row))
            row = []
        row.append(piece)
    if row:
        lines.append(_line(page, row))
    return lines


def _line(page: int, row: list[tuple[float, float, str]]) -> Line:
    row = sorted(row, key=lambda p: p[1])
    return Line(page, row[0][0], tuple((x, t) for _, x, t in row))


def _refuse_scans(name: str, pages: list[_Page]) -> None:
    scanned = [p.number for p in pages if not p.lines and p.pictures]
    if not scanned:
        if not any(p.lines for p in pages):
            raise PdfRefused(f"{name} has no text at all. Import the report as published on the judiciary website.")
        return
    which = ("This PDF has no text layer" if len(scanned) == len(pages) else
             f"Page{'s' if len(scanned) > 1 else ''} {', '.join(map(str, scanned))} of {len(pages)} of this PDF "
             f"{'have' if len(scanned) > 1 else 'has'} no text layer")
    raise PdfRefused(f"{which} — it looks scanned; ol-desk does not read words from pictures. Import the report as "
                     f"published on the judiciary website (its PDFs have text), or run the scan through OCR first. "
                     f"Nothing was imported from {name}.")


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _without_running_lines(lines: list[Line], pages: list[_Page]) -> list[Line]:
    """Leave out page numbers in a page's margins, and lines in the margins whose words (numbers aside) repeat on
    another page: running headers and footers ("Page 2 of 5", "REGULATION 28: REPORT TO PREVENT FUTURE DEATHS",
    "OFFICIAL")."""
    height = {p.number: p.height for p in pages}

    def in_margin(line: Line) -> bool:
        h = height[line.page]
        return line.top < h * MARGIN or line.top > h * (1 - MARGIN)
    seen = Counter(_shape(line.text) for line in {(ln.page, _shape(ln.text)): ln
                                                    for ln in lines if in_margin(ln)}.values())
    return [ln for ln in lines
            if not (in_margin(ln) and (_PAGE_NUMBER.match(ln.text) or (len(pages) > 1 and seen[_shape(ln.text)] > 1)))]
