"""Reading the words of evidence files: each format, and a clear reason when a file has none."""
from __future__ import annotations

import zipfile

from ol_desk.core.file_text import MAX_CHARS, extract, limits
from tests.core import evidence_files as ef


def test_a_pdf_gives_the_words_of_every_page(tmp_path):
    path = ef.text_pdf(tmp_path / "report.pdf", [["Custody sergeants completed rousing checks."],
                                                 ["Page two: the cell CCTV was reviewed."]])
    found = extract(path)
    assert "rousing checks" in found.text and "CCTV was reviewed" in found.text and found.reason == ""


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    found = extract(ef.image_pdf(tmp_path / "scan.pdf"))
    assert found.text == "" and found.reason == "no text layer — scanned?"


def test_a_pdf_is_read_to_its_page_limit_only(tmp_path, monkeypatch):
    monkeypatch.setattr("ol_desk.core.file_text.pdf.MAX_PDF_PAGES", 2)
    path = ef.text_pdf(tmp_path / "long.pdf", [[f"page{n}word"] for n in range(1, 6)])
    found = extract(path)
    assert "page2word" in found.text and "page3word" not in found.text


def test_a_docx_gives_its_paragraphs(tmp_path):
    found = extract(ef.docx(tmp_path / "minutes.docx", ["Board minute 14.", "The taser refresher was signed off."]))
    assert found.text.splitlines() == ["Board minute 14.", "The taser refresher was signed off."]


def test_an_xlsx_gives_its_cells(tmp_path):
    found = extract(ef.xlsx(tmp_path / "log.xlsx", [["Officer", "Course"], ["PC Adams", "Pursuit driving"], [42]]))
    assert "PC Adams Pursuit driving" in found.text and "42" in found.text


def test_an_empty_workbook_has_no_text(tmp_path):
    found = extract(ef.xlsx(tmp_path / "empty.xlsx", []))
    assert found.text == "" and found.reason == "no text found"


def test_windows_1252_text_is_decoded(tmp_path):
    found = extract(ef.cp1252_text(tmp_path / "note.txt", "Café briefing – “rousing” checks £5"))
    assert found.text == "Café briefing – “rousing” checks £5"


def test_text_is_cut_at_the_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * (MAX_CHARS // 2), encoding="utf-8")
    assert len(extract(path).text) <= MAX_CHARS


def test_what_cannot_be_read_gives_a_reason_and_never_raises(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc")
    (tmp_path / "bin.txt").write_bytes(b"MZ\x00\x00\x00binary")
    assert extract(tmp_path / "photo.jpg").reason.startswith("not a type whose text is read")
    assert extract(tmp_path / "missing.pdf").reason == "file missing from the evidence store"
    assert extract(tmp_path / "broken.pdf").reason
    assert extract(tmp_path / "old.docx").reason.startswith("not a Word .docx file")
    assert extract(tmp_path / "bin.txt").reason == "not text (binary data)"


def test_an_encrypted_pdf_says_so(tmp_path):
    path = ef.text_pdf(tmp_path / "locked.pdf", [["secret"]])
    data = path.read_bytes().replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 "
                                     b"/O <00> /U <00> /P -4 >> /ID [<01><01>] >>")
    path.write_bytes(data)
    found = extract(path)
    assert found.text == "" and found.reason == "encrypted (password protected)"


def test_a_word_file_that_unpacks_too_large_is_not_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 10)
    monkeypatch.setattr("ol_desk.core.file_text.docx.MAX_UNPACKED_BYTES", 10)
    found = extract(ef.docx(tmp_path / "bomb.docx", ["x" * 1000]))
    assert found.text == "" and found.reason == "too large to read"
    assert zipfile.is_zipfile(tmp_path / "bomb.docx")
