"""Re-hashing the evidence store: every stored file must still be there and hash to the SHA-256 recorded when it
was attached."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.model import Evidence
from ol_desk.core.model.enums import EvidenceKind
from ol_desk.core.progress import Progress
from ol_desk.core.services.records import sha256_of


def _owner(row) -> str:
    return f"recommendation {row.recommendation_id}" if row.recommendation_id else f"action {row.action_id}"


def check_evidence_files(session: Session, store_dir: Path, progress: Progress | None = None) -> tuple[int, list[str]]:
    """(files checked, one line per missing or altered file)."""
    total = session.scalar(select(func.count()).select_from(Evidence).where(Evidence.kind == EvidenceKind.FILE)) or 0
    rows = session.execute(select(Evidence.id, Evidence.recommendation_id, Evidence.action_id,
                                  Evidence.original_name, Evidence.stored_path, Evidence.sha256)
                           .where(Evidence.kind == EvidenceKind.FILE).order_by(Evidence.id))
    problems = []
    done = 0
    for row in rows:
        path = Path(store_dir) / row.stored_path
        what = f"evidence {row.id} ('{row.original_name}' on {_owner(row)})"
        if not path.is_file():
            problems.append(f"{what}: the file is missing from the evidence store ({path})")
        elif sha256_of(path) != row.sha256:
            problems.append(f"{what}: the stored file was altered (its SHA-256 is not the one recorded)")
        done += 1
        if progress is not None:
            progress(done, total, "re-hashing evidence files")
    return done, problems
