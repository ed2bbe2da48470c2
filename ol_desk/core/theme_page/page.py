"""A theme's page, read in one go on the worker thread (or by `ol-desk theme CODE`): its numbers, timeline,
repeated concerns and the evidence of learning embedded."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import today
from ol_desk.core.errors import NotFoundError
from ol_desk.core.model import Theme
from ol_desk.core.queries.dashboard import Slice

from .embedded import EmbeddedItem, embedded_items
from .numbers import theme_numbers
from .repeated_concerns import RepeatedConcerns, repeated_concerns
from .timeline import Timeline, timeline


@dataclass(frozen=True)
class ThemeRef:
    id: int
    code: str
    name: str


@dataclass
class ThemePage:
    theme: ThemeRef
    on: dt.date
    numbers: list[Slice]            # findings: every, open, overdue, due soon, stale, awaiting CPIC/Board, closed
    action_numbers: list[Slice]     # actions: open, overdue, stale, delivered, outcome evidenced
    timeline: Timeline
    repeated: RepeatedConcerns
    embedded: list[EmbeddedItem]

    def number(self, key: str) -> Slice:
        return next(s for s in self.numbers + self.action_numbers if s.key == key)

    @property
    def is_empty(self) -> bool:
        return self.number("all").count == 0


def themes(session: Session) -> list[ThemeRef]:
    """Every theme, by name (the chooser's list)."""
    return [ThemeRef(i, c, n) for i, c, n in session.execute(select(Theme.id, Theme.code, Theme.name)
                                                             .order_by(Theme.name))]


def find_theme(session: Session, code_or_name: str) -> ThemeRef:
    wanted = (code_or_name or "").strip().lower()
    row = session.execute(select(Theme.id, Theme.code, Theme.name).where(
        or_(func.lower(Theme.code) == wanted, func.lower(Theme.name) == wanted))).first()
    if row is None:
        known = ", ".join(t.code for t in themes(session)) or "none yet"
        raise NotFoundError(f"There is no theme '{code_or_name}'. Themes: {known}.")
    return ThemeRef(*row)


def theme_page(session: Session, theme: str | int | ThemeRef, on: dt.date | None = None) -> ThemePage:
    on = on or today()
    if isinstance(theme, int):
        row = session.execute(select(Theme.id, Theme.code, Theme.name).where(Theme.id == theme)).first()
        if row is None:
            raise NotFoundError("That theme no longer exists.")
        ref = ThemeRef(*row)
    elif isinstance(theme, ThemeRef):
        ref = theme
    else:
        ref = find_theme(session, theme)
    numbers, action_numbers = theme_numbers(session, ref.id, ref.name, on)
    return ThemePage(ref, on, numbers, action_numbers, timeline(session, ref.id, ref.name),
                     repeated_concerns(session, ref.id, ref.name), embedded_items(session, ref.id))
