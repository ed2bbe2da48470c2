"""Suggestions for a selection of findings, as the register's "Suggest themes" and `ol-desk themes suggest` show
them: each finding's suggested themes with why, and the catalogue themes the selection may need."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ol_desk.core.derived_title import derived_title
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Recommendation

from .catalogue import NewTheme, new_theme_candidates
from .suggestions import Suggestion, ThemeSuggester, finding_text

NEIGHBOUR_LIMIT = 200   # beyond this many findings, the words alone (the similar-items query costs ~0.1-0.4 s each)
MAX_FINDINGS = 20_000


@dataclass
class FindingSuggestions:
    id: int
    label: str           # "<document ref> <ref> — <title or derived title>"
    suggestions: list[Suggestion]


@dataclass
class SuggestionReport:
    findings: list[FindingSuggestions] = field(default_factory=list)
    new_themes: list[NewTheme] = field(default_factory=list)
    neighbours: bool = True   # similar tagged items were consulted
    too_many: bool = False    # ... not, because more than NEIGHBOUR_LIMIT were selected

    @property
    def suggested(self) -> int:
        return sum(1 for f in self.findings if f.suggestions)

    def summary(self) -> str:
        n = len(self.findings)
        words = f"Themes suggested for {self.suggested:,} of {n:,} finding{'s' if n != 1 else ''}"
        if self.too_many:
            words += f" (from their words only: more than {NEIGHBOUR_LIMIT:,} selected)"
        return words + "."


def suggestion_report(session: Session, index, ids: Iterable[int], *, progress=None) -> SuggestionReport:
    ids = list(dict.fromkeys(ids))
    if len(ids) > MAX_FINDINGS:
        raise ValidationError(f"{len(ids):,} findings are selected; theme suggestions take up to {MAX_FINDINGS:,} "
                              f"at once. Narrow the register with a filter first.")
    neighbours = index is not None and len(ids) <= NEIGHBOUR_LIMIT
    found = ThemeSuggester(session, index).for_recommendations(ids, neighbours=neighbours, progress=progress)
    report = SuggestionReport(neighbours=neighbours, too_many=index is not None and not neighbours)
    texts: dict[int, str] = {}
    for start in range(0, len(ids), 1000):
        recs = session.scalars(select(Recommendation).options(selectinload(Recommendation.document))
                               .where(Recommendation.id.in_(ids[start:start + 1000])))
        by_id = {r.id: r for r in recs}
        for rec_id in ids[start:start + 1000]:
            rec = by_id.get(rec_id)
            if rec is None:
                continue
            title = rec.title or derived_title(rec.text)
            report.findings.append(FindingSuggestions(rec.id, f"{rec.label} — {title}" if title else rec.label,
                                                      found.get(rec.id, [])))
            texts[rec.id] = finding_text(rec.title, rec.text)
    report.new_themes = new_theme_candidates(session, texts)
    return report
