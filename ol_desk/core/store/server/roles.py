"""The server's group roles: one NOLOGIN role per ol-desk role, granted to the logins of the people who hold it."""
from __future__ import annotations

from ol_desk.core.model.enums import Role

GROUP_ROLES: dict[Role, str] = {
    Role.CPIC: "ol_cpic",
    Role.HUB_OFFICER: "ol_hub_officer",
    Role.GOLD_LEAD: "ol_gold_lead",
    Role.BOARD: "ol_board",
    Role.VIEWER: "ol_viewer",
}
ALL_GROUPS = tuple(GROUP_ROLES.values())
WRITER_GROUPS = tuple(g for r, g in GROUP_ROLES.items() if r is not Role.VIEWER)
# When a login holds more than one group (it should not), the strongest wins.
PRECEDENCE = (Role.CPIC, Role.BOARD, Role.HUB_OFFICER, Role.GOLD_LEAD, Role.VIEWER)


def group_for(role: Role | str) -> str:
    return GROUP_ROLES[Role.from_value(role) if isinstance(role, str) else role]


def role_of_group(group: str) -> Role | None:
    return next((r for r, g in GROUP_ROLES.items() if g == group), None)


def quote_ident(name: str) -> str:
    """A PostgreSQL identifier, quoted (logins come from a directory and may hold dots, @ or capitals)."""
    return '"' + name.replace('"', '""') + '"'
