"""Finding the header row: the first rows of a sheet may be a protective marking, a title, blank rows.

A row scores one point per field that one of its cells names as a whole (case, spaces, punctuation, snake_case and
plurals aside). Only short, header-like cells count: a data row whose prose happens to contain "concerns", "date"
and "area" scores nothing for it. A known name inside a longer short cell ("Target date (revised)") is a tie-break.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import value_parsing as vp
from ..workbook_reader import WorkbookRefused
from .column_mapping import canonical, header_like, match_header, match_whole


@dataclass(frozen=True)
class HeaderRow:
    number: int          # the sheet's row number (1-based)
    position: int        # index among the non-blank rows read
    cells: tuple         # the header cells as text
    score: int           # how many columns are recognised by name
    title_lines: tuple   # the text of the rows above it (for hints: hub, source kind)
    confidence: float = 1.0   # how sure the choice is (0–1)
    why: str = ""        # in words: how the row was chosen
    data_above: tuple = ()   # row numbers above the header with several cells: data, if the header is wrong

    def as_dict(self) -> dict:
        return {"row": self.number, "confidence": round(self.confidence, 2), "why": self.why}


def _score(values: tuple) -> tuple[int, float, int]:
    """(fields named by whole cells, fields named inside short cells, non-blank cells)."""
    whole: set[str] = set()
    partial: set[str] = set()
    for v in values:
        fkey = match_whole(v)
        if fkey is not None:
            whole.add(fkey)
        elif header_like(v):
            fkey, _conf = match_header(v)
            if fkey is not None:
                partial.add(fkey)
    return len(whole), len(partial - whole), sum(v is not None and vp.text(v) != "" for v in values)


def detect(rows: list[tuple[int, tuple]], wanted: set[str] | None = None) -> HeaderRow | None:
    """The row (among the first non-blank rows) naming the most known columns (at least two), the earliest on a
    tie, or — when the user names columns (`wanted`) — the first row holding all of them (compared `canonical`)."""
    scored = []
    if wanted is not None:
        wanted = {canonical(w) for w in wanted}
    for pos, (number, values) in enumerate(rows):
        texts = [vp.text(v) for v in values]
        if wanted is not None:
            have = {canonical(t) for t in texts if t}
            if wanted <= have:
                return _make(rows, pos, number, texts, len(wanted), 1.0, "holds every column named")
            continue
        strings = [v for v in values if isinstance(v, str) and v.strip()]
        if len(strings) < 2 or len(strings) < 0.5 * sum(v is not None for v in values):
            continue
        whole, partial, filled = _score(values)
        if whole + partial >= 2:
            scored.append((whole + 0.5 * partial, pos, number, texts, whole + partial, filled))
    if not scored:
        return None
    best = max(scored, key=lambda s: (s[0], -s[1]))
    points, pos, number, texts, recognised, filled = best
    runner_up = max((s[0] for s in scored if s is not best), default=0.0)
    confidence = min(1.0, recognised / max(filled, 1))
    why = f"{recognised} of its {filled} cells are known column names"
    if runner_up >= points:
        confidence = min(confidence, 0.5)
        why += "; another row names as many (the first is used)"
    elif runner_up >= 0.75 * points:
        confidence = min(confidence, 0.75)
        why += "; another row names nearly as many"
    return _make(rows, pos, number, texts, recognised, confidence, why)


def choose(rows: list[tuple[int, tuple]], header_row: int | None, overrides: dict[str, str],
           where: str) -> HeaderRow | None:
    """The row the user named (`header_row`, refused when blank or not read), else the one naming the most known
    columns — unless the columns named with --map are not all in it and another row holds them all.
    `where` names the sheet in a refusal ("book.xlsx, sheet 'Register'")."""
    if header_row is not None:
        chosen = at_row(rows, header_row)
        if chosen is None:
            last = rows[-1][0] if rows else 0
            raise WorkbookRefused(f"{where}: row {header_row} cannot be the header row: it is blank or beyond the "
                                  f"rows read for a header (rows 1–{last}).")
        return chosen
    header = detect(rows)
    if header is not None and overrides:
        have = {canonical(h) for h in header.cells if h}
        if not all(canonical(h) in have for h in overrides):
            other = detect(rows, {h.strip().lower() for h in overrides})
            if other is not None:
                return other
    return header


def at_row(rows: list[tuple[int, tuple]], number: int) -> HeaderRow | None:
    """The row the user chose as the header (None when it is blank or was not read)."""
    for pos, (n, values) in enumerate(rows):
        if n == number:
            texts = [vp.text(v) for v in values]
            whole, partial, _filled = _score(values)
            return _make(rows, pos, n, texts, whole + partial, 1.0, "chosen by you")
    return None


DATA_LIKE_CELLS = 3   # a title, marking or note row above a header has one or two cells


def _make(rows, pos, number, texts, score, confidence, why) -> HeaderRow:
    while texts and not texts[-1]:
        texts.pop()
    above = tuple(" ".join(vp.text(v) for v in r[1] if v is not None).strip() for r in rows[:pos])
    data_above = tuple(n for n, values in rows[:pos] if sum(vp.text(v) != "" for v in values) >= DATA_LIKE_CELLS)
    if data_above and why != "chosen by you":
        confidence = min(confidence, 0.6)
        why += f"; {rows_text(data_above)} above it look like data"
    return HeaderRow(number, pos, tuple(texts), score, tuple(t for t in above if t), confidence, why, data_above)


def rows_text(numbers: tuple) -> str:
    """'row 3', 'rows 2–7' or 'rows 2, 5' (for messages)."""
    if len(numbers) == 1:
        return f"row {numbers[0]}"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"rows {numbers[0]}–{numbers[-1]}"
    return "rows " + ", ".join(map(str, numbers))
