"""A register panel: saved views, the filter bar, the table, its count and an empty state.

Selection and scroll position survive reloads: the panel notes the selected ids, the current id and the scroll
offset before the model resets and puts them back after (rows are found by id, not by row number).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.model.enums import Entity, Role
from ol_desk.core.queries.dashboard_empty import FIRST_ROWS
from ol_desk.core.queries.register_filter import RegisterFilter

from ..panel import PanelDefaults
from ..theme import icon
from .bulk_edit_action import BULK_ENTITIES, BulkEditor
from .column_widths import ColumnWidths
from .filter_bar import FilterBar, choices
from .model import RegisterModel
from .query import RegisterQuery
from .specs import HUB, RegisterSpec
from .theme_suggestions_action import ThemeSuggestionsAction
from .views import SavedViews, built_in_views

NEW_LABELS = {Entity.RECOMMENDATION: "New recommendation", Entity.ACTION: "New action",
              Entity.DOCUMENT: "New document"}


class RegisterPanel(PanelDefaults, QWidget):
    status_text = Signal(str)

    def __init__(self, ctx, spec: RegisterSpec, key: str, identity, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.spec, self.key, self.identity = ctx, spec, key, identity
        self.model = RegisterModel(ctx, spec, self)
        self.views = SavedViews(ctx.settings, key) if ctx.settings is not None else None
        self._my_hub_id: int | None = None
        self._saved: tuple[list[int], int | None, int, bool] | None = None
        self._keep_scroll = False
        self._shown_once = False

        # -- top row: views, columns, refresh, new, count
        self.view_combo = QComboBox()
        self.view_combo.setAccessibleName(f"Saved views of {spec.title.lower()}")
        self.view_combo.setToolTip("Saved views: a filter and a sort")
        self.view_combo.setMinimumWidth(135)
        self.save_view = self._button("save-view", "Save view…", "Save the current filter and sort as a view")
        self.delete_view = self._button("clear", "Delete view", "Delete the selected saved view")
        self.columns_button = self._button("columns", "Columns", "Choose the columns to show")
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.refresh_button = self._button("refresh", "Refresh", "Read the register again (F5)")
        self.new_button = self._button("add", NEW_LABELS.get(spec.entity, "New"), "")
        self.new_button.setVisible(spec.entity in NEW_LABELS)
        self.bulk_button = self._button("update", "Change…",
                                        "Change the selected rows at once: hubs, theme, owner, status or date")
        self.bulk_button.setVisible(spec.entity in BULK_ENTITIES)
        self.bulk_button.setEnabled(False)
        self.count = QLabel("Loading…")
        self.count.setObjectName("registerCount")
        self.count.setAccessibleName(f"Number of {spec.title.lower()} shown")
        title = QLabel(f"<b>{spec.title}</b>")
        title.setAccessibleName(spec.title)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        view_label = QLabel("&View:")
        view_label.setBuddy(self.view_combo)
        top.addWidget(view_label)
        for w in (self.view_combo, self.save_view, self.delete_view, self.columns_button, self.refresh_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.bulk_button)
        top.addWidget(self.new_button)

        self.filter_bar = FilterBar(spec, identity)
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Register message")
        self.message.hide()

        self.table = QTableView()
        self.table.setObjectName(f"{key}Table")
        self.table.setAccessibleName(f"{spec.title} register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)   # the model sorts in SQL when the header is clicked
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setHighlightSections(False)
        for i, c in enumerate(spec.columns):
            header.resizeSection(i, c.width)
            self.table.setColumnHidden(i, not c.visible)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.setTabOrder(self.filter_bar.clear_button, self.table)   # top row, filters, then the rows

        self._columns_menu = QMenu(self)
        self.columns_button.setMenu(self._columns_menu)
        self._columns_menu.aboutToShow.connect(self._fill_columns_menu)
        header.customContextMenuRequested.connect(lambda pos: self._columns_menu_at(header.mapToGlobal(pos)))
        header.sectionClicked.connect(self._header_clicked)
        self.filter_bar.changed.connect(self._filter_changed)
        self.view_combo.activated.connect(self._view_chosen)
        self.save_view.clicked.connect(self._save_view)
        self.delete_view.clicked.connect(self._delete_view)
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(lambda: ctx.new_item(spec.entity))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        open_action = QAction("Open", self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.table.addAction(open_action)
        self.bulk = BulkEditor(self) if spec.entity in BULK_ENTITIES else None
        self.theme_suggester = ThemeSuggestionsAction(self) if spec.entity is Entity.RECOMMENDATION else None
        self.table.verticalScrollBar().valueChanged.connect(self._prefetch)
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.reloaded.connect(self._restore)
        self.model.counts_changed.connect(self._show_counts)
        self.model.load_failed.connect(self._show_failure)
        self.model.loading_changed.connect(self._loading)
        self.widths = ColumnWidths(self.table, [c.kind for c in spec.columns], ctx.settings, self.key)
        self.model.reloaded.connect(self.widths.fit_once)
        self.identity_changed()
        self.widths.restore()
        self._sync_sort_indicator()

    def _button(self, icon_name: str, text: str, tip: str) -> QToolButton:
        b = QToolButton()
        b.setIcon(icon(icon_name))
        b.setText(text)
        b.setToolTip(tip or text)
        b.setAccessibleName(text)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return b

    # -- showing ---------------------------------------------------------------------------------------------
    def on_shown(self) -> None:
        if not self._shown_once:
            self._shown_once = True
            # a hub officer's registers open on their own hub (the hub's id comes with the pickers)
            at_hub = (self.ctx.actor.role == Role.HUB_OFFICER and bool(self.ctx.actor.hub_code)
                      and HUB in self.spec.filters and self.model.query.filter.is_empty)
            self.ctx.ops.read(choices, on_done=lambda data: self._choices_loaded(data, at_hub), label="Load pickers")
            if not at_hub:
                self.model.reload()

    def connect_status(self, show: Callable[[str], None]) -> None:
        self.status_text.connect(show)

    def when_loaded(self, done: Callable[[], None]) -> None:
        self.model.reloaded.connect(done)

    def refresh(self) -> None:
        self._keep_scroll = True
        self.model.reload(two_phase=False)

    def identity_changed(self) -> None:
        read_only = self.ctx.read_only
        if self.bulk is not None:
            self.bulk.update_enabled()
        if self.theme_suggester is not None:
            self.theme_suggester.update_enabled()
        self.new_button.setEnabled(not read_only)
        self.new_button.setToolTip("Signed in as a viewer or Board member: browsing only" if read_only
                                   else NEW_LABELS.get(self.spec.entity, ""))
        self.filter_bar.set_identity(self.ctx.actor)
        if self._shown_once:
            self.ctx.ops.read(choices, on_done=self._choices_loaded, label="Load pickers")

    def _choices_loaded(self, data: dict, start_at_hub: bool = False) -> None:
        self.filter_bar.set_choices(data)
        self._my_hub_id = self.filter_bar.my_hub_id
        self._fill_views()
        if start_at_hub:
            self.apply_filter(RegisterFilter(hub_ids=(self._my_hub_id,)) if self._my_hub_id else RegisterFilter())

    # -- filtering and sorting ------------------------------------------------------------------------------------
    def apply_filter(self, f: RegisterFilter) -> None:
        """Show the register filtered (the dashboard's click-through); the filter bar shows what it can."""
        if not self._shown_once:
            self.on_shown()
        self.filter_bar.set_value(f, emit=False)
        self._filter_changed(f)

    def select_item(self, entity: Entity, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self._select_ids([item_id], item_id)
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.apply_filter(RegisterFilter(ids=(item_id,), labels=(f"#{item_id}",)))

    def _filter_changed(self, f: RegisterFilter) -> None:
        self.message.hide()
        q = self.model.query
        self.model.set_query(RegisterQuery(f, q.sort_key, q.descending))
        self.view_combo.setCurrentIndex(-1)

    def _header_clicked(self, section: int) -> None:
        key = self.spec.columns[section].key
        q = self.model.query
        descending = not q.descending if q.sort_key == key else False
        self.model.set_query(RegisterQuery(q.filter, key, descending))
        self._sync_sort_indicator()

    def _sync_sort_indicator(self) -> None:
        q = self.model.query
        order = Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self.spec.index_of(q.sort_key), order)

    def set_query(self, q: RegisterQuery) -> None:
        self.filter_bar.set_value(q.filter, emit=False)
        self.model.set_query(q)
        self._sync_sort_indicator()

    # -- views --------------------------------------------------------------------------------------------------
    def _fill_views(self) -> None:
        self.view_combo.clear()
        for name in built_in_views(self.spec, self._my_hub_id):
            self.view_combo.addItem(name, ("built-in", name))
        if self.views is not None:
            for name in self.views.names():
                self.view_combo.addItem(name, ("saved", name))
        self.view_combo.setCurrentIndex(-1)
        self.view_combo.setPlaceholderText("Choose a view")

    def _view_chosen(self, index: int) -> None:
        source, name = self.view_combo.itemData(index)
        q = (built_in_views(self.spec, self._my_hub_id).get(name) if source == "built-in"
             else self.views.get(name) if self.views is not None else None)
        if q is not None:
            self.set_query(q)
            self.view_combo.setCurrentIndex(index)

    def _save_view(self) -> None:
        if self.views is None:
            return
        name, ok = QInputDialog.getText(self, "Save view", "Name of the view (e.g. “My hub, overdue”):")
        name = " ".join(name.replace("/", "-").replace("\\", "-").split())
        if not ok or not name:
            return
        self.views.save(name, self.model.query)
        self._fill_views()
        self.view_combo.setCurrentIndex(self.view_combo.findText(name))

    def _delete_view(self) -> None:
        data = self.view_combo.currentData()
        if not data or data[0] != "saved" or self.views is None:
            self.ctx.ops.failed.emit("Delete view", "Choose one of your saved views first (built-in views stay).")
            return
        if QMessageBox.question(self, "Delete view", f"Delete the saved view “{data[1]}”?") \
                == QMessageBox.StandardButton.Yes:
            self.views.delete(data[1])
            self._fill_views()

    # -- columns --------------------------------------------------------------------------------------------------
    def _fill_columns_menu(self) -> None:
        self._columns_menu.clear()
        for i, c in enumerate(self.spec.columns):
            action = self._columns_menu.addAction(c.title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda on, i=i: self._show_column(i, on))

    def _columns_menu_at(self, where: QPoint) -> None:
        self._fill_columns_menu()
        self._columns_menu.exec(where)

    def _show_column(self, i: int, on: bool) -> None:
        visible = [j for j in range(len(self.spec.columns)) if not self.table.isColumnHidden(j)]
        if not on and visible == [i]:
            return  # keep at least one column
        self.table.setColumnHidden(i, not on)
        self.save_state()

    def save_state(self) -> None:
        self.widths.save()

    # -- keeping place ------------------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [item_id for r in rows if (item_id := self.model.id_at(r)) is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _remember(self) -> None:
        if self._saved is not None:
            return   # a load in two phases resets twice: keep what the user had before the first
        self._saved = (self.selected_ids(), self.current_id(), self.table.verticalScrollBar().value(),
                       self._keep_scroll or self.model.query == getattr(self, "_last_query", None))

    def _restore(self) -> None:
        self._last_query = self.model.query
        self._keep_scroll = False
        self._sync_sort_indicator()
        if self._saved is None:
            return
        ids, current, scroll, same_query = self._saved
        self._saved = None
        self._select_ids(ids, current)
        if same_query:
            QTimer.singleShot(0, lambda: self.table.verticalScrollBar().setValue(scroll))
        elif current is not None and self.model.row_of(current) >= 0:
            self.table.scrollTo(self.model.index(self.model.row_of(current), 0))
        else:
            self.table.scrollToTop()

    def _select_ids(self, ids: list[int], current: int | None) -> None:
        sm = self.table.selectionModel()
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for item_id in ids:
            row = self.model.row_of(item_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        sm.select(selection, flags)
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            sm.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _prefetch(self, _value: int) -> None:
        """While scrolling: ask for the visible pages first, then the one below (before the view paints)."""
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        if top < 0:
            return
        bottom = bottom if bottom >= 0 else self.model.rowCount() - 1
        for row in (top, bottom, bottom + self.model.page_size // 2):
            self.model.fetch_page_for_row(row)

    # -- feedback ------------------------------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        item_id = self.model.id_at(row)
        if item_id is not None:
            self.ctx.open_item(self.spec.entity, item_id)

    def _show_counts(self, shown: int, total: int) -> None:
        what = self.spec.noun or self.spec.title.lower()
        text = f"{shown:,} {what}" if shown == total else f"{shown:,} of {total:,} {what}"
        self.count.setText(text)
        self.status_text.emit(f"{self.spec.title}: {shown:,} shown of {total:,}")
        empty = shown == 0
        if empty:
            self.empty.setText(f"No {what} yet. {FIRST_ROWS.get(self.spec.entity.value, '')}".strip() if total == 0 else
                               f"No {what} match these filters. Clear filters (the ✕ button) to see all {total:,}.")
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)

    def _show_failure(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
        self.count.setText("")

    def _loading(self, loading: bool) -> None:
        if loading and not self.model.loaded_once:
            self.count.setText("Loading…")
