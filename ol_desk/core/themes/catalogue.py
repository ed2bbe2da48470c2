"""Themes a register may need that the force has not made yet, suggested from the selected findings' words.

ol-desk ships a short catalogue (reference_data/theme_catalogue.json: road safety, firearms licensing, prisons, …)
of themes that real registers often need beside the 16 standard ones. A catalogue theme is offered only when no
theme of that code or name exists and the words of at least MIN_ROWS of the findings suggest it; adding it creates
an ordinary theme (with its words, editable in Hubs & people) through the reference service.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.model import Theme
from ol_desk.core.reference_data import load

from .suggestions import ThemeSuggester

MIN_ROWS = 2


@dataclass(frozen=True)
class NewTheme:
    code: str
    name: str
    words: str
    ids: tuple[int, ...] = field(default=())    # the findings it would suit

    def line(self) -> str:
        return f"{self.name} (suits {len(self.ids):,} of the findings)"


def catalogue() -> list[dict]:
    return list(load("theme_catalogue"))


def new_theme_candidates(session: Session, texts: Mapping[int, str], *, min_rows: int = MIN_ROWS) -> list[NewTheme]:
    """Catalogue themes not yet in the database that the words of `texts` ({finding id: text}) suggest, most
    suited first."""
    have_codes = {c.lower() for c in session.scalars(select(func.lower(Theme.code)))}
    have_names = {n.lower() for n in session.scalars(select(func.lower(Theme.name)))}
    offer = [t for t in catalogue() if t["code"] not in have_codes and t["name"].lower() not in have_names]
    if not offer or not texts:
        return []
    suggester = ThemeSuggester(session, themes=[(-(i + 1), t["name"], t["words"]) for i, t in enumerate(offer)])
    suits: dict[int, list[int]] = {}
    for item_id, text in texts.items():
        for s in suggester.by_words(text):
            suits.setdefault(-s.theme_id - 1, []).append(item_id)
    found = [NewTheme(offer[i]["code"], offer[i]["name"], offer[i]["words"], tuple(ids))
             for i, ids in suits.items() if len(ids) >= min_rows]
    return sorted(found, key=lambda t: (-len(t.ids), t.name))
