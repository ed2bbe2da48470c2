"""Sending chasers through a real SMTP server (aiosmtpd, started by the test): what arrives is the draft; a refused
recipient names its owner and only the chases actually sent are recorded."""
from __future__ import annotations

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPProtocol
from sqlalchemy import select

from ol_desk.core.chase.run import FAILED, NO_ADDRESS, SENT, run_chase
from ol_desk.core.chase.selection import ChaseCriteria
from ol_desk.core.chase.smtp_sender import SmtpSettings
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Chase, Person, Recommendation

from .chase_register import ON, build


class Inbox:
    def __init__(self, refuse: set[str] = frozenset()):
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTPProtocol, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    started = []

    def start(inbox: Inbox) -> int:
        port = _free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return port
    yield start
    for c in started:
        c.stop()


@pytest.fixture
def register(db, cpic):
    with db.transaction() as s:
        return build(s, cpic)


def test_sent_chasers_arrive_as_written_and_are_recorded_as_sent(db, cpic, register, smtp_server, tmp_path):
    inbox = Inbox()
    port = smtp_server(inbox)
    relay = SmtpSettings.parse(f"127.0.0.1:{port}", sender="ol-team@example.police.uk")
    _changes, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path, smtp=relay)
    status = {o.chase.name: o.status for o in report.outcomes}
    assert status == {"Alice Able": SENT, "Nora North": SENT, "Bob Brown": NO_ADDRESS}
    assert sorted(to for _f, rcpts, _c in inbox.messages for to in rcpts) == [
        "alice.able@example.police.uk", "nora.north@example.police.uk"]
    arrived = {rcpts[0]: email.message_from_bytes(content, policy=email.policy.default)
               for _f, rcpts, content in inbox.messages}
    alice = arrived["alice.able@example.police.uk"]
    assert inbox.messages[0][0] == "ol-team@example.police.uk"
    assert alice["From"].addresses[0].addr_spec == "ol-team@example.police.uk"
    assert "Rousing checks" in alice.get_body(("plain",)).get_content()
    assert any(p.get_content_type() == "text/calendar" for p in alice.iter_attachments())
    with db.reading() as s:
        chases = s.execute(select(Person.name, Chase.how, Chase.address).join(Person, Person.id == Chase.owner_id)
                           .order_by(Person.name)).all()
        assert [tuple(c) for c in chases] == [("Alice Able", "sent", "alice.able@example.police.uk"),
                                              ("Nora North", "sent", "nora.north@example.police.uk")]
        # Bob was not sent anything: not recorded, never "last chased"
        assert s.get(Recommendation, register["stale"]).last_chased_at is None
    assert "Bob Brown" in report.summary()


def test_a_refused_recipient_names_the_owner_and_is_not_recorded(db, cpic, register, smtp_server, tmp_path):
    port = smtp_server(Inbox(refuse={"alice.able@example.police.uk"}))
    relay = SmtpSettings.parse(f"127.0.0.1:{port}", sender="ol-team@example.police.uk")
    _changes, report = run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path, smtp=relay)
    alice = next(o for o in report.outcomes if o.chase.name == "Alice Able")
    assert alice.status == FAILED and "550" in alice.problem
    assert "Failed for 1 owner(s) (Alice Able)" in report.summary()
    with db.reading() as s:
        assert s.scalars(select(Person.name).join(Chase, Chase.owner_id == Person.id)).all() == ["Nora North"]
        assert s.get(Recommendation, register["overdue"]).last_chased_at is None


def test_an_unreachable_relay_sends_and_records_nothing(db, cpic, register, tmp_path):
    relay = SmtpSettings.parse(f"127.0.0.1:{_free_port()}", sender="ol-team@example.police.uk")
    with pytest.raises(ValidationError, match="Could not reach the SMTP relay"):
        run_chase(db, ChaseCriteria(on=ON), cpic, out_dir=tmp_path, smtp=relay)
    with db.reading() as s:
        assert s.scalars(select(Chase)).all() == []


def test_relay_settings_are_checked():
    assert SmtpSettings.parse("mail.example.org").port == 25
    assert SmtpSettings.parse("mail.example.org:587", starttls=True).starttls
    for bad in ("mail:x", ":25", "mail:70000"):
        with pytest.raises(ValidationError):
            SmtpSettings.parse(bad)
