"""The write-boundary check (tests/write_boundary.py) catches a row written from outside the services, and lets a
service's write through: the tool that keeps "one door for every change" true must itself be seen to work."""
from __future__ import annotations

from sqlalchemy import insert, select

from ol_desk.core.model import Hub
from ol_desk.core.services import reference
from tests import write_boundary


def _run_as(module: str, code: str, **names) -> None:
    exec(compile(code, f"<{module}>", "exec"), {"__name__": module, **names})   # as if that module ran it


def test_a_row_written_by_a_gui_module_is_a_breach_and_one_written_by_a_service_is_not(db, cpic):
    with db.transaction() as s:
        _run_as("ol_desk.gui.registers.sneaky", "s.execute(insert(Hub).values(code='ZZ', name='Sneaky', kind='bcu'))",
                s=s, insert=insert, Hub=Hub)
    caught = list(write_boundary.breaches)
    write_boundary.breaches.clear()          # this test's breach was on purpose
    assert len(caught) == 1 and caught[0].startswith("ol_desk.gui.registers.sneaky:1 wrote a row outside the "
                                                     "services: INSERT INTO hubs")
    with db.transaction() as s:
        _run_as("ol_desk.gui.registers.polite", "reference.create_hub(s, cpic, code='YY', name='Polite', kind='bcu')",
                s=s, reference=reference, cpic=cpic)
    assert write_boundary.breaches == []
    with db.reading() as s:
        assert set(s.scalars(select(Hub.code).where(Hub.code.in_(["ZZ", "YY"])))) == {"ZZ", "YY"}
