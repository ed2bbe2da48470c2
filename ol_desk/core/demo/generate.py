"""`generate_demo`: fill a database with a synthetic register in ONE transaction, fast.

This module and its neighbours only make the rows (deterministic for a seed and a day); they are written through
the demo seed service (services/demo_seed.py), which records the run as an import batch with the audit events an
import of the same rows would write, and asks the search index to rebuild.
"""
from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass

from sqlalchemy import select

from ol_desk.core.dates import today
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Hub, Theme
from ol_desk.core.progress import Progress
from ol_desk.core.services.actor import SYSTEM, Actor
from ol_desk.core.services.demo_seed import DemoSeed, seed_demo

from .people import make_people
from .register import HISTORY_DAYS, RegisterBuilder, Sinks, stamp

MAX_RECOMMENDATIONS = 2_000_000

_FIELDS = {
    "documents": ("id", "kind", "issuing_body", "title", "reference", "date_issued", "link",
                  "original_response_due", "response_due", "response_sent_on", "notes", "created_at", "updated_at"),
    "recommendations": ("id", "document_id", "reference", "position", "finding_type", "title", "text", "owner_id",
                        "response_position", "response_rationale", "status", "original_target_date",
                        "current_target_date", "superseded_by_id", "board_decision_on", "board_minute_ref",
                        "closed_on", "last_update_on", "notes", "created_at", "updated_at"),
    "recommendation_hubs": ("recommendation_id", "hub_id", "is_lead"),
    "recommendation_themes": ("recommendation_id", "theme_id"),
    "actions": ("id", "reference", "title", "owner_id", "hub_id", "status", "original_due_date", "current_due_date",
                "completed_on", "completion_note", "cancel_reason", "embedded", "embedded_on", "embedded_note",
                "percent_complete", "last_update_on", "created_at", "updated_at"),
    "action_recommendations": ("action_id", "recommendation_id"),
    "progress_updates": ("recommendation_id", "action_id", "written_on", "author", "text", "created_at"),
    "evidence": ("recommendation_id", "action_id", "kind", "description", "url", "added_by", "created_at"),
    "date_changes": ("document_id", "recommendation_id", "action_id", "old_date", "new_date", "reason",
                     "changed_by", "changed_at"),
    "learning_entries": ("operation", "incident_date", "gold_lead", "learning", "suggested_owner",
                         "suggested_hub_id", "triage_outcome", "triage_reason", "triaged_by", "triaged_on",
                         "recommendation_id", "captured_by", "created_at", "updated_at"),
}


@dataclass(frozen=True)
class DemoReport:
    batch_id: int
    seed: int
    on: dt.date
    counts: dict[str, int]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _rng(seed: int, on: dt.date) -> random.Random:
    return random.Random(f"ol-desk demo {seed} {on.isoformat()}")


def generate_demo(db, recommendations: int, *, seed: int = 1, on: dt.date | None = None, force: bool = False,
                  actor: Actor = SYSTEM, progress: Progress | None = None) -> DemoReport:
    """Add a synthetic register of `recommendations` items to `db`. Deterministic for (seed, on) on an empty
    database. Refuses a database that already holds recommendations unless `force`; then adds beside them."""
    if not 1 <= recommendations <= MAX_RECOMMENDATIONS:
        raise ValidationError(f"The demo makes between 1 and {MAX_RECOMMENDATIONS:,} recommendations; "
                              f"{recommendations:,} was asked for.")
    on = on or today()
    started = time.perf_counter()

    def fill(out: DemoSeed) -> None:
        hubs = [(h.id, h.code, h.kind) for h in out.session.execute(select(Hub.id, Hub.code, Hub.kind)
                                                                    .order_by(Hub.id))]
        themes = [(t.id, t.code, t.name) for t in out.session.execute(
            select(Theme.id, Theme.code, Theme.name).order_by(Theme.id))]
        if not hubs or not themes:
            raise ValidationError("The database has no hubs or themes to build a register on; run `ol-desk init` "
                                  "on a new database first.")
        _write_register(out, recommendations, _rng(seed, on), on, hubs, themes, progress)
        if progress is not None:
            progress(recommendations, recommendations, "recommendations")

    detail = {"recommendations": recommendations, "seed": seed, "on": on.isoformat()}
    batch_id, counts = seed_demo(db, actor, source_name=f"demo: {recommendations:,} recommendations, seed {seed}, "
                                                         f"anchored on {on.isoformat()}",
                                 detail=detail, force=force, tables=tuple(_FIELDS), fill=fill)
    return DemoReport(batch_id, seed, on, counts, time.perf_counter() - started)


def _write_register(out: DemoSeed, n: int, rng: random.Random, on: dt.date, hubs, themes, progress) -> None:
    people = make_people(rng, hubs, out.first["people"])
    people_sink = out.sink("people", ("id", "name", "role", "hub_id", "email", "created_at", "updated_at"))
    joined = stamp(on - dt.timedelta(days=HISTORY_DAYS + 30))
    for p in people:
        people_sink.add((p.id, p.name, p.role.value, p.hub_id, p.email, joined, joined))
    people_sink.flush()
    out.flushed()
    sinks = Sinks(**{name: out.sink(name, fields) for name, fields in _FIELDS.items()}, flushed=out.flushed)
    builder = RegisterBuilder(rng, on, hubs, themes, people, sinks, out.first)
    builder.build(n, progress)
    out.supersede(builder.supersessions)
