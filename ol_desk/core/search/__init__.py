"""Full-text search over recommendations, actions, progress updates, source documents, Gold Group learning and
evidence (the words inside attached files, read by the worker process only: evidence_source.py).

The Whoosh index is *derived*: the database is the truth, and the index can be deleted at any time. Every service
writes a `search_outbox` row in the same transaction as its change; the index records (inside itself, in the same
Whoosh commit) the last outbox seq it applied, the database's uid and its schema version. So a crash between the
database commit and the index write loses nothing, changes made by another process appear at the next catch-up,
and a missing, corrupt, old-schema or other-database index is rebuilt when it is next opened.

API (no Qt; safe to call from a worker thread; one SearchIndex per open Database):

    from ol_desk.core.search import SearchIndex, QueryError

    index = SearchIndex(db)
    index.ensure(progress=None, cancel=None) -> str
        Call once after opening a database (off the UI thread). Rebuilds the index if it is missing, unreadable,
        for another database or of an older schema, then applies any outbox backlog. Large work runs in a separate
        process (python -m ol_desk.core.search.worker) because Whoosh holds the GIL. progress(done, total, msg) is
        called as it goes; cancel() returning True stops it and leaves the live index as it was
        (IndexCancelled). Returns what it did, in words.
    index.rebuild(progress=None, cancel=None) -> str      everything afresh (a new generation, switched at the end)
    index.catch_up(progress=None, cancel=None) -> int     apply the outbox backlog now; returns rows applied
    index.pending() -> int                                outbox rows not yet in the index
    index.search(query, limit=50, kinds=None) -> SearchResult
        SearchResult(hits=[Hit(kind, id, reference, title, score, snippet_html, snippet_text,
                               parent_kind, parent_id)], total_estimate, corrected_query)
        kinds: Entity values to keep ("recommendation", "action", "update", "document", "learning", "evidence").
        An evidence hit's reference is the file name (or a link's address), its title names the item it is
        attached to, parent_kind/parent_id say which (the item a hit opens).
        snippet_html marks matched words with <mark>…</mark> and escapes the rest.
        corrected_query is set when a misspelt word was replaced ("custdy" → "custody").
        A search first applies a small backlog itself (≤ 500 outbox rows), so a saved edit is found at once;
        a larger backlog is handed to a background worker process and the search answers from what is there.
        A missing or damaged index is repaired by the search itself only on a small register (≤ 5,000 items,
        about a second); otherwise the search starts `index.maintenance` (its own thread) and raises
        IndexNotReady at once, so the thread that saves edits never waits minutes for a rebuild.
    index.maintenance.start(reason, rebuild=False) / .running / .wait() / .cancel()
        The index-maintenance thread; .on_progress(done, total, message) and .on_finished(what, error) listeners
        are called on it (the GUI relays them to the status bar and re-runs a search when the index is ready).
    index.ids_matching(query, kind, cap=100_000) -> list[int]
        Every matching id of one kind, ascending (for RegisterFilter(ids=...) and exports).
    index.evidence_status(ids) -> {id: (status, reason)}
        Whether each evidence file's words are searchable: "searchable", "no_text" (reason: "no text layer —
        scanned?", "encrypted …", "file missing …"), "pending" (the worker has not read it yet), "link".
    index.similar(text, *, kind="recommendation", exclude_ids=(), limit=10) -> list[Hit]
        More-like-this: items whose words are most like `text` (a new PFD concern that repeats an old one).
    index.close()

    QueryError(OlDeskError): the query cannot be understood; str(exc) is one line for the user.

The query language (docs/search.md for users): words, "exact phrases", -exclude, OR, and filters hub:NW or
hub:"North West", theme:custody, status:open|overdue|finished|<status>, source:pfd, kind:action, finding:afi,
owner:name, due:<2025-06-01 (also >, <=, >=, a..b, 2025, 2025-06), issued:2023, ref:, title:.
"""
from . import whoosh_fixes
from .index import SearchIndex
from .indexer import IndexCancelled
from .maintenance import IndexNotReady
from .process import IndexWorkerError
from .query import QueryError
from .results import Hit, SearchResult

whoosh_fixes.apply()

__all__ = ["Hit", "IndexCancelled", "IndexNotReady", "IndexWorkerError", "QueryError", "SearchIndex", "SearchResult"]
