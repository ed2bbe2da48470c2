"""Qt Charts built from the dashboard's data: plain and stacked bar charts whose bars know their click-through.

Each builder returns a QChart and, per bar set, the Slice behind each bar index, so a click maps back to the
RegisterFilter that selects exactly the counted rows. The same charts are drawn into the Board report.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsTextItem

from ol_desk.core.model.enums import SourceKind
from ol_desk.core.queries.dashboard import Slice, StackedBar

RAG = {"red": "#c0392b", "amber": "#e69f00", "green": "#2e8b57"}
# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999", "#000000")
BAR_COLOUR = "#3d6fb4"

# Axis and legend words (the slices keep the full labels for the register's filter description).
SHORT_KIND = {SourceKind.HMICFRS.label: "HMICFRS", SourceKind.PFD.label: "PFD", SourceKind.IOPC.label: "IOPC",
              SourceKind.PUBLIC_INQUIRY.label: "Inquiry", SourceKind.INDEPENDENT_REVIEW.label: "Review",
              SourceKind.PROFESSIONAL_STANDARDS.label: "DPS", SourceKind.GOLD_GROUP.label: "Gold",
              SourceKind.INTERNAL_REVIEW.label: "Internal", SourceKind.OTHER.label: "Other"}

OnSlice = Callable[[Slice], None]


_MONTH = re.compile(r"^([A-Z][a-z]{2}) \d{2}(\d{2})$")


def short(label: str) -> str:
    """The word on an axis: short source names; months as "Jun<br>’24" so twelve of them fit."""
    month = _MONTH.match(label)
    if month:
        return f"{month.group(1)}<br>’{month.group(2)}"
    return SHORT_KIND.get(label, label)


def two_lines(label: str) -> str:
    """Break a longer axis label at the space that best balances its two lines (labels take rich text)."""
    words = label.split(" ")
    if len(label) <= 5 or len(words) < 2:
        return label
    best = min(range(1, len(words)), key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))))
    return " ".join(words[:best]) + "<br>" + " ".join(words[best:])


def _categories(labels: Sequence[str], wrap: bool) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append([two_lines(x) if wrap else x for x in labels] or [""])
    axis.setTruncateLabels(False)
    return axis


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _value_axis(top: int) -> QValueAxis:
    """A count axis with whole-number ticks: for small counts (an empty or new register) one tick per count, or
    "%d" labels would repeat (0, 0, 1, 1)."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setMinorTickCount(0)
    if top <= 5:
        axis.setRange(0, top + 1)   # one spare step above the tallest bar for its count label
        axis.setTickCount(top + 2)
    else:
        axis.setRange(0, top * 1.08)
        axis.applyNiceNumbers()
    return axis


def bar_chart(title: str, slices: Sequence[Slice], on_click: OnSlice | None = None,
              colour: str = BAR_COLOUR, horizontal: bool = False) -> QChart:
    chart = _chart(title)
    order = list(reversed(slices)) if horizontal else list(slices)  # horizontal: first item at the top
    bars = QBarSet("Items")
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour))
    bars.setLabelColor(QColor("#222222"))  # the count beside each bar
    bars.append([s.count for s in order])
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = _categories([short(s.label) for s in order], wrap=not horizontal)
    values = _value_axis(max((s.count for s in slices), default=0))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()
    if on_click is not None:
        bars.clicked.connect(lambda index: 0 <= index < len(order) and on_click(order[index]))
    return chart


def stacked_chart(title: str, bars: Sequence[StackedBar], series_names: Sequence[str],
                  colours: Sequence[str], on_click: OnSlice | None = None, horizontal: bool = False) -> QChart:
    """One bar per StackedBar; segment i of every bar belongs to series i (a RAG colour, a source kind)."""
    chart = _chart(title)
    order = list(reversed(bars)) if horizontal else list(bars)  # horizontal: first bar at the top
    series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
    for i, (name, colour) in enumerate(zip(series_names, colours, strict=False)):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        bar_set.append([bar.segments[i].count if i < len(bar.segments) else 0 for bar in order])
        if on_click is not None:
            bar_set.clicked.connect(
                lambda index, i=i: 0 <= index < len(order) and i < len(order[index].segments)
                and on_click(order[index].segments[i]))
        series.append(bar_set)
    chart.addSeries(series)
    categories = _categories([bar.label for bar in order], wrap=not horizontal)
    values_axis = _value_axis(max((bar.total for bar in bars), default=0))
    if horizontal:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(series_names) > 1)
    return chart


EMPTY_REASON = "emptyReason"   # the property an empty chart keeps its words in (for describe())


def empty_chart(title: str, reason: str) -> QChart:
    """A chart with nothing to draw: its title and, where the bars would be, why and what to do (no 0–1 frame)."""
    chart = _chart(title)
    chart.setProperty(EMPTY_REASON, reason)
    words = QGraphicsTextItem(chart)
    words.setDefaultTextColor(QColor("#444444"))
    words.setPlainText(reason)

    def place(area: QRectF) -> None:
        words.setTextWidth(max(120.0, area.width() - 24))
        height = words.boundingRect().height()
        words.setPos(area.left() + 12, area.top() + max(0.0, (area.height() - height) / 2))
    chart.plotAreaChanged.connect(place)
    place(chart.plotArea())
    return chart


def describe(chart: QChart) -> str:
    """The chart's numbers in words for a screen reader: "HMICFRS 12; PFD 3", stacked "NW: Overdue 2, On track 5"."""
    reason = chart.property(EMPTY_REASON)
    if reason:
        return str(reason)
    axis = next((a for a in chart.axes() if isinstance(a, QBarCategoryAxis)), None)
    labels = [c.replace("<br>", " ") for c in axis.categories()] if axis is not None else []
    sets = [bar_set for series in chart.series() if isinstance(series, QAbstractBarSeries)
            for bar_set in series.barSets()]
    parts = []
    for i, label in enumerate(labels):
        if not label:
            continue
        if len(sets) == 1:
            parts.append(f"{label} {int(sets[0].at(i))}")
        else:
            counts = ", ".join(f"{s.label()} {int(s.at(i))}" for s in sets if s.at(i))
            parts.append(f"{label}: {counts or 'none'}")
    return "; ".join(parts) or "Nothing to show yet."


def darken(chart: QChart) -> None:
    """Dark background and light words for a dark desktop theme; the bar colours stay as they are."""
    chart.setBackgroundBrush(QColor("#26282c"))
    chart.setTitleBrush(QColor("#e6e6e6"))
    chart.legend().setLabelColor(QColor("#e6e6e6"))
    for series in chart.series():
        if not isinstance(series, QAbstractBarSeries):
            continue
        for bar_set in series.barSets():
            bar_set.setLabelColor(QColor("#e6e6e6"))
    for item in chart.childItems():
        if isinstance(item, QGraphicsTextItem):
            item.setDefaultTextColor(QColor("#d0d0d0"))
    for axis in chart.axes():
        axis.setLabelsColor(QColor("#d0d0d0"))
        axis.setGridLineColor(QColor("#44474c"))
        axis.setLinePenColor(QColor("#6a6e75"))


def rag_by_hub_chart(bars: Sequence[StackedBar], on_click: OnSlice | None = None, top: int | None = None) -> QChart:
    shown = list(bars[:top]) if top else list(bars)
    title = (f"Open by lead hub (busiest {len(shown)} of {len(bars)})" if len(shown) < len(bars)
             else "Open by lead hub")
    return stacked_chart(title, shown, ["Overdue", "Due soon, slipped or no date", "On track"],
                         [RAG["red"], RAG["amber"], RAG["green"]], on_click, horizontal=True)


def responses_chart(bars: Sequence[StackedBar], on_click: OnSlice | None = None) -> QChart:
    """Statutory responses outstanding: overdue, then due each week for 8 weeks, by source kind."""
    names = [short(seg.label) for seg in bars[0].segments] if bars else []
    return stacked_chart("Responses due in the next 8 weeks", bars, names, PALETTE[:len(names)], on_click)
