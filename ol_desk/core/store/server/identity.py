"""Who is signed in on a server: the login (session_user), the person mapped to it and the role the server grants."""
from __future__ import annotations

from sqlalchemy import select, text

from ol_desk.core.errors import PermissionDenied
from ol_desk.core.model import Person
from ol_desk.core.services.actor import Actor

from .admin import login_role

SELF_DECLARED = ("On a server you are who you signed in as: --as and --role do not apply "
                 "(your login and the role the server grants it decide).")


def signed_in_actor(db) -> Actor:
    """The actor for this connection's login, or PermissionDenied saying how to be added."""
    with db.reading() as session:
        login = session.scalar(text("SELECT session_user"))
        person = session.scalar(select(Person).where(Person.login == login))
        role = login_role(session, login)
    if person is None or not person.active or role is None:
        raise PermissionDenied(
            f"The login '{login}' is not an ol-desk user on {db.name}: an administrator adds it with "
            f"`ol-desk server add-user {login} --role ROLE`.")
    hub = person.hub.code if person.hub is not None else None
    return Actor(person.name, role, hub, login=login)
