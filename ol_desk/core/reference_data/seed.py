"""Seed a new database with the Met's hubs and the working theme taxonomy (through the services)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ol_desk.core.services import reference as ref
from ol_desk.core.services.actor import SYSTEM
from ol_desk.core.services.changes import Changes

from . import load


def seed_reference_data(session: Session) -> Changes:
    changes = Changes()
    for hub in load("hubs"):
        changes |= ref.create_hub(session, SYSTEM, code=hub["code"], name=hub["name"], kind=hub["kind"],
                                  boroughs="; ".join(hub["boroughs"]), aliases="; ".join(hub["aliases"]))
    for theme in load("themes"):
        changes |= ref.create_theme(session, SYSTEM, code=theme["code"], name=theme["name"],
                                    words=theme.get("words", ""))
    return changes


def fill_standard_theme_words(session: Session) -> Changes:
    """After an upgrade from a schema without theme words: the standard themes (by code) that have none get the
    shipped ones, through the reference service (audited, as the system). Themes a user made are left alone."""
    from sqlalchemy import select

    from ol_desk.core.model import Theme
    shipped = {t["code"]: t.get("words", "") for t in load("themes")}
    changes = Changes()
    for theme in session.scalars(select(Theme).where(Theme.code.in_(shipped), Theme.words == "")):
        changes |= ref.update_theme(session, SYSTEM, theme.id, words=shipped[theme.code])
    return changes
