"""Hubs & people: the reference data (hubs, themes, people) in three small tables, each with an edit form.

These tables are small (tens of hubs and themes, a few thousand people), so each is read whole. Writes go through
ol_desk.core.services.reference with the row's version, so a concurrent edit is refused, not overwritten.
"""
from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ol_desk.core.lifecycle import EDITORS
from ol_desk.core.model import Hub, Person, Theme
from ol_desk.core.model.enums import Entity, HubKind, Role
from ol_desk.core.services import reference
from ol_desk.core.services.changes import Changes
from ol_desk.core.services.reference import ADMINS

from ..panel import PanelDefaults


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"      # text | words | check | role | hubkind | hub
    in_table: bool = True


TABS: dict[Entity, tuple[str, type[Hub] | type[Theme] | type[Person], AbstractSet[Role], tuple[Field, ...]]] = {
    Entity.HUB: ("Hubs", Hub, ADMINS, (Field("code", "Code"), Field("name", "Name"), Field("kind", "Kind", "hubkind"),
                                       Field("boroughs", "Boroughs", in_table=False),
                                       Field("aliases", "Also known as", in_table=False),
                                       Field("active", "Active", "check"))),
    Entity.THEME: ("Themes", Theme, ADMINS, (Field("code", "Code"), Field("name", "Name"),
                                             Field("words", "Words that suggest it", "words", in_table=False),
                                             Field("active", "Active", "check"))),
    Entity.PERSON: ("People", Person, EDITORS, (Field("name", "Name"), Field("role", "Role", "role"),
                                                Field("hub_id", "Hub", "hub"), Field("email", "Email"),
                                                Field("active", "Active", "check"))),
}
_CREATE: dict[Entity, Callable[..., Changes]] = {Entity.HUB: reference.create_hub, Entity.THEME: reference.create_theme,
           Entity.PERSON: reference.create_person}
_UPDATE: dict[Entity, Callable[..., Changes]] = {Entity.HUB: reference.update_hub, Entity.THEME: reference.update_theme,
           Entity.PERSON: reference.update_person}
ONE = {Entity.HUB: "hub", Entity.THEME: "theme", Entity.PERSON: "person"}   # one row of each tab, in words


def read_table(session, entity: Entity) -> tuple[list[dict], list[tuple[int, str]]]:
    _title, cls, _roles, fields = TABS[entity]
    order = cls.name
    rows = []
    for obj in session.scalars(select(cls).order_by(order)):
        row = {f.key: getattr(obj, f.key) for f in fields}
        row["id"], row["version"] = obj.id, obj.version
        rows.append(row)
    hubs = [(h.id, f"{h.name} ({h.code})") for h in session.scalars(select(Hub).order_by(Hub.name))]
    return rows, hubs


class ReferenceTab(QWidget):
    def __init__(self, ctx, entity: Entity, parent=None):
        super().__init__(parent)
        self.ctx, self.entity = ctx, entity
        self.title, _cls, self.roles, self.fields = TABS[entity]
        self.one = ONE[entity]   # "person", not "peopl"
        self.rows: list[dict] = []
        self.hub_names: dict[int, str] = {}
        self.editing: dict | None = None
        shown = [f for f in self.fields if f.in_table]
        self.table = QTableWidget(0, len(shown))
        self.table.setAccessibleName(f"{self.title} table")
        self.table.setHorizontalHeaderLabels([f.label for f in shown])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.editors: dict[str, QWidget] = {}
        form_box = QWidget()
        form = QFormLayout(form_box)
        self.heading = QLabel()
        form.addRow(self.heading)
        for f in self.fields:
            w = self._editor(f)
            w.setAccessibleName(f"{self.one.capitalize()} {f.label.lower()}")
            self.editors[f.key] = w
            label = QLabel(f.label if f.kind == "check" else f"{f.label}:")
            label.setBuddy(w)
            form.addRow(label, w)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What is wrong")
        form.addRow(self.problem)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(f"&New {self.one}")
        self.save_button = QPushButton("&Save")
        for b in (self.new_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(form_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.identity_changed()

    def _editor(self, f: Field) -> QWidget:
        if f.kind == "check":
            return QCheckBox()
        if f.kind in ("role", "hubkind", "hub"):
            box = QComboBox()
            if f.kind == "role":
                for r in Role:
                    box.addItem(r.label, r.value)
            elif f.kind == "hubkind":
                for k in HubKind:
                    box.addItem(k.label, k.value)
            return box
        line = QLineEdit()
        if f.kind == "words":
            line.setPlaceholderText("restrain*; Taser; prone position")
            line.setToolTip("Words and phrases that suggest this theme for a finding, separated by ';'. A * at the "
                            "end matches any ending (restrain* → restraint, restrained); a phrase counts double.")
        return line

    def identity_changed(self) -> None:
        allowed = self.ctx.actor.role in self.roles
        for w in (*self.editors.values(), self.new_button, self.save_button):
            w.setEnabled(allowed)
        who = " or ".join(sorted(r.label for r in self.roles))
        self.problem.setText("" if allowed else f"Only the {who} can change {self.title.lower()}; "
                                                 f"you are signed in as {self.ctx.actor.role.label}.")

    # -- reading -----------------------------------------------------------------------------------------------
    def load(self, select_id: int | None = None) -> None:
        self.ctx.ops.read(read_table, self.entity, on_done=lambda out: self._loaded(out[0], out[1], select_id),
                          label=f"Load {self.title.lower()}")

    def _loaded(self, rows: list[dict], hubs: list[tuple[int, str]], select_id: int | None) -> None:
        self.rows = rows
        self.hub_names = dict(hubs)
        box = self.editors.get("hub_id")
        if isinstance(box, QComboBox):
            box.clear()
            box.addItem("No hub", None)
            for hub_id, name in hubs:
                box.addItem(name, hub_id)
        shown = [f for f in self.fields if f.in_table]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, f in enumerate(shown):
                item = QTableWidgetItem(self._text(f, row[f.key]))
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.sortItems(1 if len(shown) > 1 and shown[1].key == "name" else 0, Qt.SortOrder.AscendingOrder)
        if select_id is not None:
            self.select(select_id)
        elif self.editing is None:
            self.start_new()

    def _text(self, f: Field, value) -> str:
        if f.kind == "check":
            return "Yes" if value else "No"
        if f.kind in ("role", "hubkind"):
            return value.label if hasattr(value, "label") else str(value)
        if f.kind == "hub":
            return self.hub_names.get(value, "") if value else ""
        return str(value or "")

    def select(self, item_id: int) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == item_id:
                self.table.selectRow(r)
                self.table.scrollToItem(item)
                said = self.problem.text()
                self._selected()   # the row may have been selected already (just saved): edit it again, not anew
                if said == "Saved.":
                    self.problem.setText(said)
                return

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        item_id = items[0].data(Qt.ItemDataRole.UserRole)
        row = next((x for x in self.rows if x["id"] == item_id), None)
        if row is not None:
            self._edit(row)

    # -- editing -----------------------------------------------------------------------------------------------
    def _edit(self, row: dict | None) -> None:
        self.editing = row
        self.heading.setText(f"<b>{'New ' + self.one if row is None else 'Edit ' + self.one}</b>")
        for f in self.fields:
            w = self.editors[f.key]
            value = row.get(f.key) if row else None
            if isinstance(w, QCheckBox):
                w.setChecked(True if row is None else bool(value))
            elif isinstance(w, QComboBox):
                i = w.findData(_plain(value))
                w.setCurrentIndex(max(0, i))
            elif isinstance(w, QLineEdit):
                w.setText(str(value or ""))
        if self.ctx.actor.role in self.roles:
            self.problem.setText("")

    def start_new(self) -> None:
        self.table.clearSelection()
        self._edit(None)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.editors[f.key]
            if isinstance(w, QCheckBox):
                out[f.key] = w.isChecked()
            elif isinstance(w, QComboBox):
                out[f.key] = w.currentData()
            elif isinstance(w, QLineEdit):
                out[f.key] = w.text().strip()
        return out

    def save(self) -> None:
        values = self.values()
        if self.editing is None:
            fn: Callable[..., Changes]
            args: tuple[Any, ...]
            if self.entity == Entity.PERSON:
                active = values.pop("active")
                fn, args = _create_person_with_active, (active,)
            else:
                fn, args = _CREATE[self.entity], ()
            self.ctx.ops.write(fn, self.ctx.actor, *args, label=f"New {self.one}", **values,
                               on_done=self._saved, on_error=self._refused)
        else:
            changed = {k: v for k, v in values.items() if _plain(self.editing.get(k)) != v}
            if not changed:
                self.problem.setText("Nothing has changed.")
                return
            self.ctx.ops.write(_UPDATE[self.entity], self.ctx.actor, self.editing["id"],
                               expected_version=self.editing["version"], label=f"Save {self.one}",
                               on_done=self._saved, on_error=self._refused, **changed)

    def _saved(self, changes) -> None:
        ids = changes.ids(self.entity) if hasattr(changes, "ids") else frozenset()
        self.problem.setText("Saved.")
        self.editing = None
        self.load(select_id=next(iter(ids), None))

    def _refused(self, exc: BaseException) -> None:
        from ..ops import readable
        self.problem.setText(readable(exc))


def _plain(value):
    return value.value if hasattr(value, "value") else value


def _create_person_with_active(session, actor, active: bool, **values):
    changes = reference.create_person(session, actor, **{k: v for k, v in values.items() if k != "active"})
    if not active:
        person_id = next(iter(changes.created[Entity.PERSON]))
        changes = changes | reference.update_person(session, actor, person_id, active=False)
    return changes


class ReferencePanel(PanelDefaults, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Hubs, themes and people")
        self.tab_for = {}
        for entity in (Entity.HUB, Entity.PERSON, Entity.THEME):
            tab = ReferenceTab(ctx, entity)
            self.tab_for[entity] = tab
            self.tabs.addTab(tab, TABS[entity][0])
        layout = QVBoxLayout(self)
        title = QLabel("<b>Hubs &amp; people</b>")
        layout.addWidget(title)
        layout.addWidget(self.tabs)
        self._loaded = False
        ctx.ops.changed.connect(self._changes)

    def on_shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            for tab in self.tab_for.values():
                tab.load()

    def refresh(self) -> None:
        for tab in self.tab_for.values():
            tab.load()

    def identity_changed(self) -> None:
        for tab in self.tab_for.values():
            tab.identity_changed()

    def select_item(self, entity: Entity, item_id: int) -> None:
        self.on_shown()
        tab = self.tab_for.get(entity)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            tab.select(item_id)

    def _changes(self, changes) -> None:
        if self._loaded:
            for entity, tab in self.tab_for.items():
                if changes.touches(entity) and tab.editing is None:
                    tab.load()
