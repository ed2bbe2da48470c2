"""The theme page's charts (the panel and the briefing PDF draw the same ones): findings by year and source, and
the repeated concerns by how often each was raised. Bars know their Slice, so a click opens the register."""
from __future__ import annotations

from PySide6.QtCharts import QChart

from ol_desk.core.queries.dashboard import Slice
from ol_desk.core.theme_page.page import ThemePage
from ol_desk.gui.dashboard import charts

CONCERNS_CHARTED = 8


def timeline_chart(page: ThemePage, on_click=None) -> QChart:
    t = page.timeline
    if t.is_empty:
        return charts.empty_chart("Findings by year and source", "No finding carries this theme yet.")
    names = [charts.short(k.label) for k in t.kinds]
    return charts.stacked_chart("Findings by year and source", list(t.findings), names,
                                charts.PALETTE[:len(names)], on_click)


def concern_label(n: int, title: str, width: int = 38) -> str:
    words = title if len(title) <= width else title[:width - 1].rsplit(" ", 1)[0] + "…"
    return f"{n}. {words}"


def concerns_chart(page: ThemePage, on_click=None) -> QChart:
    groups = page.repeated.groups[:CONCERNS_CHARTED]
    if not groups:
        return charts.empty_chart("Repeated concerns: times raised",
                                  "No concern of this theme has been raised by different bodies or in different "
                                  "years.")
    slices = [Slice(g.findings.key, concern_label(n, ", ".join(g.key_terms[:3]) or g.title), g.size,
                    g.findings.entity, g.findings.filter)
              for n, g in enumerate(groups, 1)]
    return charts.bar_chart("Repeated concerns: times raised", slices, on_click, colour="#d55e00",
                            horizontal=True)
