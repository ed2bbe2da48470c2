"""Reaching the status a register names by the lifecycle's own commands, for bulk writes (register imports).

A spreadsheet says where an item stands ("Closed", "Evidence accepted"); the lifecycle says how an item gets there
and who may move it. `plan_status` finds the shortest run of commands, each allowed to the role and each with what
it needs, from where the item is to the status the register names. When the register's status cannot be reached
(closing is the Board's decision, accepting evidence is CPIC's, a "not accepted" needs its rationale …) the item
goes to the furthest status on the way that can be, and the plan says in words what was missing.

What each command needs is given by the caller as `met(command) -> bool` (the row has hubs, a rationale, the Board
decision date and minute …); role and status rules come from `lifecycle`, the same table the commands obey.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ol_desk.core import lifecycle
from ol_desk.core.model.enums import ActionStatus, RecStatus, Role

R, A = RecStatus, ActionStatus

# How far along each status is; a fallback never moves an item back behind where it already is.
_RANK: dict[str, dict] = {
    "recommendation": {R.NEW: 0, R.ASSIGNED: 1, R.IN_PROGRESS: 2, R.REOPENED: 2, R.DELIVERED: 3,
                       R.EVIDENCE_ACCEPTED: 4, R.CLOSED: 5, R.NOT_ACCEPTED: 5, R.SUPERSEDED: 5},
    "action": {A.OPEN: 0, A.IN_PROGRESS: 1, A.COMPLETE: 2, A.CANCELLED: 2},
}
# Where an item goes when the register's status cannot be reached, nearest first.
_FALLBACK: dict[str, dict] = {
    "recommendation": {
        R.CLOSED: (R.EVIDENCE_ACCEPTED, R.DELIVERED, R.IN_PROGRESS, R.ASSIGNED),
        R.EVIDENCE_ACCEPTED: (R.DELIVERED, R.IN_PROGRESS, R.ASSIGNED),
        R.DELIVERED: (R.IN_PROGRESS, R.ASSIGNED),
        R.IN_PROGRESS: (R.ASSIGNED,),
        R.REOPENED: (R.IN_PROGRESS, R.ASSIGNED),
        R.NOT_ACCEPTED: (R.ASSIGNED,),
        R.SUPERSEDED: (R.ASSIGNED,),
    },
    "action": {A.COMPLETE: (A.IN_PROGRESS,), A.CANCELLED: ()},
}
# Ends of the road an import never passes through on its way elsewhere ("not accepted, then reopened, then
# started" would start an item no hub was given).
_SIDE_STATES = frozenset({R.NOT_ACCEPTED, R.SUPERSEDED})
# Commands that answer where the item already is, so only ever a plan's first step: a register may reopen a closed
# item or send a delivered one back, but an import never makes up a closure in order to reopen it.
_FIRST_ONLY = frozenset({"reopen", "return_to_hub"})
# What a register row must carry for a command that needs more than the right status and role, in words.
NEEDS_FROM_ROW = {
    ("recommendation", "assign"): "a hub (map a BCU/OCU or Hub column)",
    ("recommendation", "deliver"): "every linked action complete or cancelled",
    ("recommendation", "close"): "the Board decision date and minute reference",
    ("recommendation", "not_accept"): "a rationale (map a Rationale column)",
    ("recommendation", "supersede"): "the newer recommendation that replaces it (set it in ol-desk)",
    ("action", "complete"): "evidence or a completion note (map an Evidence or Latest update column)",
}


@dataclass(frozen=True)
class StatusPlan:
    wanted: Any
    reached: Any
    commands: tuple[str, ...]
    lacking: str = ""  # why `reached` is not `wanted`, in words; empty when it is

    @property
    def complete(self) -> bool:
        return self.reached == self.wanted


def _search(kind: str, start, role: Role | None, met: Callable[[str], bool]) -> dict:
    """Every status reachable from `start`, with the shortest command path to it. role None: any role (and every
    need met), to find what the register's status would take."""
    table = lifecycle.REC_COMMANDS if kind == "recommendation" else lifecycle.ACTION_COMMANDS
    paths: dict = {start: ()}
    queue = deque([start])
    while queue:
        status = queue.popleft()
        if status in _SIDE_STATES and status != start:
            continue
        for cmd in table.values():
            if status not in cmd.sources or cmd.target == status or cmd.target in paths:
                continue
            if cmd.name in _FIRST_ONLY and status != start:
                continue
            if role is not None and (role not in cmd.roles or not met(cmd.name)):
                continue
            paths[cmd.target] = (*paths[status], cmd.name)
            queue.append(cmd.target)
    return paths


def _lacking(kind: str, start, wanted, role: Role, met: Callable[[str], bool]) -> str:
    """The first step on the way to `wanted` that the role or the row cannot give, in words."""
    table = lifecycle.REC_COMMANDS if kind == "recommendation" else lifecycle.ACTION_COMMANDS
    route = _search(kind, start, None, met).get(wanted)
    if route is None:
        return f"ol-desk has no way from {start.label} to {wanted.label}"
    for name in route:
        cmd = table[name]
        if role not in cmd.roles:
            who = " or ".join(sorted(r.label for r in cmd.roles))
            return f"{cmd.label} is for {who} (you are {role.label})"
        if not met(name):
            return f"{cmd.label} needs {NEEDS_FROM_ROW.get((kind, name), cmd.needs)}"
    return ""


def plan_status(kind: str, start, wanted, role: Role, met: Callable[[str], bool]) -> StatusPlan:
    """The commands that take an item of `kind` from `start` towards `wanted` for `role` (see the module doc)."""
    reachable = _search(kind, start, role, met)
    if wanted in reachable:
        return StatusPlan(wanted, wanted, reachable[wanted])
    lacking = _lacking(kind, start, wanted, role, met)
    rank = _RANK[kind]
    for candidate in _FALLBACK[kind].get(wanted, ()):
        if candidate in reachable and rank[candidate] > rank[start]:
            return StatusPlan(wanted, candidate, reachable[candidate], lacking)
    return StatusPlan(wanted, start, (), lacking)


def describe(plan: StatusPlan) -> str:
    """One line for the import report: what the register said, what was recorded, and why."""
    return (f"the register says {plan.wanted.label}, but {plan.lacking}; recorded as {plan.reached.label}")


def start_status(kind: str):
    return RecStatus.NEW if kind == "recommendation" else ActionStatus.OPEN
