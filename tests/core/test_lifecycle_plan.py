"""The plan a bulk import follows to reach a register's status: checked for every start, wanted status, role and
combination of what a row carries, against a walk of the lifecycle table done here independently."""
from __future__ import annotations

import itertools

import pytest

from ol_desk.core import lifecycle
from ol_desk.core.lifecycle_plan import plan_status
from ol_desk.core.model.enums import ActionStatus, RecStatus, Role

NEEDY = ("assign", "deliver", "close", "not_accept", "supersede", "complete")
# One table per kind: the two enums share values ("in_progress"), so one dict would merge their keys.
RANK = {"recommendation": {RecStatus.NEW: 0, RecStatus.ASSIGNED: 1, RecStatus.IN_PROGRESS: 2,
                           RecStatus.REOPENED: 2, RecStatus.DELIVERED: 3, RecStatus.EVIDENCE_ACCEPTED: 4,
                           RecStatus.CLOSED: 5, RecStatus.NOT_ACCEPTED: 5, RecStatus.SUPERSEDED: 5},
        "action": {ActionStatus.OPEN: 0, ActionStatus.IN_PROGRESS: 1, ActionStatus.COMPLETE: 2,
                   ActionStatus.CANCELLED: 2}}


def _reachable(table, start, role, met) -> set:
    seen, frontier = {start}, [start]
    while frontier:
        status = frontier.pop()
        if status in (RecStatus.NOT_ACCEPTED, RecStatus.SUPERSEDED) and status != start:
            continue  # an end of the road: an import never goes through it to somewhere else
        for cmd in table.values():
            if cmd.name in ("reopen", "return_to_hub") and status != start:
                continue  # answers where the item is: never a later step
            if status in cmd.sources and role in cmd.roles and met(cmd.name) and cmd.target not in seen:
                seen.add(cmd.target)
                frontier.append(cmd.target)
    return seen


CASES = [("recommendation", lifecycle.REC_COMMANDS, list(RecStatus)),
         ("action", lifecycle.ACTION_COMMANDS, list(ActionStatus))]


@pytest.mark.parametrize(("kind", "table", "statuses"), CASES, ids=["recommendation", "action"])
def test_every_plan_is_a_run_of_allowed_commands_that_gets_as_far_as_the_rules_allow(kind, table, statuses):
    for start, wanted, role in itertools.product(statuses, statuses, list(Role)):
        for given in itertools.product((False, True), repeat=len(NEEDY)):
            facts = dict(zip(NEEDY, given, strict=True))

            def met(command, facts=facts):
                return facts.get(command, True)
            plan = plan_status(kind, start, wanted, role, met)
            status = start
            for name in plan.commands:          # each step is a command this role may give, with what it needs
                cmd = table[name]
                assert status in cmd.sources and role in cmd.roles and met(name), (start, wanted, role, plan)
                status = cmd.target
            assert status == plan.reached
            reachable = _reachable(table, start, role, met)
            assert (plan.reached == wanted) == (wanted in reachable), (start, wanted, role, facts)
            if plan.reached != wanted:
                assert plan.lacking                                   # said in words
                assert plan.reached == start or RANK[kind][plan.reached] > RANK[kind][start]   # never moved backwards


def test_only_the_board_closes_and_only_cpic_accepts_evidence():
    everything = lambda _command: True  # noqa: E731 - every need met: only roles stand in the way
    for role in Role:
        closed = plan_status("recommendation", RecStatus.NEW, RecStatus.CLOSED, role, everything)
        accepted = plan_status("recommendation", RecStatus.NEW, RecStatus.EVIDENCE_ACCEPTED, role, everything)
        assert accepted.complete == (role is Role.CPIC)
        assert closed.reached != RecStatus.CLOSED  # nobody holds every step from New to Closed
    board = plan_status("recommendation", RecStatus.EVIDENCE_ACCEPTED, RecStatus.CLOSED, Role.BOARD, everything)
    assert board.commands == ("close",)


def test_what_is_missing_is_named():
    no_hubs = plan_status("recommendation", RecStatus.NEW, RecStatus.IN_PROGRESS, Role.CPIC,
                          lambda command: command != "assign")
    assert no_hubs.reached == RecStatus.NEW and "a hub" in no_hubs.lacking
    cpic_close = plan_status("recommendation", RecStatus.NEW, RecStatus.CLOSED, Role.CPIC, lambda _c: True)
    assert cpic_close.reached == RecStatus.EVIDENCE_ACCEPTED
    assert cpic_close.commands == ("assign", "start", "deliver", "accept_evidence")
    assert "Close (Board decision) is for Board member" in cpic_close.lacking
    hub_close = plan_status("recommendation", RecStatus.IN_PROGRESS, RecStatus.CLOSED, Role.HUB_OFFICER,
                            lambda _c: True)
    assert hub_close.reached == RecStatus.DELIVERED and "Accept evidence is for CPIC" in hub_close.lacking
    no_note = plan_status("action", ActionStatus.OPEN, ActionStatus.COMPLETE, Role.HUB_OFFICER,
                          lambda command: command != "complete")
    assert no_note.reached == ActionStatus.IN_PROGRESS and "evidence or a completion note" in no_note.lacking
