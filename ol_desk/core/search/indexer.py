"""Writing the index: a full rebuild into a new generation, and applying the outbox past the recorded seq.

Both run under the writer lock (store.writer_lock). They run in whichever process calls them: SearchIndex keeps
small catch-ups in-process and sends rebuilds and large catch-ups to a worker process (worker.py), because Whoosh
holds the GIL while it writes.

Evidence files are read only when `files` (a FileReader) is given, which only the worker process does: elsewhere
a file is indexed as "pending", and the worker reads what is pending after every run (read_pending_evidence).
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from whoosh import query as wq

from ol_desk.core.errors import OlDeskError
from ol_desk.core.services import outbox

from . import changes as ch
from . import evidence_source
from .codec import ArrayCodec
from .file_reader import FileReader
from .schema import KINDS, SCHEMA_VERSION
from .segment_writer import NewGenerationMpWriter, NewGenerationWriter
from .sources import TABLES, Where, index_documents
from .store import IndexState, IndexStore, read_state, write_state

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

BATCH_IDS = 2000            # ids read from the database per batch
WRITER_LIMIT_MB = 256       # Whoosh's indexing buffer per writer
# The rebuild's buffer (term_pool.py) per writer process, as counted (real use is about three quarters of it): a full
# buffer becomes a run file, and runs are joined term by term (cheap). 128 MB and a buffer held while the segment
# was written took a 200,000-recommendation rebuild's 3 processes to 747 MB together.
REBUILD_LIMIT_MB = 96


class IndexCancelled(OlDeskError):
    """The user stopped the index build; the live index is unchanged."""


def _never() -> bool:
    return False


def _quiet(_done: int, _total: int, _msg: str) -> None:
    return None


def _ids_between(start: int, end: int) -> Where:
    return lambda c: c.between(start, end)


def _ids_in(ids: list[int]) -> Where:
    return lambda c: c.in_(ids)


def count_rows(db) -> dict[str, int]:
    with db.reading() as s:
        return {k: s.scalar(select(func.count()).select_from(TABLES[k])) or 0 for k in KINDS}


def _writer(ix, **kwargs):
    """A Whoosh writer whose new segments (and merges) use ArrayCodec's posting blocks."""
    return ix.writer(codec=ArrayCodec(), **kwargs)


def rebuild(db, store: IndexStore, progress: Progress | None = None, cancel: Cancel | None = None, *,
            procs: int = 1, limitmb: int = REBUILD_LIMIT_MB, files: FileReader | None = None) -> IndexState:
    """Index every row into a new generation and make it live. Caller holds the writer lock."""
    progress, cancel = progress or _quiet, cancel or _never
    with db.reading() as s:
        # Read the outbox position first: anything committed after it is applied again by the catch-up.
        seq = ch.max_seq(s)
    totals = count_rows(db)
    total, done = sum(totals.values()) + 1, 0  # the last step is the commit
    path, ix = store.new_generation()
    writer = NewGenerationMpWriter(ix, procs, codec=ArrayCodec(), limitmb=limitmb) if procs > 1 else \
        NewGenerationWriter(ix, codec=ArrayCodec(), limitmb=limitmb)
    try:
        progress(0, total, "reading the database")
        for kind in KINDS:
            table = TABLES[kind]
            with db.reading() as s:
                lo, hi = s.execute(select(func.min(table.id), func.max(table.id))).one()
                if lo is None:
                    continue
                for start in range(lo, hi + 1, BATCH_IDS):
                    if cancel():
                        raise IndexCancelled("Index build stopped; the search index was left as it was.")
                    end = start + BATCH_IDS - 1
                    docs = index_documents(s, kind, _ids_between(start, end), files)
                    for doc in docs:
                        writer.add_document(**doc)
                    done += len(docs)
                    progress(done, total, "indexing evidence" if kind == "evidence" else f"indexing {kind}s")
        state = IndexState(seq, db.uid, SCHEMA_VERSION)
        write_state(writer, state)
        progress(done, total, "writing the index")
        writer.commit()
    except BaseException:
        writer.cancel()
        ix.close()
        store.discard(path)
        raise
    ix.close()
    store.publish(path)
    outbox.trim(db, state.seq)
    progress(total, total, "done")
    return state


def apply_backlog(db, ix, backlog: ch.Backlog, progress: Progress | None = None, cancel: Cancel | None = None,
                  *, limitmb: int = WRITER_LIMIT_MB, files: FileReader | None = None) -> int:
    """Rewrite what the outbox rows past the index's seq touch; returns the number of documents rewritten.

    Caller holds the writer lock and has checked backlog.rebuild is False.
    """
    progress, cancel = progress or _quiet, cancel or _never
    with db.reading() as s:
        todo = ch.affected(s, backlog.entities)
    total, done = sum(len(v) for v in todo.values()), 0
    writer = _writer(ix, limitmb=limitmb)
    try:
        with db.reading() as s:
            for kind, ids in todo.items():
                for part in ch.chunks(ids):
                    if cancel():
                        raise IndexCancelled("Index update stopped; it resumes at the next search.")
                    docs = index_documents(s, kind, _ids_in(part), files)
                    for doc in docs:
                        writer.update_document(**doc)
                    for gone in set(part) - {d["eid"] for d in docs}:
                        writer.delete_by_term("key", f"{kind}:{gone}")
                        if kind in ("recommendation", "action"):   # its evidence went with it (ON DELETE CASCADE)
                            writer.delete_by_term("parent", f"{kind}:{gone}")
                    done += len(part)
                    progress(done, total, f"updating {kind}s")
        write_state(writer, IndexState(backlog.last_seq, db.uid, SCHEMA_VERSION))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    outbox.trim(db, backlog.last_seq)  # only now: the index holds them (a crash before this leaves rows to reapply)
    return total


def catch_up(db, store: IndexStore, progress: Progress | None = None, cancel: Cancel | None = None, *,
             files: FileReader | None = None) -> int:
    """Apply everything past the index's seq (rebuilding if asked to). Caller holds the writer lock."""
    ix = store.open()
    try:
        with ix.searcher() as searcher:
            state = read_state(searcher)
        with db.reading() as s:
            backlog = ch.read_backlog(s, state.seq if state else 0)
        if backlog.empty:
            return 0
        if backlog.rebuild:
            ix.close()
            rebuild(db, store, progress, cancel, files=files)
            return backlog.rows
        return apply_backlog(db, ix, backlog, progress, cancel, files=files)
    finally:
        ix.close()


def diagnose(db, store: IndexStore) -> str | None:
    """Why the index must be rebuilt for this database (None if a catch-up is enough)."""
    from .store import IndexUnusable, check_state
    try:
        ix = store.open()
    except IndexUnusable as exc:
        return f"the index is {exc.reason}"
    try:
        with ix.searcher() as searcher:
            state = read_state(searcher)
    finally:
        ix.close()
    reason = check_state(state, db.uid)
    if reason or state is None:  # (check_state gives a reason when there is no state)
        return f"the index {reason}"
    with db.reading() as s:
        if state.seq > ch.max_seq(s):
            return "the index is ahead of the database (was the database restored from a backup?)"
        if db.is_server and state.seq < ch.trimmed_upto(s):
            return "the index is older than the changes the server keeps (this workstation was away too long)"
    return None


def bring_up_to_date(db, store: IndexStore, progress: Progress | None = None, cancel: Cancel | None = None, *,
                     force_rebuild: bool = False, procs: int = 1, files: FileReader | None = None) -> str:
    """Rebuild when needed (or asked), else apply the backlog; with `files`, then read pending evidence files.
    Caller holds the writer lock. Says what it did."""
    reason = "a rebuild was asked for" if force_rebuild else diagnose(db, store)
    if reason:
        rebuild(db, store, progress, cancel, procs=procs, files=files)
        catch_up(db, store, files=files)  # what was committed while the rebuild ran
        what = f"rebuilt ({reason})"
    else:
        applied = catch_up(db, store, progress, cancel, files=files)
        what = f"brought up to date ({applied:,} item(s) reindexed)" if applied else "already up to date"
    if files is not None:
        read = read_pending_evidence(db, store, files, progress, cancel)
        if read:
            what += f"; read {read:,} evidence file(s)"
    return what


PENDING_QUERY = wq.And([wq.Term("kind", "evidence"), wq.Term("status", evidence_source.PENDING)])


def pending_evidence(searcher) -> list[int]:
    """Ids of evidence files indexed without their text yet."""
    column = searcher.reader().column_reader("eid")
    return sorted(int(column[n]) for n in searcher.search(PENDING_QUERY, limit=None, scored=False).docs())


def read_pending_evidence(db, store: IndexStore, files: FileReader, progress: Progress | None = None,
                          cancel: Cancel | None = None) -> int:
    """Read the text of the evidence files indexed as pending (by a catch-up in the app's process) and index it.
    Caller holds the writer lock; the index's state (its outbox seq) is left as it is. Returns files read."""
    progress, cancel = progress or _quiet, cancel or _never
    ix = store.open()
    try:
        with ix.searcher() as searcher:
            ids = pending_evidence(searcher)
        if not ids:
            return 0
        writer = _writer(ix, limitmb=WRITER_LIMIT_MB)
        done = 0
        try:
            with db.reading() as s:
                for part in ch.chunks(ids):
                    for i in range(0, len(part), 50):   # small steps: a cancel is honoured within a few files
                        if cancel():
                            raise IndexCancelled("Reading evidence files stopped; it resumes at the next update.")
                        chunk = part[i:i + 50]
                        docs = index_documents(s, "evidence", _ids_in(chunk), files)
                        for doc in docs:
                            writer.update_document(**doc)
                        for gone in set(chunk) - {d["eid"] for d in docs}:
                            writer.delete_by_term("key", f"evidence:{gone}")
                        done += len(chunk)
                        progress(done, len(ids), "reading evidence files")
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        return done
    finally:
        ix.close()
