"""The integrity check `ol-desk check` and Help › Check integrity run: the store's own check, the audit chain, the
chain against an anchor kept elsewhere (a file given, and this workstation's witness), and the evidence store.

Reads only: nothing found is repaired.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from ol_desk.core import audit
from ol_desk.core.progress import Progress

from .anchor import Anchor, extends
from .anchor_files import read_anchor
from .evidence_store import check_evidence_files
from .replay import replay
from .witness import read_witness, witness_path


@dataclass
class IntegrityReport:
    events: int = 0
    rows: int = 0
    evidence_files: int = 0
    passed: list[str] = field(default_factory=list)  # what was proved, in words
    problems: list[str] = field(default_factory=list)  # one line each

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def words(self) -> str:
        return self.summary(None)

    def summary(self, limit: int | None = 12) -> str:
        """The report in words: what failed first (at most `limit` lines of it, then how many more), then what was
        proved."""
        head = "Integrity check passed." if self.ok else f"Integrity check FAILED: {len(self.problems)} problem(s)."
        shown = self.problems if limit is None else self.problems[:limit]
        hidden = len(self.problems) - len(shown)
        more = [f"… and {hidden:,} more (see the details)"] if hidden else []
        lines = [head, *(f"✗ {p}" for p in shown), *more, *(f"✓ {p}" for p in self.passed)]
        return "\n".join(lines)


def run_check(db, *, against: Path | None = None, quick: bool = False,
              progress: Progress | None = None) -> IntegrityReport:
    """The whole check; `quick` checks the chain (and anchors) only, leaving out the rows against their history and
    the evidence store. `against` is read before anything else, so a file
    that holds no anchor is refused (ValidationError) before the long part."""
    anchor = read_anchor(against) if against is not None else None
    report = IntegrityReport()
    with db.reading() as session:
        if db.url.get_backend_name() == "sqlite":
            result = session.execute(text("PRAGMA quick_check")).scalar()
            if result != "ok":
                report.problems.append(f"the database file is damaged: {result}")
        chain = audit.verify(session, progress=progress)
        report.events = chain.events
        if not chain.ok:
            report.problems.append(f"audit trail broken after {chain.events:,} good events: {chain.problem}")
        else:
            report.passed.append(f"audit trail: {chain.events:,} events, hash chain verified")
            if anchor is not None:
                _against(report, session, db.uid, anchor, against.name if against else "")
            witness = read_witness(witness_path(db.uid))
            if witness is not None:
                _against(report, session, db.uid, witness, "this workstation's witness")
        if not quick:
            _rows_against_history(report, session, progress, chain.events)
            report.evidence_files, missing = check_evidence_files(session, db.evidence_dir, progress)
            report.problems.extend(missing)
            if not missing:
                report.passed.append(f"evidence store: {report.evidence_files:,} files re-hashed, all as recorded")
    return report


def _rows_against_history(report: IntegrityReport, session, progress: Progress | None, events: int) -> None:
    if progress is not None:
        progress(0, events, "checking rows against the audit log")
    found = replay(session, progress, events)
    report.rows = found.rows
    report.problems.extend(found.problems)
    if found.more:
        report.problems.append(f"…and {found.more:,} more rows or events the audit log does not explain "
                               f"({found.count:,} in all)")
    if found.ok:
        report.passed.append(f"rows against their history: {found.rows:,} rows, each as its "
                             f"{found.events:,} events describe it")


def _against(report: IntegrityReport, session, uid: str, anchor: Anchor, where: str) -> None:
    problem = extends(session, anchor, uid)
    if problem:
        report.problems.append(f"against {where}: {problem}")
    else:
        report.passed.append(f"against {where}: the log extends its {anchor.events:,} events (up to event "
                             f"{anchor.last_id}) unchanged")


def quick_check(db) -> IntegrityReport:
    """At start-up: the chain's tail against this workstation's witness only (no full walk, no evidence)."""
    report = IntegrityReport()
    witness = read_witness(witness_path(db.uid))
    if witness is None:
        return report
    with db.reading() as session:
        _against(report, session, db.uid, witness, "this workstation's witness")
    return report
