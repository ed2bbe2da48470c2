"""`ol-desk server …`: set up a PostgreSQL database for the force and map its logins to people and roles.

Run with the schema owner's (or a DBA's) URL. The owner creates the tables; the group roles get only what
privileges.py grants; the app's own connections (people's logins) never own tables and never run DDL.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ol_desk.core.errors import DatabaseError, NotFoundError, ValidationError
from ol_desk.core.model import Hub, Person
from ol_desk.core.model.enums import Role
from ol_desk.core.services.actor import Actor

from .. import migrations
from ..location import describe, resolve_url
from . import privileges
from .roles import ALL_GROUPS, GROUP_ROLES, PRECEDENCE, group_for, quote_ident, role_of_group


@dataclass(frozen=True)
class InitReport:
    before: str | None
    after: str
    seeded: bool
    uid: str


@dataclass(frozen=True)
class ServerUser:
    login: str
    name: str
    role: str
    hub: str
    active: bool


def _engine(url: str) -> Engine:
    resolved = resolve_url(url)
    if resolved.get_backend_name() != "postgresql":
        raise ValidationError("`ol-desk server` works on a PostgreSQL URL (postgresql+psycopg://owner@host/db); "
                              f"{describe(resolved)} is not one. A SQLite file needs only `ol-desk init`.")
    return create_engine(resolved)


def _run(url: str, work):
    engine = _engine(url)
    try:
        return work(engine)
    except DBAPIError as exc:
        raise DatabaseError(f"The server refused: {str(exc.orig).strip()}") from exc
    finally:
        engine.dispose()


def create_group_roles(conn: Connection) -> None:
    existing = set(conn.scalars(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
                                {"names": list(ALL_GROUPS)}))
    for group in ALL_GROUPS:
        if group not in existing:
            conn.execute(text(f"CREATE ROLE {group} NOLOGIN"))


def init_server(url: str) -> InitReport:
    """Create or upgrade the schema, seed reference data once, create the group roles and apply their rights."""
    def work(engine: Engine) -> InitReport:
        before, after, _ = migrations.upgrade(engine, None)
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": migrations.SERVER_INIT_LOCK})
            create_group_roles(conn)
            dbapi_connection = conn.connection.dbapi_connection
            if dbapi_connection is None:  # pragma: no cover - only after the connection was invalidated
                raise DatabaseError("Lost the connection to the server while setting up rights; run it again.")
            cursor = dbapi_connection.cursor()  # the driver's own: SQL bodies hold '%'
            for sql in privileges.statements():
                cursor.execute(sql)
        with Session(engine) as session, session.begin():
            from ol_desk.core.services.database_uid import ensure_uid
            uid = ensure_uid(session)
            seeded = session.scalar(select(Hub.id).limit(1)) is None
            if seeded:
                from ol_desk.core.reference_data.seed import seed_reference_data
                seed_reference_data(session)
            elif before in migrations.WORDLESS_THEMES:   # themes had no words: give the standard ones theirs
                from ol_desk.core.reference_data.seed import fill_standard_theme_words
                fill_standard_theme_words(session)
            return InitReport(before, after, seeded, uid)
    return _run(url, work)


def _admin_actor(conn) -> Actor:
    return Actor(f"{conn.scalar(text('SELECT session_user'))} (server administrator)", Role.CPIC)


def add_user(url: str, login: str, role: Role | str, *, hub_code: str | None = None,
             name: str | None = None) -> ServerUser:
    """Grant LOGIN the group role of ROLE (and only that) and map it to a person (created or updated)."""
    role = Role.from_value(role)
    if role is Role.HUB_OFFICER and not hub_code:
        raise ValidationError("A hub officer needs a hub: give --hub CODE (e.g. NW).")

    def work(engine: Engine) -> ServerUser:
        from ol_desk.core.services import reference, writes
        with Session(engine) as session, session.begin():
            conn = session.connection()
            _require_schema(conn)
            found = conn.execute(text("SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = :n"),
                                 {"n": login}).first()
            if found is None:
                raise NotFoundError(f"There is no login '{login}' on the server: create it first (CREATE ROLE "
                                    f"\"{login}\" LOGIN, or from the directory), then add it to ol-desk.")
            owns = conn.scalar(text("SELECT pg_has_role(:n, tableowner, 'MEMBER') FROM pg_tables WHERE "
                                    "schemaname = current_schema() AND tablename = 'recommendations'"), {"n": login})
            if found.rolsuper or owns:
                raise ValidationError(f"'{login}' owns the schema or is a superuser; people sign in with logins "
                                      f"of their own, which never own tables.")
            hub_id = None
            if hub_code:
                hub = session.scalar(select(Hub).where(Hub.code == hub_code.upper()))
                if hub is None:
                    raise NotFoundError(f"There is no hub with code '{hub_code}'.")
                hub_id = hub.id
            for group in ALL_GROUPS:
                if group != group_for(role):
                    conn.execute(text(f"REVOKE {group} FROM {quote_ident(login)}"))
            conn.execute(text(f"GRANT {group_for(role)} TO {quote_ident(login)}"))
            actor = _admin_actor(conn)
            person = session.scalar(select(Person).where(Person.login == login))
            if person is None and name:  # someone the register already names (an owner from an import)
                person = session.scalars(select(Person).where(Person.name == name.strip(), Person.login.is_(None))
                                         .order_by(Person.id)).first()
                if person is not None:
                    writes.update(session, actor, _person_entity(), person, {"login": login}, verb="map_login")
            display_name = (name or (person.name if person else login)).strip()
            values = {"name": display_name, "role": role, "hub_id": hub_id, "active": True}
            if person is None:
                changes = reference.create_person(session, actor, name=display_name, role=role, hub_id=hub_id)
                person = writes.get(session, Person, _person_entity(), next(iter(changes.created[_person_entity()])))
                writes.update(session, actor, _person_entity(), person, {"login": login}, verb="map_login")
            else:
                writes.update(session, actor, _person_entity(), person, values, verb="map_login")
            return ServerUser(login, person.name, role.value, hub_code.upper() if hub_code else "", True)
    return _run(url, work)


def _person_entity():
    from ol_desk.core.model.enums import Entity
    return Entity.PERSON


def remove_user(url: str, login: str) -> ServerUser:
    """Revoke every ol-desk group role from LOGIN; the person stays (inactive) so the history still names them."""
    def work(engine: Engine) -> ServerUser:
        from ol_desk.core.services import writes
        with Session(engine) as session, session.begin():
            conn = session.connection()
            _require_schema(conn)
            person = session.scalar(select(Person).where(Person.login == login))
            if person is None:
                raise NotFoundError(f"'{login}' is not an ol-desk user on this server (see `ol-desk server users`).")
            if conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}):
                for group in ALL_GROUPS:
                    conn.execute(text(f"REVOKE {group} FROM {quote_ident(login)}"))
            writes.update(session, _admin_actor(conn), _person_entity(), person, {"active": False},
                          verb="unmap_login")
            return ServerUser(login, person.name, person.role.value, person.hub.code if person.hub else "", False)
    return _run(url, work)


def list_users(url: str) -> list[ServerUser]:
    def work(engine: Engine) -> list[ServerUser]:
        with Session(engine) as session:
            _require_schema(session.connection())
            people = session.scalars(select(Person).where(Person.login.is_not(None)).order_by(Person.login)).all()
            return [ServerUser(p.login, p.name, (login_role(session, p.login) or p.role).value,
                               p.hub.code if p.hub else "", p.active and login_role(session, p.login) is not None)
                    for p in people if p.login is not None]  # (the query asked for logins only)
    return _run(url, work)


def login_role(session: Session, login: str) -> Role | None:
    """The ol-desk role the server grants LOGIN (the strongest, if it holds several), or None."""
    held = {role_of_group(g) for g in session.scalars(
        text("SELECT r.rolname FROM pg_roles r WHERE r.rolname = ANY(:groups) AND pg_has_role(:login, r.oid, "
             "'MEMBER')"), {"groups": list(GROUP_ROLES.values()), "login": login})}
    return next((r for r in PRECEDENCE if r in held), None)


def _require_schema(conn) -> None:
    if migrations.current_revision_on(conn) is None:
        raise DatabaseError("This database has no ol-desk schema yet: run `ol-desk server init` with the owner's "
                            "URL first.")
