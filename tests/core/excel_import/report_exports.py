"""A workbook shaped like a real export of coroners' reports (one report a row, header on row 1, long prose cells
full of column words), built with openpyxl for the importer's header and naming tests."""
from __future__ import annotations

from pathlib import Path

from .conftest import build_workbook

HEADER = ["url", "id", "date", "coroner", "area", "receiver", "investigation", "circumstances", "concerns"]

# Prose that names many columns inside its text: the old detector took a row of such cells as the header (each
# cell gave it one more field: the longest known name inside it), dropped the rows above and rejected the rest.
_WORDS = ("the date, the coroner and the area are recorded; the receiver (sent to) must reply. Status, owner, "
          "target date, ref, notes, summary, text, hub, recommendation, action, evidence, progress, update, comments, "
          "link and url were all discussed.")
INVESTIGATION = ("On {n} March an investigation and inquest was opened. The date of report was agreed. " + _WORDS)
CIRCUMSTANCES = ("The deceased was found at home. The responsible officer attended; " + _WORDS)
# One matter of concern whose "(1) … and (2) …" run inside the sentence (so the cell is never split).
CONCERNS = ("(1) There is no protocol for case {n}, and (2) the matters of concern are these: " + _WORDS)


def report_row(n: int, ref: str | None = None) -> list:
    return [f"https://www.judiciary.uk/prevention-of-future-death-reports/person-{n}/",
            ref if ref is not None else f"2024-{n:04d}", f"2024-03-{n % 28 + 1:02d}", f"Coroner Number {n}",
            "Inner North London", "NHS England; Department of Health and Social Care",
            INVESTIGATION.format(n=n), CIRCUMSTANCES, CONCERNS.format(n=n)]


def reports_export(path: Path, rows: int = 10, refs: dict[int, str] | None = None) -> Path:
    refs = refs or {}
    return build_workbook(path, [HEADER] + [report_row(n, refs.get(n)) for n in range(1, rows + 1)],
                          sheet="reports")
