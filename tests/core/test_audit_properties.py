"""Property: whatever sequence of events is written, the chain verifies; change any one stored field of any one
event and verification fails at exactly that event."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from ol_desk.core import audit
from ol_desk.core.model import AuditEvent, Base
from ol_desk.core.services import audit_trail

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
events = st.lists(st.builds(audit_trail.PendingEvent, actor=texts, verb=st.sampled_from(["create", "update", "close"]),
                            entity=st.sampled_from(["recommendation", "action"]),
                            entity_id=st.one_of(st.none(), st.integers(1, 10**6)),
                            detail=st.dictionaries(texts, st.one_of(st.integers(), texts), max_size=3)),
                  min_size=1, max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=events, victim=st.integers(0, 11), field=st.sampled_from(["actor", "verb", "entity_id", "detail"]))
def test_chain_verifies_and_any_single_edit_is_found(batch, victim, field):
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[Base.metadata.tables["import_batches"],
                                             Base.metadata.tables["audit_events"]])
    with Session(engine) as s, s.begin():
        audit_trail.append(s, batch[: len(batch) // 2 + 1])
        audit_trail.append(s, batch[len(batch) // 2 + 1:])
    with Session(engine) as s:
        report = audit.verify(s, chunk=3)
        assert report.ok and report.events == len(batch)
        ev = s.scalars(select(AuditEvent).order_by(AuditEvent.id).offset(victim % len(batch)).limit(1)).one()
        new = {"actor": ev.actor + "x", "verb": ev.verb + "x", "entity_id": (ev.entity_id or 0) + 1,
               "detail": ev.detail + " "}[field]
        setattr(ev, field, new)
        s.flush()
        report = audit.verify(s, chunk=3)
        assert not report.ok and report.first_bad_id == ev.id
