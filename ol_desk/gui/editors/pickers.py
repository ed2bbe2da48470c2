"""Pickers for a recommendation's hubs (several, one of them the lead) and themes (several)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class CheckList(QListWidget):
    """A list of checkable choices; space toggles the current one (keyboard use)."""

    toggled = Signal()

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.itemChanged.connect(lambda _item: self.toggled.emit())

    def set_choices(self, choices, checked) -> None:
        self.blockSignals(True)
        self.clear()
        for c in choices:
            item = QListWidgetItem(f"{c.name} ({c.detail})" if c.detail else c.name, self)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.set_checked(checked)

    def set_checked(self, ids) -> None:
        ids = set(ids)
        first = None
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            first = first or (item if on else None)
        self.blockSignals(False)
        if first is not None:  # the chosen ones in view, not scrolled away below the fold
            self.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)
        self.toggled.emit()

    def checked(self) -> tuple[int, ...]:
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def names(self, ids) -> list[str]:
        ids = set(ids)
        return [self.item(i).text() for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) in ids]


class ThemePicker(CheckList):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__("Themes", parent)
        self.setMaximumHeight(130)
        self.toggled.connect(self.changed)


class HubPicker(QWidget):
    """Check the hubs; pick the lead among the checked ones (the first checked leads unless another is chosen)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = CheckList("Hubs assigned", self)
        self.list.setMaximumHeight(170)
        self.lead = QComboBox(self)
        self.lead.setAccessibleName("Lead hub")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lead_row = QHBoxLayout()
        lead_row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Lead:", self)
        caption.setBuddy(self.lead)
        lead_row.addWidget(caption)
        lead_row.addWidget(self.lead, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(lead_row)
        layout.addWidget(self.summary)
        self.list.toggled.connect(self._refresh_lead)
        self.lead.currentIndexChanged.connect(lambda _i: self._emit())
        self._quiet = False

    def set_choices(self, choices, hub_ids, lead_id) -> None:
        self._quiet = True
        self.list.set_choices(choices, hub_ids)
        self.set_value(hub_ids, lead_id)
        self._quiet = False

    def set_value(self, hub_ids, lead_id) -> None:
        quiet, self._quiet = self._quiet, True
        self.list.set_checked(hub_ids)
        index = self.lead.findData(lead_id)
        if index >= 0:
            self.lead.setCurrentIndex(index)
        self._quiet = quiet
        self._summarise()

    def value(self) -> tuple[tuple[int, ...], int | None]:
        ids = self.list.checked()
        lead = self.lead.currentData()
        return ids, lead if lead in ids else (ids[0] if ids else None)

    def _refresh_lead(self) -> None:
        ids = self.list.checked()
        keep = self.lead.currentData()
        self.lead.blockSignals(True)
        self.lead.clear()
        for hid, name in zip(ids, self.list.names(ids), strict=False):
            self.lead.addItem(name, hid)
        index = self.lead.findData(keep)
        self.lead.setCurrentIndex(index if index >= 0 else 0)
        self.lead.setEnabled(bool(ids))
        self.lead.blockSignals(False)
        self._emit()

    def _summarise(self) -> None:
        ids, lead = self.value()
        if not ids:
            self.summary.setText("No hub assigned yet: the recommendation cannot be assigned until one is.")
        else:
            self.summary.setText(f"{len(ids)} hub{'s' if len(ids) != 1 else ''}; "
                                 f"lead: {self.lead.currentText()}")

    def _emit(self) -> None:
        self._summarise()
        if not self._quiet:
            self.changed.emit()
