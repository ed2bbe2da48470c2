"""The filter bar above a register: source kind, hub, theme, status, owner, overdue, due within N days, free text.

It edits one RegisterFilter. Parts of a filter that the bar has no control for (a dashboard bar's ids, "stale",
one document's items) are kept and shown as a removable note, so a click-through is never silently widened.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QToolButton, QWidget
from sqlalchemy import select

from ol_desk.core.model import Hub, Person, Theme
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, OPEN_ACTION_STATUSES, Entity, SourceKind
from ol_desk.core.queries.register_filter import RegisterFilter

from ..theme import icon
from . import specs as s

_GROUPS = {Entity.RECOMMENDATION: ("Active (not delivered)", tuple(sorted(x.value for x in ACTIVE_REC_STATUSES))),
           Entity.ACTION: ("Open or in progress", tuple(sorted(x.value for x in OPEN_ACTION_STATUSES)))}
_BAR_FIELDS = {"source_kinds", "hub_ids", "theme_ids", "statuses", "owner_ids", "overdue", "due_within_days",
               "not_chased_days", "text", "labels"}
# The chasers filter: (days, words); 0 = never chased (see register_filter.not_chased).
CHASED_CHOICES = ((0, "Never chased"), (7, "Not chased in 7 days"), (14, "Not chased in 14 days"),
                  (30, "Not chased in 30 days"))


def choices(session) -> dict:
    """What the pickers offer: (id, code, name) of active hubs and themes, (id, name) of active people."""
    return {"hubs": session.execute(select(Hub.id, Hub.code, Hub.name).where(Hub.active).order_by(Hub.name)).all(),
            "themes": session.execute(select(Theme.id, Theme.code, Theme.name).where(Theme.active)
                                      .order_by(Theme.name)).all(),
            "people": session.execute(select(Person.id, Person.name).where(Person.active)
                                      .order_by(Person.name)).all()}


def _combo(name: str, tip: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.setToolTip(tip)
    # shrink with the window (long names are elided; the full list shows when it opens)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(9)
    box.setMaximumWidth(230)
    return box


class FilterBar(QWidget):
    changed = Signal(object)  # RegisterFilter

    def __init__(self, spec: s.RegisterSpec, identity, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.identity = identity
        self._extra = RegisterFilter()
        self._quiet = False
        self.my_hub_id: int | None = None
        self._my_person_id: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setAccessibleName("Filter by words")
        self.text.setPlaceholderText("Filter: words, hub:NW, theme:custody, owner:name …")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(160)
        self.source = _combo("Source kind", "Only items from this kind of source")
        self.source.addItem("Any source", None)
        for kind in SourceKind:
            self.source.addItem(kind.label, kind.value)
        self.hub = _combo("Hub", "Only items for this hub")
        self.theme = _combo("Theme", "Only recommendations with this theme")
        self.status = _combo("Status", "Only items in this status")
        self.status.addItem("Any status", None)
        if spec.entity in _GROUPS:
            self.status.addItem(*_GROUPS[spec.entity])
        for value, label in spec.statuses:
            self.status.addItem(label, (value,))
        self.owner = _combo("Owner", "Only items this person owns")
        self.chased = _combo("Last chased", "Only items whose owner was never chased, or not lately (File › Chase "
                                            "owners…)")
        self.chased.addItem("Chased: any", None)
        for days, words in CHASED_CHOICES:
            self.chased.addItem(words, days)
        self.overdue = QCheckBox("&Overdue")
        self.overdue.setAccessibleName("Only overdue items")
        self.due = QSpinBox()
        self.due.setAccessibleName("Due within days")
        self.due.setRange(0, 365)
        self.due.setSpecialValueText("Due: any time")
        self.due.setPrefix("Due within ")
        self.due.setSuffix(" days")
        self.due.setToolTip("Only items due within this many days (0: any time)")
        self.extra = QLabel()
        self.extra.setObjectName("registerExtraFilter")
        self.extra.setAccessibleName("Other filters in use")
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("clear"))
        self.clear_button.setText("Clear filters")
        self.clear_button.setToolTip("Clear filters")
        self.clear_button.setAccessibleName("Clear filters")
        shown = {s.TEXT: self.text, s.SOURCE: self.source, s.HUB: self.hub, s.THEME: self.theme,
                 s.STATUS: self.status, s.OWNER: self.owner, s.OVERDUE: self.overdue, s.DUE: self.due,
                 s.CHASED: self.chased}
        for key in (s.TEXT, s.SOURCE, s.HUB, s.THEME, s.STATUS, s.OWNER, s.OVERDUE, s.DUE, s.CHASED):
            widget = shown[key]
            widget.setVisible(key in spec.filters)
            row.addWidget(widget, 2 if key == s.TEXT else 0)
        row.addWidget(self.extra)
        row.addWidget(self.clear_button)
        row.addStretch(0)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.text.returnPressed.connect(self._emit)
        for box in (self.source, self.hub, self.theme, self.status, self.owner, self.chased):
            box.currentIndexChanged.connect(lambda _i: self._emit())
        self.overdue.toggled.connect(lambda _b: self._emit())
        self.due.valueChanged.connect(lambda _v: self._debounce.start())
        self.clear_button.clicked.connect(self.clear)
        self._fill_static(hubs=[], themes=[], people=[])

    # -- pickers ----------------------------------------------------------------------------------------------
    def set_choices(self, data: dict) -> None:
        current = self.value()
        self._quiet = True
        try:
            self._fill_static(**data)
        finally:
            self._quiet = False
        self.set_value(current, emit=False)

    def _fill_static(self, hubs, themes, people) -> None:
        who = self.identity
        self.my_hub_id = next((h[0] for h in hubs if who.hub_code and h[1] == who.hub_code), None)
        self._my_person_id = next((p[0] for p in people if p[1].lower() == who.name.lower()), None)
        self.hub.clear()
        self.hub.addItem("Any hub", None)
        if self.my_hub_id is not None:
            self.hub.addItem(f"My hub ({who.hub_code})", self.my_hub_id)
        for hub_id, code, name in hubs:
            self.hub.addItem(f"{name} ({code})", hub_id)
        self.theme.clear()
        self.theme.addItem("Any theme", None)
        for theme_id, _code, name in themes:
            self.theme.addItem(name, theme_id)
        self.owner.clear()
        self.owner.addItem("Anyone", None)
        if self._my_person_id is not None:
            self.owner.addItem(f"Me ({who.name})", self._my_person_id)
        for person_id, name in people:
            self.owner.addItem(name, person_id)

    # -- the filter ----------------------------------------------------------------------------------------------
    def value(self) -> RegisterFilter:
        labels = []
        f = self._extra.with_(labels=())
        if self.text.text().strip():
            f = f.with_(text=self.text.text().strip())
            labels.append(f"“{f.text}”")
        for box, field in ((self.source, "source_kinds"), (self.hub, "hub_ids"), (self.theme, "theme_ids"),
                           (self.status, "statuses"), (self.owner, "owner_ids")):
            data = box.currentData()
            if data is not None and self._offered(box):
                f = f.with_(**{field: data if isinstance(data, tuple) else (data,)})
                labels.append(box.currentText())
        if self.overdue.isChecked() and self._offered(self.overdue):
            f = f.with_(overdue=True)
            labels.append("overdue")
        if self.due.value() and self._offered(self.due):
            f = f.with_(due_within_days=self.due.value())
            labels.append(f"due within {self.due.value()} days")
        if self.chased.currentData() is not None and self._offered(self.chased):
            f = f.with_(not_chased_days=self.chased.currentData())
            labels.append(self.chased.currentText().lower())
        return f.with_(labels=tuple(labels) + self._extra.labels)

    def _offered(self, widget) -> bool:
        return not widget.isHidden()

    def set_value(self, f: RegisterFilter, emit: bool = True) -> None:
        self._quiet = True
        self._extra = RegisterFilter()
        try:
            self.text.setText(f.text)
            self._pick(self.source, f.source_kinds[0] if len(f.source_kinds) == 1 else None)
            self._pick(self.hub, f.hub_ids[0] if len(f.hub_ids) == 1 else None)
            self._pick(self.theme, f.theme_ids[0] if len(f.theme_ids) == 1 else None)
            self._pick(self.status, tuple(f.statuses) if f.statuses else None)
            self._pick(self.owner, f.owner_ids[0] if len(f.owner_ids) == 1 else None)
            self.overdue.setChecked(f.overdue)
            self.due.setValue(f.due_within_days or 0)
            self._pick(self.chased, f.not_chased_days)
            shown = self.value().with_(labels=())
            # whatever the controls could not show stays as an "also" filter
            leftovers = {k: getattr(f, k) for k in f.__dataclass_fields__ if k not in _BAR_FIELDS
                         and getattr(f, k) != getattr(RegisterFilter(), k)}
            for k in ("source_kinds", "hub_ids", "theme_ids", "statuses", "owner_ids"):
                if getattr(f, k) and getattr(shown, k) != tuple(getattr(f, k)):
                    leftovers[k] = tuple(getattr(f, k))
            if f.not_chased_days is not None and shown.not_chased_days != f.not_chased_days:
                leftovers["not_chased_days"] = f.not_chased_days
            bar_labels = tuple(lbl for lbl in f.labels if leftovers)
            self._extra = RegisterFilter(**leftovers, labels=bar_labels) if leftovers else RegisterFilter()
            self._show_extra()
        finally:
            self._quiet = False
        if emit:
            self._emit()

    def _pick(self, box: QComboBox, data) -> None:
        i = box.findData(data) if data is not None else 0
        box.setCurrentIndex(max(0, i))

    def _show_extra(self) -> None:
        words = ", ".join(self._extra.labels) if self._extra.labels else ("more filters" if not
                                                                          self._extra.is_empty else "")
        self.extra.setText(f"Also: {words}" if words else "")
        self.extra.setVisible(bool(words))

    def clear(self) -> None:
        self._extra = RegisterFilter()
        self.set_value(RegisterFilter())

    def set_identity(self, identity) -> None:
        self.identity = identity

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.value())
