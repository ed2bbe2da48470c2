"""Registers of coroners' Prevention of Future Deaths reports in the shapes real ones come in, written from
public-style PFD wording (names and places invented)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .conftest import build_workbook

STANDARD = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion "
            "there is a risk that future deaths will occur unless action is taken. In the circumstances it is my "
            "statutory duty to report to you. The MATTERS OF CONCERN are as follows:")

# (reference, date, coroner, area, sent to, concerns cell, the concerns it holds)
REPORTS = [
    ("2024-0101", dt.datetime(2024, 3, 4), "Jane Doe, Assistant Coroner", "Avon", "Chief Constable of Avon Police",
     f"{STANDARD}\n1. Officers attending the address did not check the police national computer for warning "
     "markers.\n2. The control room did not pass the call to the ambulance service for 47 minutes.\n3. There is "
     "no force policy on welfare checks of people released under investigation.", 3),
    ("2024-0202", dt.datetime(2024, 5, 20), "Sam Roe, Senior Coroner", "Wessex",
     "Chief Constable of Wessex Police; NHS England",
     f"{STANDARD} – (1) The detainee was held under s.136 of the Mental Health Act 1983 for 9 hours because no "
     "place of safety was available. (2) Custody staff were not trained to recognise acute behavioural "
     "disturbance.", 2),
    ("2024-0303", dt.datetime(2024, 7, 1), "Ann Poe, Area Coroner", "Northshire", "Chief Constable of Northshire",
     f"{STANDARD} The view of the junction may be (1) obscured by vehicles leaving the slip road and (2) unlit at "
     "night, and paragraph 7. of the protocol on road closures was not followed.", 1),
    ("2024-0404", dt.datetime(2024, 9, 9), "Ann Poe, Area Coroner", "Northshire",
     "Chief Constable of Northshire; Home Office",
     f"{STANDARD}\n\uf0b7 Rousing checks were recorded as done when the detainee was not roused.\n\uf0b7 The "
     "cell camera was not monitored for 40 minutes.", 2),
]
FINDINGS = sum(r[6] for r in REPORTS)


def report_per_row(path: Path) -> Path:
    """An export of PFD reports, one a row (the judiciary website's layout)."""
    return build_workbook(path, [["Ref", "Date of report", "Coroner", "Area", "Sent to", "Matters of concern",
                                  "Link"]] + [
        [ref, date, coroner, area, sent, cell, f"https://www.judiciary.uk/prevention-of-future-death-reports/{ref}/"]
        for ref, date, coroner, area, sent, cell, _ in REPORTS], sheet="PFD reports")


def tracker_rows(path: Path) -> Path:
    """A force's own PFD tracker: a report column and a lead, the coroner's concerns pasted as they came."""
    return build_workbook(path, [["PFD Ref", "Deceased", "Date of report", "Coroner Area", "Concerns", "Lead"]] + [
        [ref, f"Person {n}", date, area, cell, "Custody Command"]
        for n, (ref, date, _coroner, area, _sent, cell, _) in enumerate(REPORTS)], sheet="PFD tracker")
