"""Reading a workbook's XML straight from the zip, as Excel and LibreOffice do (not through openpyxl)."""
from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def sheet_paths(path) -> dict[str, str]:
    """Sheet name -> the part inside the zip that holds it."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for sheet in wb.find("m:sheets", NS):
        target = targets[sheet.get(f"{{{NS['r']}}}id")]
        out[sheet.get("name")] = "xl/" + target.lstrip("/").removeprefix("xl/")
    return out


def sheet_states(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
    return {s.get("name"): s.get("state", "visible") for s in wb.find("m:sheets", NS)}


def sheet_xml(path, name: str) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read(sheet_paths(path)[name]))


def cells_with_text(path, name: str, needle: str) -> list[ET.Element]:
    """Every <c> element of a sheet whose inline or shared text contains `needle`."""
    root = sheet_xml(path, name)
    shared = []
    with zipfile.ZipFile(path) as z:
        if "xl/sharedStrings.xml" in z.namelist():
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in sst]
    found = []
    for c in root.iter(f"{{{NS['m']}}}c"):
        if c.get("t") == "inlineStr":
            text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
        elif c.get("t") == "s":
            text = shared[int(c.find("m:v", NS).text)]
        else:
            f = c.find("m:f", NS)
            text = f.text if f is not None else ""
        if needle in (text or ""):
            found.append(c)
    return found


def has_formula(cell: ET.Element) -> bool:
    return cell.find("m:f", NS) is not None


def part_text(path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def parts(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def defined_names(path) -> str:
    return re.sub(r"\s+", " ", part_text(path, "xl/workbook.xml"))
