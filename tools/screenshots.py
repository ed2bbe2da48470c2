"""Save a PNG of each main screen of ol-desk on a demo database (for the README and for looking at the app).

    python -m tools.screenshots docs/screens            # under a display or `xvfb-run -a` (make screenshots)
    python -m tools.screenshots OUT --db my.sqlite3     # an existing database instead of a fresh demo

A fresh demo (2,000 recommendations, seed 1, anchored on 1 June 2025) is built in a temporary folder with its
search index, and the app is signed in as a CPIC learning officer for North West. Settings go to a temporary file;
the user's own are never touched. A second process takes the 200% scaling shot (QT_SCALE_FACTOR must be set
before Qt starts).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]   # the checkout: `-m tools.screenshots` is found from here
ON = dt.date(2025, 6, 1)
SIZE = (1360, 850)


def build_demo(folder: Path, recommendations: int) -> Path:
    from ol_desk.core.demo.generate import generate_demo
    from ol_desk.core.search import SearchIndex
    from ol_desk.core.store import open_database
    path = folder / "screens-demo.sqlite3"
    db = open_database(path)
    generate_demo(db, recommendations, seed=1, on=ON)
    index = SearchIndex(db)
    index.ensure()
    index.close()
    db.dispose()
    return path


class Shooter:
    def __init__(self, out: Path, db_path: Path, theme: str = "light"):
        from PySide6.QtWidgets import QApplication

        from ol_desk.gui.theme import apply_theme
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication), "screenshots need a QApplication, not a QCoreApplication"
        self.app = app
        self.app.setApplicationName("ol-desk")
        apply_theme(self.app, theme)
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        from ol_desk.core.model.enums import Role
        from ol_desk.core.store import open_database
        from ol_desk.gui.settings import Identity, app_settings, save_identity
        self.db = open_database(db_path)
        self.identity = Identity("Jo Bloggs", Role.CPIC, "NW")
        save_identity(app_settings(), self.identity)
        self.saved: list[Path] = []

    def settle(self, window=None, rounds: int = 6) -> None:
        from PySide6.QtTest import QTest
        for _ in range(rounds):
            if window is not None:
                window.ops.wait_idle(30_000)
            self.app.processEvents()
            QTest.qWait(60)

    def save(self, widget, name: str) -> None:
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)

    def window(self):
        from ol_desk.gui.main_window import MainWindow
        window = MainWindow(self.db, self.identity)
        window.resize(*SIZE)
        window.show()
        with_timeout = 300
        while not window._started and with_timeout:
            self.settle(window, 1)
            with_timeout -= 1
        self.settle(window, 10)
        return window

    def main_screens(self) -> None:
        from ol_desk.core.model.enums import Entity
        window = self.window()
        for n, key in enumerate(k for k in window._keys if k != "search"):
            window.show_panel(key)
            self.settle(window)
            self.save(window, f"{n + 1:02d}-{key}")
        # a saved view: my hub, overdue
        panel = window.show_panel("recommendations")
        index = panel.view_combo.findText("My hub, overdue")
        if index >= 0:
            panel.view_combo.setCurrentIndex(index)
            panel._view_chosen(index)
            self.settle(window)
            self.save(window, "recommendations-my-hub-overdue")
        # search
        window.focus_search()
        window.search_field.setText("custody")
        window.search_field.textEdited.emit("custody")
        window.search_panel.search_now()
        self.settle(window, 10)
        self.save(window, "search-results")
        # an editor, when the editors are part of this build
        rec_id = panel.model.id_at(0)
        editor = None
        if rec_id is not None:
            from PySide6.QtWidgets import QWidget

            from ol_desk.gui import main_window as mw
            opener = mw._editors_opener()
            if opener is not None:
                editor = opener(window.ctx, Entity.RECOMMENDATION, rec_id, window)
                if isinstance(editor, QWidget):   # open_editor returns the editor window
                    editor.resize(1100, 820)
                    self.settle(window, 10)
                    self.save(editor, "recommendation-editor")
                    editor.close()
        # dialogs
        from ol_desk.gui.identity_dialog import IdentityDialog, hub_choices
        from ol_desk.gui.settings_dialog import SettingsDialog
        with self.db.reading() as s:
            hubs = hub_choices(s)
        dialog = IdentityDialog(hubs)
        dialog.show()
        self.settle()
        self.save(dialog, "first-run-identity")
        dialog.close()
        settings = SettingsDialog(window.settings, hubs)
        settings.show()
        self.settle()
        self.save(settings, "settings")
        settings.close()
        # the dashboard-side screens: capture, import wizard, export dialogs, Board report pages
        from PySide6.QtWidgets import QApplication

        from tools import insight_screens
        insight_screens.shoot(window.ctx, self.out, self.save, QApplication.instance())
        window.close()

    def one_screen(self, name: str) -> None:
        window = self.window()
        window.show_panel("recommendations")
        self.settle(window)
        self.save(window, name)
        window.close()


def _child(args) -> int:
    shooter = Shooter(Path(args.out), Path(args.db), args.theme)
    shooter.one_screen(args.only)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screens", help="folder for the PNGs (docs/screens)")
    parser.add_argument("--db", help="use this database instead of building a demo")
    parser.add_argument("--recommendations", type=int, default=2000, help="size of the demo (2000)")
    parser.add_argument("--only", help=argparse.SUPPRESS)
    parser.add_argument("--theme", default="light", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ol-desk-screens-") as tmp:
        os.environ["OL_DESK_SETTINGS"] = str(Path(tmp) / "settings.ini")
        os.environ.setdefault("OL_DESK_TODAY", ON.isoformat())
        if args.only:
            return _child(args)
        db_path = Path(args.db) if args.db else build_demo(Path(tmp), args.recommendations)
        shooter = Shooter(Path(args.out), db_path)
        shooter.main_screens()
        for name, theme, scale in (("recommendations-dark", "dark", "1"), ("recommendations-200pct", "light", "2")):
            env = dict(os.environ, QT_SCALE_FACTOR=scale,
                       PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
            subprocess.run([sys.executable, "-m", "tools.screenshots", args.out, "--db", str(db_path),
                            "--only", name, "--theme", theme], env=env, check=True)
            shooter.saved.append(Path(args.out) / f"{name}.png")
        for path in shooter.saved:
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
