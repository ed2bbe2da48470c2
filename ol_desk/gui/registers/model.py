"""RegisterModel: a table model that holds the filtered ids in sort order and reads rows a page at a time.

Everything SQL runs on the operation thread (ctx.ops). The model never holds more than MAX_CACHED rows of values;
a row not yet read shows empty cells and asks for its page, which arrives as dataChanged. A new filter or sort loads
in two phases: the count and the first page (LIMIT, which SQLite answers from an index or a top-N sort) are shown
first, then the full id list replaces the first page's ids without a reset. After a write the model
refreshes only what the write touched: updated rows are re-read in place (they keep their position, so nothing
jumps under the cursor); created or deleted rows re-run the id query (`reloaded` lets the view restore its
selection and scroll position).
"""
from __future__ import annotations

from array import array

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from ol_desk.core.model.enums import Entity
from ol_desk.core.services.changes import Changes

from .. import theme
from ..ops import readable
from . import query as rq
from .specs import DERIVED, RegisterSpec

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGN, _ACCESSIBLE, _ID, _FONT = (
    int(r.value) if hasattr(r, "value") else int(r) for r in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.AccessibleTextRole, ID_ROLE, Qt.ItemDataRole.FontRole))
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGN, _ACCESSIBLE, _ID, _FONT})
DERIVED_TIP = "No title yet: this is the finding's first sentence. Open it to give it a title."
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
PAGE_SIZE = 100
MAX_CACHED = 5000
# Changes to these kinds alter what other registers show (names of hubs and owners, last-update dates).
_RELATED = {Entity.HUB, Entity.PERSON, Entity.THEME, Entity.UPDATE, Entity.EVIDENCE, Entity.RECOMMENDATION,
            Entity.ACTION, Entity.DOCUMENT}


class RegisterModel(QAbstractTableModel):
    reloaded = Signal()             # a new id list is in place (filter, sort or membership changed)
    first_page_ready = Signal()     # the count and the first page are known and shown (before `reloaded`)
    loading_changed = Signal(bool)
    load_failed = Signal(str)       # a readable message (e.g. a free-text query the index cannot parse)
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, ctx, spec: RegisterSpec, parent=None, *, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.page_size = page_size
        self._query = rq.RegisterQuery(sort_key=spec.default_sort[0], descending=spec.default_sort[1])
        self._ids = array("q")      # ids in order; during a two-phase load only the first page of them
        self._count = 0             # rows in the register (may exceed len(self._ids) for a moment)
        self._rows: dict[int, tuple] = {}
        self._stale: set[int] = set()
        self._requested: set[tuple[int, int]] = set()
        self._gen = 0
        self._align = [_RIGHT if c.kind in ("int", "percent") else _LEFT for c in spec.columns]
        self._italic = QFont()
        self._italic.setItalic(True)
        self._flag_col = spec.index_of(spec.flag_column) if spec.flag_column else -1
        self.total = 0
        self.loading = False
        self.loaded_once = False
        ctx.ops.changed.connect(self.on_changes)

    # -- querying ------------------------------------------------------------------------------------------------
    @property
    def query(self) -> rq.RegisterQuery:
        return self._query

    def set_query(self, q: rq.RegisterQuery) -> None:
        self._query = q
        self.reload()

    def reload(self, *, two_phase: bool = True) -> None:
        """Read the register again. Two phases (a new filter or sort): the count and the first page come first and
        are shown at once, the full id list follows. One phase (after an edit, F5): everything at once, so the view
        keeps its place without passing through the top."""
        self._gen += 1
        gen = self._gen
        self._set_loading(True)
        spec, q, index, size = self.spec, self._query, self.ctx.search_index, self.page_size
        resolved: dict = {}

        def head(session):
            resolved["q"] = rq.resolve(spec, q, index)
            ids = rq.fetch_ids(session, spec, resolved["q"], limit=size)
            count = rq.count_matching(session, spec, resolved["q"]) if len(ids) == size else len(ids)
            return count, ids, rq.fetch_rows(session, spec, ids) if ids else {}, rq.count_all(session, spec)

        def everything(session):
            ids = rq.fetch_ids(session, spec, resolved.get("q") or rq.resolve(spec, q, index))
            first = rq.fetch_rows(session, spec, ids[:size]) if ids and not two_phase else {}
            return ids, first, rq.count_all(session, spec) if not two_phase else None

        on_error = lambda exc: self._failed(gen, exc)  # noqa: E731
        if two_phase:
            self.ctx.ops.read(head, on_done=lambda out: self._head_loaded(gen, *out), on_error=on_error,
                              label=f"Load {spec.title.lower()}")
        self.ctx.ops.read(everything, on_done=lambda out: self._loaded(gen, *out), on_error=on_error,
                          label=f"Load {spec.title.lower()}")

    def _head_loaded(self, gen: int, count: int, ids: array, rows: dict, total: int) -> None:
        if gen != self._gen:
            return
        self.beginResetModel()
        self._ids, self._count = ids, count
        self._rows = dict(rows)
        self._stale.clear()
        self._requested.clear()
        self.total = total
        self.endResetModel()
        self.counts_changed.emit(self._count, self.total)
        self.first_page_ready.emit()

    def _loaded(self, gen: int, ids: array, first: dict, total: int | None) -> None:
        if gen != self._gen:
            return
        if len(ids) == self._count and ids[:len(self._ids)] == self._ids and self._count and not first:
            self._ids = ids          # the rest of the ids behind the page already shown: no reset, no jump
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self._ids, self._count = ids, len(ids)
            if first or not self._ids:
                self._rows = dict(first)
            self._stale.clear()
            self._requested.clear()
            self.endResetModel()
        if total is not None:
            self.total = total
        self.loaded_once = True
        self._set_loading(False)
        self.counts_changed.emit(self._count, self.total)
        if first:
            self.first_page_ready.emit()
        self.reloaded.emit()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._set_loading(False)
        self.load_failed.emit(readable(exc) if not isinstance(exc, rq.SearchUnavailable) else str(exc))

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    # -- pages -----------------------------------------------------------------------------------------------------
    def _values(self, row: int) -> tuple | None:
        if row >= len(self._ids):
            return None             # its id arrives with the rest of the list (then dataChanged)
        item_id = self._ids[row]
        values = self._rows.get(item_id)
        if values is None or item_id in self._stale:
            self._request_page(row // self.page_size)
        return values

    def _request_page(self, page: int) -> None:
        key = (self._gen, page)
        if key in self._requested:
            return
        self._requested.add(key)
        ids = list(self._ids[page * self.page_size:(page + 1) * self.page_size])
        gen, spec = self._gen, self.spec
        self.ctx.ops.read(rq.fetch_rows, spec, ids, on_done=lambda rows: self._page_arrived(gen, page, ids, rows),
                          on_error=lambda exc: self._failed(gen, exc), label="Read rows")

    def _page_arrived(self, gen: int, page: int, ids: list[int], rows: dict[int, tuple]) -> None:
        self._requested.discard((gen, page))
        if len(self._rows) + len(rows) > MAX_CACHED:
            self._rows.clear()
        self._rows.update(rows)
        self._stale.difference_update(ids)
        if gen != self._gen:
            return
        for gone in set(ids) - set(rows):   # deleted since the id query: keep the row, show it empty
            self._rows[gone] = ("",) * len(self.spec.columns) + (False,)
        first = page * self.page_size
        last = min(first + len(ids), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def fetch_page_for_row(self, row: int) -> None:
        """Ask for the page holding `row` now (the view prefetches the page below the visible one)."""
        if 0 <= row < len(self._ids) == self._count and not self.is_loaded(row):
            self._request_page(row // self.page_size)

    # -- after a write ---------------------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        entity = self.spec.entity
        if not self.loaded_once or not changes.touches(*(_RELATED | {entity})):
            return
        if changes.created.get(entity) or changes.deleted.get(entity):
            self.reload(two_phase=False)
            return
        touched = changes.updated.get(entity, frozenset())
        if changes.kinds - {entity}:
            touched = frozenset(self._rows)  # a hub or owner renamed, an update posted: re-read what is loaded
        stale = set(touched) & set(self._rows)
        if stale and self._count:
            self._stale |= stale
            self._requested = {k for k in self._requested if k[0] != self._gen}
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1))

    # -- Qt model interface ----------------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spec.columns)

    def flags(self, index):
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index, role=_DISPLAY):
        # called for every cell and role on each paint: plain ints only (Qt's enum objects cost ~50 µs per use)
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < self._count:
            return None
        if role == _ID:
            return self.id_at(row)
        if role == _ALIGN:
            return self._align[col]
        values = self._values(row)
        if values is None:
            return None
        flagged = values[-1] and col == self._flag_col
        text = values[col]   # formatted once, on the operation thread, when the page was read
        if text.startswith(DERIVED):     # a derived title: shown in italics, grey, and said to be derived
            if role == _FONT:
                return self._italic
            if role == _FOREGROUND:
                return theme.muted_colour()
            if role == _TOOLTIP:
                return f"{text[1:]}\n\n{DERIVED_TIP}"
            if role == _ACCESSIBLE:
                return f"{text[1:]} (derived title)"
            return text[1:]
        if role == _FONT:
            return None
        if role == _FOREGROUND:
            return theme.warning_colour() if flagged else None
        if role == _TOOLTIP:
            if flagged:
                return f"{text} — overdue"
            return text if len(text) > 40 else None
        if role == _ACCESSIBLE and flagged:
            return f"{text}, overdue"
        return text

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.spec.columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Sort by {self.spec.columns[section].title.lower()}"
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.spec.columns)):
            return
        q = rq.RegisterQuery(self._query.filter, self.spec.columns[column].key,
                             order == Qt.SortOrder.DescendingOrder)
        if q != self._query:
            self.set_query(q)

    # -- ids ---------------------------------------------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def ids(self) -> array:
        return self._ids

    def is_loaded(self, row: int) -> bool:
        item_id = self.id_at(row)
        return item_id is not None and item_id in self._rows and item_id not in self._stale
