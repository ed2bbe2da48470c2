"""The import wizard's Values page: the preview's unknown category words, each with its count and a suggested
meaning pre-selected; the user changes some, the import uses them, the profile keeps them, and the next wizard on
the same layout shows them pre-filled and changes nothing."""
from __future__ import annotations

from sqlalchemy import func, select

from ol_desk.core.model import ImportBatch
from ol_desk.core.services import import_profiles
from ol_desk.gui.wizards.import_wizard import ImportWizard
from tests.core.excel_import.conftest import build_workbook
from tests.core.excel_import.test_value_mapping import EXPECTED, HEADER, ROWS, _got


def _to_values(qtbot, ctx, path, profile_name: str = "") -> ImportWizard:
    wizard = ImportWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=15_000)
    wizard.next()
    if profile_name:
        wizard.mapping_page.save_as.setText(profile_name)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=30_000)
    assert wizard.preview_page.nextId() == wizard.page_ids[wizard.values_page]
    wizard.next()
    assert wizard.currentPage() is wizard.values_page
    return wizard


def _choose(page, words: str, target, finding: str | None = None) -> None:
    for _f, said, _s, combo, second in page.choices:
        if said == words:
            combo.setCurrentIndex(combo.findData(target))
            if finding is not None:
                second.setCurrentIndex(second.findData(finding))
            return
    raise AssertionError(f"no row for {words}")


def _selected(page) -> dict[str, object]:
    return {said: combo.currentData() for _f, said, _s, combo, _second in page.choices}


def test_values_page_suggests_the_user_changes_the_import_uses_the_profile_keeps(qtbot, db, ctx, tmp_path):
    path = build_workbook(tmp_path / "mixed-register.xlsx", [HEADER, *ROWS])
    wizard = _to_values(qtbot, ctx, path, profile_name="Mixed register")
    page = wizard.values_page
    assert set(page.tables) == {"source_kind", "status", "hubs"}
    hubs = page.tables["hubs"]
    rows = {hubs.item(r, 0).text(): hubs.item(r, 1).text() for r in range(hubs.rowCount())}
    assert rows == {"C. West": "2", "Sth East": "2"}
    chosen = _selected(page)
    assert chosen["C. West"] == "CW" and chosen["Sth East"] == "SE"         # the suggestions, pre-selected
    assert chosen["Being progressed"] == "in_progress" and chosen["Lighthouse project"] is None
    _choose(page, "Lighthouse project", "independent_review")
    _choose(page, "MOPAC scrutiny – AFI", "internal_review", "area_for_improvement")
    _choose(page, "Independent Review Panel", "independent_review", "recommendation")
    page.check.click()
    qtbot.waitUntil(lambda: page.checked.text().startswith("With these meanings"), timeout=30_000)
    assert "0 rejected" in page.checked.text() and "0 value(s) left" in page.checked.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    assert {ref: v[:4] for ref, v in _got(db).items()} == EXPECTED
    with db.reading() as s:
        saved = import_profiles.by_name(s, "Mixed register")
    assert saved.values["source_kind"]["Lighthouse project"] == "independent_review"

    again = _to_values(qtbot, ctx, path)   # the same layout: the profile's meanings, pre-filled
    assert again.preview_page.report.info.profile == "Mixed register"
    assert again.preview_page.report.nothing_changed
    chosen = _selected(again.values_page)
    assert chosen["Lighthouse project"] == "independent_review" and chosen["C. West"] == "CW"
    with db.reading() as s:
        batches = s.scalar(select(func.count()).select_from(ImportBatch))
    assert batches == 1
