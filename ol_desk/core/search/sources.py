"""What goes into the index for each kind of item, read from the database in batches with plain SQL.

`index_documents(session, kind, where)` returns the Whoosh documents for the rows of one kind that satisfy
`where(id_column)`: the rebuild passes id ranges, the catch-up passes id lists. Related words (a recommendation's
document title, hub and theme names, owner) are joined in here so that a rename must reindex what depends on it
(see changes.py).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import ColumnElement, SQLColumnExpression, select
from sqlalchemy.orm import Session, aliased

from ol_desk.core.dates import today
from ol_desk.core.derived_title import derived_title
from ol_desk.core.model import (
    Action,
    ActionRecommendation,
    Evidence,
    Hub,
    LearningEntry,
    Person,
    ProgressUpdate,
    Recommendation,
    RecommendationHub,
    RecommendationTheme,
    SourceDocument,
    Theme,
)
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, OPEN_ACTION_STATUSES
from ol_desk.core.standard_wording import without_standard_wording

from . import evidence_source
from .file_reader import FileReader
from .schema import date_number

Where = Callable[[SQLColumnExpression[int]], ColumnElement[bool]]

TABLES: dict[str, type[Recommendation | Action | ProgressUpdate | SourceDocument | LearningEntry | Evidence]] = {
    "recommendation": Recommendation,
    "action": Action,
    "update": ProgressUpdate,
    "document": SourceDocument,
    "learning": LearningEntry,
    "evidence": Evidence,
}

# Document "status" words (documents have no lifecycle of their own, only a response clock).
DOC_AWAITING = "awaiting_response"
DOC_RESPONDED = "responded"


def _value(v) -> str:
    return getattr(v, "value", v) or ""


def _join(*parts) -> str:
    return "\n".join(p for p in parts if p)


def _keys(values: Iterable) -> str:
    return ",".join(sorted({_value(v).lower() for v in values if v}))


def _doc(kind: str, row_id: int, **fields) -> dict:
    doc = {"key": f"{kind}:{row_id}", "kind": kind, "eid": row_id}
    doc.update({k: v for k, v in fields.items() if v not in (None, "")})
    return doc


def _rec_links(session: Session, where: Where):
    """Hub (code, name)s and theme (code, name)s of the recommendations whose id satisfies where(id column)."""
    hubs: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for rid, code, name in session.execute(
            select(RecommendationHub.recommendation_id, Hub.code, Hub.name)
            .join(Hub, Hub.id == RecommendationHub.hub_id).where(where(RecommendationHub.recommendation_id))):
        hubs[rid].append((code, name))
    themes: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for rid, code, name in session.execute(
            select(RecommendationTheme.recommendation_id, Theme.code, Theme.name)
            .join(Theme, Theme.id == RecommendationTheme.theme_id).where(where(RecommendationTheme.recommendation_id))):
        themes[rid].append((code, name))
    return hubs, themes


def _recommendations(session: Session, where: Where) -> list[dict]:
    r, d, p = Recommendation, SourceDocument, Person
    rows = session.execute(
        select(r.id, r.reference, r.title, r.text, r.finding_type, r.status, r.current_target_date,
               r.response_rationale, r.notes, d.reference, d.title, d.kind, d.date_issued, d.issuing_body, p.name)
        .join(d, d.id == r.document_id).outerjoin(p, p.id == r.owner_id).where(where(r.id))).all()
    hubs, themes = _rec_links(session, where) if rows else ({}, {})
    out = []
    for (rid, ref, title, text, finding, status, due, rationale, notes, dref, dtitle, dkind, issued, body,
         owner) in rows:
        h, t = hubs.get(rid, ()), themes.get(rid, ())
        out.append(_doc(
            "recommendation", rid, ref=f"{dref} {ref}", title=title,
            body=without_standard_wording(_join(text, rationale, notes)),
            context=_join(dtitle, body, " ".join(n for _c, n in h), " ".join(n for _c, n in t), owner),
            source=_value(dkind), finding=_value(finding), hub=_keys(c for c, _n in h),
            theme=_keys(c for c, _n in t), status=_value(status), owner=owner, due=date_number(due),
            issued=date_number(issued)))
    return out


def _actions(session: Session, where: Where) -> list[dict]:
    a, h, p = Action, Hub, Person
    rows = session.execute(
        select(a.id, a.reference, a.title, a.notes, a.completion_note, a.embedded_note, a.cancel_reason, a.status,
               a.current_due_date, h.code, h.name, p.name)
        .outerjoin(h, h.id == a.hub_id).outerjoin(p, p.id == a.owner_id).where(where(a.id))).all()
    if not rows:
        return []
    r, d, ar = Recommendation, SourceDocument, ActionRecommendation
    recs: dict[int, list] = defaultdict(list)
    for aid, rref, finding, dref, dkind in session.execute(
            select(ar.action_id, r.reference, r.finding_type, d.reference, d.kind)
            .join(r, r.id == ar.recommendation_id).join(d, d.id == r.document_id).where(where(ar.action_id))):
        recs[aid].append((f"{dref} {rref}", finding, dkind))
    themes: dict[int, set] = defaultdict(set)
    for aid, code in session.execute(
            select(ar.action_id, Theme.code)
            .join(RecommendationTheme, RecommendationTheme.recommendation_id == ar.recommendation_id)
            .join(Theme, Theme.id == RecommendationTheme.theme_id).where(where(ar.action_id))):
        themes[aid].add(code)
    out = []
    for aid, ref, title, notes, done_note, emb_note, cancel, status, due, hcode, hname, owner in rows:
        linked, t = recs.get(aid, ()), themes.get(aid, ())
        out.append(_doc(
            "action", aid, ref=_join(ref, " ".join(x[0] for x in linked)), title=title,
            body=_join(notes, done_note, emb_note, cancel), context=hname,
            source=_keys(x[2] for x in linked), finding=_keys(x[1] for x in linked), hub=_keys([hcode]),
            theme=_keys(t), status=_value(status), owner=owner, due=date_number(due)))
    return out


def _updates(session: Session, where: Where) -> list[dict]:
    """A progress update carries its parent's reference and hubs (not its words: the parent is its own hit)."""
    u, r, d, a, ah = ProgressUpdate, Recommendation, SourceDocument, Action, aliased(Hub)
    rows = session.execute(
        select(u.id, u.text, u.written_on, u.author, u.recommendation_id, r.reference, d.reference, d.kind,
               a.reference, ah.code)
        .outerjoin(r, r.id == u.recommendation_id).outerjoin(d, d.id == r.document_id)
        .outerjoin(a, a.id == u.action_id).outerjoin(ah, ah.id == a.hub_id).where(where(u.id))).all()
    rec_ids = {row[4] for row in rows if row[4] is not None}
    hubs = _rec_links(session, lambda c: c.in_(rec_ids))[0] if rec_ids else {}
    out = []
    for uid, text, written, author, rid, rref, dref, dkind, aref, acode in rows:
        codes = [c for c, _n in hubs.get(rid, ())] if rid is not None else [acode]
        out.append(_doc("update", uid, ref=f"{dref} {rref}" if rid is not None else aref, body=text,
                        source=_value(dkind), hub=_keys(codes), owner=author, issued=date_number(written)))
    return out


def document_status(response_due, sent_on) -> str:
    if sent_on is not None:
        return DOC_RESPONDED
    return DOC_AWAITING if response_due is not None else ""


def _documents(session: Session, where: Where) -> list[dict]:
    d = SourceDocument
    rows = session.execute(select(d.id, d.kind, d.reference, d.title, d.issuing_body, d.notes, d.date_issued,
                                  d.response_due, d.response_sent_on, d.area, d.addressees).where(where(d.id))).all()
    # Who issued it, its area and who else received it ("Sent to") are words about the report, found by search.
    return [_doc("document", did, ref=ref, title=title, body=without_standard_wording(notes),
                 context=_join(body, area, sent_to),
                 source=_value(kind), status=document_status(due, sent), due=date_number(due),
                 issued=date_number(issued))
            for did, kind, ref, title, body, notes, issued, due, sent, area, sent_to in rows]


def _learning(session: Session, where: Where) -> list[dict]:
    e, h = LearningEntry, Hub
    rows = session.execute(select(e.id, e.operation, e.learning, e.triage_reason, e.gold_lead, e.suggested_owner,
                                  e.incident_date, e.triage_outcome, h.code, h.name)
                           .outerjoin(h, h.id == e.suggested_hub_id).where(where(e.id))).all()
    return [_doc("learning", lid, ref=op, title=op, body=_join(text, reason), context=_join(hname, gold),
                 source="gold_group", hub=_keys([hcode]), status=_value(outcome), owner=_join(owner, gold),
                 issued=date_number(incident))
            for lid, op, text, reason, gold, owner, incident, outcome, hcode, hname in rows]


_LOADERS = {"recommendation": _recommendations, "action": _actions, "update": _updates,
            "document": _documents, "learning": _learning}


def index_documents(session: Session, kind: str, where: Where, files: FileReader | None = None) -> list[dict]:
    """files: reads evidence files' text (the worker's); None leaves them pending (evidence_source.py)."""
    if kind == "evidence":
        return evidence_source.evidence_documents(session, where, files)
    return _LOADERS[kind](session, where)


# -- what a hit shows --------------------------------------------------------------------------------------------

def display_rows(session: Session, kind: str, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """{id: (reference, title, text to cut a snippet from)} for hits of one kind that still exist."""
    if not ids:
        return {}
    if kind == "recommendation":
        r, d = Recommendation, SourceDocument
        q = select(r.id, d.reference, r.reference, r.title, r.text).join(d, d.id == r.document_id)
        return {i: (f"{dref} {ref}".strip(), title or f"{derived_title(text)} (derived)", text)
                for i, dref, ref, title, text in session.execute(q.where(r.id.in_(ids)))}
    if kind == "action":
        a = Action
        q = select(a.id, a.reference, a.title, a.notes, a.completion_note).where(a.id.in_(ids))
        return {i: (ref or f"Action #{i}", title, _join(notes, done) or title)
                for i, ref, title, notes, done in session.execute(q)}
    if kind == "update":
        u, r, d, a = ProgressUpdate, Recommendation, SourceDocument, Action
        uq = (select(u.id, u.text, u.written_on, u.author, d.reference, r.reference, a.reference, a.id)
              .outerjoin(r, r.id == u.recommendation_id).outerjoin(d, d.id == r.document_id)
              .outerjoin(a, a.id == u.action_id).where(u.id.in_(ids)))
        out = {}
        for i, text, written, author, dref, rref, aref, aid in session.execute(uq):
            parent = f"{dref} {rref}".strip() if dref is not None else (aref or f"Action #{aid}")
            out[i] = (parent, f"Update of {written:%d %b %Y} by {author}", text)
        return out
    if kind == "document":
        d = SourceDocument
        dq = select(d.id, d.reference, d.title, d.notes, d.issuing_body).where(d.id.in_(ids))
        return {i: (ref, title, notes or title) for i, ref, title, notes, body in session.execute(dq)}
    if kind == "evidence":
        return evidence_source.display_rows(session, ids)
    e = LearningEntry
    lq = select(e.id, e.operation, e.learning).where(e.id.in_(ids))
    return {i: (op, op, text) for i, op, text in session.execute(lq)}


def overdue_statuses() -> dict[str, list[str]]:
    """Statuses in which an item with a past due date is overdue, by kind (mirrors queries/predicates.py)."""
    return {"recommendation": [s.value for s in ACTIVE_REC_STATUSES],
            "action": [s.value for s in OPEN_ACTION_STATUSES],
            "document": [DOC_AWAITING]}


def today_number() -> int:
    return date_number(today())
