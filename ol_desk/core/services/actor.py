"""Who is doing something: every service call names its actor, and the audit log records it."""
from __future__ import annotations

from dataclasses import dataclass

from ol_desk.core.model.enums import Role


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role = Role.CPIC
    hub_code: str | None = None
    login: str | None = None  # on a server: the PostgreSQL login the person signed in with

    def __str__(self) -> str:
        return self.name


# The application itself (seeding reference data, the demo generator).
SYSTEM = Actor("ol-desk", Role.CPIC)
