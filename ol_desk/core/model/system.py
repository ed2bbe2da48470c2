"""Rows the application keeps about itself: the audit chain, the search outbox, metadata, import batches."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Meta(Base):
    """Key/value facts about this database (its unique id, when it was created)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    """Append-only and hash-chained: each event carries the hash of the one before it.

    `detail` is canonical JSON. For a field change it holds {"fields": {name: [old, new]}}, which is enough to
    show the history and to undo the change.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    verb: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (
        Index("ix_audit_events_entity", "entity", "entity_id"),
        Index("ix_audit_events_batch", "batch_id"),
    )


class OutboxEntry(Base):
    """The search index's change log, written in the same transaction as the change it announces."""

    __tablename__ = "search_outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    # "upsert" or "delete"; "rebuild" (entity "*") asks the indexer to rebuild from scratch.
    op: Mapped[str] = mapped_column(String(10), default="upsert")
    # When it was written: on a server the outbox is kept for every workstation's index and trimmed by age.
    at: Mapped[dt.datetime | None] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_search_outbox_at", "at"), {"sqlite_autoincrement": True})


class ImportBatch(Base):
    """One run of an importer (or the demo generator): what was read, by whom, and whether it was undone."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="import")
    source_name: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    actor: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="{}")
    undone_at: Mapped[dt.datetime | None] = mapped_column()
    undone_by: Mapped[str] = mapped_column(String(120), default="")


class ImportProfile(Base):
    """A saved column mapping, reused when a workbook with the same layout comes again."""

    __tablename__ = "import_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    # A fingerprint of the header row, so a profile can be suggested for a matching layout.
    header_signature: Mapped[str] = mapped_column(String(64), default="", index=True)
    mapping: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
