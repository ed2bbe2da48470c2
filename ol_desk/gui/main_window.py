"""The main window: assembles the panels. It holds no business logic of its own."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QWidget

from ol_desk import __version__
from ol_desk.core.queries.stats import compute


class MainWindow(QMainWindow):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(f"ol-desk {__version__} — {db.name}")
        self.resize(1100, 720)
        body = QWidget(self)
        form = QFormLayout(body)
        self.count_labels: dict[str, QLabel] = {}
        for key, title in (("documents", "Source documents"), ("recommendations", "Recommendations"),
                           ("actions", "Actions"), ("overdue", "Overdue recommendations")):
            label = QLabel("…", body)
            label.setAccessibleName(title)
            self.count_labels[key] = label
            form.addRow(title, label)
        self.setCentralWidget(body)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        with self.db.reading() as session:
            stats = compute(session)
        for key, label in self.count_labels.items():
            label.setText(f"{getattr(stats, key):,}")
        self.statusBar().showMessage(f"Database: {self.db.name}")
