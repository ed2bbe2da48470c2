"""Files that must be refused with one clear message, and nothing written."""
from __future__ import annotations

import zipfile

import pytest

from ol_desk.core.excel import limits
from ol_desk.core.excel.register_import.importer import import_file
from ol_desk.core.excel.workbook_reader import WorkbookRefused

from .conftest import audit_count, build_workbook, rewrite_member, table_state

HEADER = ["Ref", "Recommendation", "Owner", "Target Date", "Status"]
ROW = ["R1", "Brief all custody officers on rousing checks.", "DS Clarke", "01/03/2025", "Open"]


def _refused(db, cpic, path, *words):
    before, events = table_state(db), audit_count(db)
    with pytest.raises(WorkbookRefused) as err:
        import_file(db, path, cpic)
    message = str(err.value)
    for w in words:
        assert w in message, message
    assert "\n" not in message and "Traceback" not in message
    assert table_state(db) == before and audit_count(db) == events
    return message


@pytest.mark.parametrize("name, words", [
    ("empty.xlsx", ["empty"]),
    ("csv_renamed.xlsx", ["CSV", "rename it to csv_renamed.csv"]),
    ("old_binary.xls", [".xls", "save it as an .xlsx"]),
    ("not_a_workbook.xlsx", ["not an Excel workbook"]),
    ("truncated.xlsx", ["damaged"]),
    ("unknown_columns.xlsx", ["no header row", "--map"]),
])
def test_every_bad_sample_is_refused(db, cpic, samples, name, words):
    _refused(db, cpic, samples / "bad" / name, *words)


def test_encrypted_workbook_is_refused(db, cpic, tmp_path):
    # An encrypted .xlsx is an OLE compound file holding an "EncryptionInfo" stream.
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 1024
    path = tmp_path / "locked.xlsx"
    path.write_bytes(body)
    _refused(db, cpic, path, "password-protected")


def test_zip_bomb_is_refused_before_parsing(db, cpic, tmp_path, monkeypatch):
    path = build_workbook(tmp_path / "bomb.xlsx", [HEADER, ROW])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", b"\0" * (8 * 2**20))  # 8 MB of zeros compress ~1000:1
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 4 * 2**20)
    _refused(db, cpic, path, "zip bomb")
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 2**30)
    monkeypatch.setattr(limits, "MIN_BOMB_BYTES", 2**20)
    _refused(db, cpic, path, "compressed", "zip bomb")


def test_xml_entity_expansion_is_refused(db, cpic, tmp_path):
    path = build_workbook(tmp_path / "laughs.xlsx", [HEADER, ROW])
    dtd = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    rewrite_member(path, "xl/workbook.xml", lambda data: dtd + data.split(b"?>", 1)[-1])
    _refused(db, cpic, path, "DTD")


def test_openpyxl_parses_with_defusedxml():
    import defusedxml.ElementTree
    import openpyxl
    from openpyxl.xml import functions
    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse is defusedxml.ElementTree.iterparse
    import io
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>'
    with pytest.raises(defusedxml.EntitiesForbidden):
        list(functions.iterparse(io.BytesIO(bomb)))


def test_overlong_cell_is_refused(db, cpic, tmp_path):
    # openpyxl cuts what it writes at Excel's limit, so the long text is put into the sheet's XML directly.
    path = build_workbook(tmp_path / "long.xlsx", [HEADER, ROW, ["R2", "LONGTEXT", "", "", "Open"]])
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(b"LONGTEXT", b"x" * 40_000))
    _refused(db, cpic, path, "B3", "40,000 characters", "32,767")


def _with_empty_formatted_rows(path, after_row: int, count: int):
    rows = "".join(f'<row r="{n}" s="1" customFormat="1" ht="15"/>' for n in range(after_row + 1,
                                                                                    after_row + 1 + count))

    def change(data: bytes) -> bytes:
        data = data.replace(b'<dimension ref="A1:E%d"/>' % after_row,
                            b'<dimension ref="A1:E%d"/>' % (after_row + count))
        return data.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
    return rewrite_member(path, "xl/worksheets/sheet1.xml", change)


def test_a_million_empty_formatted_rows_do_not_hang(db, cpic, tmp_path):
    only_header = _with_empty_formatted_rows(build_workbook(tmp_path / "empty-rows.xlsx", [HEADER]), 1, 1_000_000)
    _refused(db, cpic, only_header, "no rows")
    with_data = _with_empty_formatted_rows(build_workbook(tmp_path / "data.xlsx", [HEADER, ROW]), 2, 1_000_000)
    report = import_file(db, with_data, cpic)
    assert report.counts["new"] == 1
    assert any("stopped reading" in w for w in report.warnings)


def test_a_file_that_is_not_there(db, cpic, tmp_path):
    _refused(db, cpic, tmp_path / "missing.xlsx", "no file")


def test_only_cpic_imports_registers_and_a_refused_import_writes_nothing(db, hub_officer, tmp_path):
    from ol_desk.core.errors import PermissionDenied
    path = build_workbook(tmp_path / "register.xlsx", [HEADER, ROW])
    before, events = table_state(db), audit_count(db)
    with pytest.raises(PermissionDenied, match="Only CPIC learning team can import registers"):
        import_file(db, path, hub_officer)
    assert table_state(db) == before and audit_count(db) == events
