"""A Regulation 28 report's fields found in its lines, by the Chief Coroner's template (the one judiciary.uk
publishes): "THIS REPORT IS BEING SENT TO:", then numbered sections 1 CORONER, 2 CORONER'S LEGAL POWERS,
3 INVESTIGATION and INQUEST, 4 CIRCUMSTANCES OF THE DEATH, 5 CORONER'S CONCERNS (or MATTERS OF CONCERN),
6 ACTION SHOULD BE TAKEN, 7 YOUR RESPONSE, 8 COPIES and PUBLICATION, 9 the date and signature.

The matters of concern are split by the register importer's own splitter (`concern_split`), so a PDF and a
register's pasted cell give the same findings. Whatever is not found is left empty with a warning, for the user to
fill in on the preview; a PDF with no concerns section is refused as not a PFD report."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ol_desk.core.dates import statutory_due
from ol_desk.core.excel.register_import.concern_split import split_concerns
from ol_desk.core.excel.value_parsing import BadValue, parse_date
from ol_desk.core.model.enums import SourceKind
from ol_desk.core.standard_wording import LEADING_PFD

from .text_lines import Line, PdfRefused, PdfText, read_lines

_HEADINGS = (
    ("sent_to", r"this report is being sent to"),
    ("coroner", r"coroner"),
    ("powers", r"coroner['\u2019]?s\s+legal\s+powers"),
    ("investigation", r"investigation\s+(?:and|&)\s+inquest"),
    ("circumstances", r"circumstances\s+of\s+(?:the\s+)?death"),
    ("concerns", r"(?:coroner['\u2019]?s\s+)?concerns|(?:the\s+)?matters?\s+of\s+concern"),
    ("action", r"action\s+should\s+be\s+taken"),
    ("response", r"your\s+response"),
    ("copies", r"copies\s+(?:and|&)\s+publication"),
)
_HEADING = [(key, re.compile(rf"^(?:{pattern})\s*:?$", re.IGNORECASE)) for key, pattern in _HEADINGS]
_SENT_TO = re.compile(r"^this report is being sent to\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d{1,2})\.?$")
_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
                   r"|\b\d{4}-\d{2}-\d{2}\b")
_REFERENCE = re.compile(r"\b(?:our\s+)?ref(?:erence)?(?:\s+(?:no|number))?\.?\s*[:.]?\s*(\d{4}\s*-\s*\d{3,5})\b",
                        re.IGNORECASE)
_BARE_REFERENCE = re.compile(r"(?<![\d-])(20\d{2}-\d{4})(?![\d-])")
_CORONER = re.compile(
    r"\bI\s+am\s+(?P<name>[^,]+?)\s*,\s*(?P<title>[^,]*?coroner)\s*,?\s*(?:for|of|in)\s+(?:the\s+)?"
    r"(?:coroner\s+area\s+of\s+|area\s+of\s+|coroner['\u2019]?s\s+area\s+of\s+)?(?P<area>.+?)\s*\.?\s*$", re.IGNORECASE)
_DECEASED = re.compile(r"\binto\s+the\s+death\s+of\s+(?:the\s+late\s+)?(?P<name>[^,.;()]+?)"
                       r"(?=\s*(?:,|\.|;|\(|\s+aged\b|\s+who\b|\s+born\b|$))", re.IGNORECASE)
_NAMELY = re.compile(r"namely\s+(?:by|on\s+or\s+before)\s+(?:the\s+)?(?P<date>.+?)(?:\.\s|\.$|,|$)", re.IGNORECASE)
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_ADDRESSEE_MARK = re.compile(r"^(?:\(?\d{1,2}[.)]|\u2022|\uf0b7|[-\u2013*])\s*")


@dataclass
class PfdReport:
    """What the preview shows and the user may correct before anything is written."""
    file_name: str = ""
    sha256: str = ""
    pages: int = 0
    reference: str = ""
    date_issued: dt.date | None = None
    coroner: str = ""                         # "Jane Doe, Assistant Coroner" (the document's issuing body)
    area: str = ""                            # the coroner area
    addressees: list[str] = field(default_factory=list)
    deceased: str = ""
    title: str = ""
    investigation: str = ""
    circumstances: str = ""
    intro: str = ""                           # the standard words before the list of concerns
    concerns: list[str] = field(default_factory=list)
    response_by_stated: dt.date | None = None  # the date section 7 names, if it names one
    warnings: list[str] = field(default_factory=list)

    @property
    def response_due(self) -> dt.date | None:
        """The 56-day clock from the report's date, as for a PFD document recorded by hand."""
        return statutory_due(SourceKind.PFD, self.date_issued)

    @property
    def notes(self) -> str:
        parts = [f"Investigation and inquest: {self.investigation}" if self.investigation else "",
                 f"Circumstances of the death: {self.circumstances}" if self.circumstances else "", self.intro]
        return "\n\n".join(p for p in parts if p)

    def as_dict(self) -> dict:
        out = asdict(self)
        for key in ("date_issued", "response_by_stated"):
            out[key] = out[key].isoformat() if out[key] else None
        due = self.response_due
        out["response_due"] = due.isoformat() if due else None
        return out


def read_report(path: Path) -> PfdReport:
    """Read a PFD report PDF (refusing what cannot be one) into its fields."""
    path = Path(path)
    text = read_lines(path)
    report = parse_report(text, path.name)
    report.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return report


def parse_report(text: PdfText, file_name: str) -> PfdReport:
    sections, leading = _sections(text.lines)
    if "concerns" not in sections:
        raise PdfRefused(f"{file_name} does not look like a Regulation 28 (Prevention of Future Deaths) report: it has "
                         "no CORONER'S CONCERNS or MATTERS OF CONCERN section. Register other reports by hand or "
                         "from a workbook.")
    report = PfdReport(file_name=file_name, pages=text.pages)
    _concerns(report, sections["concerns"], file_name)
    report.reference = _reference(text, leading, file_name)
    _coroner(report, sections)
    report.addressees = _addressees(sections.get("sent_to", []))
    report.investigation = _prose(sections.get("investigation", []))
    report.circumstances = _prose(sections.get("circumstances", []))
    found = _DECEASED.search(report.investigation) or _DECEASED.search(report.circumstances)
    report.deceased = " ".join(found["name"].split()) if found else ""
    report.title = f"Regulation 28 report: {report.deceased or Path(file_name).stem}"
    report.date_issued = _first_date(_prose(sections.get("signed", [])))
    stated = _NAMELY.search(_prose(sections.get("response", [])))
    report.response_by_stated = _first_date(stated["date"]) if stated else None
    _warn(report, sections)
    return report


def _cells(line: Line) -> list[str]:
    return [t for _, t in line.cells]


def _heading(line: Line, seen: set[str]) -> tuple[str, str] | None:
    """(section key, words after the heading on its line) when `line` is one of the template's headings."""
    cells = _cells(line)
    number = None
    first = line.text.split(" ", 1)
    if m := _NUMBER.match(cells[0]):
        number, rest = m[1], " ".join(cells[1:])
    elif (m := _NUMBER.match(first[0])) and len(first) > 1:
        number, rest = m[1], first[1]
    else:
        rest = line.text
    if m := _SENT_TO.match(rest):
        return "sent_to", m["rest"]
    for key, pattern in _HEADING:
        if pattern.match(rest.strip()):
            return key, ""
    # "9" beside the date and signature (the template's last row), once the concerns have been read
    if number == "9" and "concerns" in seen and (not rest or _DATE.search(rest) or rest.lower().startswith("date")):
        return "signed", rest
    return None


def _sections(lines: list[Line]) -> tuple[dict[str, list[str]], list[str]]:
    """Each section's lines (its heading's own words after the heading first) and the lines before any heading."""
    sections: dict[str, list[str]] = {}
    leading: list[str] = []
    current: list[str] = leading
    for line in lines:
        found = _heading(line, set(sections))
        if found is not None and found[0] not in sections:
            key, rest = found
            current = sections[key] = [rest] if rest else []
        elif current is sections.get("sent_to"):
            current.append("\t".join(_cells(line)))     # an addressee block in columns: one entry a cell
        elif current and _HYPHEN_END.search(current[-1]) and line.text[:1].islower():
            current[-1] += line.text                     # "post-" / "action": a word broken at its hyphen
        else:
            current.append(line.text)
    return sections, leading


def _prose(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _without_standard_start(text: str) -> tuple[str, str]:
    """(the standard words a concern begins with, the rest)."""
    rest, intro = text.strip(), []
    while True:
        for pattern in LEADING_PFD:
            m = pattern.match(rest)
            if m and m.end():
                intro.append(rest[:m.end()].strip())
                rest = rest[m.end():].lstrip(" \n:–-")
                break
        else:
            return " ".join(intro), rest


def _concerns(report: PfdReport, lines: list[str], file_name: str) -> None:
    raw = "\n".join(lines).strip()
    split = split_concerns(raw)
    if split is not None:
        report.intro = " ".join(split.intro.split())
        report.concerns = [" ".join(item.split()) for item in split.items]
    else:
        intro, rest = _without_standard_start(" ".join(raw.split()))
        report.intro, report.concerns = intro, [rest] if rest else []
    if not report.concerns:
        raise PdfRefused(f"{file_name} has a concerns section but no matter of concern in it: there is nothing to "
                         "import.")


def _reference(text: PdfText, leading: list[str], file_name: str) -> str:
    everything = [ln.text for ln in text.running] + leading + [ln.text for ln in text.lines]
    for words in everything:
        if m := _REFERENCE.search(words):
            return re.sub(r"\s+", "", m[1])
    for words in (file_name, *leading):
        if m := _BARE_REFERENCE.search(words):
            return m[1]
    return ""


def _coroner(report: PfdReport, sections: dict[str, list[str]]) -> None:
    said = _prose(sections.get("coroner", []))
    if m := _CORONER.search(said):
        report.coroner = f"{' '.join(m['name'].split())}, {' '.join(m['title'].split())}"
        report.area = " ".join(m["area"].split()).removeprefix("the ").strip()
        return
    # no "I am …" sentence: the signature block under the date ("Jane Doe", "Assistant Coroner for Avon")
    signed = [s for s in sections.get("signed", [])[1:] if s.strip()]
    if len(signed) >= 2 and "coroner" in signed[1].lower():
        title, _, area = signed[1].partition(" for ")
        report.coroner, report.area = f"{signed[0].strip()}, {title.strip()}", area.strip()
    elif said:
        report.coroner = said[:200]


def _addressees(lines: list[str]) -> list[str]:
    """One entry per addressee: a marker ("1.", "(1)", "1)", a bullet, or "1 " when the numbers run 1, 2, 3 …)
    starts one; in a block without markers each line does, unless the line before ends mid-phrase ("The Chief
    Executive," / "Blackpool Teaching Hospital …") or this one goes on in lower case."""
    cells = [c.strip() for line in lines for c in line.split("\t") if c.strip()]
    marks, numbered = [], 0
    for cell in cells:
        mark = m[0] if (m := _ADDRESSEE_MARK.match(cell)) else ""
        if not mark and (m := _NUMBER_SPACE.match(cell)) and int(m[1]) == numbered + 1:
            mark = m[0]
        numbered += bool(mark)
        marks.append(mark)
    marked = any(marks)
    out: list[str] = []
    for cell, mark in zip(cells, marks, strict=True):
        words = cell[len(mark):].strip()
        if not words:
            continue
        goes_on = bool(out) and (marked or bool(_MID_PHRASE.search(out[-1])) or words[:1].islower())
        if mark or not goes_on:
            out.append(words)
        else:
            out[-1] = f"{out[-1]} {words}"
    return out


_MID_PHRASE = re.compile(r"(?:,|\b(?:and|&|of|for|the|to|at))$", re.IGNORECASE)
_NUMBER_SPACE = re.compile(r"^(\d{1,2})\s+(?=\S)")


def _first_date(text: str) -> dt.date | None:
    for m in _DATE.finditer(text or ""):
        try:
            parsed = parse_date(m[0])
        except BadValue:
            continue
        if parsed is not None and isinstance(parsed.value, dt.date):
            return parsed.value
    return None


def _warn(report: PfdReport, sections: dict[str, list[str]]) -> None:
    w = report.warnings
    if not report.reference:
        w.append("No reference (like 'Ref: 2024-0123') found: enter the judiciary website's reference.")
    if report.date_issued is None:
        w.append("No date of the report found (section 9): enter it, and the 56-day response clock starts from it.")
    if not report.coroner:
        w.append("The coroner was not found (section 1, 'I am …'): enter the coroner's name.")
    if not report.addressees:
        w.append("No addressees found ('THIS REPORT IS BEING SENT TO:'): enter who the report was sent to.")
    due = report.response_due
    if report.response_by_stated and due and report.response_by_stated != due:
        w.append(f"The report names {report.response_by_stated:%d %B %Y} as the response date; 56 days from the "
                 f"report's date is {due:%d %B %Y}. The clock is set from the report's date; extend it on the "
                 "document if the coroner allowed longer.")
