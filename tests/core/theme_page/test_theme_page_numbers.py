"""A theme page's numbers: every figure, timeline cell and repeated-concern number counts exactly the rows its
register filter selects (so pressing it opens the register on those rows and no others), on both stores."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ol_desk.core.demo.generate import generate_demo
from ol_desk.core.errors import NotFoundError
from ol_desk.core.model import Action, Recommendation, RecommendationTheme, SourceDocument
from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import action_conditions, document_conditions, recommendation_conditions
from ol_desk.core.theme_page.page import find_theme, theme_page

ON = dt.date(2025, 6, 1)
_TABLES = {Entity.RECOMMENDATION: (Recommendation, recommendation_conditions),
           Entity.ACTION: (Action, action_conditions), Entity.DOCUMENT: (SourceDocument, document_conditions)}


def _rows(session, s) -> set[int]:
    table, conditions = _TABLES[s.entity]
    return set(session.scalars(select(table.id).where(*conditions(s.filter, ON))))


def _every_slice(page):
    yield from page.numbers
    yield from page.action_numbers
    for bars in (page.timeline.findings, page.timeline.documents):
        for bar in bars:
            yield from bar.segments
    for g in page.repeated.groups:
        yield from (g.findings, g.open, g.actions, g.delivered, g.evidenced)


@pytest.fixture
def demo(db):
    generate_demo(db, 400, seed=3, on=ON)
    return db


def test_every_number_opens_exactly_its_rows(demo):
    with demo.reading() as s:
        page = theme_page(s, "custody", on=ON)
        slices = list(_every_slice(page))
        assert page.number("all").count > 20 and page.repeated.groups, "the demo should give something to count"
        for sl in slices:
            assert len(_rows(s, sl)) == sl.count, sl.key
        # the theme's own figures agree with the theme's rows counted another way
        theme_rows = set(s.scalars(select(RecommendationTheme.recommendation_id)
                                   .where(RecommendationTheme.theme_id == page.theme.id)))
        assert page.number("all").count == len(theme_rows)
        assert page.number("open").count <= page.number("all").count
        embedded = set(s.scalars(select(Action.id).where(Action.embedded.is_(True))))
        assert _rows(s, page.number("actions_embedded")) <= embedded


def test_timeline_adds_up_to_the_theme(demo):
    with demo.reading() as s:
        page = theme_page(s, "mental-health", on=ON)
    t = page.timeline
    assert sum(bar.total for bar in t.findings) == page.number("all").count
    assert list(t.years) == sorted(t.years) and t.kinds
    assert all(len(bar.segments) == len(t.kinds) for bar in t.findings + t.documents)


def test_repeated_groups_come_from_different_documents_and_bodies_or_years(demo):
    with demo.reading() as s:
        page = theme_page(s, "custody", on=ON)
        for g in page.repeated.groups:
            docs = set(s.scalars(select(Recommendation.document_id)
                                 .where(Recommendation.id.in_(g.findings.filter.ids))))
            assert len(docs) == g.documents >= 2
            years = {m.opened.year for m in g.members if m.opened}
            assert len(g.kinds) >= 2 or len(years) >= 2 or g.bodies >= 2
            assert g.summary.startswith(f"Raised {g.size:,} times since {g.first.year} by ")
            assert [m.opened for m in g.members] == sorted(m.opened for m in g.members)  # oldest first


def test_an_unknown_theme_is_refused_with_the_known_ones(demo):
    with demo.reading() as s, pytest.raises(NotFoundError, match="no theme 'nonsense'.*custody"):
        theme_page(s, "nonsense")
    with demo.reading() as s:
        assert find_theme(s, "Custody and detention").code == "custody"   # by name too, any case
        assert find_theme(s, "CUSTODY").code == "custody"
