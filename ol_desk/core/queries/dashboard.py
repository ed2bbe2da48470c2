"""The dashboard's numbers: tiles and chart data, computed in SQL for one day.

Every number comes with the RegisterFilter that selects exactly the rows it counts, so clicking a tile or a bar
opens the register on those rows and no others (tests/core/test_dashboard_queries.py holds this to account).
Tiles and bucketed charts count with `COUNT(*) FILTER (WHERE <the filter's own conditions>)`, so the count and the
click-through are the same SQL; the grouped charts (by source kind, by hub) use GROUP BY on the same predicates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS, today
from ol_desk.core.model import Hub, Recommendation, RecommendationHub, SourceDocument
from ol_desk.core.model.enums import OPEN_REC_STATUSES, Entity, RecStatus, SourceKind

from . import predicates as p
from .register_filter import RegisterFilter, document_conditions, recommendation_conditions, within

OPEN = tuple(sorted(s.value for s in OPEN_REC_STATUSES))
# Ageing buckets: (label, from days old inclusive, to days old exclusive or None).
AGE_BUCKETS = (("Under 3 months", 0, 91), ("3–6 months", 91, 183), ("6–12 months", 183, 365),
               ("1–2 years", 365, 730), ("Over 2 years", 730, None))
CLOSURE_MONTHS = 12
RESPONSE_WEEKS = 8


@dataclass(frozen=True)
class Slice:
    """One tile, bar or bar segment: how many, and the filter on `entity` that selects exactly them."""
    key: str
    label: str
    count: int
    entity: Entity
    filter: RegisterFilter


@dataclass(frozen=True)
class StackedBar:
    label: str
    segments: tuple[Slice, ...]  # in a fixed series order (RAG colours, or source kinds)

    @property
    def total(self) -> int:
        return sum(s.count for s in self.segments)


@dataclass
class Dashboard:
    on: dt.date
    tiles: list[Slice] = field(default_factory=list)
    by_source_kind: list[Slice] = field(default_factory=list)
    by_hub: list[StackedBar] = field(default_factory=list)        # segments red, amber, green
    ageing: list[Slice] = field(default_factory=list)
    closures_by_month: list[Slice] = field(default_factory=list)
    responses_due: list[StackedBar] = field(default_factory=list)  # "Overdue", then one bar a week; by kind

    def tile(self, key: str) -> Slice:
        return next(t for t in self.tiles if t.key == key)


def _filter(*labels: str, **kw) -> RegisterFilter:
    return RegisterFilter(labels=labels, **kw)


def tile_filters(due_days: int = DEFAULT_DUE_SOON_DAYS, stale_days: int = DEFAULT_STALE_DAYS
                 ) -> list[tuple[str, str, Entity, RegisterFilter]]:
    return [
        ("open", "Open", Entity.RECOMMENDATION, _filter("Open", statuses=OPEN)),
        ("overdue", "Overdue", Entity.RECOMMENDATION, _filter("Overdue", overdue=True)),
        ("due_soon", f"Due within {due_days} days", Entity.RECOMMENDATION,
         _filter(f"Due within {due_days} days", due_within_days=due_days)),
        ("stale", f"No update for {stale_days} days", Entity.RECOMMENDATION,
         _filter(f"No update for {stale_days} days", stale_days=stale_days)),
        ("awaiting_cpic", "Awaiting CPIC acceptance", Entity.RECOMMENDATION,
         _filter("Awaiting CPIC acceptance", statuses=(RecStatus.DELIVERED.value,))),
        ("awaiting_board", "Awaiting the Board", Entity.RECOMMENDATION,
         _filter("Awaiting the Board", statuses=(RecStatus.EVIDENCE_ACCEPTED.value,))),
        ("responses_overdue", "Statutory responses overdue", Entity.DOCUMENT,
         _filter("Response overdue", overdue=True)),
    ]


def _counted(session: Session, entity: Entity, named: list[tuple[str, str, RegisterFilter]], on: dt.date
             ) -> list[Slice]:
    """Count several filters over one table in one statement, each with exactly that filter's conditions."""
    if not named:
        return []
    table, conditions = ((Recommendation, recommendation_conditions) if entity == Entity.RECOMMENDATION
                         else (SourceDocument, document_conditions))
    columns = [func.count().filter(and_(True, *conditions(f, on))) for _k, _l, f in named]
    counts = session.execute(select(*columns).select_from(table)).one()
    return [Slice(key, label, int(n or 0), entity, f) for (key, label, f), n in zip(named, counts, strict=False)]


def tiles(session: Session, on: dt.date, due_days: int = DEFAULT_DUE_SOON_DAYS,
          stale_days: int = DEFAULT_STALE_DAYS) -> list[Slice]:
    wanted = tile_filters(due_days, stale_days)
    out: dict[str, Slice] = {}
    for entity in (Entity.RECOMMENDATION, Entity.DOCUMENT):
        group = [(k, label, f) for k, label, e, f in wanted if e == entity]
        out.update({s.key: s for s in _counted(session, entity, group, on)})
    return [out[k] for k, *_ in wanted]


def _kind_by_age(session: Session, on: dt.date) -> dict[tuple[SourceKind, int], int]:
    """Open recommendations counted by (source kind, age bucket) in one pass over the register."""
    opened = p.rec_opened_on(SourceDocument.date_issued)
    bucket = case(*[(and_(True, *within(opened, age_window(on, lo, hi))), i)
                    for i, (_label, lo, hi) in enumerate(AGE_BUCKETS)], else_=-1)
    rows = session.execute(
        select(SourceDocument.kind, bucket, func.count())
        .join(Recommendation, Recommendation.document_id == SourceDocument.id)
        .where(p.rec_open()).group_by(SourceDocument.kind, bucket))
    return {(SourceKind(k), b): n for k, b, n in rows}


def by_source_kind(session: Session, on: dt.date, counts=None) -> list[Slice]:
    counts = counts if counts is not None else _kind_by_age(session, on)
    per_kind: dict[SourceKind, int] = {}
    for (kind, _bucket), n in counts.items():
        per_kind[kind] = per_kind.get(kind, 0) + n
    return [Slice(k.value, k.label, per_kind[k], Entity.RECOMMENDATION,
                  _filter("Open", k.label, statuses=OPEN, source_kinds=(k.value,)))
            for k in SourceKind if per_kind.get(k)]


def by_hub(session: Session, on: dt.date) -> list[StackedBar]:
    """Open recommendations by lead hub, split red / amber / green by predicates.rec_rag (the register pack's RAG
    rule; amber: due within the default 30 days, slipped or no date yet); busiest hubs first."""
    colours = p.RAG_COLOURS
    rows = session.execute(
        select(Hub.id, Hub.code, Hub.name,
               *[func.count().filter(p.rec_rag(c, on)) for c in colours])
        .select_from(RecommendationHub)
        .join(Hub, Hub.id == RecommendationHub.hub_id)
        .join(Recommendation, Recommendation.id == RecommendationHub.recommendation_id)
        .where(RecommendationHub.is_lead, p.rec_open())
        .group_by(Hub.id, Hub.code, Hub.name))
    bars = []
    for hub_id, code, name, *counts in rows:
        segments = tuple(Slice(f"{code}:{c}", f"{name} — {c}", int(n), Entity.RECOMMENDATION,
                               _filter(f"Lead hub {name}", c.capitalize(), hub_ids=(hub_id,), lead_hub_only=True,
                                       rag=c))
                         for c, n in zip(colours, counts, strict=False))
        bars.append(StackedBar(name, segments))
    return sorted(bars, key=lambda b: (-b.total, b.label))


def age_window(on: dt.date, lo_days: int, hi_days: int | None) -> tuple[dt.date | None, dt.date | None]:
    """The opened-on dates of items aged [lo_days, hi_days) on `on` (the youngest bucket also takes future dates)."""
    newest = None if lo_days == 0 else on - dt.timedelta(days=lo_days)
    oldest = None if hi_days is None else on - dt.timedelta(days=hi_days - 1)
    return oldest, newest


def ageing(session: Session, on: dt.date, counts=None) -> list[Slice]:
    counts = counts if counts is not None else _kind_by_age(session, on)
    out = []
    for i, (label, lo, hi) in enumerate(AGE_BUCKETS):
        n = sum(v for (_kind, b), v in counts.items() if b == i)
        out.append(Slice(f"age:{lo}", label, n, Entity.RECOMMENDATION,
                         _filter("Open", f"Open for {label.lower()}", statuses=OPEN,
                                 opened_between=age_window(on, lo, hi))))
    return out


def _month_start(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def closures_by_month(session: Session, on: dt.date, months: int = CLOSURE_MONTHS) -> list[Slice]:
    named = []
    for back in range(months - 1, -1, -1):
        first = _month_start(on, back)
        last = _month_start(on, back - 1) - dt.timedelta(days=1)
        label = first.strftime("%b %Y")
        named.append((f"closed:{first:%Y-%m}", label,
                      _filter(f"Closed in {label}", closed_between=(first, last))))
    return _counted(session, Entity.RECOMMENDATION, named, on)


def response_windows(on: dt.date, weeks: int = RESPONSE_WEEKS) -> list[tuple[str, str, RegisterFilter]]:
    out = [("overdue", "Past due", RegisterFilter(overdue=True))]
    for week in range(weeks):
        start = on + dt.timedelta(days=7 * week)
        end = start + dt.timedelta(days=6)
        out.append((f"week:{week + 1}", f"{start:%d %b}", RegisterFilter(response_due_between=(start, end))))
    return out


def responses_due(session: Session, on: dt.date, weeks: int = RESPONSE_WEEKS) -> list[StackedBar]:
    """Outstanding responses: overdue, then due in each of the next `weeks` weeks, split by source kind."""
    windows = response_windows(on, weeks)
    rows = session.execute(
        select(SourceDocument.kind,
               *[func.count().filter(and_(True, *document_conditions(f, on))) for _k, _l, f in windows])
        .where(p.response_outstanding()).group_by(SourceDocument.kind))
    by_kind = {SourceKind(kind): counts for kind, *counts in rows}
    kinds = [k for k in SourceKind if any(by_kind.get(k, ()))]
    bars = []
    for i, (key, label, f) in enumerate(windows):
        title = "Response overdue" if key == "overdue" else f"Response due in the week from {label}"
        segments = tuple(Slice(f"{key}:{k.value}", k.label, int(by_kind[k][i]), Entity.DOCUMENT,
                               f.with_(source_kinds=(k.value,), labels=(title, k.label)))
                         for k in kinds)
        bars.append(StackedBar(label, segments))
    return bars


def chart_data(session: Session, on: dt.date | None = None) -> Dashboard:
    """Everything but the tiles (the slower part; the panel shows the tiles first)."""
    on = on or today()
    kind_by_age = _kind_by_age(session, on)
    return Dashboard(on=on, by_source_kind=by_source_kind(session, on, kind_by_age), by_hub=by_hub(session, on),
                     ageing=ageing(session, on, kind_by_age), closures_by_month=closures_by_month(session, on),
                     responses_due=responses_due(session, on))


def compute(session: Session, on: dt.date | None = None, *, due_days: int = DEFAULT_DUE_SOON_DAYS,
            stale_days: int = DEFAULT_STALE_DAYS) -> Dashboard:
    on = on or today()
    data = chart_data(session, on)
    data.tiles = tiles(session, on, due_days, stale_days)
    return data
