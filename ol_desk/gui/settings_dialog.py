"""Settings: identity, the database file (used from the next start) and the colour theme."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from .forms.ui_settings_dialog import Ui_SettingsDialog
from .identity_dialog import IdentityFields
from .settings import THEMES, Identity, database_setting, load_identity, save_identity, theme_setting
from .theme import warning_colour


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, hubs: list[tuple[str, str]], parent: QWidget | None = None, *,
                 server_identity: Identity | None = None):
        """server_identity: on a server, who the login is; the identity fields then show it and cannot change."""
        super().__init__(parent)
        self.settings = settings
        self.server_identity = server_identity
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.fields = IdentityFields(self.ui.nameEdit, self.ui.roleCombo, self.ui.hubCombo, hubs)
        self.fields.set(server_identity or load_identity(settings))
        if server_identity is not None:
            why = (f"Signed in to the server as {server_identity.login}: your name, role and hub come from the "
                   f"server (an administrator changes them with `ol-desk server add-user`).")
            for widget in (self.ui.nameEdit, self.ui.roleCombo, self.ui.hubCombo):
                widget.setEnabled(False)
                widget.setToolTip(why)
            self.ui.problem.setText(why)
        self.ui.databaseEdit.setText(database_setting(settings) or "")
        for key, label in THEMES.items():
            self.ui.themeCombo.addItem(label, key)
        self.ui.themeCombo.setCurrentIndex(max(0, self.ui.themeCombo.findData(theme_setting(settings))))
        if server_identity is None:
            self.ui.problem.setStyleSheet(f"color: {warning_colour().name()};")   # what to fix, in the warning red
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    def _browse(self) -> None:
        start = self.ui.databaseEdit.text() or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, "Database file", start,
                                              "ol-desk database (*.sqlite3 *.db);;All files (*)",
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.ui.databaseEdit.setText(path)

    def accept(self) -> None:
        if self.server_identity is None:
            problem = self.fields.problem()
            self.ui.problem.setText(problem)
            if problem:
                return
            save_identity(self.settings, self.fields.value())
        self.settings.setValue("database/path", self.ui.databaseEdit.text().strip())
        self.settings.setValue("appearance/theme", self.ui.themeCombo.currentData())
        self.settings.sync()
        super().accept()

    def identity(self) -> Identity:
        return self.server_identity or self.fields.value()

    def theme(self) -> str:
        return self.ui.themeCombo.currentData()
