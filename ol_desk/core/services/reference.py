"""Services for reference data: hubs, themes and people."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.errors import ValidationError
from ol_desk.core.lifecycle import EDITORS
from ol_desk.core.model import Hub, Person, Theme
from ol_desk.core.model.enums import Entity, HubKind, Role
from ol_desk.core.themes.theme_words import clean_words

from . import writes
from .actor import Actor
from .changes import Changes

ADMINS = {Role.CPIC}


def _clean(value: str, what: str, max_len: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(f"A {what} is needed.")
    if len(value) > max_len:
        raise ValidationError(f"The {what} is too long ({len(value)} characters; at most {max_len}).")
    return value


def _known_fields(values: dict, editable: set[str], what: str) -> None:
    unknown = set(values) - editable
    if unknown:
        raise ValidationError(f"{what} have no editable field(s) {', '.join(sorted(unknown))}.")


def _unique(session: Session, cls, column, value: str, what: str, own_id: int | None = None) -> None:
    existing = session.scalar(select(cls.id).where(func.lower(column) == value.lower()))
    if existing is not None and existing != own_id:
        raise ValidationError(f"There is already a {what} '{value}'.")


def create_hub(session: Session, actor: Actor, *, code: str, name: str, kind: HubKind | str,
               boroughs: str = "", aliases: str = "", active: bool = True) -> Changes:
    writes.require_role(actor, ADMINS, "change hubs")
    code = _clean(code, "hub code", 16).upper()
    name = _clean(name, "hub name", 120)
    _unique(session, Hub, Hub.code, code, "hub with code")
    _unique(session, Hub, Hub.name, name, "hub named")
    hub = Hub(code=code, name=name, kind=HubKind.from_value(kind), boroughs=boroughs, aliases=aliases,
              active=active)
    return writes.create(session, actor, Entity.HUB, hub)


def update_hub(session: Session, actor: Actor, hub_id: int, *, expected_version: int | None = None,
               **values) -> Changes:
    writes.require_role(actor, ADMINS, "change hubs")
    _known_fields(values, {"code", "name", "kind", "boroughs", "aliases", "active"}, "Hubs")
    hub = writes.get(session, Hub, Entity.HUB, hub_id)
    if "name" in values:
        values["name"] = _clean(values["name"], "hub name", 120)
        _unique(session, Hub, Hub.name, values["name"], "hub named", hub.id)
    if "code" in values:
        values["code"] = _clean(values["code"], "hub code", 16).upper()
        _unique(session, Hub, Hub.code, values["code"], "hub with code", hub.id)
    if "kind" in values:
        values["kind"] = HubKind.from_value(values["kind"])
    return writes.update(session, actor, Entity.HUB, hub, values, expected_version=expected_version)


def create_theme(session: Session, actor: Actor, *, code: str, name: str, words: str = "",
                 active: bool = True) -> Changes:
    writes.require_role(actor, ADMINS, "change themes")
    code = _clean(code, "theme code", 40).lower()
    name = _clean(name, "theme name", 120)
    _unique(session, Theme, Theme.code, code, "theme with code")
    _unique(session, Theme, Theme.name, name, "theme named")
    return writes.create(session, actor, Entity.THEME, Theme(code=code, name=name, words=clean_words(words),
                                                             active=active))


def update_theme(session: Session, actor: Actor, theme_id: int, *, expected_version: int | None = None,
                 **values) -> Changes:
    writes.require_role(actor, ADMINS, "change themes")
    _known_fields(values, {"code", "name", "words", "active"}, "Themes")
    theme = writes.get(session, Theme, Entity.THEME, theme_id)
    if "name" in values:
        values["name"] = _clean(values["name"], "theme name", 120)
        _unique(session, Theme, Theme.name, values["name"], "theme named", theme.id)
    if "code" in values:
        values["code"] = _clean(values["code"], "theme code", 40).lower()
        _unique(session, Theme, Theme.code, values["code"], "theme with code", theme.id)
    if "words" in values:
        values["words"] = clean_words(values["words"])
    return writes.update(session, actor, Entity.THEME, theme, values, expected_version=expected_version)


def create_person(session: Session, actor: Actor, *, name: str, role: Role | str = Role.HUB_OFFICER,
                  hub_id: int | None = None, email: str = "") -> Changes:
    writes.require_role(actor, EDITORS, "add people")
    name = _clean(name, "person's name", 120)
    if hub_id is not None:
        writes.get(session, Hub, Entity.HUB, hub_id)
    person = Person(name=name, role=Role.from_value(role), hub_id=hub_id, email=email.strip())
    return writes.create(session, actor, Entity.PERSON, person)


def update_person(session: Session, actor: Actor, person_id: int, *, expected_version: int | None = None,
                  **values) -> Changes:
    writes.require_role(actor, EDITORS, "change people")
    _known_fields(values, {"name", "role", "hub_id", "email", "active"}, "People")
    person = writes.get(session, Person, Entity.PERSON, person_id)
    if "name" in values:
        values["name"] = _clean(values["name"], "person's name", 120)
    if values.get("hub_id") is not None:
        writes.get(session, Hub, Entity.HUB, values["hub_id"])
    if "email" in values:
        values["email"] = (values["email"] or "").strip()
    if "role" in values:
        values["role"] = Role.from_value(values["role"])
    return writes.update(session, actor, Entity.PERSON, person, values, expected_version=expected_version)


def person_named(session: Session, actor: Actor, name: str, *, hub_id: int | None = None) -> tuple[Person, Changes]:
    """The person with this name (case-insensitive), created when there is none yet."""
    name = _clean(name, "person's name", 120)
    person = session.scalars(select(Person).where(func.lower(Person.name) == name.lower())
                             .order_by(Person.id).limit(1)).first()
    if person is not None:
        return person, Changes()
    changes = create_person(session, actor, name=name, hub_id=hub_id)
    return writes.get(session, Person, Entity.PERSON, next(iter(changes.created[Entity.PERSON]))), changes


def hub_by_code(session: Session, code: str) -> Hub:
    """The hub with this code, or failing that this name ('NW' or 'North West'; case-insensitive), as search's
    hub: does."""
    key = code.strip().upper()
    hub = (session.scalar(select(Hub).where(func.upper(Hub.code) == key))
           or session.scalars(select(Hub).where(func.upper(Hub.name) == key).order_by(Hub.id).limit(1)).first())
    if hub is None:
        known = ", ".join(session.scalars(select(Hub.code).order_by(Hub.code)))
        raise ValidationError(f"There is no hub with code '{code}' (known: {known}).")
    return hub


def theme_by_code(session: Session, code: str) -> Theme:
    key = code.strip().lower()
    theme = session.scalar(select(Theme).where((func.lower(Theme.code) == key) | (func.lower(Theme.name) == key)))
    if theme is None:
        raise ValidationError(f"There is no theme '{code}'.")
    return theme
