"""Chasers at 200,000 recommendations / ~845,000 actions: a chase run for all owners (select, write every owner's
.eml and .ics, record every chase in one transaction) on a private copy of the shared demo register.

    python -m benchmarks chase

Reference measured in the same run: a plain SELECT of the same rows (the id, owner and dates of every overdue,
due-soon and stale recommendation and action, fetched), the floor for any chase run. Target (issue 14): the
chase run for all owners ≤ 30 s. Also: the dry run, a second run (the chase tables no longer empty), and the
register's "never chased" filter counted from the index.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from .common import Row, demo_copy, median, peak_rss_mb, print_table, timed


def _reference(db, criteria) -> tuple[float, float, int]:
    from sqlalchemy import or_, select

    from ol_desk.core.model import Action, Recommendation
    from ol_desk.core.queries import predicates as p
    on = criteria.day()
    recs = select(Recommendation.id, Recommendation.owner_id, Recommendation.current_target_date,
                  Recommendation.last_update_on).where(
        Recommendation.owner_id.is_not(None),
        or_(p.rec_overdue(on), p.rec_due_within(criteria.due_days, on), p.rec_stale(criteria.stale_days, on)))
    acts = select(Action.id, Action.owner_id, Action.current_due_date, Action.last_update_on).where(
        Action.owner_id.is_not(None),
        or_(p.action_overdue(on), p.action_due_within(criteria.due_days, on),
            p.action_stale(criteria.stale_days, on)))
    times, cpus, n = [], [], 0
    for _ in range(3):
        cpu = time.process_time()
        with db.reading() as s, timed() as t:
            n = len(s.execute(recs).all()) + len(s.execute(acts).all())
        times.append(t())
        cpus.append(time.process_time() - cpu)
    return median(times), median(cpus), n


def main(argv: list[str]) -> int:
    from sqlalchemy import and_, func, select

    from ol_desk.core.chase.run import run_chase
    from ol_desk.core.chase.selection import ChaseCriteria
    from ol_desk.core.model import Recommendation
    from ol_desk.core.queries.register_filter import RegisterFilter, recommendation_conditions
    from ol_desk.core.services.actor import Actor

    actor = Actor("Benchmark CPIC")
    criteria = ChaseCriteria()
    rows: list[Row] = []
    with demo_copy("chase") as db:
        with db.reading() as s:
            n = s.scalar(select(func.count()).select_from(Recommendation))
        ref, ref_cpu, fetched = _reference(db, criteria)
        refname = f"plain SELECT of the same {fetched:,} rows"
        with timed() as dry:
            _c, plan = run_chase(db, criteria, actor, out_dir=None, dry_run=True)
        items = sum(len(o.chase.items) for o in plan.outcomes)
        out = Path(tempfile.mkdtemp(prefix="chase-bench-"))
        try:
            cpu = time.process_time()
            with timed() as first:
                _c, report = run_chase(db, criteria, actor, out_dir=out / "1")
            cpu = time.process_time() - cpu
            size = sum(f.stat().st_size for f in (out / "1").iterdir()) / 2**20
            with timed() as second:
                run_chase(db, criteria, actor, out_dir=out / "2")
        finally:
            shutil.rmtree(out, ignore_errors=True)
        with db.reading() as s, timed() as never:
            s.scalar(select(func.count()).select_from(Recommendation).where(
                and_(*recommendation_conditions(RegisterFilter(not_chased_days=0), criteria.day()))))
    owners = len(report.outcomes)
    rows.append(Row(f"dry run: select for all owners ({owners} owners, {items:,} items, {n:,} recommendations)",
                    dry(), "s", ref, refname))
    rows.append(Row(f"chase run, all owners: {owners} .eml + .ics ({size:,.0f} MB), {len(report.recorded)} chases "
                    f"recorded", first(), "s", ref, refname, "≤ 30 s"))
    rows.append(Row("chase run, all owners: CPU time of this process", cpu, "s", ref_cpu,
                    "CPU time of the plain SELECT", "(the machine is shared: wall time waits for other jobs)"))
    rows.append(Row("chase run again (chase tables filled)", second(), "s", ref, refname, "≤ 30 s"))
    rows.append(Row("register: count 'never chased' recommendations", never(), "s", None, ""))
    rows.append(Row("peak memory", peak_rss_mb(), "MB", None, ""))
    print_table("Chasers (200,000 demo)", rows)
    return 0
