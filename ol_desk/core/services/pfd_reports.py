"""A coroner's PFD report read from its PDF (`core/pfd_pdf`), as the user confirmed or corrected it on the preview,
written in one go: the source document (its 56-day clock from the report's date, as `create_document` sets it for
a report recorded by hand), one "matter of concern" per concern in order, and the PDF attached to each as
evidence — all in one import batch, so the whole report is listed and undone like a register import.

The same PDF (by its SHA-256) or the same reference is never imported twice: the user is told where it is."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.errors import ValidationError
from ol_desk.core.lifecycle import CPIC
from ol_desk.core.model import ImportBatch, SourceDocument
from ol_desk.core.model.enums import Entity, FindingType, SourceKind
from ol_desk.core.pfd_pdf import PfdReport

from . import documents, import_batches, recommendations, records, writes
from .actor import Actor
from .changes import Changes

BATCH_KIND = "pfd_report"
MAX_CONCERNS = 200


@dataclass
class PfdImport:
    already: str = ""                 # set, and nothing written, when the report is in ol-desk already
    document_id: int | None = None
    recommendation_ids: list[int] = field(default_factory=list)
    batch_id: int | None = None
    changes: Changes = field(default_factory=Changes)


def already_imported(session: Session, report: PfdReport) -> str:
    """Where this report already is ('' when it is not): the same file imported before, or a PFD document with the
    same reference."""
    batch = None
    if report.sha256:
        batch = session.scalars(select(ImportBatch).where(
            ImportBatch.kind == BATCH_KIND, ImportBatch.sha256 == report.sha256,
            ImportBatch.undone_at.is_(None)).order_by(ImportBatch.id).limit(1)).first()
    doc = None
    if report.reference.strip():
        doc = session.scalars(select(SourceDocument).where(
            SourceDocument.kind == SourceKind.PFD,
            SourceDocument.reference == report.reference.strip()).limit(1)).first()   # ix_documents_kind_reference
    if batch is not None:
        return (f"{report.file_name} was imported already (import batch {batch.id}, {batch.started_at:%d %b %Y} by "
                f"{batch.actor}); nothing was imported again.")
    if doc is not None:
        return (f"PFD report {doc.reference} is in ol-desk already ({doc.title or 'document ' + str(doc.id)}, "
                f"{len(doc.recommendations)} concern(s)); nothing was imported. Correct the reference if this is "
                f"another report.")
    return ""


def _checked(report: PfdReport) -> list[str]:
    concerns = [" ".join(c.split()) for c in report.concerns]
    if not any(concerns):
        raise ValidationError("A PFD report needs at least one matter of concern to import.")
    if any(not c for c in concerns):
        raise ValidationError("A matter of concern is empty: write its text or remove it.")
    if len(concerns) > MAX_CONCERNS:
        raise ValidationError(f"{len(concerns)} matters of concern is more than a report holds ({MAX_CONCERNS}).")
    if len(report.reference.strip()) > 80:
        raise ValidationError("A report's reference can be at most 80 characters.")
    if report.date_issued is not None and report.date_issued > dt.date.today() + dt.timedelta(days=31):
        raise ValidationError(f"The report's date {report.date_issued:%d %B %Y} is in the future.")
    return concerns


def import_pfd_report(session: Session, actor: Actor, store_dir: Path, pdf: Path, report: PfdReport) -> PfdImport:
    """Write the confirmed report in the caller's transaction. A report that is there already writes nothing and
    says where it is (`PfdImport.already`)."""
    writes.require_role(actor, CPIC, "import PFD reports")
    concerns = _checked(report)
    pdf = Path(pdf)
    if not pdf.is_file():
        raise ValidationError(f"{pdf.name} is no longer there; nothing was imported.")
    if report.sha256 and records.sha256_of(pdf) != report.sha256:
        raise ValidationError(f"{pdf.name} changed since it was read; read it again before importing.")
    already = already_imported(session, report)
    if already:
        return PfdImport(already=already)
    reference = report.reference.strip()
    batch_id = import_batches.open_batch(session, actor, BATCH_KIND, pdf.name, sha256=report.sha256,
                                         detail={"reference": reference, "concerns": len(concerns)})
    out = PfdImport(batch_id=batch_id)
    with writes.in_batch(session, batch_id):
        changes = documents.create_document(
            session, actor, kind=SourceKind.PFD, title=report.title.strip() or f"Regulation 28 report {reference}",
            reference=reference, issuing_body=report.coroner.strip()[:200], date_issued=report.date_issued,
            area=report.area.strip()[:200], addressees="; ".join(a.strip() for a in report.addressees if a.strip()),
            notes=report.notes)
        out.document_id = next(iter(changes.created[Entity.DOCUMENT]))
        label = f"Regulation 28 report {reference}".strip() + " (the coroner's PDF)"
        for position, text in enumerate(concerns, start=1):
            made = recommendations.create_recommendation(
                session, actor, document_id=out.document_id, text=text, finding_type=FindingType.MATTER_OF_CONCERN,
                position=position)
            rec_id = next(iter(made.created[Entity.RECOMMENDATION]))
            out.recommendation_ids.append(rec_id)
            changes |= made | records.add_evidence_file(session, actor, store_dir, pdf, description=label,
                                                        recommendation_id=rec_id)
    import_batches.set_summary(session, batch_id, {"new": 1 + len(concerns), "changed": 0, "kind": "pfd",
                                                   "reference": reference, "rows_describe": "pfd report"})
    out.changes = Changes(changes.created, changes.updated, changes.deleted, batch_id)
    return out
