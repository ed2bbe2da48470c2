"""SQL that differs between the stores, written once: SQLite's and PostgreSQL's spellings of the same thing."""
from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import expression
from sqlalchemy.sql.functions import FunctionElement


class group_concat(FunctionElement):  # noqa: N801 - reads as the SQL function it stands for
    """`group_concat(expr, separator)`: the values of a group joined into one string (NULL for no rows).

    SQLite has group_concat; PostgreSQL spells it string_agg and wants text, so the value is cast there.
    Like both, the order of the joined values is not guaranteed."""
    type = String()
    inherit_cache = True
    name = "group_concat"

    def __init__(self, expr, separator: str):
        super().__init__(expr, expression.literal(separator, String()))


@compiles(group_concat)
def _group_concat_default(element, compiler, **kw):
    expr, separator = element.clauses.clauses
    return f"group_concat({compiler.process(expr, **kw)}, {compiler.process(separator, **kw)})"


@compiles(group_concat, "postgresql")
def _group_concat_postgresql(element, compiler, **kw):
    expr, separator = element.clauses.clauses
    return f"string_agg(CAST({compiler.process(expr, **kw)} AS TEXT), {compiler.process(separator, **kw)})"


class json_int_values(FunctionElement):  # noqa: N801 - reads as the SQL it stands for
    """The integers of a JSON array parameter as rows of one column `value`: one bound parameter for any number of
    ids (binding 100,000 ids one by one overflows both stores' parameter limits).

    SQLite: json_each(?). PostgreSQL: json_array_elements_text(CAST(? AS json)), whose text values are cast."""
    inherit_cache = True
    name = "json_int_values"


@compiles(json_int_values)
def _json_int_values_default(element, compiler, **kw):
    return f"json_each({compiler.process(element.clauses, **kw)})"


@compiles(json_int_values, "postgresql")
def _json_int_values_postgresql(element, compiler, **kw):
    return f"json_array_elements_text(CAST({compiler.process(element.clauses, **kw)} AS json))"


def in_json_ids(column, ids) -> expression.ColumnElement:
    """`column IN (the ids)`, the ids sent as one JSON parameter."""
    import json

    from sqlalchemy import Integer, cast, select
    value: expression.ColumnClause[Any] = expression.column("value")
    return column.in_(select(cast(value, Integer)).select_from(json_int_values(json.dumps([int(i) for i in ids])))
                      .scalar_subquery())
