"""Services for Gold Group learning: quick capture, and CPIC triage (no action / convert / merge)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.dates import today
from ol_desk.core.errors import TransitionError, ValidationError
from ol_desk.core.model import Hub, LearningEntry, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity, FindingType, Role, SourceKind, TriageOutcome

from . import writes
from .actor import Actor
from .changes import Changes
from .documents import create_document
from .recommendations import create_recommendation, set_hubs

CAPTURERS = {Role.CPIC, Role.HUB_OFFICER, Role.GOLD_LEAD}
TRIAGERS = {Role.CPIC}


def capture_learning(session: Session, actor: Actor, *, operation: str, learning: str,
                     incident_date: dt.date | None = None, gold_lead: str = "", suggested_owner: str = "",
                     suggested_hub_id: int | None = None) -> Changes:
    writes.require_role(actor, CAPTURERS, "log Gold Group learning")
    operation, learning = (operation or "").strip(), (learning or "").strip()
    if not operation:
        raise ValidationError("Name the operation or incident.")
    if not learning:
        raise ValidationError("Describe the learning identified.")
    if incident_date is not None and incident_date > today():
        raise ValidationError("The incident date is in the future.")
    if suggested_hub_id is not None:
        writes.get(session, Hub, Entity.HUB, suggested_hub_id)
    entry = LearningEntry(operation=operation, learning=learning, incident_date=incident_date,
                          gold_lead=(gold_lead or actor.name).strip(), suggested_owner=suggested_owner.strip(),
                          suggested_hub_id=suggested_hub_id, captured_by=actor.name)
    return writes.create(session, actor, Entity.LEARNING, entry)


def _pending(session: Session, entry_id: int, expected_version: int | None) -> LearningEntry:
    entry = writes.get(session, LearningEntry, Entity.LEARNING, entry_id)
    writes.check_version(entry, Entity.LEARNING, expected_version)
    if entry.triage_outcome != TriageOutcome.PENDING:
        raise TransitionError(f"This learning entry was already triaged ({entry.triage_outcome.label}).")
    return entry


def triage_no_action(session: Session, actor: Actor, entry_id: int, reason: str, *,
                     expected_version: int | None = None) -> Changes:
    writes.require_role(actor, TRIAGERS, "triage learning")
    entry = _pending(session, entry_id, expected_version)
    if not (reason or "").strip():
        raise ValidationError("Say why no action is needed.")
    return writes.update(session, actor, Entity.LEARNING, entry,
                         dict(triage_outcome=TriageOutcome.NO_ACTION, triage_reason=reason.strip(),
                              triaged_by=actor.name, triaged_on=today()), verb="triage")


def _gold_document(session: Session, actor: Actor, entry: LearningEntry) -> tuple[int, Changes]:
    """The Gold Group source document for the entry's operation (one per operation)."""
    doc_id = session.scalar(select(SourceDocument.id).where(SourceDocument.kind == SourceKind.GOLD_GROUP,
                                                            SourceDocument.reference == entry.operation[:80]))
    if doc_id is not None:
        return doc_id, Changes()
    changes = create_document(session, actor, kind=SourceKind.GOLD_GROUP, reference=entry.operation[:80],
                              title=f"Gold Group learning: {entry.operation}", issuing_body="Gold Group",
                              date_issued=entry.incident_date)
    return next(iter(changes.created[Entity.DOCUMENT])), changes


def triage_convert(session: Session, actor: Actor, entry_id: int, *, text: str | None = None,
                   target_date: dt.date | None = None, expected_version: int | None = None) -> Changes:
    """Turn the learning into a recommendation under a Gold Group document; the link is kept both ways."""
    writes.require_role(actor, TRIAGERS, "triage learning")
    entry = _pending(session, entry_id, expected_version)
    doc_id, changes = _gold_document(session, actor, entry)
    changes |= create_recommendation(session, actor, document_id=doc_id, text=text or entry.learning,
                                     finding_type=FindingType.LEARNING_POINT, target_date=target_date,
                                     reference=f"L{entry.id}", notes=f"From Gold Group learning entry {entry.id}")
    rec_id = next(iter(changes.created[Entity.RECOMMENDATION]))
    if entry.suggested_hub_id is not None:
        changes |= set_hubs(session, actor, rec_id, [entry.suggested_hub_id], entry.suggested_hub_id)
    changes |= writes.update(session, actor, Entity.LEARNING, entry,
                             dict(triage_outcome=TriageOutcome.CONVERTED, recommendation_id=rec_id,
                                  triaged_by=actor.name, triaged_on=today()), verb="triage")
    return changes


def triage_merge(session: Session, actor: Actor, entry_id: int, recommendation_id: int, *,
                 expected_version: int | None = None) -> Changes:
    """The learning repeats an existing recommendation: link it there instead of creating a new one."""
    writes.require_role(actor, TRIAGERS, "triage learning")
    entry = _pending(session, entry_id, expected_version)
    writes.get(session, Recommendation, Entity.RECOMMENDATION, recommendation_id)
    changes = writes.update(session, actor, Entity.LEARNING, entry,
                            dict(triage_outcome=TriageOutcome.MERGED, recommendation_id=recommendation_id,
                                 triaged_by=actor.name, triaged_on=today()), verb="triage")
    writes.announce(session, Entity.RECOMMENDATION, [recommendation_id])
    return changes | Changes(updated={Entity.RECOMMENDATION: frozenset({recommendation_id})})


def learning_for(session: Session, recommendation_id: int) -> list[LearningEntry]:
    """The other direction of the link: learning entries that became or were merged into a recommendation."""
    return list(session.scalars(select(LearningEntry).where(LearningEntry.recommendation_id == recommendation_id)
                                .order_by(LearningEntry.id)))
