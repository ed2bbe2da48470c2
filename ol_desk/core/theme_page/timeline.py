"""A theme's timeline: findings (and the documents they came in) by year and source kind.

A finding's year is when its clock started (predicates.rec_opened_on: the document's issue date, else the day it
was recorded), the year the register's "opened between" filter selects by, so each bar segment's filter opens
exactly its findings. Counted with one GROUP BY over the theme's findings.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from ol_desk.core.model import Recommendation, RecommendationTheme, SourceDocument
from ol_desk.core.model.enums import Entity, SourceKind
from ol_desk.core.queries import predicates as p
from ol_desk.core.queries.dashboard import Slice, StackedBar
from ol_desk.core.queries.register_filter import RegisterFilter


@dataclass(frozen=True)
class Timeline:
    years: tuple[int, ...]
    kinds: tuple[SourceKind, ...]            # the kinds that have findings in the theme, in SourceKind order
    findings: tuple[StackedBar, ...]         # one bar a year; a segment per kind in `kinds`
    documents: tuple[StackedBar, ...]        # the same cells counting documents (their filter lists their ids)

    @property
    def is_empty(self) -> bool:
        return not self.years

    def cell(self, year: int, kind: SourceKind) -> tuple[Slice, Slice]:
        i, j = self.years.index(year), self.kinds.index(kind)
        return self.findings[i].segments[j], self.documents[i].segments[j]


def year_window(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def timeline(session: Session, theme_id: int, theme_name: str) -> Timeline:
    opened = p.rec_opened_on(SourceDocument.date_issued)
    year = extract("year", opened)
    in_theme = Recommendation.id.in_(select(RecommendationTheme.recommendation_id)
                                     .where(RecommendationTheme.theme_id == theme_id))
    rows = session.execute(
        select(year, SourceDocument.kind, SourceDocument.id, func.count())
        .select_from(Recommendation).join(SourceDocument, SourceDocument.id == Recommendation.document_id)
        .where(in_theme).group_by(year, SourceDocument.kind, SourceDocument.id)).all()
    findings: dict[tuple[int, SourceKind], int] = {}
    documents: dict[tuple[int, SourceKind], list[int]] = {}
    for y, kind, doc_id, n in rows:
        key = (int(y), SourceKind(kind))
        findings[key] = findings.get(key, 0) + int(n)
        documents.setdefault(key, []).append(int(doc_id))
    if not findings:
        return Timeline((), (), (), ())
    years = tuple(range(min(y for y, _k in findings), max(y for y, _k in findings) + 1))
    kinds = tuple(k for k in SourceKind if any(kk == k for _y, kk in findings))
    f_bars, d_bars = [], []
    for y in years:
        f_segs, d_segs = [], []
        for k in kinds:
            words = (f"Theme {theme_name}", k.label, f"Opened in {y}")
            f_segs.append(Slice(f"{y}:{k.value}", k.label, findings.get((y, k), 0), Entity.RECOMMENDATION,
                                RegisterFilter(theme_ids=(theme_id,), source_kinds=(k.value,),
                                               opened_between=year_window(y), labels=words)))
            ids = tuple(sorted(documents.get((y, k), ())))
            d_segs.append(Slice(f"{y}:{k.value}:documents", k.label, len(ids), Entity.DOCUMENT,
                                RegisterFilter(ids=ids, labels=(*words, "documents"))))
        f_bars.append(StackedBar(str(y), tuple(f_segs)))
        d_bars.append(StackedBar(str(y), tuple(d_segs)))
    return Timeline(years, kinds, tuple(f_bars), tuple(d_bars))
