"""The lifecycle rules, in one place: which command moves an item from which status to which, who may give it,
and what it needs. Services enforce these; the GUI asks `why_not` to enable buttons and explain disabled ones.
See docs/lifecycle.md for the diagram.
"""
from __future__ import annotations

from dataclasses import dataclass

from ol_desk.core.errors import PermissionDenied, TransitionError
from ol_desk.core.model.enums import ActionStatus, RecStatus, Role

CPIC = frozenset({Role.CPIC})
WORKERS = frozenset({Role.CPIC, Role.HUB_OFFICER})
DECIDERS = frozenset({Role.CPIC, Role.BOARD})
BOARD = frozenset({Role.BOARD})


@dataclass(frozen=True)
class Command:
    name: str
    label: str
    sources: frozenset
    target: object
    roles: frozenset[Role]
    needs: str = ""  # what the command needs besides the right status, in words


def _cmd(name, label, sources, target, roles, needs=""):
    return Command(name, label, frozenset(sources), target, roles, needs)


R = RecStatus
REC_COMMANDS: dict[str, Command] = {c.name: c for c in [
    _cmd("assign", "Assign", {R.NEW, R.REOPENED}, R.ASSIGNED, CPIC, "at least one hub, one of them the lead"),
    _cmd("start", "Start work", {R.ASSIGNED, R.REOPENED}, R.IN_PROGRESS, WORKERS),
    _cmd("deliver", "Mark delivered", {R.IN_PROGRESS}, R.DELIVERED, WORKERS,
         "every linked action complete or cancelled"),
    _cmd("accept_evidence", "Accept evidence", {R.DELIVERED}, R.EVIDENCE_ACCEPTED, CPIC),
    _cmd("return_to_hub", "Return to hub", {R.DELIVERED}, R.IN_PROGRESS, CPIC, "a reason"),
    _cmd("close", "Close (Board decision)", {R.EVIDENCE_ACCEPTED}, R.CLOSED, BOARD,
         "the Board decision date and minute reference"),
    _cmd("not_accept", "Record not accepted", {R.NEW, R.ASSIGNED, R.IN_PROGRESS, R.REOPENED}, R.NOT_ACCEPTED,
         CPIC, "a rationale"),
    _cmd("supersede", "Mark superseded",
         {R.NEW, R.ASSIGNED, R.IN_PROGRESS, R.DELIVERED, R.EVIDENCE_ACCEPTED, R.NOT_ACCEPTED, R.REOPENED},
         R.SUPERSEDED, CPIC, "the newer recommendation that replaces it"),
    _cmd("reopen", "Reopen", {R.EVIDENCE_ACCEPTED, R.CLOSED, R.NOT_ACCEPTED, R.SUPERSEDED}, R.REOPENED,
         DECIDERS, "a reason"),
]}

A = ActionStatus
ACTION_COMMANDS: dict[str, Command] = {c.name: c for c in [
    _cmd("start", "Start", {A.OPEN}, A.IN_PROGRESS, WORKERS),
    _cmd("complete", "Complete", {A.OPEN, A.IN_PROGRESS}, A.COMPLETE, WORKERS, "evidence or a completion note"),
    _cmd("cancel", "Cancel", {A.OPEN, A.IN_PROGRESS}, A.CANCELLED, WORKERS, "a reason"),
    _cmd("reopen", "Reopen", {A.COMPLETE, A.CANCELLED}, A.OPEN, WORKERS, "a reason"),
    _cmd("embed", "Mark embedded", {A.COMPLETE}, A.COMPLETE, WORKERS, "a note of the evidenced outcome"),
]}

# Who may edit an item's fields (as opposed to moving it along the lifecycle).
EDITORS = WORKERS


def _table(kind: str) -> dict[str, Command]:
    return REC_COMMANDS if kind == "recommendation" else ACTION_COMMANDS


def _status_words(statuses) -> str:
    labels = sorted(s.label for s in statuses)
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def why_not(kind: str, command: str, status, role: Role) -> str | None:
    """None when the rules allow `command` on an item of `kind` in `status` for `role`; else the reason."""
    cmd = _table(kind).get(command)
    if cmd is None:
        return f"'{command}' is not a {kind} command"
    if role not in cmd.roles:
        return f"{cmd.label} is for {_roles_words(cmd.roles)}; you are signed in as {role.label}"
    if status not in cmd.sources:
        return (f"{cmd.label} needs the {kind} to be {_status_words(cmd.sources)}; "
                f"it is {status.label}")
    return None


def _roles_words(roles) -> str:
    labels = sorted(r.label for r in roles)
    return " or ".join(labels)


def require(kind: str, command: str, status, role: Role, item_label: str = "") -> Command:
    """Raise a clear error unless the rules allow the command; return the command otherwise."""
    reason = why_not(kind, command, status, role)
    if reason is not None:
        what = f" {item_label}" if item_label else ""
        cmd = _table(kind).get(command)
        error = PermissionDenied if cmd is not None and role not in cmd.roles else TransitionError
        raise error(f"Cannot {command.replace('_', ' ')} {kind}{what}: {reason}.")
    return _table(kind)[command]


def allowed_commands(kind: str, status, role: Role) -> list[Command]:
    return [c for c in _table(kind).values() if why_not(kind, c.name, status, role) is None]
