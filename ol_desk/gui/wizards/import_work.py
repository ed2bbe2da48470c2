"""The import wizard's work, as plain functions for the worker thread (no Qt): inspect, preview, import, undo.

They call the importer's documented steps (core/excel/register_import/importer.py) and hand back plain values, so
no open workbook or session crosses to the UI thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ol_desk.core.excel.register_import import column_mapping as cm
from ol_desk.core.excel.register_import.importer import (
    ImportCancelled,
    ImportOptions,
    ImportReport,
    import_file,
    inspect_workbook,
    preview,
)
from ol_desk.core.model.enums import SourceKind
from ol_desk.core.services import import_profiles
from ol_desk.core.services.history import undo_batch
from ol_desk.gui.learning.hub_list import hub_ids_by_code

FIELD_CHOICES = [(cm.IGNORE, "— ignore this column —")] + [(f.key, f.label) for f in cm.FIELDS]


@dataclass
class Inspection:
    path: Path
    sheets: list[str]
    sheet: str
    header_row: int
    mode: str
    kind: str
    profile: str | None
    confidence: float
    columns: list[tuple[str, str | None, float, str]]   # header, field key, confidence, how it was chosen
    notes: list[str]
    profiles: list[str] = field(default_factory=list)
    hubs: list[tuple[int, str, str]] = field(default_factory=list)
    header_confidence: float = 1.0
    header_why: str = ""


def inspect(session, path, options: ImportOptions) -> Inspection:
    info = inspect_workbook(path, session, options)
    try:
        return Inspection(Path(path), info.sheets, info.sheet, info.header_row, info.mode, info.kind.value,
                          info.profile, info.confidence,
                          [(c.header, c.field, c.confidence, c.how) for c in info.mapping.columns if c.header],
                          list(info.notes), [p.name for p in import_profiles.all_profiles(session)],
                          hub_ids_by_code(session), info.header_confidence, info.header_why)
    finally:
        info.close()


def run_preview(db, progress, cancel, path, options: ImportOptions) -> ImportReport:
    with db.reading() as session:   # what import_file(dry_run=True) does; a preview needs no actor
        return preview(path, session, options, progress, cancel)


def run_import(db, progress, cancel, path, actor, options: ImportOptions):
    """A writing job: returns (Changes, ImportReport), so the helper refreshes the registers and puts the import
    on the undo stack (Ctrl+Z) with the audit events it appended."""
    if cancel():  # cancelled while waiting its turn on the worker
        raise ImportCancelled("Import stopped before it began; nothing was written.")
    report = import_file(db, path, actor, options, progress=progress, cancel=cancel)
    return report.changes, report


def undo_import(session, actor, batch_id: int):
    return undo_batch(session, actor, batch_id)


KINDS = [(k.value, k.label) for k in SourceKind]


REPEAT_CHECK_LIMIT = 10


def repeats(db, progress, cancel, index, new_ids, limit: int = REPEAT_CHECK_LIMIT):
    """For the first `limit` new recommendations of an import: the closest existing one from another source.
    Returns [(new id, new label, SimilarItem)]."""
    from ol_desk.core.model import Recommendation
    from ol_desk.core.similar import similar_recommendations
    new_ids = sorted(new_ids)
    out = []
    with db.reading() as session:
        for n, rec_id in enumerate(new_ids[:limit], 1):
            if cancel():
                break
            rec = session.get(Recommendation, rec_id)
            found = similar_recommendations(session, index, rec.text or rec.title, exclude_ids=new_ids,
                                            document_id=rec.document_id, limit=1)
            if found:
                out.append((rec_id, rec.label, found[0]))
            progress(n, min(limit, len(new_ids)), "looking for repeats")
    return out
