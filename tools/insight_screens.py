"""Screenshots of the dashboard-side dialogs, for docs/screens (called by tools/screenshots.py, or alone):

    python -m tools.insight_screens docs/screens --db DEMO.sqlite3     # under xvfb-run -a

Saves: capture form, triage with an entry, import wizard pages on the PFD sample (and the Values page on a mixed
register), the export dialogs, and page 1
of the Board report PDF (through pdftoppm, when poppler is installed).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "samples" / "pfd_tracker.xlsx"


MIXED = [["Ref", "Source", "Recommendation", "BCU", "Status"],
         ["L1", "HMICFRS – Cause of concern", "Custody officers should rouse detainees as the care plan requires.",
          "Central West", "Complete"],
         ["L2", "HMIC - AFI", "Supervisors should review stop and search records weekly.", "C. West", "Ongoing"],
         ["L3", "Independent Review Panel", "Pursuits must be authorised by a trained tactical adviser.", "Sth East",
          "Not started"],
         ["L4", "Coroner (Reg 28)", "Call handlers should grade mental health calls with THRIVE.", "South East",
          "Being progressed"],
         ["L5", "MOPAC scrutiny – AFI", "Vetting decisions should be recorded with their reasons.", "Sth East",
          "Pending sign-off"],
         ["L6", "Lighthouse project", "Family liaison officers should be deployed within 24 hours.", "Central West",
          "Being progressed"]]


def _mixed_register(path: Path) -> Path:
    """A register whose source column mixes bodies and finding types, for the Values page's screenshot."""
    import openpyxl
    wb = openpyxl.Workbook()
    for row in MIXED:
        wb.active.append(row)
    wb.save(path)
    return path


def _settle(app, ops, rounds: int = 8) -> None:
    from PySide6.QtTest import QTest
    for _ in range(rounds):
        ops.wait_idle(30_000)
        app.processEvents()
        QTest.qWait(50)


def shoot(ctx, out: Path, save, app, sample: Path = SAMPLE) -> None:
    """`save(widget, name)` writes one PNG."""
    from ol_desk.core.queries.register_filter import RegisterFilter
    from ol_desk.gui.learning.capture_dialog import LearningCaptureDialog
    from ol_desk.gui.wizards.export_dialogs import BoardPackDialog, HubWorkbookDialog
    from ol_desk.gui.wizards.import_wizard import ImportWizard

    capture = LearningCaptureDialog(ctx)
    capture.show()
    capture.ui.operationEdit.setText("Operation Kestrel")
    capture.ui.learningEdit.setPlainText("Custody staff did not rouse an intoxicated detainee at the required "
                                         "intervals; the handover did not pass on the warning marker.")
    capture.ui.ownerEdit.setText("Ch Supt Reid")
    capture.similar.lookup_now()
    _settle(app, ctx.ops)
    capture.adjustSize()
    save(capture, "gold-capture")
    capture.close()

    if sample.exists():
        wizard = ImportWizard(ctx, sample)
        wizard.resize(900, 620)
        wizard.show()
        _settle(app, ctx.ops)
        save(wizard, "import-1-file")
        wizard.next()
        _settle(app, ctx.ops)
        save(wizard, "import-2-mapping")
        wizard.next()
        _settle(app, ctx.ops, 20)
        save(wizard, "import-3-preview")
        wizard.close()
    with tempfile.TemporaryDirectory() as tmp:
        wizard = ImportWizard(ctx, _mixed_register(Path(tmp) / "mixed-register.xlsx"))
        wizard.resize(900, 680)
        wizard.show()
        _settle(app, ctx.ops)
        wizard.next()
        _settle(app, ctx.ops)
        wizard.next()
        _settle(app, ctx.ops, 20)
        wizard.next()
        _settle(app, ctx.ops)
        save(wizard, "import-4-values")
        wizard.close()

    pack = BoardPackDialog(ctx, RegisterFilter(overdue=True, labels=("Overdue", "Lead hub North West")))
    pack.show()
    _settle(app, ctx.ops)
    save(pack, "export-board-pack")
    pack.close()
    hub = HubWorkbookDialog(ctx)
    hub.show()
    _settle(app, ctx.ops)
    save(hub, "export-hub-workbook")
    hub.close()

    from ol_desk.core.queries import board_report_data
    from ol_desk.gui.report.board_report import write_board_report
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "board.pdf"
        with ctx.db.reading() as s:
            write_board_report(board_report_data.read(s), pdf)
        if shutil.which("pdftoppm"):
            for page in (1, 2):
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                                str(pdf), str(out / f"board-report-page{page}")], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.insight_screens")
    parser.add_argument("out", nargs="?", default="docs/screens")
    parser.add_argument("--db", required=True, help="a demo database (it is not changed)")
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from ol_desk.core.model.enums import Role
    from ol_desk.core.search import SearchIndex
    from ol_desk.core.services.actor import Actor
    from ol_desk.core.store import open_database
    from ol_desk.gui.app_context import AppContext
    from ol_desk.gui.ops import Operations
    from ol_desk.gui.theme import apply_theme
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication), "screenshots need a QApplication, not a QCoreApplication"
    apply_theme(app, "light")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:  # work on a copy: the wizard previews, nothing is imported
        copy = Path(tmp) / "screens.sqlite3"
        shutil.copyfile(args.db, copy)
        side = Path(str(args.db) + ".d")
        if side.exists():
            shutil.copytree(side, Path(str(copy) + ".d"))
        db = open_database(copy)
        ops = Operations(db)
        index = SearchIndex(db)
        ctx = AppContext(db, ops, Actor("Jo Bloggs", Role.CPIC, "NW"), search_index=index)

        def save(widget, name):
            widget.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
        shoot(ctx, out, save, app)
        ops.shutdown()
        index.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
