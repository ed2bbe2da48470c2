"""Small helpers that put values into form widgets and read them back: optional dates, enum and choice combos."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit

# A QDateEdit shows "no date" as its minimum with a special text (the usual Qt idiom for an optional date).
NO_DATE = QDate(1900, 1, 1)


def make_optional(edit: QDateEdit, empty_text: str = "not set") -> None:
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)
    edit.setDate(NO_DATE)


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def get_date(edit: QDateEdit) -> dt.date | None:
    q = edit.date()
    return None if q == NO_DATE else dt.date(q.year(), q.month(), q.day())


def show_date(value: dt.date | None, empty: str = "—") -> str:
    return value.strftime("%d %b %Y") if value else empty


def fill_enum(combo: QComboBox, enum_cls, skip=()) -> None:
    combo.clear()
    for member in enum_cls:
        if member not in skip:
            combo.addItem(member.label, member.value)


def fill_choices(combo: QComboBox, choices, none_text: str | None = "(nobody)") -> None:
    """Fill a picker from Choice rows; typing filters it (people lists can be long)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for c in choices:
        combo.addItem(f"{c.name} ({c.detail})" if c.detail else c.name, c.id)
    combo.setEditable(True)
    line_edit = combo.lineEdit()
    assert line_edit is not None  # an editable combo always has its line edit
    line_edit.setAccessibleName(combo.accessibleName())   # the typing field takes the focus
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    assert completer is not None  # setEditable(True) gives the combo a default completer
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    set_data(combo, current)
    combo.blockSignals(False)


def set_data(combo: QComboBox, value) -> None:
    value = getattr(value, "value", value)
    index = combo.findData(value)
    if index < 0 and value is not None:  # e.g. an inactive person still owning an item
        combo.addItem(f"#{value} (inactive)", value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def unmatched_text(combo: QComboBox) -> str | None:
    """Text typed into a picker that matches none of its entries (so it would be dropped), else None."""
    text = combo.currentText().strip()
    if combo.isEditable() and text and text != combo.itemText(combo.currentIndex()):
        return text
    return None


def get_data(combo: QComboBox):
    """The chosen value; a name typed but not matching any entry counts as unchosen (None)."""
    if combo.isEditable() and combo.currentText() != combo.itemText(combo.currentIndex()):
        return None
    return combo.currentData()
