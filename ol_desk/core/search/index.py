"""SearchIndex: the one object callers use (see the package docstring for the API)."""
from __future__ import annotations

import os
import pickle
import struct
import subprocess
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from whoosh import query as wq
from whoosh.searching import Results

from ol_desk.core.dates import today
from ol_desk.core.model import Hub, Theme
from ol_desk.core.standard_wording import without_standard_wording

from . import array_search, indexer, process, spelling
from . import changes as ch
from .maintenance import IndexMaintenance
from .query import ParsedQuery, QueryError, Vocabulary, compile_query, parse, resolve_kind
from .results import Hit, SearchResult, build_hits, configure
from .schema import KINDS
from .store import IndexStore, IndexUnusable, check_state, read_state

INLINE_ROWS = 500          # outbox rows a search applies itself before answering
INLINE_DOCS = 1000         # ... as long as they touch at most this many index documents (≈ 0.5 s of Whoosh)
INLINE_REBUILD_ROWS = 5_000  # below this many items a rebuild runs in-process (tests, new databases)
INLINE_REPAIR_ROWS = 5_000   # ... and a search repairs a damaged index itself (≈ 1 s); above, it says "not ready"
IDS_CAP = 100_000          # ids_matching returns at most this many ids
RESULT_CACHE = 64          # answers kept for repeated searches (paging back, re-running, the GUI refreshing)
# What reading a damaged index raises (Whoosh has no error class of its own for it). Kept narrow: anything else is
# a bug to report, not a reason for a rebuild that takes minutes on a big register.
_BROKEN = (IndexUnusable, OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError)


def _only(q: wq.Query, kinds: list[str], excluded: Sequence[wq.Query] = ()) -> wq.Query:
    """q restricted to some kinds (and without `excluded`), in the query itself.

    Not Whoosh's filter=/mask=: those build a bit set per search and test its truth for every hit counted (an O(n)
    test in Whoosh 2.7), which cost seconds per query at this size. The state document is not excluded here (a
    wrapper around every query costs time and only a filter-only query can match it): build_hits drops it.
    """
    if kinds:
        q = wq.And([q, wq.Or([wq.Term("kind", k) for k in kinds])])
    return wq.AndNot(q, wq.Or(list(excluded))) if excluded else q


def _best(searcher, q: wq.Query, limit: int):
    """(Whoosh Results of the best `limit` matches, how many match, whether that count is exact).

    On arrays when array_search can evaluate q, else by Whoosh's own collector (then the count is Whoosh's
    estimate: results.estimated_length() would count every hit, seconds at 200k items)."""
    found = array_search.top_hits(searcher, q, limit)
    if found is not None:
        return Results(searcher, q, found.top), found.total, found.exact_total
    results = searcher.search(q, limit=limit)
    return results, q.estimate_size(searcher.reader()), False


class SearchIndex:
    def __init__(self, db, *, use_process: bool | None = None, procs: int | None = None):
        """use_process: None decides by size; True/False forces the worker process on or off.
        procs: Whoosh writer processes for a rebuild (default: 2 on a machine with 2 or more cores, else 1: a
        rebuild of a national register runs in a worker process, and on one core it takes twice the ten minutes)."""
        self.db = db
        self.store = IndexStore(db.index_dir)
        self.use_process = use_process
        self.procs = procs or (2 if (os.cpu_count() or 1) >= 2 else 1)
        self._lock = threading.RLock()       # the searcher and the answers cached on it: held for milliseconds
        self._writing = threading.RLock()    # one ensure / rebuild / catch-up at a time: may take minutes
        self.maintenance = IndexMaintenance(lambda rebuild, progress, cancel:
                                            (self.rebuild if rebuild else self.ensure)(progress, cancel))
        self._ix: Any = None          # whoosh's Index and Searcher (whoosh has no type information)
        self._searcher: Any = None
        self._gen: Path | None = None
        self._background: subprocess.Popen | None = None
        self.result_cache_size = RESULT_CACHE
        self._results: OrderedDict[tuple, SearchResult] = OrderedDict()
        self._results_for: tuple[Any, int] | None = None  # (searcher, outbox seq) the cached answers were computed on

    # -- keeping the index right -------------------------------------------------------------------------------
    def ensure(self, progress=None, cancel=None) -> str:
        """Rebuild a missing, corrupt, stale-schema or other-database index; apply any backlog. Says what it did.

        Blocks for as long as that takes (minutes on a big register): call it from the CLI, or through
        `maintenance.start()`, never on the thread that serves the database to a user.
        """
        with self._writing:
            reason = indexer.diagnose(self.db, self.store)
            with self._lock:
                pending = self._pending() if reason is None else 0
            unread = reason is None and self.use_process is not False and self._evidence_pending()
            if reason is None and pending == 0 and not unread:
                return "already up to date"
            return self._bring_up_to_date(progress, cancel, heavy=reason is not None or pending > INLINE_ROWS)

    def rebuild(self, progress=None, cancel=None) -> str:
        """Build the whole index afresh (in a worker process unless the database is small)."""
        with self._writing:
            return self._bring_up_to_date(progress, cancel, heavy=True, force=True)

    def _bring_up_to_date(self, progress, cancel, *, heavy: bool, force: bool = False) -> str:
        """The work itself, without the searcher's lock: searches answer from the live index meanwhile."""
        if self._in_process(heavy=heavy):
            with self.store.writer_lock(wait=None):
                what = indexer.bring_up_to_date(self.db, self.store, progress, cancel, force_rebuild=force)
            if self.use_process is not False and self._evidence_pending():
                # Files are read in the worker process only; whoever called this waits for the whole job anyway.
                read = process.run(self.db, "ensure", progress, cancel, procs=self.procs)
                what = f"{what}; {read.split('; ', 1)[-1]}" if "; " in read else what
        else:
            what = process.run(self.db, "rebuild" if force else "ensure", progress, cancel, procs=self.procs)
        with self._lock:
            self._drop_searcher()
        return what

    def catch_up(self, progress=None, cancel=None) -> int:
        """Apply every outbox row past the index's seq; returns how many rows there were."""
        with self._writing:
            with self._lock:
                pending = self._pending()
            if pending == 0:
                return 0
            self._bring_up_to_date(progress, cancel, heavy=pending > INLINE_ROWS)
            return pending

    def pending(self) -> int:
        """Outbox rows not yet in the index (0 when there is no usable index to compare with)."""
        with self._lock:
            return self._pending()

    def close(self) -> None:
        self.maintenance.cancel()
        with self._lock:
            self._drop_searcher()

    # -- asking ------------------------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50, kinds: Iterable[str] | None = None) -> SearchResult:
        """The best `limit` hits for what the user typed. Raises QueryError for a query that makes no sense."""
        parsed = parse(query)
        if not parsed.groups:
            return SearchResult()
        key = (parsed.text, max(1, int(limit)), tuple(sorted(kinds or ())), today())
        return self._with_searcher(lambda s: self._cached(s, key, lambda: self._search(s, parsed, limit, kinds)))

    def _cached(self, searcher, key: tuple, compute) -> SearchResult:
        """The answer for `key` from the cache when nothing changed since it was computed, else computed now.

        Valid while the searcher (the index as it was read) and the outbox's last seq (the database's changes)
        are the same: any saved change moves the seq, so an answer never outlives what it shows.
        """
        with self.db.reading() as s:
            seq = ch.max_seq(s)
        if self._results_for is None or self._results_for[0] is not searcher or self._results_for[1] != seq:
            self._results.clear()
            self._results_for = (searcher, seq)
        result = self._results.get(key) if self.result_cache_size > 0 else None
        if result is None:
            result = compute()
            if self.result_cache_size > 0:
                self._results[key] = result
                while len(self._results) > self.result_cache_size:
                    self._results.popitem(last=False)
        else:
            self._results.move_to_end(key)
        return SearchResult(list(result.hits), result.total_estimate, result.corrected_query, result.total_exact)

    def ids_matching(self, query: str, kind: str, cap: int = IDS_CAP) -> list[int]:
        """Every id of one kind that matches (for register filters and exports), ascending, at most `cap`."""
        parsed = parse(query)
        kind = resolve_kind(kind)
        if not parsed.groups:
            return []

        def run(searcher):
            q, _corrections = self._compile(searcher, parsed)
            q = _only(q, [kind])
            docs = array_search.matching_docs(searcher, q)
            if docs is None:
                docs = searcher.search(q, limit=None, scored=False).docs()
            column = searcher.reader().column_reader("eid")
            return sorted(int(column[int(docnum)]) for docnum in docs)[:cap]
        return self._with_searcher(run)

    def evidence_status(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """{evidence id: (status, reason)} as the index holds it: "searchable", "no_text" (reason says why),
        "pending" (not read yet), "link"; an id the index does not hold yet is missing from the answer."""
        wanted = list(ids)

        def run(searcher):
            status = searcher.reader().column_reader("status")
            out = {}
            for i in wanted:
                docnum = searcher.document_number(key=f"evidence:{i}")
                if docnum is not None:
                    value = status[docnum]
                    value = value.decode() if isinstance(value, bytes) else str(value or "")
                    out[i] = (value, searcher.stored_fields(docnum).get("evnote", ""))
            return out
        return self._with_searcher(run) if wanted else {}

    def similar(self, text: str, *, kind: str = "recommendation", exclude_ids=(), limit: int = 10) -> list[Hit]:
        """Items of `kind` whose words are most like `text` (more-like-this), best first."""
        kind = resolve_kind(kind)
        text = without_standard_wording(text)   # what every report of a kind says is no likeness
        if not text:
            return []

        def run(searcher):
            terms = searcher.key_terms_from_text("body", text, numterms=25)
            if not terms:
                return []
            q = wq.Or([wq.Term(f, t, boost=w * (1.5 if f == "title" else 1.0))
                       for t, w in terms for f in ("body", "title")])
            excluded = [wq.Term("key", f"{kind}:{i}") for i in exclude_ids]
            results, _total, _exact = _best(searcher, _only(q, [kind], excluded), limit)
            configure(results)
            with self.db.reading() as session:
                return build_hits(session, results)
        return self._with_searcher(run)

    # -- internals ---------------------------------------------------------------------------------------------
    def _search(self, searcher, parsed: ParsedQuery, limit: int, kinds) -> SearchResult:
        q, corrections = self._compile(searcher, parsed)
        limit = max(1, int(limit))
        q = _only(q, [resolve_kind(k) for k in kinds or ()])
        results, total, exact = _best(searcher, q, limit + 1)  # + 1: the state document may be among them
        configure(results)
        with self.db.reading() as session:
            hits = build_hits(session, results)[:limit]
            corrected = spelling.corrected_text(parsed.text, corrections, hits, searcher, session) \
                if corrections else None
        if len(hits) < limit:
            return SearchResult(hits, len(hits), corrected, total_exact=True)
        return SearchResult(hits, max(total, len(hits)), corrected, total_exact=exact)

    def _compile(self, searcher, parsed: ParsedQuery):
        """The Whoosh query, with misspelt words replaced; and the corrections made ({typed: stem})."""
        corrections = spelling.corrections(searcher, parsed)
        needs_vocabulary = any(a.field in ("hub", "theme") for g in parsed.groups for a in g)
        vocab = self._vocabulary() if needs_vocabulary else Vocabulary({}, {})
        q = compile_query(parsed, searcher.schema, vocab, today=today(), corrections=corrections)
        return q, corrections

    def _vocabulary(self) -> Vocabulary:
        with self.db.reading() as s:
            hubs = {code: [name, *[a.strip() for a in (aliases or "").split(";") if a.strip()]]
                    for code, name, aliases in s.execute(select(Hub.code, Hub.name, Hub.aliases))}
            themes = dict(s.execute(select(Theme.code, Theme.name)).all())
        return Vocabulary(hubs, themes)

    def _with_searcher(self, fn):
        """Run fn(searcher) on an up-to-date searcher. An index found missing or broken is repaired here when the
        database is small (then fn is retried once); otherwise the repair goes to the maintenance thread and
        IndexNotReady is raised at once, so the caller's thread (the one that saves edits) never waits for it."""
        for attempt in (1, 2):
            with self._lock:
                try:
                    searcher, reason = self._ready_searcher()
                    if searcher is not None:
                        return fn(searcher)
                    rebuild = False
                except QueryError:
                    raise
                except _BROKEN as exc:
                    if attempt == 2:
                        raise process.IndexWorkerError(f"The search index cannot be read: {exc}") from exc
                    self._drop_searcher()
                    reason, rebuild = "the index could not be read", True
            self._repair(reason, rebuild=rebuild)   # outside the lock: maintenance takes it when it is done
        raise process.IndexWorkerError(f"The search index is still unusable after a repair ({reason}).")

    def _repair(self, reason: str, *, rebuild: bool) -> None:
        """Repair now if that is quick (a small database, nobody else writing), else hand it over and raise."""
        if not self.maintenance.running and self._repair_is_quick() and self._writing.acquire(blocking=False):
            try:
                self._bring_up_to_date(None, None, heavy=True, force=rebuild)
                return
            finally:
                self._writing.release()
        self.maintenance.start(reason, rebuild=rebuild)
        raise self.maintenance.not_ready()

    def _repair_is_quick(self) -> bool:
        return sum(indexer.count_rows(self.db).values()) <= INLINE_REPAIR_ROWS

    def _ready_searcher(self):
        """(a searcher on a valid index for this database with a small backlog applied, None) or (None, why not)."""
        try:
            searcher = self._open_searcher()
            reason = check_state(read_state(searcher), self.db.uid)
        except IndexUnusable as exc:
            reason = exc.reason
        if reason:
            self._drop_searcher()
            return None, reason
        state = read_state(searcher)
        assert state is not None, "check_state passed"
        self._quick_catch_up(state.seq)
        return self._open_searcher(), None

    def _open_searcher(self):
        """The cached searcher on the live generation, refreshed if the index changed. Raises IndexUnusable."""
        gen = self.store.current_dir()
        if self._searcher is None or gen != self._gen:
            self._drop_searcher()
            self._ix = self.store.open()
            self._gen = self.store.current_dir()
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers with their old deletions (stale hits).
            self._searcher.close()
            self._searcher = self._ix.searcher()
        return self._searcher

    def _drop_searcher(self) -> None:
        for obj in (self._searcher, self._ix):
            try:
                if obj is not None:
                    obj.close()
            except Exception:  # noqa: BLE001 - closing a broken reader must not hide the real problem
                pass
        self._searcher = self._ix = self._gen = None
        self._results.clear()
        self._results_for = None

    def _pending(self) -> int:
        try:
            state = read_state(self._open_searcher())
        except IndexUnusable:
            return 0
        if state is None:
            return 0
        with self.db.reading() as s:
            return ch.pending_count(s, state.seq)

    def _quick_catch_up(self, seq: int) -> None:
        """Before answering: apply a small backlog here; hand a large one to a background worker process."""
        with self.db.reading() as s:
            pending = ch.pending_count(s, seq)
            if pending == 0:
                return
            backlog = ch.read_backlog(s, seq) if pending <= INLINE_ROWS else None
            todo = sum(len(v) for v in ch.affected(s, backlog.entities).values()) \
                if backlog is not None and not backlog.rebuild else None
        if todo is None or todo > INLINE_DOCS:
            if not self._in_process(heavy=True):
                self._start_background()
            elif self._writing.acquire(blocking=False):   # a small database: quicker than a process
                try:
                    with self.store.writer_lock(wait=0) as got:
                        if got:
                            indexer.bring_up_to_date(self.db, self.store)
                finally:
                    self._writing.release()
                self._read_evidence_elsewhere()
            return
        with self.store.writer_lock(wait=0) as got:
            if not got:
                return  # another writer is at it; answer from what is there
            ix = self.store.open()
            try:
                with ix.searcher() as searcher:
                    state = read_state(searcher)  # reread under the lock: another writer may have moved it
                if state is None:
                    return  # an index without its state is not ours to patch; answer from what is there
                with self.db.reading() as s:
                    backlog = ch.read_backlog(s, state.seq)
                if not backlog.empty and not backlog.rebuild:
                    indexer.apply_backlog(self.db, ix, backlog)
            finally:
                ix.close()
        if ch.EVIDENCE in backlog.entities:
            self._read_evidence_elsewhere()

    def _read_evidence_elsewhere(self) -> None:
        """Evidence files are read by the worker process only (pdfminer holds the GIL for seconds): start one if a
        write in this process left files pending. Not when told never to use the process (use_process=False)."""
        if self.use_process is not False and self._evidence_pending():
            self._start_background()

    def _evidence_pending(self) -> bool:
        """Whether the index holds evidence files whose text has not been read yet."""
        try:
            ix = self.store.open()
        except IndexUnusable:
            return False
        try:
            with ix.searcher() as searcher:
                return bool(searcher.search(indexer.PENDING_QUERY, limit=1))
        finally:
            ix.close()

    def _start_background(self) -> None:
        if self._background is not None and self._background.poll() is None:
            return
        self._background = process.start(self.db, "ensure", if_free=True, procs=self.procs, quiet=True)

    def _in_process(self, *, heavy: bool) -> bool:
        """Whether to write in this process: yes for small work, or when the whole database is small."""
        if self.use_process is not None:
            return not self.use_process
        if not heavy:
            return True
        return sum(indexer.count_rows(self.db).values()) <= INLINE_REBUILD_ROWS


__all__ = ["Hit", "KINDS", "SearchIndex", "SearchResult"]
