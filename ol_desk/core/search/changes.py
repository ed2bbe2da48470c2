"""From the search outbox to the index documents that must be rewritten.

Every service writes an outbox row (seq, entity, entity_id, op) in the same transaction as its change. The index
applies rows past the last seq it recorded. A row names one changed entity; the documents to rewrite also include
those that carry its words: a document's title is in its recommendations, a hub's name in everything assigned to it,
a recommendation's reference in its actions and progress updates. "upsert" and "delete" are treated alike: the
affected rows are reread, and a row that is gone is deleted from the index.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ol_desk.core.model import (
    Action,
    ActionRecommendation,
    LearningEntry,
    Meta,
    OutboxEntry,
    ProgressUpdate,
    Recommendation,
    RecommendationHub,
    RecommendationTheme,
)

from .schema import KINDS

REBUILD_ENTITY = "*"
EVIDENCE = "evidence"  # its documents are rewritten only when the evidence row itself changes (not its parent)
CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


@dataclass
class Backlog:
    """What the outbox holds past a given seq."""

    last_seq: int                      # the highest seq read (apply up to here)
    rebuild: bool = False              # somebody asked for a rebuild from scratch (entity "*")
    entities: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    rows: int = 0

    @property
    def empty(self) -> bool:
        return self.rows == 0


def max_seq(session: Session) -> int:
    """The highest seq ever given out. Not max(seq) alone: trimmed rows are gone. On SQLite the table is
    AUTOINCREMENT, so sqlite_sequence remembers the high-water mark; on a server, meta records the trim's."""
    kept = session.scalar(select(func.max(OutboxEntry.seq))) or 0
    if _is_sqlite(session):
        given = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"),
                                {"t": OutboxEntry.__tablename__}).scalar()
    else:
        given = trimmed_upto(session)
    return max(kept, given or 0)


def trimmed_upto(session: Session) -> int:
    """On a server: the highest seq the age trim deleted. An index that applied less than this missed changes."""
    value = session.scalar(select(Meta.value).where(Meta.key == TRIMMED_KEY))
    return int(value) if value else 0


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


TRIMMED_KEY = "outbox_trimmed_upto"


def pending_count(session: Session, after: int) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.seq > after)) or 0


def read_backlog(session: Session, after: int) -> Backlog:
    backlog = Backlog(last_seq=after)
    # A rebuild request makes every other row moot; look for one first so a huge import is not read at all.
    rebuild_seq = session.scalar(select(func.max(OutboxEntry.seq))
                                 .where(OutboxEntry.seq > after, OutboxEntry.entity == REBUILD_ENTITY))
    if rebuild_seq is not None:
        backlog.rebuild = True
        backlog.last_seq = max_seq(session)
        backlog.rows = pending_count(session, after)
        return backlog
    for seq, entity, entity_id in session.execute(
            select(OutboxEntry.seq, OutboxEntry.entity, OutboxEntry.entity_id)
            .where(OutboxEntry.seq > after).order_by(OutboxEntry.seq)):
        backlog.entities[entity].add(entity_id)
        backlog.last_seq = seq
        backlog.rows += 1
    return backlog


def chunks(ids):
    """Sorted ids in lists of at most CHUNK."""
    ids = sorted(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _select_ids(session: Session, column, where_column, ids) -> set[int]:
    found: set[int] = set()
    for part in chunks(ids):
        found.update(session.scalars(select(column).where(where_column.in_(part))))
    return found


def affected(session: Session, entities: dict[str, set[int]]) -> dict[str, set[int]]:
    """The index documents (by kind) to rewrite for these changed entities."""
    out: dict[str, set[int]] = {k: set(entities.get(k, ())) for k in KINDS}
    hubs, themes, people = entities.get("hub", ()), entities.get("theme", ()), entities.get("person", ())
    docs = out["document"]
    recs, actions = out["recommendation"], out["action"]
    # Reference data: everything that shows a hub's, theme's or person's name or code.
    if hubs:
        recs |= _select_ids(session, RecommendationHub.recommendation_id, RecommendationHub.hub_id, hubs)
        actions |= _select_ids(session, Action.id, Action.hub_id, hubs)
        out["learning"] |= _select_ids(session, LearningEntry.id, LearningEntry.suggested_hub_id, hubs)
    if themes:
        recs |= _select_ids(session, RecommendationTheme.recommendation_id, RecommendationTheme.theme_id, themes)
    if people:
        recs |= _select_ids(session, Recommendation.id, Recommendation.owner_id, people)
        actions |= _select_ids(session, Action.id, Action.owner_id, people)
    # A document's words live in its recommendations; a recommendation's in its actions and updates.
    if docs:
        recs |= _select_ids(session, Recommendation.id, Recommendation.document_id, docs)
    if recs:
        # Actions carry their recommendations' references, titles, themes and source kinds.
        actions |= _select_ids(session, ActionRecommendation.action_id, ActionRecommendation.recommendation_id, recs)
        out["update"] |= _select_ids(session, ProgressUpdate.id, ProgressUpdate.recommendation_id, recs)
    if actions:
        out["update"] |= _select_ids(session, ProgressUpdate.id, ProgressUpdate.action_id, actions)
    return out
