"""Theme suggestions for findings: from each theme's words, and from the themes of the most similar tagged items.

Two kinds of evidence, each shown to the user in words beside the suggestion:
- **words**: the theme's words and synonyms found in the finding's title and text (standard wording of the source,
  such as Regulation 28's opening, is left out first — every coroner's report says "inquest");
- **neighbours**: the themes that the most similar items already tagged carry (the search index's more-like-this),
  each vote weighted by how close the item is.
A theme the finding already has is never suggested. Suggestions are only suggestions: nothing is written here.

    suggester = ThemeSuggester(session, index)      # loads the active themes once
    suggester.for_recommendations([12, 13])         # {12: [Suggestion(theme 4, "Mental health", …)], 13: []}
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import Recommendation, Theme
from ol_desk.core.model.recommendations import RecommendationTheme
from ol_desk.core.standard_wording import without_standard_wording

from .theme_words import MIN_SCORE, ThemeWords

MAX_SUGGESTIONS = 3
NEIGHBOURS = 10            # similar tagged items consulted
_NEIGHBOUR_FETCH = 25      # similar items fetched, of which the tagged ones vote
NEIGHBOUR_SHARE = 0.4      # a theme carried by this share of the neighbours' weight is suggested
_RELATIVE = 0.5            # a weaker theme is kept only if it scores at least half the best one
_CHUNK = 500


@dataclass(frozen=True)
class Suggestion:
    theme_id: int
    name: str
    score: float
    why: str                  # "words: restraint, Taser" / "4 of 6 similar tagged items" / both

    def __str__(self) -> str:
        return f"{self.name} ({self.why})"


@dataclass(frozen=True)
class _Theme:
    id: int
    name: str
    words: ThemeWords


def finding_text(title: str | None, text: str | None) -> str:
    """What a finding says, without the standard wording its source kind opens with."""
    return f"{title or ''}\n{without_standard_wording(' '.join((text or '').split()))}".strip()


class ThemeSuggester:
    def __init__(self, session: Session, index=None, *, themes: Sequence[tuple[int, str, str]] | None = None):
        """`themes`: (id, name, words) to use instead of the database's active themes (a catalogue, a test)."""
        if themes is None:
            themes = [(tid, name, words) for tid, name, words in session.execute(
                select(Theme.id, Theme.name, Theme.words).where(Theme.active).order_by(Theme.name))]
        self.session, self.index = session, index
        self.themes = [_Theme(tid, name, ThemeWords(f"{name}; {words}")) for tid, name, words in themes]
        self._names = {t.id: t.name for t in self.themes}

    def by_words(self, text: str, have: Iterable[int] = ()) -> list[Suggestion]:
        have = set(have)
        found = []
        for theme in self.themes:
            if theme.id in have:
                continue
            m = theme.words.match(text)
            if m.score >= MIN_SCORE:
                found.append(Suggestion(theme.id, theme.name, m.score, "words: " + ", ".join(
                    t.rstrip("*") for t in m.terms[:4]) + ("…" if len(m.terms) > 4 else "")))
        return _best(found)

    def by_neighbours(self, text: str, have: Iterable[int] = (), exclude_ids: Iterable[int] = ()) -> list[Suggestion]:
        if self.index is None or not text.strip():
            return []
        hits = self.index.similar(text, kind="recommendation", exclude_ids=tuple(exclude_ids),
                                  limit=_NEIGHBOUR_FETCH)
        if not hits:
            return []
        tags: dict[int, set[int]] = {}
        for rec_id, theme_id in self.session.execute(
                select(RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)
                .where(RecommendationTheme.recommendation_id.in_([h.id for h in hits]))):
            tags.setdefault(rec_id, set()).add(theme_id)
        tagged = [h for h in hits if h.id in tags][:NEIGHBOURS]
        if len(tagged) < 2:
            return []
        top = max(h.score for h in tagged) or 1.0
        total, votes, voters = 0.0, dict[int, float](), dict[int, int]()
        for h in tagged:
            w = h.score / top
            total += w
            for tid in tags[h.id]:
                votes[tid] = votes.get(tid, 0.0) + w
                voters[tid] = voters.get(tid, 0) + 1
        have = set(have)
        found = [Suggestion(tid, self._names[tid], 2 * MIN_SCORE * v / total,
                            f"{voters[tid]} of {len(tagged)} similar tagged items")
                 for tid, v in votes.items()
                 if tid in self._names and tid not in have and voters[tid] >= 2 and v / total >= NEIGHBOUR_SHARE]
        return _best(found)

    def for_text(self, text: str, have: Iterable[int] = (), exclude_ids: Iterable[int] = ()) -> list[Suggestion]:
        have = set(have)
        merged: dict[int, Suggestion] = {s.theme_id: s for s in self.by_words(text, have)}
        for s in self.by_neighbours(text, have, exclude_ids):
            if s.theme_id in merged:
                w = merged[s.theme_id]
                merged[s.theme_id] = Suggestion(s.theme_id, s.name, w.score + s.score, f"{w.why}; {s.why}")
            else:
                merged[s.theme_id] = s
        return _best(list(merged.values()))

    def for_recommendations(self, ids: Iterable[int], *, neighbours: bool = True,
                            progress=None) -> dict[int, list[Suggestion]]:
        """Suggestions for each recommendation (by id), leaving out the themes it has."""
        ids = list(dict.fromkeys(ids))
        out: dict[int, list[Suggestion]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            have: dict[int, set[int]] = {i: set() for i in chunk}
            for rec_id, theme_id in self.session.execute(
                    select(RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)
                    .where(RecommendationTheme.recommendation_id.in_(chunk))):
                have[rec_id].add(theme_id)
            for rec_id, title, text in self.session.execute(
                    select(Recommendation.id, Recommendation.title, Recommendation.text)
                    .where(Recommendation.id.in_(chunk))):
                words = finding_text(title, text)
                out[rec_id] = (self.for_text(words, have[rec_id], exclude_ids=(rec_id,)) if neighbours
                               else self.by_words(words, have[rec_id]))
            if progress is not None:
                progress(min(start + _CHUNK, len(ids)), len(ids), "suggesting themes")
        return {i: out[i] for i in ids if i in out}


def _best(found: list[Suggestion]) -> list[Suggestion]:
    found.sort(key=lambda s: (-s.score, s.name))
    if not found:
        return []
    floor = found[0].score * _RELATIVE
    return [s for s in found if s.score >= floor][:MAX_SUGGESTIONS]
