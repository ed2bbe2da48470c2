"""The register's SQL (no Qt; runs on the operation thread): ids in sort order, one page of rows, the total.

Only ids come back for the whole filtered set (one integer per row); the columns are read a page at a time.
Large id sets from the search index go to the database as one JSON parameter, not thousands of binds.
"""
from __future__ import annotations

import datetime as dt
import itertools
from array import array
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select

from ol_desk.core.dates import today
from ol_desk.core.derived_title import derived_title
from ol_desk.core.model.enums import LabelledEnum
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.store.dialect import in_json_ids

from .specs import DERIVED, RegisterSpec

INLINE_IDS = 500  # up to this many ids are bound one by one; more go as one JSON parameter


@dataclass(frozen=True)
class RegisterQuery:
    filter: RegisterFilter = RegisterFilter()
    sort_key: str = "id"
    descending: bool = False


class SearchUnavailable(Exception):
    """Free text was asked for but this build or database has no search index."""


def ids_condition(id_col, ids) -> ColumnElement[bool]:
    if len(ids) <= INLINE_IDS:
        return id_col.in_(list(ids))
    return in_json_ids(id_col, ids)


def resolve_text(spec: RegisterSpec, f: RegisterFilter, search_index) -> RegisterFilter:
    """Turn the filter's free text into ids through the search index (the same query language as search)."""
    if not f.text.strip():
        return f
    if search_index is None:
        raise SearchUnavailable("Free-text filtering needs the search index, which is not open yet (it opens just "
                                "after start-up). Press Enter again in a moment.")
    found = set(search_index.ids_matching(f.text, spec.search_kind))
    if f.ids is not None:
        found &= set(f.ids)
    return f.with_(ids=tuple(sorted(found)))


def _where(spec: RegisterSpec, f: RegisterFilter, on: dt.date) -> list:
    ids = f.ids
    conditions = spec.conditions(f.with_(ids=None), on)
    if ids is not None:
        conditions.append(ids_condition(spec.id_col, ids))
    return conditions


def _with_joins(stmt, spec: RegisterSpec, keys):
    for key in spec.joins:
        if key in keys:
            target, onclause = spec.joins[key]
            stmt = stmt.outerjoin(target, onclause)
    return stmt


def resolve(spec: RegisterSpec, q: RegisterQuery, search_index) -> RegisterQuery:
    """The query with its free text turned into ids (once; the later phases of a load reuse it)."""
    if not q.filter.text.strip():
        return q
    return RegisterQuery(resolve_text(spec, q.filter, search_index).with_(text=""), q.sort_key, q.descending)


def _ordered(spec: RegisterSpec, q: RegisterQuery, on: dt.date):
    """SELECT id … WHERE filter ORDER BY column, id — or None when the filter can match nothing."""
    f = q.filter
    if f.ids is not None and not f.ids:
        return None
    col = spec.column(q.sort_key) if q.sort_key in {c.key for c in spec.columns} else spec.column("id")
    stmt = select(spec.id_col).select_from(spec.table)
    stmt = _with_joins(stmt, spec, set(col.joins))
    conditions = _where(spec, f, on)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    # SQLite's own NULL order (first ascending, last descending) lets the column's index serve the sort;
    # ties are broken by id, which every SQLite index carries, so the order is stable.
    if col.key == "id":
        return stmt.order_by(spec.id_col.desc() if q.descending else spec.id_col)
    if q.descending:
        return stmt.order_by(col.expr.desc(), spec.id_col.desc())
    return stmt.order_by(col.expr.asc(), spec.id_col)


def fetch_ids(session, spec: RegisterSpec, q: RegisterQuery, search_index=None, on: dt.date | None = None,
              limit: int | None = None) -> array:
    """The ids the filter selects, in the sort order (all of them, or the first `limit`)."""
    stmt = _ordered(spec, resolve(spec, q, search_index), on or today())
    if stmt is None:
        return array("q")
    if limit is not None:
        stmt = stmt.limit(limit)
    # read the DBAPI rows directly: a million ids through SQLAlchemy's Row objects costs ~3x the query itself
    rows = session.connection().execute(stmt).cursor.fetchall()
    return array("q", itertools.chain.from_iterable(rows))


def count_matching(session, spec: RegisterSpec, q: RegisterQuery, search_index=None,
                   on: dt.date | None = None) -> int:
    """How many rows the filter selects (without reading them)."""
    q = resolve(spec, q, search_index)
    if q.filter.ids is not None and not q.filter.ids:
        return 0
    stmt = select(func.count()).select_from(spec.table)
    conditions = _where(spec, q.filter, on or today())
    if conditions:
        stmt = stmt.where(and_(*conditions))
    return session.scalar(stmt) or 0


def display(value, kind: str, enum_cls=None) -> str:
    """A value as the register shows it."""
    if value is None:
        return ""
    if kind == "enum":
        if isinstance(value, LabelledEnum):
            return value.label
        try:
            return enum_cls(value).label
        except (ValueError, TypeError):
            return str(value)
    if kind == "date":
        if isinstance(value, str):
            value = dt.date.fromisoformat(value[:10])
        return value.strftime("%d %b %Y")
    if kind == "percent":
        return f"{value}%"
    if kind == "bool":
        return "Yes" if value else ""
    if kind == "int":
        return str(value)
    if kind == "title" and str(value).startswith(DERIVED):
        return DERIVED + derived_title(str(value)[1:])
    return " ".join(str(value).split())


def fetch_rows(session, spec: RegisterSpec, ids, on: dt.date | None = None) -> dict[int, tuple]:
    """These rows as shown: every column's text, plus the row flag (overdue) last, by id."""
    on = on or today()
    exprs = [c.expr for c in spec.columns]
    flag = spec.flag(on) if spec.flag is not None else None
    if flag is not None:
        exprs.append(flag)
    stmt = _with_joins(select(spec.id_col, *exprs).select_from(spec.table), spec, set(spec.joins))
    stmt = stmt.where(ids_condition(spec.id_col, ids))
    out = {}
    kinds = [(c.kind, c.enum) for c in spec.columns]
    for row in session.execute(stmt):
        texts = tuple(display(v, kind, enum) for v, (kind, enum) in zip(row[1:], kinds, strict=False))
        out[row[0]] = texts + (bool(row[-1]) if flag is not None else False,)
    return out


def count_all(session, spec: RegisterSpec) -> int:
    return session.scalar(select(func.count()).select_from(spec.table)) or 0
