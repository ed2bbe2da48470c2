"""The main window: navigation, the panel stack, menus, the search field and the status bar. No business logic.

Panel API (for other GUI modules):

    window.add_panel("dashboard", "Dashboard", widget, icon="dashboard", shortcut="Ctrl+0",
                     before="recommendations")      # appears in the navigation list; returns the widget
    window.add_panel("triage", "Triage", lambda: TriagePanel(ctx))   # or a function: built when first needed
    window.show_panel("actions")                      # switch to a panel (returns it)
    window.panel("recommendations")                   # the widget, or None
    window.set_opener(Entity.LEARNING, fn)            # fn(ctx, entity, id, parent) opens that kind of item
    window.ctx                                        # the AppContext every panel is built with
    window.menu_file / menu_edit / menu_view / menu_help   # menus to add actions to

Modules listed in EXTENSIONS are imported just after the first register page is painted and their
install(window) called (then `window.started` is emitted); the remembered panel is shown once it exists.

Every panel is an ol_desk.gui.panel.Panel (on_shown, refresh, identity_changed, save_state, connect_status,
when_loaded; PanelDefaults gives no-ops for what a panel does not need); add_panel refuses any other widget.
Items open through `ctx.open_item(entity, id)`: documents, recommendations and actions go to
`ol_desk.gui.editors.open_editor(ctx, entity, id, parent)` (id None = new).
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ol_desk import __version__
from ol_desk.core.model.enums import Entity, Role
from ol_desk.core.queries.register_filter import RegisterFilter

from .app_context import AppContext
from .ops import Operations, readable
from .panel import AppliesFilters, Panel, SelectsItems, check_panel
from .settings import Identity, app_settings, load_identity
from .status_bar import StatusBar
from .theme import icon as theme_icon

log = logging.getLogger(__name__)
GUEST = Identity("Guest", Role.VIEWER)
# Which panel shows the register of each kind of item.
REGISTER_PANELS = {Entity.RECOMMENDATION: "recommendations", Entity.ACTION: "actions",
                   Entity.DOCUMENT: "documents", Entity.LEARNING: "learning",
                   Entity.HUB: "reference", Entity.THEME: "reference", Entity.PERSON: "reference"}
Opener = Callable[[AppContext, Entity, "int | None", QWidget], object]
AUTO = object()  # MainWindow(search_index=AUTO): open the database's own search index after start-up
# Modules that add panels, openers and menu entries: each has install(window). Imported just after the first
# register page is painted; one that is missing or fails is logged and skipped, so the registers always open.
EXTENSIONS = ("ol_desk.gui.insight_panels_and_menus", "ol_desk.gui.integrity_check",
              "ol_desk.gui.chase.chase_menu")


class MainWindow(QMainWindow):
    started = Signal()   # extensions installed and the search index opened (after the first register page)
    identity_changed = Signal()   # signed in as someone else (Settings); ctx.actor and ctx.read_only are updated

    def __init__(self, db, identity: Identity | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, *, search_index=AUTO, start_index: bool = True,
                 extensions: tuple[str, ...] = EXTENSIONS):
        """search_index: AUTO opens this database's index once the first register page is shown; None: no search.
        start_index: bring the index up to date in the background after start-up."""
        super().__init__(parent)
        self.db = db
        self.settings = settings or app_settings()
        self.identity = identity or load_identity(self.settings) or GUEST
        self.ops = Operations(db, self)
        self._auto_index = search_index is AUTO
        if self._auto_index:
            search_index = None   # imported and opened after the first paint (Whoosh costs ~0.2 s to import)
        self.ctx = AppContext(db, self.ops, self.identity.actor(), open_item=self.open_item,
                              show_register=self.show_register, new_item=self.new_item,
                              read_only=self.identity.read_only, search_index=search_index, settings=self.settings)
        self._openers: dict[Entity, Opener] = {}
        self._keys: list[str] = []
        self._previous_key: str | None = None
        self._status_texts: dict[QWidget, str] = {}   # each panel's last status_text, shown when it is current
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"ol-desk {__version__} — {db.name}")
        self.resize(1280, 800)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.navigation.currentRowChanged.connect(self._on_nav)

        self.status = StatusBar(self.ops, db.name, self.identity.describe(), self)
        self.setStatusBar(self.status)
        self.ops.failed.connect(self._on_failed)
        from .change_watcher import ChangeWatcher
        self.watcher = ChangeWatcher(self.ops, self)   # other people's changes, within a few seconds

        self._build_search()
        self._build_menus()
        self._add_default_panels()
        QWidget.setTabOrder(self.search_field, self.navigation)   # search, navigation, then the panel
        self._restore_state()
        # The registers paint first; extensions (dashboard, wizards) and the search index follow at once after.
        self._extensions, self._start_index, self._started = extensions, start_index, False
        first = _built(self.stack.currentWidget())
        if first is not None:
            _as_panel(first).when_loaded(lambda: QTimer.singleShot(0, self._finish_start))
        QTimer.singleShot(1500, self._finish_start)

    def _finish_start(self) -> None:
        if self._started:
            return
        self._started = True
        for name in self._extensions:
            try:
                importlib.import_module(name).install(self)
            except Exception:  # noqa: BLE001 - an optional part must not stop the app from starting
                log.exception("could not add %s to the main window", name)
                self.statusBar().showMessage(f"Part of the window could not be loaded ({name}); see the log.", 15000)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)   # again: the extensions' tool bars exist now
        if self._wanted_panel in self._keys:
            self.show_panel(self._wanted_panel)
        elif not self._wanted_panel and self._keys:
            self.navigation.setCurrentRow(0)
        if self._auto_index:
            self.ctx.search_index = _search_index(self.db)
        if self._start_index and self.ctx.search_index is not None:
            self._bring_index_up_to_date()
        self.started.emit()

    # -- panels ------------------------------------------------------------------------------------------------
    def add_panel(self, key: str, title: str, widget, icon: str | None = None,
                  shortcut: str | None = None, *, before: str | None = None) -> QWidget:
        """widget: the panel (a QWidget that is a Panel), or a function that builds it the first time it is shown
        or asked for."""
        if isinstance(widget, QWidget):
            check_panel(widget)   # refused now, not at the first call on it
        else:
            widget = LazyPanel(widget, self._connect_panel)
        if key in self._keys:
            raise ValueError(f"a panel '{key}' is already there")
        if before is None and "search" in self._keys:
            before = "search"   # search results stay last
        row = self._keys.index(before) if before in self._keys else len(self._keys)
        item = QListWidgetItem(title)
        if icon:
            item.setIcon(theme_icon(icon))
        if shortcut:
            item.setToolTip(f"{title} ({shortcut})")
            action = QAction(title, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, k=key: self.show_panel(k))
            self.addAction(action)
            self.menu_view.insertAction(self._view_separator, action)
        widget.setObjectName(widget.objectName() or f"panel_{key}")
        widget.setAccessibleName(widget.accessibleName() or title)
        self._keys.insert(row, key)
        self.stack.insertWidget(row, widget)
        self.navigation.insertItem(row, item)
        if not isinstance(widget, LazyPanel):
            self._connect_panel(widget)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        self._fit_navigation()
        return widget

    def _fit_navigation(self) -> None:
        self.navigation.ensurePolished()   # the style sheet's font decides the width
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.navigation.item(i).text())
                     for i in range(self.navigation.count()))
        self.navigation.setFixedWidth(widest + self.navigation.iconSize().width() + 64)

    def _connect_panel(self, widget: QWidget) -> None:
        def show(text: str) -> None:
            self._panel_status(widget, text)
        check_panel(widget).connect_status(show)

    def panel(self, key: str) -> QWidget | None:
        """The panel's widget (built now if it was added as a function and not shown yet)."""
        return _built(self.stack.widget(self._keys.index(key))) if key in self._keys else None

    def _built_panels(self) -> list[Panel]:
        built = []
        for i in range(self.stack.count()):
            w = self.stack.widget(i)
            inner = w.inner if isinstance(w, LazyPanel) else w
            if inner is not None:
                built.append(_as_panel(inner))
        return built

    def show_panel(self, key: str) -> QWidget:
        self.navigation.setCurrentRow(self._keys.index(key))
        widget = self.panel(key)
        assert widget is not None   # the key is there (index() above would have raised), so is its widget
        return widget

    def current_key(self) -> str | None:
        row = self.stack.currentIndex()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        if self.current_key() != "search":
            self._previous_key = self.current_key()
        self.stack.setCurrentIndex(row)
        widget = _built(self.stack.widget(row))
        if widget is not None:
            _as_panel(widget).on_shown()
        self.status.set_counts(self._status_texts.get(widget, "") if widget is not None else "")

    def _panel_status(self, widget: QWidget, text: str) -> None:
        self._status_texts[widget] = text
        current = self.stack.currentWidget()
        if current is widget or (isinstance(current, LazyPanel) and current.inner is widget):
            self.status.set_counts(text)

    def _add_default_panels(self) -> None:
        from .registers.panels import add_register_panels
        from .search.results_panel import SearchResultsPanel
        add_register_panels(self)
        self.search_panel = SearchResultsPanel(self.ctx, self.search_field)
        self.add_panel("search", "Search results", self.search_panel, icon="search")

    # -- navigation the panels use (through ctx) ----------------------------------------------------------------
    def set_opener(self, entity: Entity, opener: Opener) -> None:
        self._openers[entity] = opener

    def open_item(self, entity: Entity, item_id: int | None) -> None:
        entity = Entity(entity)
        opener = self._openers.get(entity)
        if opener is None and entity in (Entity.DOCUMENT, Entity.RECOMMENDATION, Entity.ACTION):
            opener = _editors_opener()
        if opener is not None:
            try:
                opener(self.ctx, entity, item_id, self)
            except Exception as exc:  # noqa: BLE001 - an editor that fails must not take the window down
                log.exception("opening %s %s failed", entity.value, item_id)
                self._on_failed(f"Open {entity.label.lower()}", readable(exc))
            return
        key = REGISTER_PANELS.get(entity)
        if key and self.panel(key) is not None and item_id is not None:
            panel = self.show_panel(key)
            assert isinstance(panel, SelectsItems), f"the {key} panel cannot select an item"
            panel.select_item(entity, item_id)
        else:
            self.statusBar().showMessage(f"{entity.label} editors are not available in this build.", 8000)

    def new_item(self, entity: Entity) -> None:
        if self.ctx.read_only:
            self.statusBar().showMessage(f"You are signed in as {self.identity.role.label}: browsing only.", 8000)
            return
        self.open_item(entity, None)

    def show_register(self, entity: Entity, register_filter: RegisterFilter) -> None:
        key = REGISTER_PANELS.get(Entity(entity))
        if key is None or self.panel(key) is None:
            return
        panel = self.show_panel(key)
        assert isinstance(panel, AppliesFilters), f"the {key} panel cannot be filtered"
        panel.apply_filter(register_filter)

    # -- search --------------------------------------------------------------------------------------------------
    def _build_search(self) -> None:
        bar = QToolBar("Search", self)
        bar.setObjectName("searchToolbar")
        bar.setMovable(False)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setAccessibleName("Search everything")
        self.search_field.setPlaceholderText(
            "Search (Ctrl+F): words, \"phrases\", hub:NW, status:overdue, source:pfd …")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(theme_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMinimumWidth(420)
        label = QLabel("  ")
        bar.addWidget(label)
        bar.addWidget(self.search_field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def show_search_results(self) -> None:
        if self.current_key() != "search":
            self.show_panel("search")
        self.search_field.setFocus()

    def leave_search(self) -> None:
        if self.current_key() == "search" and self._previous_key:
            self.show_panel(self._previous_key)

    # -- menus -----------------------------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(theme_icon(icon_name))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("&File")
        self.new_actions = {}
        for entity, text, keys in ((Entity.DOCUMENT, "New source &document…", "Ctrl+Shift+D"),
                                   (Entity.RECOMMENDATION, "New &recommendation…", "Ctrl+Shift+R"),
                                   (Entity.ACTION, "New &action…", "Ctrl+Shift+A")):
            act = self._action(self.menu_file, text, lambda e=entity: self.new_item(e), keys, "add")
            act.setEnabled(not self.ctx.read_only)
            if self.ctx.read_only:
                act.setToolTip(f"Signed in as {self.identity.role.label}: browsing only")
            self.new_actions[entity] = act
        self.menu_file.addSeparator()
        self._action(self.menu_file, "&Settings…", self.open_settings, QKeySequence.StandardKey.Preferences,
                     "settings")
        self._action(self.menu_file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.menu_edit = bar.addMenu("&Edit")
        self._add_undo(self.menu_edit)
        self._action(self.menu_edit, "&Find…", self.focus_search, QKeySequence.StandardKey.Find, "search",
                     "Search recommendations, actions, updates, documents and learning")
        self.menu_view = bar.addMenu("&View")
        self._view_separator = self.menu_view.addSeparator()
        self._action(self.menu_view, "&Refresh", self._refresh_current, QKeySequence.StandardKey.Refresh, "refresh")
        self.menu_help = bar.addMenu("&Help")
        self._action(self.menu_help, "&About ol-desk", self._about)

    def _add_undo(self, menu) -> None:
        """Edit › Undo / Redo over the whole app's changes (a bulk edit, an import, a save), when editors are built."""
        try:
            stack = importlib.import_module("ol_desk.gui.editors").undo_stack(self.ctx)
        except ImportError:
            return
        for act in stack.make_actions(self, lambda: self.ctx.actor):
            menu.addAction(act)
        stack.message.connect(lambda text, _error: self.statusBar().showMessage(text, 8000))
        menu.addSeparator()

    def _refresh_current(self) -> None:
        widget = _built(self.stack.currentWidget())
        if widget is not None:
            _as_panel(widget).refresh()

    def _about(self) -> None:
        QMessageBox.about(self, "About ol-desk",
                          f"<b>ol-desk {__version__}</b><br>Recommendations, actions and evidence for "
                          f"organisational learning.<br>Database: {self.db.name}")

    def open_settings(self) -> None:
        from .identity_dialog import hub_choices
        from .settings_dialog import SettingsDialog
        from .theme import apply_theme

        def show(hubs):
            dialog = SettingsDialog(self.settings, hubs, self,
                                    server_identity=self.identity if self.db.is_server else None)
            if dialog.exec():
                self.identity = dialog.identity()
                self.ctx.actor = self.identity.actor()
                self.ctx.read_only = self.identity.read_only
                self.status.set_who(self.identity.describe())
                for act in self.new_actions.values():
                    act.setEnabled(not self.ctx.read_only)
                for panel in self._built_panels():
                    panel.identity_changed()
                self.identity_changed.emit()
                app = QApplication.instance()
                if isinstance(app, QApplication):
                    apply_theme(app, dialog.theme())
        self.ops.read(hub_choices, on_done=show, label="Load hubs")

    # -- errors, search index, state -------------------------------------------------------------------------------
    def _on_failed(self, label: str, message: str) -> None:
        self.statusBar().showMessage(f"{label}: {message}" if label else message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, label or "ol-desk", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _bring_index_up_to_date(self) -> None:
        """Ensure the index on a thread of its own (see search/index_starter.py); search is offered once ready."""
        from .search.index_starter import IndexStarter
        index, self.ctx.search_index = self.ctx.search_index, None
        self._index_starter = starter = IndexStarter(index, self)
        bar = self.statusBar()
        starter.progressed.connect(lambda done, total, message: bar.showMessage(
            f"Updating the search index: {message} {done:,}/{total:,}" if total else
            f"Updating the search index: {message}", 5000))
        starter.ready.connect(self._index_ready)
        starter.failed.connect(lambda message: bar.showMessage(f"Search is not ready: {message}", 15000))
        starter.start()

    def _index_ready(self, index, what: str) -> None:
        self.ctx.search_index = index
        if what and what != "already up to date":
            self.statusBar().showMessage(f"Search index: {what}", 8000)
        if self.search_field.text().strip():
            self.search_panel.search_now()   # a search typed while the index was opening runs now

    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        key = str(s.value("window/panel", "") or "")
        self._wanted_panel = key if key != "search" else ""
        if key in self._keys and key != "search":
            self.show_panel(key)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        key = self.current_key() if self.current_key() != "search" else self._previous_key
        s.setValue("window/panel", key or "")
        for panel in self._built_panels():
            panel.save_state()
        s.sync()

    def closeEvent(self, event) -> None:
        # Editors and dialogs are windows of their own: close each first, so one with unsaved edits can ask (it
        # would otherwise be destroyed with this window and its edits lost without a word).
        for window in self.findChildren(QWidget):
            if (window.isWindow() and window.isVisible()
                    and window.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog) and not window.close()):
                event.ignore()
                return
        self.save_state()
        self.watcher.stop()
        self.ops.shutdown()
        starter = getattr(self, "_index_starter", None)
        if starter is not None and not starter.done:
            starter.cancel()   # the index's worker process stops; the live index is left as it was
        index = self.ctx.search_index
        if index is not None:
            try:
                index.close()
            except Exception:  # noqa: BLE001 - closing must not fail the window
                log.exception("closing the search index failed")
        super().closeEvent(event)


class LazyPanel(QWidget):
    """Stands in the stack for a panel that is built the first time it is shown or asked for (start-up builds
    only the panel on screen)."""

    def __init__(self, factory: Callable[[], QWidget], on_built: Callable[[QWidget], None]):
        super().__init__()
        self._factory, self._on_built = factory, on_built
        self.inner: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.inner is None:
            self.inner = self._factory()
            self._layout.addWidget(self.inner)
            self._on_built(self.inner)
        return self.inner


def _built(widget: QWidget | None) -> QWidget | None:
    return widget.build() if isinstance(widget, LazyPanel) else widget


def _as_panel(widget: QWidget) -> Panel:
    """Every widget in the stack is a Panel: add_panel, and LazyPanel.build through _connect_panel, checked it."""
    return cast(Panel, widget)


def _editors_opener() -> Opener | None:
    """ol_desk.gui.editors.open_editor, when the editors are part of this build (imported on first use)."""
    try:
        module = importlib.import_module("ol_desk.gui.editors")
    except ImportError:
        return None
    return getattr(module, "open_editor", None)


def _search_index(db):
    try:
        from ol_desk.core.search import SearchIndex
    except ImportError:
        return None
    return SearchIndex(db)
