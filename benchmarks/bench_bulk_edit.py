"""Bulk edit on the 200,000 / ~850,000 demo database: 1,000 selected recommendations changed in one transaction.

Runs on a copy of the shared demo database (it writes). Each scenario is one `bulk_edit` call, as the register's
"Change selected…" runs it (every row through the service the editor uses, each in its own savepoint, audited),
committed; the reference, measured in the same run on other rows, is the same service call for each row in one
transaction without the savepoints and the refusal bookkeeping. Undo is the one Ctrl+Z that reverses the owner
change. Target (issue 17): ≤ 5 s for 1,000 rows.
"""
from __future__ import annotations

from .common import Row, demo_copy, print_table, timed

ROWS = 1_000


def _rows(db, offset: int) -> list[int]:
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation
    with db.reading() as s:   # a selection spread through the table, as a filtered register gives
        every = s.scalars(select(Recommendation.id).order_by(Recommendation.id)).all()
    step = len(every) // (ROWS * 3)
    return [every[(i * 3 + offset) * step] for i in range(ROWS)]


def _bulk(db, actor, ids, edit) -> tuple[float, list[int], object]:
    from sqlalchemy import func, select

    from ol_desk.core.model import AuditEvent
    from ol_desk.core.model.enums import Entity
    from ol_desk.core.services.bulk_edit import bulk_edit
    with timed() as t, db.transaction() as s:
        first = s.scalar(select(func.max(AuditEvent.id))) or 0
        _changes, result = bulk_edit(s, actor, Entity.RECOMMENDATION, ids, edit)
        last = s.scalar(select(func.max(AuditEvent.id))) or 0
    return t(), list(range(first + 1, last + 1)), result


def _plain(db, fn) -> float:
    with timed() as t, db.transaction() as s:
        fn(s)
    return t()


def main(argv: list[str]) -> int:
    from sqlalchemy import select

    from ol_desk.core.model import Hub, Person
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services import Actor, recommendations
    from ol_desk.core.services.bulk_edit import BulkEdit
    from ol_desk.core.services.history import undo
    actor = Actor("Benchmark", Role.CPIC)
    with demo_copy("bulk") as db:
        chosen, other, third = _rows(db, 0), _rows(db, 1), _rows(db, 2)
        with db.reading() as s:
            owner = s.scalars(select(Person.id).order_by(Person.id)).first()
            hubs = s.scalars(select(Hub.id).order_by(Hub.id).limit(2)).all()
        rows = []
        owner_s, owner_events, result = _bulk(db, actor, chosen, BulkEdit("owner", owner_id=owner))
        plain = _plain(db, lambda s: [recommendations.update_recommendation(s, actor, i, owner_id=owner)
                                      for i in other])
        rows.append(Row(f"set the owner on {ROWS:,} selected ({len(result.changed):,} changed)", owner_s, "s",
                        plain, "the same service call per row, no savepoints", "≤ 5 s"))
        hubs_s, _events, result = _bulk(db, actor, third, BulkEdit("hubs", hub_ids=tuple(hubs)))
        plain = _plain(db, lambda s: [recommendations.set_hubs(s, actor, i, hubs, hubs[0]) for i in other])
        rows.append(Row(f"set hubs and lead on {ROWS:,} ({len(result.changed):,} changed)", hubs_s, "s",
                        plain, "the same service call per row, no savepoints", "≤ 5 s"))
        cmd_s, _events, result = _bulk(db, actor, third, BulkEdit("command", command="start"))
        rows.append(Row(f"'Start work' on {ROWS:,} ({len(result.changed):,} changed, {len(result.refused):,} "
                        f"refused by the lifecycle)", cmd_s, "s", owner_s, "the owner change above", "≤ 5 s"))
        with timed() as t, db.transaction() as s:
            undo(s, actor, owner_events)
        rows.append(Row(f"undo the owner change ({len(owner_events):,} events)", t(), "s", owner_s,
                        "the change itself", "≤ 5 s"))
    print_table(f"Bulk edit of {ROWS:,} rows (200,000 recommendations / ~850,000 actions)", rows)
    return 0 if all(r.value <= 5 for r in rows) else 1
