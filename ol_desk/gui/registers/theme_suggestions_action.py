"""A recommendations register's "Suggest themes for selected rows…" (Ctrl+Shift+T, context menu): work out the
suggestions on the worker, show them (ThemeSuggestionsDialog), and accept the ticked ones as ONE bulk edit — one
audited, undoable change, refused row by row where rules or role forbid."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from ol_desk.core.model.enums import Entity
from ol_desk.core.services import reference
from ol_desk.core.services.bulk_edit import BulkEdit, BulkResult, bulk_edit
from ol_desk.core.themes.catalogue import catalogue
from ol_desk.core.themes.suggestion_report import SuggestionReport, suggestion_report

from ..ops import readable
from .bulk_edit_action import selection_action
from .bulk_edit_dialog import show_result
from .theme_suggestions_dialog import ThemeSuggestionsDialog

SHORTCUT = "Ctrl+Shift+T"


def work_out(db, progress, _cancel, index, ids: list[int]) -> SuggestionReport:
    with db.reading() as session:
        return suggestion_report(session, index, ids, progress=progress)


def add_catalogue_theme(session, actor, code: str):
    theme = next(t for t in catalogue() if t["code"] == code)
    return reference.create_theme(session, actor, code=theme["code"], name=theme["name"], words=theme["words"])


class ThemeSuggestionsAction(QObject):
    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.action = selection_action(panel, "&Suggest themes for selected rows…", SHORTCUT, self.start)
        panel.table.selectionModel().selectionChanged.connect(self.update_enabled)
        panel.model.modelReset.connect(self.update_enabled)
        self.dialog: ThemeSuggestionsDialog | None = None
        self.ids: list[int] = []
        self.update_enabled()

    def update_enabled(self, *_args) -> None:
        self.action.setEnabled(bool(self.panel.table.selectionModel().hasSelection())
                               and not self.panel.ctx.read_only)

    def start(self) -> None:
        ids = self.panel.selected_ids()
        if not ids or self.panel.ctx.read_only:
            return
        self.ids = ids
        self.panel.status_text.emit(f"Suggesting themes for {len(ids):,} findings…")
        self._work_out(self._show)

    def _work_out(self, then) -> None:
        ctx = self.panel.ctx
        ctx.ops.job(work_out, ctx.search_index, self.ids, label="Suggest themes", on_done=then,
                    on_error=self._failed)

    def _show(self, report: SuggestionReport) -> None:
        from ol_desk.core.services.reference import ADMINS
        self.dialog = ThemeSuggestionsDialog(report, can_add_themes=self.panel.ctx.actor.role in ADMINS,
                                             parent=self.panel)
        self.dialog.accepted.connect(self._accept)
        self.dialog.add_theme.connect(self._add_theme)
        self.dialog.open()

    def _add_theme(self, code: str) -> None:
        ctx = self.panel.ctx
        ctx.ops.write(add_catalogue_theme, ctx.actor, code, label="Add theme",
                      on_done=lambda _c: self._work_out(self._refresh), on_error=self._failed)

    def _refresh(self, report: SuggestionReport) -> None:
        if self.dialog is not None:
            self.dialog.show_report(report)

    def _accept(self) -> None:
        assert self.dialog is not None
        ticked = self.dialog.ticked()
        ctx = self.panel.ctx
        ctx.ops.write(bulk_edit, ctx.actor, Entity.RECOMMENDATION, list(ticked),
                      BulkEdit("accept_themes", themes_by_row=ticked), label="Accept suggested themes",
                      on_done=self._done, on_error=self._failed)

    def _done(self, result: BulkResult) -> None:
        self.panel.status_text.emit(result.summary())
        show_result(self.panel, result)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.panel, "Suggest themes", readable(exc))
