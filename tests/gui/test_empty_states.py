"""Every panel with nothing to show says why and what to do: on an empty register, and on one whose findings have
no hubs yet (as after importing a register of coroners' reports without a hub column)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from ol_desk.gui.dashboard import charts

PANELS = ("dashboard", "recommendations", "actions", "documents", "learning", "triage", "clocks", "themes")


@pytest.fixture
def full_window(make_window):
    from ol_desk.gui.main_window import EXTENSIONS
    return make_window(extensions=EXTENSIONS)


def shown_words(window, key: str) -> str:
    panel = window.show_panel(key)
    assert window.ops.wait_idle()
    words = [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel) and label.text()]
    return " ".join(words)


def chart_reasons(window) -> dict[str, str]:
    panel = window.panel("dashboard")
    return {key: view.chart().property(charts.EMPTY_REASON) or "" for key, view in panel.views.items()}


def test_every_panel_of_an_empty_register_says_how_to_begin(full_window, qtbot):
    window = full_window
    keys = [k for k in PANELS if k in window._keys]
    assert {"dashboard", "recommendations", "clocks", "triage", "themes"} <= set(keys)
    for key in keys:
        words = shown_words(window, key)
        assert ("Import workbook" in words or "Log Gold Group learning" in words or "response clock starts" in words
                or "add its actions" in words), f"{key}: {words!r}"
    reasons = chart_reasons(window)
    assert all(reason == "Nothing to show: the register is empty." for reason in reasons.values()), reasons
    view = window.panel("dashboard").views["by_hub"]
    assert view.accessibleDescription() == reasons["by_hub"]      # a screen reader hears the same words


def test_a_register_without_hubs_says_why_the_hub_chart_is_empty(make_window, db, cpic, qtbot):
    from tests.core import factories as f
    with db.transaction() as s:
        doc = f.make_document(s, cpic, kind="internal_review", title="Review: pursuit collision", reference="IR-1")
        for n in range(3):
            f.make_recommendation(s, cpic, doc, reference=f"R{n + 1}", text=f"Finding {n + 1} about pursuits.")
    from ol_desk.gui.main_window import EXTENSIONS
    window = make_window(extensions=EXTENSIONS)
    shown_words(window, "dashboard")
    qtbot.waitUntil(lambda: window.panel("dashboard").data is not None, timeout=5000)
    reasons = chart_reasons(window)
    assert reasons["by_source_kind"] == "" and reasons["ageing"] == ""      # these have bars
    assert reasons["by_hub"].startswith("None of the 3 open recommendations has a lead hub yet")
    assert "Nothing was closed in the last twelve months" in reasons["closures"]
    assert "No statutory response is overdue" in reasons["responses"]
    words = shown_words(window, "clocks")
    assert "no statutory response is outstanding" in words
