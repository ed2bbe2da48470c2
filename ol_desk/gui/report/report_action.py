"""File › Export › Board report (PDF)…: choose a file, read the numbers on the worker thread, draw the PDF here
(Qt Charts draw on the UI thread), and say where it went."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ol_desk.core.dates import today
from ol_desk.core.errors import OlDeskError
from ol_desk.core.queries import board_report_data
from ol_desk.gui.ops import readable

from .board_report import write_board_report

log = logging.getLogger(__name__)


def export_board_report(ctx, parent=None, on_written=None) -> None:
    default = str(Path.home() / f"board-report-{today():%Y-%m-%d}.pdf")
    path, _ = QFileDialog.getSaveFileName(parent, "Save the Board report", default, "PDF (*.pdf)")
    if not path:
        return

    def draw(data) -> None:
        try:
            pages = write_board_report(data, path)
        except Exception as exc:  # noqa: BLE001 - one readable message, never a traceback
            if not isinstance(exc, OlDeskError):   # an unexpected one: its message points at the log
                log.exception("writing the Board report to %s failed", path)
            failed(exc)
            return
        message = f"Wrote {path} ({pages} pages, OFFICIAL-SENSITIVE)."
        if on_written is not None:
            on_written(message)

    def failed(exc) -> None:
        QMessageBox.warning(parent, "Board report", readable(exc))
    ctx.ops.read(board_report_data.read, label="Board report", on_done=draw, on_error=failed)
