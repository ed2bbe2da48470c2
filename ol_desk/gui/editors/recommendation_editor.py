"""The recommendation editor: every field, hubs (with the lead) and themes, owner, response position, the target
date with its extensions, linked actions (new or existing), progress updates, evidence, history, lifecycle."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ol_desk.core.derived_title import derived_title
from ol_desk.core.editing import saving
from ol_desk.core.lifecycle import REC_COMMANDS
from ol_desk.core.model.enums import Entity, FindingType, RecStatus, ResponsePosition
from ol_desk.gui.forms.ui_recommendation_details import Ui_RecommendationDetails

from .colours import bad
from .date_history import DateHistoryField
from .fields import fill_choices, fill_enum, get_data, set_data, show_date, unmatched_text
from .item_editor import ItemEditor
from .link_pickers import action_link_dialog, document_dialog, recommendation_finder
from .linked_items import LinkedTable, linked_page
from .pickers import HubPicker, ThemePicker
from .records_actions import RecordsMixin
from .theme_suggestion_bar import ThemeSuggestionBar


class RecommendationEditor(RecordsMixin, ItemEditor):
    entity = Entity.RECOMMENDATION
    commands = REC_COMMANDS
    date_field, date_words = "current_target_date", "target date"

    def __init__(self, ctx, item_id=None, parent=None, *, document_id: int | None = None):
        self.document_id = document_id
        super().__init__(ctx, item_id, parent)

    def build_details(self) -> QWidget:
        page = QWidget(self)
        self.ui = Ui_RecommendationDetails()
        self.ui.setupUi(page)
        ui = self.ui
        fill_enum(ui.findingTypeCombo, FindingType)
        fill_enum(ui.responsePositionCombo, ResponsePosition, skip={ResponsePosition.NOT_ACCEPTED})
        ui.responsePositionCombo.setToolTip("'Not accepted' is recorded with the Record not accepted command "
                                            "and its rationale.")
        self.hubs = HubPicker(page)
        ui.hubsHostLayout.addWidget(self.hubs)
        self.themes = ThemePicker(page)
        ui.themesHostLayout.addWidget(self.themes)
        self.theme_suggestions = ThemeSuggestionBar(self.ctx, page)
        ui.themesHostLayout.addWidget(self.theme_suggestions)
        self.theme_suggestions.accepted.connect(
            lambda tid: self.themes.set_checked(set(self.themes.checked()) | {tid}))
        self.target = DateHistoryField("target date", page)
        ui.targetDateHostLayout.addWidget(self.target)
        self.target.moved.connect(self.move_date)
        ui.hubsHostLabel.setBuddy(self.hubs.list)
        ui.themesHostLabel.setBuddy(self.themes)
        ui.textEdit.setMaximumHeight(160)
        for edit in (ui.responseRationaleEdit, ui.notesEdit):
            edit.setMaximumHeight(90)
        self.document_button = QPushButton("&Choose document…", page)
        self.document_button.clicked.connect(self._choose_document)
        holder = QWidget(page)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setAlignment(Qt.AlignmentFlag.AlignTop)
        ui.leftForm.replaceWidget(ui.documentLabel, holder)
        row.addWidget(ui.documentLabel, 1)
        row.addWidget(self.document_button)
        for name, line in (("reference", ui.referenceEdit), ("title", ui.titleEdit)):
            self.bind(name, lambda e=line: e.text().strip(), line.setText)
            line.textChanged.connect(self.edited)
        for name, edit in (("text", ui.textEdit), ("response_rationale", ui.responseRationaleEdit),
                           ("notes", ui.notesEdit)):
            self.bind(name, lambda e=edit: e.toPlainText().strip(), edit.setPlainText)
            edit.textChanged.connect(self.edited)
        self.bind("position", ui.positionSpin.value, lambda v: ui.positionSpin.setValue(v or 1))
        ui.positionSpin.valueChanged.connect(self.edited)
        for name, combo, enum in (("finding_type", ui.findingTypeCombo, FindingType),
                                  ("response_position", ui.responsePositionCombo, ResponsePosition)):
            self.bind(name, combo.currentData, lambda v, c=combo: set_data(c, v),
                      lambda v, e=enum: e(v).label if v else "—")
            combo.currentIndexChanged.connect(self.edited)
        self.bind("owner_id", lambda: get_data(ui.ownerCombo), lambda v: set_data(ui.ownerCombo, v),
                  lambda v: self._person_name(v))
        ui.ownerCombo.currentIndexChanged.connect(self.edited)
        self.bind("hubs", lambda: (tuple(sorted(self.hubs.value()[0])), self.hubs.value()[1]),
                  lambda v: self.hubs.set_value(*(v or ((), None))), self._hub_words)
        self.hubs.changed.connect(self.edited)
        self.bind("themes", lambda: tuple(sorted(self.themes.checked())), self.themes.set_checked,
                  lambda v: ", ".join(self.themes.names(v or ())) or "none")
        self.themes.changed.connect(self.edited)
        return page

    def extra_tabs(self):
        self.actions_table = LinkedTable("Actions answering this recommendation", "Due", self._open_action)
        page, buttons = linked_page(self, self.actions_table, [
            ("&Open", self._open_action), ("&Unlink", self._unlink_action), ("&Link existing…", self._link_action),
            ("&New action…", self._new_action)])
        (self.open_action_button, self.unlink_action_button, self.link_action_button,
         self.new_action_button) = buttons
        from ol_desk.gui.learning.similar_panel import SimilarPanel
        similar_page = QWidget(self)
        self.similar = SimilarPanel(self.ctx, similar_page)
        QVBoxLayout(similar_page).addWidget(self.similar)  # the panel has no margins of its own
        return [("&Actions", page), *self.record_tabs(), ("Similar", similar_page)]

    # -- showing ---------------------------------------------------------------------------------------------------
    def fill(self, snap) -> None:
        ui, c = self.ui, self.choices
        assert c is not None  # _loaded sets the choices before it fills the form
        fill_choices(ui.ownerCombo, c.people)
        self.hubs.set_choices(c.hubs, snap.hub_ids if snap else (), snap.lead_hub_id if snap else None)
        self.themes.set_choices(c.themes, snap.theme_ids if snap else ())
        self.theme_suggestions.ask(self.item_id if snap is not None else None)
        v: dict[str, Any] = dict(snap.values) if snap else {"finding_type": FindingType.RECOMMENDATION,
                                            "response_position": ResponsePosition.PENDING, "position": 1}
        v["hubs"] = (tuple(sorted(snap.hub_ids)), snap.lead_hub_id) if snap else ((), None)
        v["themes"] = tuple(sorted(snap.theme_ids)) if snap else ()
        for name, b in self.binds.items():
            b.set(v.get(name))
        derived = derived_title(v.get("text")) if snap is not None and not v.get("title") else ""
        ui.titleEdit.setPlaceholderText(f"{derived} (derived: type to give it a title)" if derived else "")
        not_accepted = v.get("response_position") == ResponsePosition.NOT_ACCEPTED
        if not_accepted:
            set_data(ui.responsePositionCombo, ResponsePosition.NOT_ACCEPTED.value)
        ui.responsePositionCombo.setEnabled(not not_accepted)
        status = v.get("status")
        ui.statusLabel.setText(f"<b>{RecStatus(status).label}</b>" if status else "New (not saved yet)")
        if snap is not None:
            ui.documentLabel.setText(snap.context)
        elif self.document_id is None:
            ui.documentLabel.setText(f"<span style='color:{bad()}'>Not chosen yet</span>")
        elif not ui.documentLabel.text() or ui.documentLabel.text() == "—":
            ui.documentLabel.setText(f"Source document #{self.document_id}")
        self.document_button.setVisible(snap is None)
        ui.boardLabel.setText(f"{show_date(v.get('board_decision_on'))}, minute {v['board_minute_ref']}"
                              if v.get("board_decision_on") else "—")
        ui.closedLabel.setText(show_date(v.get("closed_on")))
        ui.supersededLabel.setText(snap.superseded_by if snap and snap.superseded_by else "—")
        ui.lastUpdateLabel.setText(show_date(v.get("last_update_on"), "no update yet"))
        if snap:
            self.target.show_value(v["current_target_date"], v["original_target_date"], snap.date_moves,
                                   finished=status in (RecStatus.CLOSED, RecStatus.NOT_ACCEPTED, RecStatus.SUPERSEDED))
        else:
            self.target.value_label.setText("Set after the recommendation is saved")
        self.target.change_button.setEnabled(snap is not None)
        self.actions_table.show_rows(snap.linked if snap else ())
        for button in (self.new_action_button, self.link_action_button):
            button.setEnabled(snap is not None)
        self.unlink_action_button.setEnabled(bool(snap and snap.linked))
        self.open_action_button.setEnabled(bool(snap and snap.linked))
        self.tabs.setTabText(1, f"&Actions ({len(snap.linked) if snap else 0})")
        self.show_records(snap)
        if snap is not None:  # recommendations from other sources that say much the same, and those linked
            self.similar.show_for(snap.id, f"{v['title']} {v['text']}", v["document_id"])
        self.similar.setEnabled(snap is not None)

    def heading(self):
        if self.snap is None:
            return "New recommendation", "Give its text (or a title); hubs, themes and dates can follow."
        v = self.snap.values
        named = derived_title(v["title"]) if v.get("title") else f"{derived_title(v.get('text'))} (derived title)"
        return (f"{FindingType(v['finding_type']).label} {self.snap.label}: {named}",
                f"{RecStatus(v['status']).label} · {self.snap.context}")

    def _person_name(self, person_id) -> str:
        assert self.choices is not None  # shown in the conflict dialog, which follows a load
        return next((p.name for p in self.choices.people if p.id == person_id), "—") if person_id else "—"

    def _hub_words(self, value) -> str:
        ids, lead = value or ((), None)
        assert self.choices is not None  # shown in the conflict dialog, which follows a load
        names = {h.id: h.name for h in self.choices.hubs}
        return ", ".join(names.get(i, f"#{i}") + (" (lead)" if i == lead else "") for i in ids) or "none"

    def saved_value(self, name, snap):
        if name == "hubs":
            return tuple(sorted(snap.hub_ids)), snap.lead_hub_id
        if name == "themes":
            return tuple(sorted(snap.theme_ids))
        return snap.values.get(name)

    # -- saving ----------------------------------------------------------------------------------------------------
    def _choose_document(self) -> None:
        dialog = document_dialog(self.ctx.ops, self)
        if dialog.exec() == dialog.DialogCode.Accepted and dialog.value() is not None:
            self.document_id = dialog.value()
            self.ui.documentLabel.setText(dialog.chosen_text)

    def validate(self, fields):
        if self.item_id is None and self.document_id is None:
            self.document_button.setFocus()
            return "Choose the source document this recommendation comes from."
        if self.item_id is None and not (fields.get("text") or fields.get("title")):
            self.ui.textEdit.setFocus()
            return "Give the recommendation its text (or at least a title) before saving."
        typed = unmatched_text(self.ui.ownerCombo)
        if typed:
            self.ui.ownerCombo.setFocus()
            return f"There is nobody called '{typed}'; pick the owner from the list."
        return None

    def save_call(self, fields):
        fields = dict(fields)
        hubs = fields.pop("hubs", None)
        themes = fields.pop("themes", None)
        if self.item_id is None:
            hubs = hubs if hubs and hubs[0] else None
            themes = themes or None
        return (saving.save_recommendation,
                (self.ctx.actor, self.item_id, self.snap.version if self.snap else None, fields),
                {"document_id": self.document_id, "hubs": hubs, "themes": themes})

    def optional_inputs(self, name):
        return set()

    def recommendation_picker(self):
        return recommendation_finder(self.ctx.ops)

    # -- actions, updates ------------------------------------------------------------------------------------------
    def _new_action(self) -> None:
        from . import new_action
        new_action(self.ctx, self.item_id, self)

    def _link_action(self) -> None:
        assert self.item_id is not None and self.snap is not None  # Link existing… is enabled once saved
        dialog = action_link_dialog(self.ctx.ops, self.item_id, self)
        if dialog.exec() == dialog.DialogCode.Accepted and dialog.value() is not None:
            self.write(saving.link_action, self.ctx.actor, dialog.value(), self.item_id, True,
                       label=f"link action #{dialog.value()} to {self.snap.label}")

    def _unlink_action(self) -> None:
        action_id = self.actions_table.current_id()
        if action_id is None:
            self.say("Choose the action to unlink first.", "error")
            return
        assert self.snap is not None  # an action to choose means the saved item's links are shown
        self.write(saving.link_action, self.ctx.actor, action_id, self.item_id, False,
                   label=f"unlink action #{action_id} from {self.snap.label}")

    def _open_action(self) -> None:
        action_id = self.actions_table.current_id()
        if action_id is not None:
            self.ctx.open_item(Entity.ACTION, action_id)

    def related(self):
        return {Entity.ACTION: set(self.actions_table.ids)}
