"""The anchor printed in a Board pack and a hub workbook (Summary / Read me, and document properties) is read back
by `check --against`, and a log cut after the export fails against it."""
from __future__ import annotations

from openpyxl import load_workbook

from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
from ol_desk.core.integrity.anchor import chain_head
from ol_desk.core.integrity.anchor_files import read_anchor
from ol_desk.core.integrity.check import run_check
from ol_desk.core.integrity.witness import witness_path

from ..factories import assigned_recommendation, make_action
from .tamper import cut_tail


def _history(db, cpic):
    with db.transaction() as s:
        make_action(s, cpic, [assigned_recommendation(s, cpic, "MD")])


def _cells(path, sheet: str) -> str:
    wb = load_workbook(path, read_only=True)
    try:
        return "\n".join(str(c) for row in wb[sheet].iter_rows(values_only=True) for c in row if c is not None)
    finally:
        wb.close()


def test_a_board_pack_carries_the_head_and_proves_a_later_cut(db, cpic, tmp_path):
    _history(db, cpic)
    pack = tmp_path / "pack.xlsx"
    with db.reading() as s:
        export_register_pack(pack, s)
        head = chain_head(s, db.uid)
    assert read_anchor(pack) == head
    assert head.grouped_hash in _cells(pack, "Summary")
    assert run_check(db, against=pack).ok
    witness_path(db.uid).unlink()
    cut_tail(db, 1)
    problems = run_check(db, against=pack, quick=True).problems
    assert len(problems) == 1 and problems[0].startswith("against pack.xlsx: the log was cut")


def test_a_hub_workbook_carries_the_head(db, cpic, tmp_path):
    _history(db, cpic)
    book = tmp_path / "md.xlsx"
    with db.reading() as s:
        export_for_update(book, s, hub_code="MD", db_uid=db.uid)
        head = chain_head(s, db.uid)
    assert read_anchor(book) == head
    assert head.text in _cells(book, "Read me")
    assert run_check(db, against=book).ok
