"""`ol-desk report FILE.pdf`: the Board report (tiles, charts, overdue and for-decision tables) as a PDF."""
from __future__ import annotations

import os


def register(sub) -> None:
    p = sub.add_parser("report", help="write the Board report PDF (OFFICIAL-SENSITIVE)",
                       description="Write the Board report: summary tiles, the dashboard charts, the overdue and "
                                   "for-decision tables, marked OFFICIAL-SENSITIVE on every page.")
    p.add_argument("file", help="the PDF to write, e.g. board-2025-06.pdf")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # charts need Qt, not a screen
    from PySide6.QtWidgets import QApplication

    from ol_desk.core.queries import board_report_data
    from ol_desk.gui.report.board_report import write_board_report
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive while drawing
    with ctx.db().reading() as session:
        data = board_report_data.read(session)
    pages = write_board_report(data, args.file)
    print(f"Wrote {args.file}: {pages} pages (OFFICIAL-SENSITIVE).")
    return 0
