"""Steps an editor takes on the saved item straight away (not through Save): moving its date with a reason, and
lifecycle commands with what each needs. Both offer Keep mine when the item changed elsewhere meanwhile."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ol_desk.core.editing import saving

from .command_bar import INPUTS, CommandInputDialog
from .fields import show_date
from .host import EditorHost
from .link_pickers import ItemFinder


class StepsMixin(EditorHost):
    """Needs ItemEditor's ctx, entity, item_id, snap, commands, write and say."""

    # The date with a history: each kind names its field and words (subclasses set these).
    date_field = ""
    date_words = ""

    def move_date(self, new_date, reason: str, version: int | None = None) -> None:
        assert self.snap is not None  # the date's Change button is enabled only once the item is saved
        what = self.date_words
        self.write(saving.move_date, self.ctx.actor, self.entity, self.item_id,
                   version if version is not None else self.snap.version, new_date, reason,
                   label=f"move the {what} of {self.snap.label}",
                   conflict=(lambda theirs: [(what.capitalize(), show_date(new_date),
                                              show_date(theirs.values.get(self.date_field)))],
                             lambda v: self.move_date(new_date, reason, v)))

    # -- lifecycle -------------------------------------------------------------------------------------------------
    def command_inputs(self, name: str) -> dict | None:
        """Ask for what the command needs; None when the user cancels."""
        fields = INPUTS.get(name)
        if not fields:
            return {}
        dialog = CommandInputDialog(self.commands[name], fields, self, optional=self.optional_inputs(name),
                                    pick_recommendation=self.recommendation_picker())
        if dialog.exec() != CommandInputDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def optional_inputs(self, name: str) -> set[str]:
        return set()

    def recommendation_picker(self) -> Callable[[QWidget], ItemFinder] | None:
        return None

    def run_command(self, name: str) -> None:
        if self.snap is None:
            return
        inputs = self.command_inputs(name)
        if inputs is not None:
            self._run_command(name, inputs, self.snap.version)

    def _run_command(self, name: str, inputs: dict, version: int) -> None:
        assert self.snap is not None  # commands run on a saved item (run_command checks, a rerun follows a load)
        cmd = self.commands[name]
        self.write(saving.run_command, self.ctx.actor, self.entity, self.item_id, name, version, inputs,
                   label=f"{cmd.label.lower()} {self.snap.label}",
                   done=lambda _r: self.say(f"{cmd.label}: done.", "ok"),
                   conflict=(lambda theirs: [("Command", cmd.label, f"status now {theirs.values['status'].label}")],
                             lambda v: self._run_command(name, inputs, v)))

