"""Regulation 28 reports laid out as judiciary.uk publishes them (the Chief Coroner's template: numbered sections in
a two-column table, a running header and "Page n of m" footer on every page), in several coroners' variants.
Names and places are invented; the wording of the concerns follows real published reports."""
from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path

from .pdf_writer import PdfWriter

LEFT, BODY, LINE, TOP, BOTTOM = 60, 92, 14.5, 95, 760
HEADER = "REGULATION 28: REPORT TO PREVENT FUTURE DEATHS"
STANDARD_INTRO = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my "
                  "opinion there is a risk that future deaths will occur unless action is taken. In the "
                  "circumstances it is my statutory duty to report to you.")


@dataclass
class Report:
    reference: str = "2024-0123"
    date: dt.date = dt.date(2024, 3, 12)
    date_text: str = "12 March 2024"
    coroner: str = "Jane Doe"
    coroner_title: str = "Assistant Coroner"
    area: str = "Avon"
    addressees: list[str] = field(default_factory=lambda: [
        "Chief Constable of Avon and Somerset Constabulary", "Chief Executive, NHS England"])
    deceased: str = "John Smith"
    investigation: str = ("On 4 January 2024 I commenced an investigation into the death of John Smith, aged 45. "
                          "The investigation concluded at the end of the inquest on 28 February 2024. The "
                          "conclusion of the inquest was a narrative conclusion.")
    circumstances: str = ("John Smith was arrested on 2 January 2024 and taken to a police custody suite, where he "
                          "was found unresponsive in his cell some three hours later. He was pronounced dead at "
                          "hospital that evening.")
    concerns: list[str] = field(default_factory=lambda: [
        "Officers attending the address did not check the police national computer for warning markers, so the "
        "risk that the deceased posed to himself was not known to the arresting officers.",
        "The control room did not pass the call to the ambulance service for 47 minutes.",
        "There is no force policy on welfare checks of people released under investigation, and the training "
        "given to custody detention officers on rousing checks has not been refreshed since 2019."])
    concerns_text: str = ""             # the concerns section as written, line by line (instead of `concerns`)
    marker: str = "1."                  # "1." / "(1)" / "•" / "" (a single concern, no list)
    concerns_heading: str = "CORONER'S CONCERNS"
    reference_line: str = "Ref: {ref}"  # how the reference is written ("" for a report that names none)
    addressee_lines: list[str] = field(default_factory=list)   # the block as printed (instead of `addressees`)
    addressee_columns: int = 1          # 2: the addressee block laid out in two columns
    header: str = HEADER                # the running header on every page ("" for none)
    footer: str = "Page {n} of {m}"     # the running footer ("" for none)
    response_by: str = "7 May 2024"     # the date section 7 names ("" for none)
    coroner_line: str = "I am {coroner}, {title} for the coroner area of {area}"
    pages_after: list[str] = field(default_factory=list)   # "image": a scanned page added at the end
    filler_lines: int = 0               # extra circumstances lines to push the concerns over a page break


def _wrap(text: str, width: int = 84) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _marker(style: str, n: int) -> str:
    return {"1.": f"{n}.", "(1)": f"({n})", "•": "\u2022", "1)": f"{n})", "": ""}[style]


class _Layout:
    def __init__(self, report: Report):
        self.report = report
        self.pages: list[list[tuple[float, float, str, bool]]] = [[]]
        self.y = TOP

    def line(self, x: float, text: str, bold: bool = False, gap: float = LINE) -> None:
        if self.y > BOTTOM:
            self.pages.append([])
            self.y = TOP
        self.pages[-1].append((x, self.y, text, bold))
        self.y += gap

    def para(self, text: str, x: float = BODY, width: int = 84) -> None:
        for piece in _wrap(text, width):
            self.line(x, piece)
        self.y += 5

    def heading(self, number: str, text: str) -> None:
        self.y += 6
        if self.y > BOTTOM - 2 * LINE:
            self.pages.append([])
            self.y = TOP
        self.pages[-1].append((LEFT, self.y, number, True))
        self.line(BODY, text, bold=True, gap=LINE + 3)


def write_report(path: Path, report: Report | None = None) -> Path:
    r = report or Report()
    lay = _Layout(r)
    lay.line(BODY + 40, "REGULATION 28 REPORT TO PREVENT FUTURE DEATHS", bold=True, gap=LINE + 8)
    if r.reference_line:
        lay.line(BODY, r.reference_line.format(ref=r.reference), gap=LINE + 6)
    lay.line(BODY, "THIS REPORT IS BEING SENT TO:", bold=True)
    if r.addressee_lines:
        for text in r.addressee_lines:
            lay.line(BODY, text)
    elif r.addressee_columns == 2:
        for i in range(0, len(r.addressees), 2):
            lay.pages[-1].append((BODY, lay.y, f"{i + 1}. {r.addressees[i]}", False))
            if i + 1 < len(r.addressees):
                lay.pages[-1].append((BODY + 235, lay.y, f"{i + 2}. {r.addressees[i + 1]}", False))
            lay.y += LINE
    else:
        for i, who in enumerate(r.addressees, start=1):
            lay.line(BODY, f"{i}. {who}")
    lay.heading("1", "CORONER")
    lay.para(r.coroner_line.format(coroner=r.coroner, title=r.coroner_title, area=r.area))
    lay.heading("2", "CORONER'S LEGAL POWERS")
    lay.para("I make this report under paragraph 7, Schedule 5, of the Coroners and Justice Act 2009 and regulations "
             "28 and 29 of the Coroners (Investigations) Regulations 2013.")
    lay.heading("3", "INVESTIGATION and INQUEST")
    lay.para(r.investigation)
    lay.heading("4", "CIRCUMSTANCES OF THE DEATH")
    lay.para(r.circumstances)
    for n in range(r.filler_lines):
        lay.line(BODY, f"The evidence heard on day {n + 1} of the inquest concerned the events in the custody "
                       "suite that night.")
    lay.heading("5", r.concerns_heading)
    if r.concerns_text:
        for line in r.concerns_text.split("\n"):
            lay.para(line) if line.strip() else None
    else:
        lay.para(STANDARD_INTRO)
        lay.para("The MATTERS OF CONCERN are as follows:")
    for n, concern in enumerate([] if r.concerns_text else r.concerns, start=1):
        mark = _marker(r.marker, n)
        lines = _wrap(concern, 78)
        if mark:
            lay.pages[-1].append((BODY, lay.y, mark, False)) if lay.y <= BOTTOM else None
            if lay.y > BOTTOM:
                lay.pages.append([])
                lay.y = TOP
                lay.pages[-1].append((BODY, lay.y, mark, False))
            lay.line(BODY + 22, lines[0])
            for piece in lines[1:]:
                lay.line(BODY + 22, piece)
        else:
            for piece in lines:
                lay.line(BODY, piece)
        lay.y += 5
    lay.heading("6", "ACTION SHOULD BE TAKEN")
    lay.para("In my opinion action should be taken to prevent future deaths and I believe you and your organisation "
             "have the power to take such action.")
    lay.heading("7", "YOUR RESPONSE")
    said = "You are under a duty to respond to this report within 56 days of the date of this report"
    lay.para(said + (f", namely by {r.response_by}." if r.response_by else ".") +
             " I, the coroner, may extend the period.")
    lay.para("Your response must contain details of action taken or proposed to be taken, setting out the timetable "
             "for action. Otherwise you must explain why no action is proposed.")
    lay.heading("8", "COPIES and PUBLICATION")
    lay.para("I have sent a copy of my report to the Chief Coroner and to the following Interested Persons: the "
             "family of the deceased. I am also under a duty to send a copy of your response to the Chief Coroner.")
    lay.heading("9", r.date_text)
    lay.line(BODY + 200, f"{r.coroner}")
    lay.line(BODY + 200, f"{r.coroner_title} for {r.area}")
    writer = PdfWriter()
    total = len(lay.pages)
    for n, lines in enumerate(lay.pages, start=1):
        page = writer.page()
        if r.header:
            page.text(BODY, 45, r.header, size=9)
        for x, y, text, bold in lines:
            page.text(x, y, text, bold=bold)
        if r.footer:
            page.text(270, 805, r.footer.format(n=n, m=total), size=9)
    for kind in r.pages_after:
        writer.page(image=kind == "image")
    return writer.write(path)


def variant(**changes) -> Report:
    return replace(Report(), **changes)
