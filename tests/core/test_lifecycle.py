"""Every state × command, walked for recommendations and actions; roles; what each command needs."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from ol_desk.core import lifecycle
from ol_desk.core.errors import PermissionDenied, TransitionError, ValidationError
from ol_desk.core.model import Action, Recommendation
from ol_desk.core.model.enums import ActionStatus, RecStatus, Role
from ol_desk.core.services import Actor, actions, recommendations

from .factories import assigned_recommendation, hub_id, make_action

REC_ARGS = dict(reason="Board asked for more evidence", decision_date=dt.date(2025, 6, 12), minute_ref="OLB/25/06/4")


def _rec_in(s, actor, status: RecStatus) -> int:
    rec = assigned_recommendation(s, actor)
    s.execute(update(Recommendation).where(Recommendation.id == rec).values(status=status))
    s.expire_all()
    return rec


@pytest.mark.parametrize("status", list(RecStatus), ids=lambda s: s.value)
@pytest.mark.parametrize("command", list(lifecycle.REC_COMMANDS), ids=str)
def test_recommendation_state_by_command(db, cpic, board, status, command):
    cmd = lifecycle.REC_COMMANDS[command]
    actor = board if command == "close" else cpic  # only the Board records closures
    with db.transaction() as s:
        rec = _rec_in(s, cpic, status)
        newer = assigned_recommendation(s, cpic, reference="2")
        if status in cmd.sources:
            recommendations.run_command(s, actor, rec, command, superseded_by_id=newer, **REC_ARGS)
            assert s.get(Recommendation, rec).status == cmd.target
        else:
            with pytest.raises(TransitionError) as info:
                recommendations.run_command(s, actor, rec, command, superseded_by_id=newer, **REC_ARGS)
            assert status.label in str(info.value) and cmd.label in str(info.value)


def _action_in(s, actor, status: ActionStatus) -> int:
    rec = assigned_recommendation(s, actor)
    act = make_action(s, actor, [rec])
    s.execute(update(Action).where(Action.id == act).values(status=status))
    s.expire_all()
    return act


@pytest.mark.parametrize("status", list(ActionStatus), ids=lambda s: s.value)
@pytest.mark.parametrize("command", list(lifecycle.ACTION_COMMANDS), ids=str)
def test_action_state_by_command(db, cpic, status, command):
    cmd = lifecycle.ACTION_COMMANDS[command]
    with db.transaction() as s:
        act = _action_in(s, cpic, status)
        if status in cmd.sources:
            actions.run_command(s, cpic, act, command, note="Briefing delivered to all teams", reason="Duplicate")
            assert s.get(Action, act).status == cmd.target
        else:
            with pytest.raises(TransitionError):
                actions.run_command(s, cpic, act, command, note="n", reason="r")


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("command", list(lifecycle.REC_COMMANDS), ids=str)
def test_only_the_right_roles_may_give_each_command(role, command):
    cmd = lifecycle.REC_COMMANDS[command]
    status = next(iter(cmd.sources))
    reason = lifecycle.why_not("recommendation", command, status, role)
    assert (reason is None) == (role in cmd.roles)
    if reason is not None:
        assert role.label in reason


def test_only_cpic_accepts_evidence_and_the_message_says_so(db, cpic, hub_officer):
    with db.transaction() as s:
        rec = _rec_in(s, cpic, RecStatus.DELIVERED)
        with pytest.raises(PermissionDenied, match="CPIC learning team"):
            recommendations.run_command(s, hub_officer, rec, "accept_evidence")


def test_commands_refuse_without_what_they_need(db, cpic):
    with db.transaction() as s:
        rec = _rec_in(s, cpic, RecStatus.IN_PROGRESS)
        with pytest.raises(ValidationError, match="rationale"):
            recommendations.run_command(s, cpic, rec, "not_accept")
        open_action = make_action(s, cpic, [rec], reference="MD-7")
        with pytest.raises(ValidationError, match="still open.*MD-7"):
            recommendations.run_command(s, cpic, rec, "deliver")
        with pytest.raises(ValidationError, match="evidence attached or a completion note"):
            actions.run_command(s, cpic, open_action, "complete")
        with pytest.raises(ValidationError, match="reason"):
            actions.run_command(s, cpic, open_action, "cancel")
        closing = _rec_in(s, cpic, RecStatus.EVIDENCE_ACCEPTED)
        with pytest.raises(PermissionDenied, match="Board member"):
            recommendations.run_command(s, cpic, closing, "close", decision_date=dt.date(2025, 6, 1),
                                        minute_ref="OLB/25/06/4")
        with pytest.raises(ValidationError, match="Board decision date"):
            recommendations.run_command(s, Actor("Board Chair", Role.BOARD), closing, "close",
                                        decision_date=dt.date(2025, 6, 1))
        with pytest.raises(ValidationError, match="newer recommendation"):
            recommendations.run_command(s, cpic, closing, "supersede", superseded_by_id=closing)


def test_assign_needs_a_hub(db, cpic):
    from .factories import make_document, make_recommendation
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
        with pytest.raises(ValidationError, match="at least one hub"):
            recommendations.run_command(s, cpic, rec, "assign")


def test_a_full_walk_to_closure_records_the_board_decision(db, cpic, hub_officer, board):
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, "NW")  # the hub officer's hub
        act = make_action(s, cpic, [rec], hub_id=hub_id(s, "NW"))
        recommendations.run_command(s, cpic, rec, "assign")
        recommendations.run_command(s, hub_officer, rec, "start")
        actions.run_command(s, hub_officer, act, "complete", note="All custody sergeants briefed")
        recommendations.run_command(s, hub_officer, rec, "deliver")
        recommendations.run_command(s, cpic, rec, "accept_evidence")
        recommendations.run_command(s, board, rec, "close", decision_date=dt.date(2025, 7, 3),
                                    minute_ref="OLB 25/07 item 5")
        r = s.get(Recommendation, rec)
        assert (r.status, r.board_decision_on, r.board_minute_ref) == (
            RecStatus.CLOSED, dt.date(2025, 7, 3), "OLB 25/07 item 5")
        assert r.closed_on is not None
        recommendations.run_command(s, board, rec, "reopen", reason="Repeat incident in custody")
        assert r.status == RecStatus.REOPENED and r.closed_on is None


def test_viewer_gets_nothing_to_do():
    for status in RecStatus:
        assert lifecycle.allowed_commands("recommendation", status, Role.VIEWER) == []
    assert Actor("v", Role.VIEWER).role == Role.VIEWER
