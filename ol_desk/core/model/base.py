"""Declarative base, naming convention and the column types shared by every table."""
from __future__ import annotations

import datetime as dt
from enum import Enum as PyEnum
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import DateTime, Enum, Integer, MetaData, Table, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

if TYPE_CHECKING:
    from sqlalchemy.sql import FromClause

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator):
    """A timestamp stored as naive UTC and always handed back timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def enum_column(enum_cls: type[PyEnum]) -> Enum:
    """Store an enum by its value as a short string (no native enum type, no CHECK: values can grow)."""
    return Enum(enum_cls, native_enum=False, create_constraint=False, length=32,
                values_callable=lambda cls: [m.value for m in cls], validate_strings=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UtcDateTime}


def table_of(model: type[Base]) -> Table:
    """The plain table a model maps (every model here maps one table, never a join or a select)."""
    table = model.__table__
    assert isinstance(table, Table), model
    return table


class Versioned:
    """An editable row: every update raises `version`; an UPDATE against a stale version fails."""

    if TYPE_CHECKING:
        __table__: ClassVar[FromClause]  # provided by the mapped class this is mixed into

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}
