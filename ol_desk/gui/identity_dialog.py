"""Who is using ol-desk: asked on first run (and from Settings). Stored in QSettings, never in the database."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget
from sqlalchemy import select

from ol_desk.core.model import Hub
from ol_desk.core.model.enums import Role

from .forms.ui_identity_dialog import Ui_IdentityDialog
from .settings import Identity
from .theme import warning_colour


def hub_choices(session) -> list[tuple[str, str]]:
    """(code, name) of every active hub, by name: what the identity and filter pickers offer."""
    return [(code, name) for code, name in
            session.execute(select(Hub.code, Hub.name).where(Hub.active).order_by(Hub.name))]


class IdentityFields:
    """The name / role / hub trio shared by the first-run dialog and the Settings dialog."""

    def __init__(self, name: QLineEdit, role: QComboBox, hub: QComboBox, hubs: list[tuple[str, str]]):
        self.name, self.role, self.hub = name, role, hub
        for r in Role:
            role.addItem(r.label, r.value)
        hub.addItem("No hub (force-wide)", "")
        for code, hub_name in hubs:
            hub.addItem(f"{hub_name} ({code})", code)

    def set(self, identity: Identity | None) -> None:
        if identity is None:
            self.role.setCurrentIndex(self.role.findData(Role.HUB_OFFICER.value))
            return
        self.name.setText(identity.name)
        self.role.setCurrentIndex(max(0, self.role.findData(identity.role.value)))
        self.hub.setCurrentIndex(max(0, self.hub.findData(identity.hub_code or "")))

    def problem(self) -> str:
        if not self.name.text().strip():
            return "Please give your name: it is recorded against every change you make."
        if Role(self.role.currentData()) == Role.HUB_OFFICER and not self.hub.currentData():
            return "A hub officer works for a hub: please choose yours."
        return ""

    def value(self) -> Identity:
        return Identity(self.name.text().strip(), Role(self.role.currentData()), self.hub.currentData() or None)


class IdentityDialog(QDialog):
    def __init__(self, hubs: list[tuple[str, str]], identity: Identity | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_IdentityDialog()
        self.ui.setupUi(self)
        self.fields = IdentityFields(self.ui.nameEdit, self.ui.roleCombo, self.ui.hubCombo, hubs)
        self.fields.set(identity)
        self.ui.problem.setStyleSheet(f"color: {warning_colour().name()};")   # what to fix, in the warning red
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.nameEdit.setFocus()

    def accept(self) -> None:
        problem = self.fields.problem()
        self.ui.problem.setText(problem)
        if not problem:
            super().accept()

    def identity(self) -> Identity:
        return self.fields.value()
