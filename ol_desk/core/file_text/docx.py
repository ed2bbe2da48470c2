"""Word .docx: the paragraphs of word/document.xml (and its headers and footers), read with the standard zipfile
and defusedxml (no Word library needed; a hostile XML cannot expand itself)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from defusedxml import ElementTree

from .limits import MAX_UNPACKED_BYTES, Collected, FileText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraphs(xml: bytes, collected: Collected) -> None:
    root = ElementTree.fromstring(xml)
    for para in root.iter(f"{_W}p"):
        words = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                words.append(node.text)
            elif node.tag == f"{_W}tab":
                words.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                words.append("\n")
        collected.add("".join(words))
        if collected.full:
            return


def read(path: Path) -> FileText:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return FileText("", "not a Word .docx file (an old .doc, or damaged?)")
    collected = Collected()
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            return FileText("", "not a Word .docx file (an old .doc, or damaged?)")
        parts = ["word/document.xml"] + sorted(n for n in names if n.startswith(("word/header", "word/footer"))
                                               and n.endswith(".xml"))
        for name in parts:
            if archive.getinfo(name).file_size > MAX_UNPACKED_BYTES:
                return FileText(collected.text(), "" if collected.parts else "too large to read")
            _paragraphs(archive.read(name), collected)
            if collected.full:
                break
    return FileText(collected.text())
