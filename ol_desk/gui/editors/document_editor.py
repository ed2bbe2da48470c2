"""The source document editor: every field, the response due date with its extensions, the statutory clock, and the
document's recommendations (open one, add a new one)."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from ol_desk.core.dates import STATUTORY_DAYS, days_left, statutory_due
from ol_desk.core.model.enums import Entity, SourceKind
from ol_desk.gui.forms.ui_document_details import Ui_DocumentDetails

from .colours import bad, good
from .date_history import DateHistoryField, days_words
from .fields import fill_enum, get_date, make_optional, set_data, set_date, show_date
from .item_editor import ItemEditor
from .linked_items import LinkedTable, linked_page


def clock_words(kind, issued, due, sent, statutory) -> tuple[str, str]:
    """The statutory clock in words and its colour: days left on the response, overdue in red."""
    kind = SourceKind(kind)
    days = STATUTORY_DAYS.get(kind)
    basis = (f"{kind.label}: response due {days} days after issue"
             + (f" ({show_date(statutory)})" if statutory else "") if days else f"{kind.label}: no statutory clock")
    if sent:
        return f"Response sent {show_date(sent)}. {basis}.", good()
    if due is None:
        extra = " — give the date issued to start it" if days and not issued else ""
        return f"No response date{extra}. {basis}.", ""
    left = days_left(due)
    assert left is not None  # due is not None here
    return f"{days_words(left).capitalize()} (due {show_date(due)}). {basis}.", bad() if left < 0 else ""


class DocumentEditor(ItemEditor):
    entity = Entity.DOCUMENT
    date_field, date_words = "response_due", "response due date"

    def build_details(self) -> QWidget:
        page = QWidget(self)
        self.ui = Ui_DocumentDetails()
        self.ui.setupUi(page)
        ui = self.ui
        fill_enum(ui.kindCombo, SourceKind)
        # Area and addressees came after the form was drawn: two rows under "Issued by", built here.
        self.area_edit = QLineEdit(page)
        self.area_edit.setObjectName("areaEdit")
        self.area_edit.setMaxLength(200)
        self.area_edit.setPlaceholderText("a coroner area, an inspected force")
        self.addressees_edit = QLineEdit(page)
        self.addressees_edit.setObjectName("addresseesEdit")
        self.addressees_edit.setPlaceholderText("the other bodies the report was sent to")
        ui.leftForm.insertRow(4, "&Area:", self.area_edit)
        ui.leftForm.insertRow(5, "Sent &to:", self.addressees_edit)
        ui.notesEdit.setMaximumHeight(200)
        for edit in (ui.dateIssuedEdit, ui.responseSentEdit):
            make_optional(edit)
        self.due = DateHistoryField("response due date", page)
        ui.responseDueHostLayout.addWidget(self.due)
        self.due.moved.connect(self.move_date)
        self.bind("kind", ui.kindCombo.currentData, lambda v: set_data(ui.kindCombo, v),
                  lambda v: SourceKind(v).label)
        for name, line in (("reference", ui.referenceEdit), ("title", ui.titleEdit),
                           ("issuing_body", ui.issuingBodyEdit), ("link", ui.linkEdit),
                           ("area", self.area_edit), ("addressees", self.addressees_edit)):
            self.bind(name, lambda e=line: e.text().strip(), line.setText)
            line.textChanged.connect(self.edited)
        self.bind("notes", lambda: ui.notesEdit.toPlainText().strip(), ui.notesEdit.setPlainText)
        ui.notesEdit.textChanged.connect(self.edited)
        for name, edit in (("date_issued", ui.dateIssuedEdit), ("response_sent_on", ui.responseSentEdit)):
            self.bind(name, lambda e=edit: get_date(e), lambda v, e=edit: set_date(e, v), show_date)
            edit.dateChanged.connect(self.edited)
        ui.kindCombo.currentIndexChanged.connect(self.edited)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._show_clock())
        ui.dateIssuedEdit.dateChanged.connect(lambda _d: self._show_clock())
        ui.responseSentEdit.dateChanged.connect(lambda _d: self._show_clock())
        return page

    def extra_tabs(self):
        self.recs = LinkedTable("Recommendations in this document", "Target", self._open_rec)
        page, (self.open_rec_button, self.add_rec_button) = linked_page(
            self, self.recs, [("&Open", self._open_rec), ("&New recommendation…", self._new_rec)])
        return [("&Recommendations", page)]

    def fill(self, snap) -> None:
        v: dict[str, Any] = snap.values if snap else {"kind": SourceKind.PFD}
        for name, b in self.binds.items():
            b.set(v.get(name))
        if snap:
            self.due.show_value(v["response_due"], v["original_response_due"], snap.date_moves,
                                finished=v["response_sent_on"] is not None)
        self.due.change_button.setEnabled(snap is not None)
        if snap is None:
            self.due.value_label.setText("Set from the statutory clock when saved (or afterwards)")
        self.recs.show_rows(snap.linked if snap else ())
        self.add_rec_button.setEnabled(snap is not None)
        self.open_rec_button.setEnabled(bool(snap and snap.linked))
        self.tabs.setTabText(1, f"&Recommendations ({len(snap.linked) if snap else 0})")
        self._show_clock()

    def _show_clock(self) -> None:
        ui = self.ui
        kind, issued = ui.kindCombo.currentData(), get_date(ui.dateIssuedEdit)
        due = self.snap.values["response_due"] if self.snap else None
        if due is None:
            due = statutory_due(kind, issued)
        text, colour = clock_words(kind, issued, due, get_date(ui.responseSentEdit), statutory_due(kind, issued))
        ui.clockLabel.setText(text)
        ui.clockLabel.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")

    def heading(self):
        if self.snap is None:
            return "New source document", "Give its kind and a title or reference; the response clock starts " \
                                          "from the date issued."
        v = self.snap.values
        return (f"{SourceKind(v['kind']).label} {v['reference']}".strip(),
                " · ".join(x for x in (v["title"], v["issuing_body"]) if x))

    def validate(self, fields):
        if self.item_id is None and not (fields.get("title") or fields.get("reference")):
            self.ui.titleEdit.setFocus()
            return "Give the document a title or a reference before saving."
        return None

    def _new_rec(self) -> None:
        from . import new_recommendation
        new_recommendation(self.ctx, self.item_id, self)

    def _open_rec(self) -> None:
        rec_id = self.recs.current_id()
        if rec_id is not None:
            self.ctx.open_item(Entity.RECOMMENDATION, rec_id)

    def related(self):
        return {Entity.RECOMMENDATION: set(self.recs.ids)}

    def touched_by(self, changes) -> bool:
        # A recommendation created anywhere may belong to this document (Changes do not say whose it is).
        return super().touched_by(changes) or Entity.RECOMMENDATION in changes.created
