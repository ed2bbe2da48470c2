"""Writes a theme page (core.theme_page.page.ThemePage, read on the worker thread) as an .xlsx a Head of Profession
or the Board can read and filter: Summary (the figures), Timeline (findings by year and source, with a chart),
Repeated concerns (one row a group: how often, since when, by whom, what was done), Concern history (every time
each was raised, and what was done that time), Learning embedded. Write-only, marked OFFICIAL-SENSITIVE in the
document properties and on every printed page (the register pack's sheet styles).

    rows = write_theme_briefing(page, "custody-briefing.xlsx", exported_by="A. Analyst")
"""
from __future__ import annotations

from pathlib import Path

from openpyxl.chart import BarChart, Reference

from ol_desk.core.theme_page.page import ThemePage
from ol_desk.core.theme_page.repeated_concerns import by_whom

from ..board_pack.pack_styles import Column, SheetWriter
from ..board_pack.register_pack import check_target, new_workbook, save_atomically, set_marking

SUMMARY = [Column("Figure", 56, "wrap"), Column("Count", 12, "count")]
GROUPS = [Column("No.", 6, "count"), Column("Repeated concern (as first raised)", 60, "wrap"),
          Column("Raised (times)", 10, "count"), Column("First", 12, "date"), Column("Latest", 12, "date"),
          Column("By", 34, "wrap"), Column("Documents", 11, "count"), Column("Still open", 10, "count"),
          Column("Actions", 10, "count"), Column("Actions delivered", 11, "count"),
          Column("Outcome evidenced (findings)", 13, "count")]
HISTORY = [Column("Concern no.", 9, "count"), Column("Raised on", 12, "date"), Column("Source", 22),
           Column("Body", 24, "wrap"), Column("Reference", 20), Column("Status", 16),
           Column("Actions", 9, "count"), Column("Delivered", 10, "count"), Column("Outcome evidenced", 11),
           Column("What it said", 70, "wrap")]
EMBEDDED = [Column("Action", 44, "wrap"), Column("Answers", 20), Column("Outcome evidenced on", 13, "date"),
            Column("What shows it", 60, "wrap"), Column("Evidence items", 10, "count")]


def _summary(wb, page: ThemePage) -> int:
    sheet = SheetWriter(wb, "Summary", SUMMARY, print_title=f"Thematic briefing: {page.theme.name}")
    sheet.append([f"Theme: {page.theme.name} ({page.theme.code}), as at {page.on:%d %B %Y}", None])
    for s in page.numbers:
        sheet.append([f"Findings: {s.label}", s.count])
    for s in page.action_numbers:
        sheet.append([s.label, s.count])
    r = page.repeated
    sheet.append(["Repeated concerns (groups of findings from different bodies or years that say the same thing)",
                  len(r.groups)])
    if r.scope:
        sheet.append([f"Compared for repeated concerns: {r.scope}", r.grouped])
    sheet.finish()
    return sheet.rows


def _timeline(wb, page: ThemePage) -> int:
    t = page.timeline
    columns = [Column("Year", 8, "count")] + [Column(k.label, 14, "count") for k in t.kinds] + \
              [Column("All findings", 12, "count"), Column("Documents", 12, "count")]
    sheet = SheetWriter(wb, "Timeline", columns, print_title=f"{page.theme.name}: findings by year and source")
    for f_bar, d_bar in zip(t.findings, t.documents, strict=True):
        sheet.append([int(f_bar.label), *[s.count for s in f_bar.segments], f_bar.total, d_bar.total])
    if t.years:
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
        chart.title = "Findings by year and source"
        chart.height, chart.width = 8, 18
        n = len(t.years)
        chart.add_data(Reference(sheet.ws, min_col=2, max_col=1 + len(t.kinds), min_row=1, max_row=n + 1),
                       titles_from_data=True)
        chart.set_categories(Reference(sheet.ws, min_col=1, min_row=2, max_row=n + 1))
        sheet.ws.add_chart(chart, f"A{n + 4}")
    sheet.finish()
    return sheet.rows


def _groups(wb, page: ThemePage) -> tuple[int, int]:
    groups = SheetWriter(wb, "Repeated concerns", GROUPS, print_title=f"{page.theme.name}: repeated concerns")
    history = SheetWriter(wb, "Concern history", HISTORY,
                          print_title=f"{page.theme.name}: each time a repeated concern was raised")
    for n, g in enumerate(page.repeated.groups, 1):
        groups.append([n, f"{g.title}\n{g.summary}", g.size, g.first, g.last, by_whom(g.kinds), g.documents,
                       g.open.count, g.actions.count, g.delivered.count, g.evidenced.count])
        for m in g.members:
            history.append([n, m.opened, m.kind.label, m.body, m.label, m.status.label, m.actions, m.delivered,
                            "Yes" if m.outcome_evidenced else "No", m.text])
        if g.size > len(g.members):
            history.append([n, None, None, None, None, None, None, None, None,
                            f"… and {g.size - len(g.members):,} more times: open the theme page in ol-desk"])
    groups.finish()
    history.finish()
    return groups.rows, history.rows


def _embedded(wb, page: ThemePage) -> int:
    sheet = SheetWriter(wb, "Learning embedded", EMBEDDED,
                        print_title=f"{page.theme.name}: evidence that the learning is embedded")
    for e in page.embedded:
        sheet.append([e.action, e.finding, e.on, e.note, e.evidence])
    sheet.finish()
    return sheet.rows


def write_theme_briefing(page: ThemePage, path: str | Path, *, exported_by: str = "") -> dict[str, int]:
    """Write the briefing workbook; returns the rows written per sheet."""
    path = check_target(Path(path))
    with new_workbook() as wb:
        set_marking(wb, f"Thematic briefing: {page.theme.name}", exported_by)
        rows = {"summary": _summary(wb, page), "timeline": _timeline(wb, page)}
        rows["repeated concerns"], rows["concern history"] = _groups(wb, page)
        rows["learning embedded"] = _embedded(wb, page)
        save_atomically(wb, path)
    return rows
