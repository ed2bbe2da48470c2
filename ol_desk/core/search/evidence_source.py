"""Evidence in the index: a file's words (read by core.file_text) or a link's address, with its description.

The words of a file are not in the database: they are derived from the stored file, so they live in the index
only (compressed, in a stored field, so that a hit can show a snippet) with a status saying whether text was found.
Reading files is slow (pdfminer is pure Python and holds the GIL), so it happens only where `files` is given: in the
search worker process (worker.py). Written anywhere else, a file's document is a placeholder with status
"pending" and no words; the worker reads every pending file next (indexer.read_pending_evidence).

An evidence document names its parent ("recommendation:12" / "action:7") in the `parent` field, so that when the
parent is deleted (its evidence goes with it, ON DELETE CASCADE) the index drops its evidence too.
"""
from __future__ import annotations

import zlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import Action, Evidence, Recommendation, SourceDocument
from ol_desk.core.model.enums import EvidenceKind

from .file_reader import FileReader

# The status of an evidence document (schema field `status`).
SEARCHABLE = "searchable"     # a file whose text was read
NO_TEXT = "no_text"           # a file that gave no text (the reason is in `evnote`)
PENDING = "pending"           # a file whose text the worker has not read yet
LINK = "link"                 # a link: its address and description are searched


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def unpack(data) -> str:
    if not data:
        return ""
    try:
        return zlib.decompress(data).decode("utf-8")
    except (zlib.error, TypeError, UnicodeDecodeError):
        return ""


def parent_key(recommendation_id: int | None, action_id: int | None) -> str:
    return f"recommendation:{recommendation_id}" if recommendation_id is not None else f"action:{action_id}"


def evidence_documents(session: Session, where, files: FileReader | None) -> list[dict]:
    """Index documents for the evidence rows satisfying where(id column); files reads their text (None: leave
    files pending)."""
    e = Evidence
    rows = session.execute(select(e.id, e.kind, e.original_name, e.stored_path, e.url, e.description, e.sha256,
                                  e.recommendation_id, e.action_id, e.created_at).where(where(e.id))).all()
    read: dict[str, tuple[str, str]] = {}   # sha256 -> (text, reason): one file attached twice is read once
    out = []
    for eid, kind, name, stored, url, description, sha, rec_id, action_id, created in rows:
        doc = {"key": f"evidence:{eid}", "kind": "evidence", "eid": eid, "parent": parent_key(rec_id, action_id),
               "issued": created.year * 10000 + created.month * 100 + created.day if created else None}
        if kind == EvidenceKind.LINK:
            doc.update(ref=url, title=description, status=LINK)
        else:
            doc.update(ref=name, title=description)
            if files is None:
                doc["status"] = PENDING
            else:
                if sha not in read:
                    found = files.read(stored, name, sha)
                    read[sha] = (found.text, found.reason)
                text, reason = read[sha]
                doc.update(status=SEARCHABLE if text else NO_TEXT, evnote=reason)
                if text:
                    doc.update(body=text, evtext=pack(text))
        out.append({k: v for k, v in doc.items() if v not in (None, "")})
    return out


def display_rows(session: Session, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """{id: (file name or address, "Evidence on <item>: <description>", "")}: the text to cut a snippet from is
    in the index (evtext), not in the database."""
    return {i: (name, title, "") for i, (name, title, _pk, _pid) in evidence_parents(session, ids).items()}


def evidence_parents(session: Session, ids: list[int]) -> dict[int, tuple[str, str, str, int]]:
    """{id: (file name or address, title, parent kind, parent id)} for evidence rows that still exist."""
    e, r, d, a = Evidence, Recommendation, SourceDocument, Action
    q = (select(e.id, e.original_name, e.url, e.description, e.recommendation_id, e.action_id, d.reference,
                r.reference, a.reference)
         .outerjoin(r, r.id == e.recommendation_id).outerjoin(d, d.id == r.document_id)
         .outerjoin(a, a.id == e.action_id).where(e.id.in_(ids)))
    out = {}
    for i, name, url, description, rid, aid, dref, rref, aref in session.execute(q):
        pid = rid if rid is not None else (aid or 0)   # the check constraint: exactly one of them is set
        if rid is not None:
            parent, pkind = f"recommendation {dref} {rref}".strip(), "recommendation"
        else:
            parent, pkind = f"action {aref or f'#{aid}'}", "action"
        title = f"Evidence on {parent}" + (f": {description}" if description else "")
        out[i] = (name or url, title, pkind, pid)
    return out


def status_words(status: str | None, reason: str = "") -> str:
    """What the evidence list says of a file's text, from its status in the index (None: not in the index yet)."""
    from ol_desk.core.file_text.pdf import NO_TEXT as SCANNED
    if status == SEARCHABLE:
        return "Text searchable"
    if status == NO_TEXT:
        return "No text found (scanned?)" if reason == SCANNED else f"No text found: {reason or 'empty'}"
    if status == LINK:
        return "Address searched"
    if status == PENDING:
        return "Reading text…"
    return "Not in the search index yet"
