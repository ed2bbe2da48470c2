"""A chase run end to end on both stores: the drafts parse back as mail ready to send, the calendars parse with an
independent parser, each chase is recorded (audit, history in words, "last chased") and the dry run writes nothing."""
from __future__ import annotations

import email
import email.policy

import icalendar
import pytest
from sqlalchemy import func, select

from ol_desk.core.chase.run import run_chase
from ol_desk.core.chase.selection import ChaseCriteria
from ol_desk.core.editing.history_text import item_history
from ol_desk.core.errors import NotFoundError, PermissionDenied, ValidationError
from ol_desk.core.model import Action, AuditEvent, Chase, ChaseItem, Recommendation
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import history

from .chase_register import ON, build


@pytest.fixture
def register(db, cpic):
    with db.transaction() as s:
        return build(s, cpic)


def _parse(path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_the_run_writes_a_draft_per_owner_that_a_mail_program_opens_ready_to_send(db, cpic, register, tmp_path):
    _changes, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path)
    by_name = {o.chase.name: o for o in report.outcomes}
    assert set(by_name) == {"Alice Able", "Bob Brown", "Nora North"}
    alice = _parse(by_name["Alice Able"].eml)
    assert alice["X-Unsent"] == "1"
    assert alice["From"] is None  # no sender given: the mail program fills in the account it sends from
    assert alice["To"] == "alice.able@example.police.uk"
    assert alice["Subject"].startswith("OFFICIAL-SENSITIVE")
    assert "2 items" in alice["Subject"] and "(1 overdue)" in alice["Subject"]
    assert b"\r\n" in by_name["Alice Able"].eml.read_bytes()
    text = alice.get_body(("plain",)).get_content()
    html = alice.get_body(("html",)).get_content()
    assert "2025-0241 1: Rousing checks; every 30 minutes, logged" in text
    assert "Due: 01 Jan 2030" in text and "Needed next: Past its target date" in text
    assert "Due soon (1)" in text and "2025-0241 2" in text
    assert "2025-0241 5" not in text  # not accepted: nothing to chase
    assert "<td>Recommendation 2025-0241 1</td>" in html
    attached = [part for part in alice.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert len(attached) == 1 and attached[0].get_filename().endswith(".ics")
    # An owner with no address still gets a draft (To empty), and the report says so.
    bob = _parse(by_name["Bob Brown"].eml)
    assert (bob["To"] or "") == ""
    assert "Action MD-007" in bob.get_body(("plain",)).get_content()
    assert "Bob Brown" in report.summary() and "no email address" in report.summary()


def test_a_from_address_given_for_drafts_is_their_from(db, cpic, register, tmp_path):
    _c, report = run_chase(db, ChaseCriteria(owner="Alice Able", on=ON), cpic, out_dir=tmp_path,
                           from_address="ol-team@example.police.uk")
    sender = _parse(report.outcomes[0].eml)["From"]
    assert sender.addresses[0].addr_spec == "ol-team@example.police.uk"
    assert sender.addresses[0].display_name == cpic.name


def test_every_calendar_event_parses_with_a_stable_uid(db, cpic, register, tmp_path):
    _c, first = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path / "one")
    _c, again = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path / "two")
    for run in (first, again):
        for outcome in run.outcomes:
            raw = outcome.ics.read_bytes()
            assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
            assert raw.endswith(b"END:VCALENDAR\r\n")
            cal = icalendar.Calendar.from_ical(raw)
            events = list(cal.walk("VEVENT"))
            assert len(events) == sum(1 for i in outcome.chase.items if i.due is not None)
            for ev in events:
                assert ev.get("DTSTART").params.get("VALUE") == "DATE" or not hasattr(ev.decoded("DTSTART"),
                                                                                       "hour")
                assert ev.decoded("DTEND") > ev.decoded("DTSTART")
                assert ev.get("DTSTAMP") is not None
    alice = {o.chase.name: o for o in first.outcomes}["Alice Able"]
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(alice.ics.read_bytes()).walk("VEVENT")}
    overdue = register["overdue"]
    uid = next(u for u in events if u.startswith(f"recommendation-{overdue}-due-20300101@"))
    # escaping survives the round trip: the title's semicolon and comma come back as written
    assert "Rousing checks; every 30 minutes, logged" in str(events[uid]["SUMMARY"])
    again_uids = {str(e["UID"]) for o in again.outcomes if o.chase.name == "Alice Able"
                  for e in icalendar.Calendar.from_ical(o.ics.read_bytes()).walk("VEVENT")}
    assert set(events) == again_uids


def test_each_chase_is_recorded_audited_shown_in_history_and_last_chased(db, cpic, register, tmp_path):
    with db.reading() as s:
        events_before = s.scalar(select(func.count()).select_from(AuditEvent))
    changes, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path)
    assert changes.ids(Entity.RECOMMENDATION) == {register["overdue"], register["soon"], register["stale"],
                                                  register["nw"]}
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 3
        chase_events = s.scalars(select(AuditEvent).where(AuditEvent.id > 0, AuditEvent.verb == "chase")).all()
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == events_before + 3
        alice_event = next(e for e in chase_events if e.entity_id == register["alice"])
        listed = sorted((register["overdue"], register["soon"]))
        assert f'"recommendations":[{listed[0]},{listed[1]}]' in alice_event.detail.replace(" ", "")
        assert alice_event.actor == cpic.name
        chased = s.get(Recommendation, register["overdue"])
        assert chased.last_chased_at is not None and chased.version == 1 + 1  # version: set_hubs only
        assert s.get(Recommendation, register["closed_ok"]).last_chased_at is None
        assert s.get(Action, register["action"]).last_chased_at is not None
        lines = item_history(s, Entity.RECOMMENDATION, register["overdue"])
        assert lines[0].what == "Chased Alice Able: email draft written (alice.able@example.police.uk)"
        assert lines[0].actor == cpic.name
        bob_line = item_history(s, Entity.ACTION, register["action"])[0]
        assert bob_line.what == "Chased Bob Brown: email draft written (no email address on record)"
        assert s.scalar(select(func.count()).select_from(ChaseItem)) == 6
        event_ids = [e.id for e in chase_events]
    with pytest.raises(ValidationError, match="cannot be undone"):
        with db.transaction() as s:
            history.undo(s, cpic, event_ids)
    assert all(o.recorded for o in report.outcomes)


def test_a_dry_run_lists_what_would_be_sent_and_writes_nothing(db, cpic, register, tmp_path):
    changes, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path / "dry", dry_run=True)
    assert not changes and not (tmp_path / "dry").exists()
    assert [o.chase.name for o in report.outcomes] == ["Alice Able", "Bob Brown", "Nora North"]
    assert "would be chased" in report.outcomes[0].line()
    assert report.summary().startswith("Dry run: 3 owner(s) would be chased for 6 item(s)")
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 0


def test_selection_by_hub_owner_and_overdue_only(db, cpic, register, tmp_path):
    _c, nw = run_chase(db, ChaseCriteria(hub_code="nw", on=ON), cpic, out_dir=None, dry_run=True)
    assert [(o.chase.name, len(o.chase.items)) for o in nw.outcomes] == [("Nora North", 2)]
    _c, alice = run_chase(db, ChaseCriteria(owner="alice able", on=ON), cpic, out_dir=None, dry_run=True)
    assert [o.chase.name for o in alice.outcomes] == ["Alice Able"]
    _c, overdue = run_chase(db, ChaseCriteria(overdue_only=True, on=ON), cpic, out_dir=None, dry_run=True)
    assert {(o.chase.name, len(o.chase.items)) for o in overdue.outcomes} == {
        ("Alice Able", 1), ("Bob Brown", 1), ("Nora North", 1)}
    with pytest.raises(NotFoundError, match="no person called"):
        run_chase(db, ChaseCriteria(owner="Zed", on=ON), cpic, out_dir=None, dry_run=True)


def test_nothing_to_chase_says_so(db, cpic, tmp_path):
    changes, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path)
    assert not changes and report.outcomes == []
    assert report.summary().startswith("Nothing to chase")


def test_a_hub_officer_chases_their_own_hub_only_and_the_board_not_at_all(db, cpic, hub_officer, board, register,
                                                                          tmp_path):
    _c, report = run_chase(db, ChaseCriteria(on=ON), hub_officer, out_dir=tmp_path)
    assert [o.chase.name for o in report.outcomes] == ["Nora North"]
    with pytest.raises(PermissionDenied, match="own hub"):
        run_chase(db, ChaseCriteria(hub_code="MD", on=ON), hub_officer, out_dir=tmp_path)
    with pytest.raises(PermissionDenied, match="chase owners"):
        run_chase(db, ChaseCriteria(on=ON), board, out_dir=tmp_path / "board")
    from ol_desk.core.services.chases import ChaseRecord, record_chases
    with pytest.raises(PermissionDenied, match="not NW's"):
        with db.transaction() as s:
            record_chases(s, hub_officer, [ChaseRecord(register["alice"], "", "draft", [register["overdue"]])])
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 1


def test_the_fast_serialisation_is_the_mail_packages_message(db, cpic, register, tmp_path):
    from ol_desk.core.chase.email_draft import EML_POLICY
    _c, report = run_chase(db, ChaseCriteria(owner="Alice Able", on=ON), cpic, out_dir=tmp_path)
    ours = _parse(report.outcomes[0].eml)
    again = email.message_from_bytes(ours.as_bytes(policy=EML_POLICY), policy=email.policy.default)
    assert not ours.defects and [p.get_content_type() for p in ours.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar"]
    for a, b in zip(ours.walk(), again.walk(), strict=True):
        assert a.items() == b.items()
        if not a.is_multipart():
            assert a.get_content() == b.get_content() and not a.defects


def test_a_draft_that_cannot_be_written_fails_that_owner_only(db, cpic, register, tmp_path):
    from ol_desk.core.chase.run import FAILED, file_stem
    from ol_desk.core.chase.selection import select_chases
    with db.reading() as s:
        alice = next(o for o in select_chases(s, ChaseCriteria(on=ON), cpic) if o.name == "Alice Able")
    (tmp_path / f"{file_stem(alice)}.eml").mkdir(parents=True)   # a folder where her draft would go
    _c, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path)
    status = {o.chase.name: o.status for o in report.outcomes}
    assert status["Alice Able"] == FAILED and status["Bob Brown"] == "draft written"
    assert "could not write the draft" in report.outcomes[0].problem
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 2
        assert s.get(Recommendation, register["overdue"]).last_chased_at is None
