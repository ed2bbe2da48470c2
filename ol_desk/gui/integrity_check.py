"""Help › Check integrity… runs the whole check (ol_desk.core.integrity.check) as a job with progress in the status
bar and shows the report in words; at start-up a quick check (the chain's tail against this workstation's witness)
puts a red banner over the window when it fails. A failed check is never silent, and nothing is repaired."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar

from ol_desk.core.integrity.check import IntegrityReport, quick_check, run_check
from ol_desk.gui.ops import readable

BANNER_LINES = 3  # the banner names the first problems; the report lists them all
BANNER_STYLE = "QLabel { background: #C00000; color: white; font-weight: bold; padding: 6px; }"


def install(window) -> None:
    action = QAction("Check &integrity…", window)
    action.setObjectName("checkIntegrityAction")
    action.setStatusTip("Verify the audit trail against this workstation's witness, every row against its history, "
                        "and re-hash the evidence store")
    action.triggered.connect(lambda _=False: check_integrity(window))
    window.menu_help.insertAction(window.menu_help.actions()[0] if window.menu_help.actions() else None, action)
    window.ops.job(lambda db, _progress, _cancel: quick_check(db), label="Quick integrity check",
                   on_done=lambda report: _banner_if_failed(window, report),
                   on_error=lambda exc: show_banner(window, f"The integrity check could not run: {readable(exc)}"))


def check_integrity(window) -> None:
    """The whole check, off the GUI thread; the report opens in a window-modal box (not blocking the event loop)."""
    def done(report: IntegrityReport) -> None:
        _banner_if_failed(window, report)
        _show_report(window, report.summary(), ok=report.ok, details=report.words)

    window.ops.job(lambda db, progress, _cancel: run_check(db, progress=progress), label="Check integrity",
                   on_done=done, on_error=lambda exc: _show_report(window, readable(exc), ok=False))


def _show_report(window, text: str, *, ok: bool, details: str = "") -> None:
    icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Critical
    box = QMessageBox(icon, "Check integrity", text, QMessageBox.StandardButton.Close, window)
    box.setObjectName("integrityReport")
    if details and details != text:  # a long list of rows: the first in the box, every line under Show Details
        box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.integrity_report = box
    box.open()


def _banner_if_failed(window, report: IntegrityReport) -> None:
    if not report.ok:
        first = "; ".join(report.problems[:BANNER_LINES])
        more = len(report.problems) - BANNER_LINES
        first += f"; and {more:,} more problem(s)" if more > 0 else ""
        show_banner(window, f"Integrity check failed: {first}. Nothing was repaired: run Help › Check integrity and "
                            f"tell whoever looks after ol-desk.")


def show_banner(window, text: str) -> None:
    """A red bar across the top of the window; it stays until the window closes."""
    bar = window.findChild(QToolBar, "integrityBanner")
    if bar is None:
        bar = QToolBar("Integrity warning", window)
        bar.setObjectName("integrityBanner")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)  # cannot be hidden from the tool bars' menu
        label = QLabel()
        label.setObjectName("integrityBannerText")
        label.setWordWrap(True)
        label.setStyleSheet(BANNER_STYLE)
        label.setAccessibleName("Integrity warning")
        bar.addWidget(label)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        window.insertToolBarBreak(bar)
    bar.findChild(QLabel, "integrityBannerText").setText(text)
    bar.show()
