"""A findings cell holding a numbered list ("1. … 2. …", "(a) … (b) …", "i. … ii. …", bullets) → its introduction
and one text per item, in order. No database here.

A marker counts only where a list item can start: at the start of the cell or of a line, or after the end of a
sentence (".", ":", ";", a dash, a closing bracket or quote; a stray PDF page number between is allowed). Markers
must run in sequence from the first value (1, 2, 3 …; a, b, c …; i, ii, iii …; or one bullet character throughout),
so "paragraph 7.", "s.136", dates, "(1) obscured … and (2) the junction" inside a sentence and nested sub-lists
never split a cell. Nothing is dropped: the introduction, each marker and each item put back together are the
cell's text (whitespace aside).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx")
_ROMAN_INDEX = {r: n for n, r in enumerate(_ROMAN)}
_BULLETS = "\u2022\uf0b7\u25aa\u25cf\u25e6\u2023\u2043"   # •, the Symbol-font bullet of PDF text, ▪ ● ◦ ‣ ⁃
_LINE_BULLETS = "*\u2013-"                               # a dash or star bullets only at the start of a line

_MARK = re.compile(
    r"(?<!\S)(?:\((?P<paren>\d{1,2}|[a-z]|[ivx]{1,5})\)"
    r"|(?P<value>\d{1,2}|[a-z]|[ivx]{1,5})(?P<shape>[.)])"
    rf"|(?P<bullet>[{_BULLETS}{_LINE_BULLETS}]))(?=\s)")
_SENTENCE_END = ".:;!?)]\"'\u2013\u2014-\u201d\u2019"
_PAGE_NUMBER_AFTER_SENTENCE = re.compile(r"[.:;!?)\u201d]\s+\d{1,3}$")


@dataclass(frozen=True)
class ConcernSplit:
    intro: str                    # the words before the first item ("The MATTERS OF CONCERN are as follows: –")
    items: tuple[str, ...]        # each item's text, without its marker
    markers: tuple[str, ...]      # each item's marker as written ("1.", "(a)", "•")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    shape: str                    # "(n)", "n.", "n)", or the bullet character
    values: dict                  # kind ("number", "letter", "roman", "bullet") → its place in the sequence (0 first)


def split_concerns(text: str) -> ConcernSplit | None:
    """The cell's list items, or None when the cell holds no list of two or more items."""
    marks = [m for m in (_mark(text, found) for found in _MARK.finditer(text or "")) if m is not None]
    for i, first in enumerate(marks):
        for kind, place in first.values.items():
            if place != 0:
                continue
            run = _run(marks[i:], kind, first.shape)
            if len(run) >= 2:
                split = _cut(text, run)
                if split is not None:
                    return split
    return None


def _mark(text: str, found: re.Match) -> _Mark | None:
    before = text[:found.start()]
    line = before[before.rfind("\n") + 1:]
    at_line_start = not line.strip()
    if found["bullet"]:
        char = found["bullet"]
        if char in _LINE_BULLETS and not at_line_start:
            return None
        return _Mark(found.start(), found.end(), char, {"bullet": 0})
    if not at_line_start and not _after_sentence(before):
        return None
    token = found["paren"] or found["value"]
    shape = "(n)" if found["paren"] else "n" + found["shape"]
    values: dict[str, int] = {}
    if token.isdigit():
        values["number"] = int(token) - 1
    else:
        if len(token) == 1:
            values["letter"] = ord(token) - ord("a")
        if token in _ROMAN_INDEX:
            values["roman"] = _ROMAN_INDEX[token]
    return _Mark(found.start(), found.end(), shape, values) if values else None


def _after_sentence(before: str) -> bool:
    tail = before.rstrip()
    return not tail or tail[-1] in _SENTENCE_END or bool(_PAGE_NUMBER_AFTER_SENTENCE.search(tail))


def _run(marks: list[_Mark], kind: str, shape: str) -> list[_Mark]:
    """The marks of one list: the same kind and shape, each the next value after the last."""
    run = [marks[0]]
    for mark in marks[1:]:
        if mark.shape == shape and mark.values.get(kind) == (0 if kind == "bullet" else len(run)):
            run.append(mark)
    return run


def _cut(text: str, run: list[_Mark]) -> ConcernSplit | None:
    ends = [m.start for m in run[1:]] + [len(text)]
    items = tuple(text[m.end:end].strip() for m, end in zip(run, ends, strict=True))
    if not all(items):
        return None        # "1. 2. …" with nothing between: not a list of concerns
    return ConcernSplit(text[:run[0].start].strip(), items, tuple(text[m.start:m.end] for m in run))
