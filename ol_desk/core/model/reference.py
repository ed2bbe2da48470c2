"""Reference data: hubs, themes and people. Seeded on init, editable afterwards."""
from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned, enum_column
from .enums import HubKind, Role


class Hub(Versioned, Base):
    __tablename__ = "hubs"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[HubKind] = mapped_column(enum_column(HubKind))
    # Boroughs covered, "; "-separated (BCUs only).
    boroughs: Mapped[str] = mapped_column(Text, default="")
    # Other names the hub goes by in spreadsheets ("NW BCU", "Custody"), "; "-separated.
    aliases: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"Hub({self.code!r})"


class Theme(Versioned, Base):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    # Words and phrases that suggest this theme for a finding's text, "; "-separated ("restrain*; Taser").
    words: Mapped[str] = mapped_column(Text, default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Person(Versioned, Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.HUB_OFFICER)
    hub_id: Mapped[int | None] = mapped_column(ForeignKey("hubs.id"), index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # On a server: the PostgreSQL login this person signs in with (set by `ol-desk server add-user`).
    login: Mapped[str | None] = mapped_column(String(120), unique=True)

    hub: Mapped[Hub | None] = relationship(lazy="joined")
