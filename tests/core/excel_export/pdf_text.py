"""Reading a PDF's text with positions for the print checks: poppler's `pdftotext -bbox-layout` (absent: skip)."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from lxml import etree

PDFTOTEXT = shutil.which("pdftotext")
_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def pages(pdf) -> list[list[Line]]:
    """Each page's text lines, with their boxes in points from the page's top left."""
    out = subprocess.run([PDFTOTEXT, "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, huge_tree=True))
    result = []
    for page in root.iter(f"{_NS}page"):
        lines = []
        for line in page.iter(f"{_NS}line"):
            words = tuple(Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                          for w in line.iter(f"{_NS}word"))
            if words:
                lines.append(Line(words, *(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))))
        result.append(lines)
    return result


def overprinted(lines: list[Line], share: float = 0.3) -> list[tuple[Word, Word]]:
    """Pairs of words on one page printed over each other: their boxes overlap across, and down by more than
    `share` of the smaller word's height (a word's box runs from the font's ascent to its descent, so the boxes of
    two lines of one paragraph touch or overlap a little; text run over the next row overlaps by far more)."""
    words = sorted((w for line in lines for w in line.words), key=lambda w: w.y0)
    tallest = max((w.height for w in words), default=0)
    clashes = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b.y0 >= a.y0 + tallest:
                break
            across = min(a.x1, b.x1) - max(a.x0, b.x0)
            down = min(a.y1, b.y1) - max(a.y0, b.y0)
            if across > 0.5 and down > share * min(a.height, b.height):
                clashes.append((a, b))
    return clashes
