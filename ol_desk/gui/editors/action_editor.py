"""The action editor: every field, owner and hub, the due date with its extensions, the recommendations it answers
(link to another, unlink), progress updates, evidence, history and the lifecycle commands."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ol_desk.core.editing import saving
from ol_desk.core.lifecycle import ACTION_COMMANDS
from ol_desk.core.model.enums import ActionStatus, Entity
from ol_desk.gui.forms.ui_action_details import Ui_ActionDetails

from .date_history import DateHistoryField
from .fields import fill_choices, get_data, set_data, show_date, unmatched_text
from .item_editor import ItemEditor
from .link_pickers import recommendation_link_dialog
from .linked_items import LinkedTable, linked_page
from .records_actions import RecordsMixin


class ActionEditor(RecordsMixin, ItemEditor):
    entity = Entity.ACTION
    commands = ACTION_COMMANDS
    date_field, date_words = "current_due_date", "due date"

    def __init__(self, ctx, item_id=None, parent=None, *, recommendation_ids: tuple[int, ...] = ()):
        self.recommendation_ids = tuple(recommendation_ids)
        super().__init__(ctx, item_id, parent)

    def build_details(self) -> QWidget:
        page = QWidget(self)
        self.ui = Ui_ActionDetails()
        self.ui.setupUi(page)
        ui = self.ui
        ui.titleEdit.setMaximumHeight(120)
        ui.notesEdit.setMaximumHeight(120)
        self.due = DateHistoryField("due date", page)
        ui.dueDateHostLayout.addWidget(self.due)
        self.due.moved.connect(self.move_date)
        self.bind("reference", lambda: ui.referenceEdit.text().strip(), ui.referenceEdit.setText)
        ui.referenceEdit.textChanged.connect(self.edited)
        for name, edit in (("title", ui.titleEdit), ("notes", ui.notesEdit)):
            self.bind(name, lambda e=edit: e.toPlainText().strip(), edit.setPlainText)
            edit.textChanged.connect(self.edited)
        for name, combo, choices in (("owner_id", ui.ownerCombo, "people"), ("hub_id", ui.hubCombo, "hubs")):
            self.bind(name, lambda c=combo: get_data(c), lambda v, c=combo: set_data(c, v),
                      lambda v, k=choices: self._name(k, v))
            combo.currentIndexChanged.connect(self.edited)
        self.bind("percent_complete", lambda: None if ui.percentSpin.value() < 0 else ui.percentSpin.value(),
                  lambda v: ui.percentSpin.setValue(-1 if v is None else v),
                  lambda v: "—" if v is None else f"{v} %")
        ui.percentSpin.valueChanged.connect(self.edited)
        return page

    def extra_tabs(self):
        self.recs_table = LinkedTable("Recommendations this action answers", "Target", self._open_rec)
        page, (self.open_rec_button, self.unlink_rec_button, self.link_rec_button) = linked_page(
            self, self.recs_table,
            [("&Open", self._open_rec), ("&Unlink", self._unlink_rec), ("&Link to another…", self._link_rec)])
        return [("&Recommendations", page), *self.record_tabs()]

    def _name(self, kind: str, ident) -> str:
        if ident is None or self.choices is None:
            return "—"
        return next((c.name for c in getattr(self.choices, kind) if c.id == ident), f"#{ident}")

    def fill(self, snap) -> None:
        ui, c = self.ui, self.choices
        assert c is not None  # _loaded sets the choices before it fills the form
        fill_choices(ui.ownerCombo, c.people)
        fill_choices(ui.hubCombo, c.hubs, "(no hub)")
        v: dict[str, Any] = snap.values if snap else {}
        for name, b in self.binds.items():
            b.set(v.get(name))
        status = v.get("status")
        ui.statusLabel.setText(f"<b>{ActionStatus(status).label}</b>" if status else "Open (not saved yet)")
        ui.completedLabel.setText(f"{show_date(v['completed_on'])} — {v.get('completion_note') or 'no note'}"
                                  if v.get("completed_on") else "—")
        ui.cancelLabel.setText(v.get("cancel_reason") or "—")
        ui.embeddedLabel.setText(f"{show_date(v.get('embedded_on'))} — {v.get('embedded_note')}"
                                 if v.get("embedded") else "not yet")
        ui.lastUpdateLabel.setText(show_date(v.get("last_update_on"), "no update yet"))
        if snap:
            self.due.show_value(v["current_due_date"], v["original_due_date"], snap.date_moves,
                                finished=status in (ActionStatus.COMPLETE, ActionStatus.CANCELLED))
        else:
            self.due.value_label.setText("Set after the action is saved")
        self.due.change_button.setEnabled(snap is not None)
        linked = snap.linked if snap else ()
        self.recs_table.show_rows(linked)
        self.link_rec_button.setEnabled(snap is not None)
        self.unlink_rec_button.setEnabled(bool(linked))
        self.open_rec_button.setEnabled(bool(linked))
        self.tabs.setTabText(1, f"&Recommendations ({len(linked) if snap else len(self.recommendation_ids)})")
        self.show_records(snap)

    def heading(self):
        if self.snap is None:
            answers = ", ".join(f"#{i}" for i in self.recommendation_ids)
            return "New action", (f"Answers recommendation {answers}. " if answers else "") + \
                "Describe the work; owner, hub and due date make it trackable."
        v = self.snap.values
        first = self.snap.linked[0].reference if self.snap.linked else "no recommendation"
        more = f" and {len(self.snap.linked) - 1} more" if len(self.snap.linked) > 1 else ""
        return (f"Action {self.snap.label}", f"{ActionStatus(v['status']).label} · answers {first}{more}")

    def validate(self, fields):
        if self.item_id is None and not fields.get("title"):
            self.ui.titleEdit.setFocus()
            return "Describe the work to do before saving."
        for combo, what in ((self.ui.ownerCombo, "nobody called"), (self.ui.hubCombo, "no hub called")):
            typed = unmatched_text(combo)
            if typed:
                combo.setFocus()
                return f"There is {what} '{typed}'; pick from the list."
        return None

    def save_call(self, fields):
        return (saving.save_action, (self.ctx.actor, self.item_id, self.snap.version if self.snap else None,
                                     fields), {"recommendation_ids": self.recommendation_ids})

    def optional_inputs(self, name):
        # Completing needs evidence *or* a note; with evidence attached the note may stay empty.
        return {"note"} if name == "complete" and self.snap and self.snap.evidence else set()

    def _link_rec(self) -> None:
        assert self.snap is not None  # Link to another… is enabled once the action is saved
        dialog = recommendation_link_dialog(self.ctx.ops, self)
        if dialog.exec() == dialog.DialogCode.Accepted and dialog.value() is not None:
            self.write(saving.link_action, self.ctx.actor, self.item_id, dialog.value(), True,
                       label=f"link action {self.snap.label} to recommendation #{dialog.value()}")

    def _unlink_rec(self) -> None:
        rec_id = self.recs_table.current_id()
        if rec_id is None:
            self.say("Choose the recommendation to unlink first.", "error")
            return
        assert self.snap is not None  # a recommendation to choose means the saved item's links are shown
        self.write(saving.link_action, self.ctx.actor, self.item_id, rec_id, False,
                   label=f"unlink action {self.snap.label} from recommendation #{rec_id}")

    def _open_rec(self) -> None:
        rec_id = self.recs_table.current_id()
        if rec_id is not None:
            self.ctx.open_item(Entity.RECOMMENDATION, rec_id)

    def related(self):
        return {Entity.RECOMMENDATION: set(self.recs_table.ids)}
