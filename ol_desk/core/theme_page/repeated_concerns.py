"""Repeated concerns: groups of one theme's findings, from different bodies or years, that say the same thing;
how often and by whom each was raised, and what was done each time.

The words are grouped by concern_grouping.group_texts (the similar-items idea done in memory, bounded); the facts
(source, year, status, actions) are read from the database in three set-based queries over the theme. A group
counts as a *repeated* concern when its findings come from at least two documents and from two bodies (issuing
body, else source kind) or two years: the same report saying a thing twice is not a repeat.

Every number of a group opens the register on exactly its rows: the findings by their ids, the actions by theirs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.derived_title import derived_title
from ol_desk.core.model import Action, ActionRecommendation, Recommendation, RecommendationTheme, SourceDocument
from ol_desk.core.model.enums import ActionStatus, Entity, RecStatus, SourceKind
from ol_desk.core.model.recommendations import finding_label
from ol_desk.core.queries import predicates as p
from ol_desk.core.queries.dashboard import OPEN, Slice
from ol_desk.core.queries.register_filter import RegisterFilter

from .concern_grouping import THRESHOLD, group_texts

MAX_FINDINGS = 8_000    # the newest findings of a theme that are grouped (older ones are counted, not grouped)
MEMBERS_SHOWN = 60      # findings listed per group (its numbers count all of them)

# Who raised it, in words ("raised 7 times since 2017 by coroners, the IOPC and HMICFRS").
BY_WHOM = {SourceKind.HMICFRS: "HMICFRS", SourceKind.PFD: "coroners", SourceKind.IOPC: "the IOPC",
           SourceKind.PUBLIC_INQUIRY: "public inquiries", SourceKind.INDEPENDENT_REVIEW: "independent reviews",
           SourceKind.PROFESSIONAL_STANDARDS: "Professional Standards", SourceKind.GOLD_GROUP: "Gold Groups",
           SourceKind.INTERNAL_REVIEW: "internal reviews", SourceKind.OTHER: "other sources"}
EVIDENCED = frozenset({RecStatus.EVIDENCE_ACCEPTED, RecStatus.CLOSED})


@dataclass(frozen=True)
class Member:
    """One time the concern was raised, and what was done about it."""
    id: int
    label: str
    kind: SourceKind
    body: str
    opened: dt.date | None
    status: RecStatus
    text: str
    actions: int
    delivered: int
    embedded: int

    @property
    def outcome_evidenced(self) -> bool:
        """CPIC accepted the evidence (or it is closed), or an action's outcome is recorded as embedded."""
        return self.status in EVIDENCED or self.embedded > 0

    def done_words(self) -> str:
        acts = f"{self.delivered} of {self.actions} actions delivered" if self.actions else "no actions"
        return f"{acts}; outcome {'evidenced' if self.outcome_evidenced else 'not evidenced'}"


def by_whom(kinds) -> str:
    words = [BY_WHOM[k] for k in SourceKind if k in set(kinds)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""


@dataclass(frozen=True)
class ConcernGroup:
    key: str
    title: str                  # what the first finding said (its first sentence, standard wording out)
    key_terms: tuple[str, ...]
    members: tuple[Member, ...]  # oldest first, at most MEMBERS_SHOWN
    size: int
    documents: int
    kinds: tuple[SourceKind, ...]
    bodies: int
    first: dt.date | None
    last: dt.date | None
    findings: Slice             # every finding of the group
    open: Slice                 # those still open
    actions: Slice              # the actions answering them
    delivered: Slice            # of which delivered
    evidenced: Slice            # findings whose outcome is evidenced

    @property
    def summary(self) -> str:
        since = f" since {self.first.year}" if self.first else ""
        times = "once" if self.size == 1 else f"{self.size:,} times"
        return f"Raised {times}{since} by {by_whom(self.kinds)}"


@dataclass
class RepeatedConcerns:
    groups: list[ConcernGroup] = field(default_factory=list)
    findings: int = 0           # findings in the theme
    grouped: int = 0            # of which looked at (the newest MAX_FINDINGS)
    grouped_since: dt.date | None = None   # the oldest of those looked at
    threshold: float = THRESHOLD
    work: int = 0

    @property
    def scope(self) -> str:
        """What was compared, when not every finding of the theme was ("" when all were)."""
        if self.grouped >= self.findings:
            return ""
        since = f", raised since {self.grouped_since:%d %b %Y}" if self.grouped_since else ""
        return f"the newest {self.grouped:,} of the theme's {self.findings:,} findings compared{since}"


def _findings(session: Session, theme_id: int) -> list:
    opened = p.rec_opened_on(SourceDocument.date_issued)
    in_theme = select(RecommendationTheme.recommendation_id).where(RecommendationTheme.theme_id == theme_id)
    q = (select(Recommendation.id, SourceDocument.reference.label("doc_ref"), Recommendation.reference,
                Recommendation.position, SourceDocument.kind, SourceDocument.issuing_body, opened.label("opened"),
                Recommendation.status, Recommendation.title, Recommendation.text, Recommendation.document_id)
         .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
         .where(Recommendation.id.in_(in_theme))
         .order_by(opened.desc(), Recommendation.id.desc()).limit(MAX_FINDINGS))
    rows = list(session.execute(q).all())
    rows.reverse()   # oldest first: a group's first finding is the first time it was said
    return rows


_CHUNK = 5_000   # ids per IN list (well inside SQLite's and PostgreSQL's limits)


def _actions(session: Session, rec_ids: list[int]) -> dict[int, list[tuple[int, str, bool]]]:
    """Per finding in a repeated group: (action id, status, embedded) of each action answering it."""
    out: dict[int, list[tuple[int, str, bool]]] = {}
    for at in range(0, len(rec_ids), _CHUNK):
        q = (select(ActionRecommendation.recommendation_id, Action.id, Action.status, Action.embedded)
             .join(Action, Action.id == ActionRecommendation.action_id)
             .where(ActionRecommendation.recommendation_id.in_(rec_ids[at:at + _CHUNK])))
        for rec_id, action_id, status, embedded in session.execute(q):
            out.setdefault(rec_id, []).append((action_id, ActionStatus(status).value, bool(embedded)))
    return out


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def repeated_concerns(session: Session, theme_id: int, theme_name: str, *, threshold: float = THRESHOLD
                      ) -> RepeatedConcerns:
    total = int(session.scalar(select(func.count()).select_from(RecommendationTheme)
                               .where(RecommendationTheme.theme_id == theme_id)) or 0)
    rows = _findings(session, theme_id)
    out = RepeatedConcerns(findings=total, grouped=len(rows), threshold=threshold,
                           grouped_since=_as_date(rows[0].opened) if rows else None)
    if len(rows) < 2:
        return out
    grouping = group_texts([f"{r.title}. {r.text}" if r.title and r.title not in (r.text or "") else (r.text or "")
                            for r in rows], threshold=threshold)
    out.work = grouping.work
    repeated = []
    for g, positions in enumerate(grouping.groups):
        if len(positions) < 2:
            continue
        chosen = [rows[i] for i in positions]
        docs = {r.document_id for r in chosen}
        bodies = {(r.issuing_body or "").strip().lower() or SourceKind(r.kind).value for r in chosen}
        years = {d.year for d in (_as_date(r.opened) for r in chosen) if d is not None}
        if len(docs) >= 2 and (len(bodies) >= 2 or len(years) >= 2):
            repeated.append((g, chosen))
    acts = _actions(session, sorted(r.id for _g, chosen in repeated for r in chosen))
    out.groups = [_group(g, chosen, grouping.key_terms[g], acts, theme_name) for g, chosen in repeated]
    out.groups.sort(key=lambda c: (-len(c.kinds), -c.size, c.first or dt.date.min))
    return out


def _group(g: int, rows: list, key_terms: list[str], acts, theme_name: str) -> ConcernGroup:
    members = []
    for r in rows:
        mine = acts.get(r.id, [])
        members.append(Member(r.id, finding_label(r.doc_ref, r.reference, r.position), SourceKind(r.kind),
                              r.issuing_body or SourceKind(r.kind).label, _as_date(r.opened), RecStatus(r.status),
                              " ".join((r.text or r.title or "").split()),
                              len(mine), sum(1 for _a, s, _e in mine if s == ActionStatus.COMPLETE.value),
                              sum(1 for _a, _s, e in mine if e)))
    title = derived_title(rows[0].text or rows[0].title) or rows[0].title or members[0].label
    words = (f"Theme {theme_name}", f"Repeated concern: {title}")
    ids = tuple(sorted(m.id for m in members))
    open_ids = tuple(sorted(m.id for m in members if m.status.value in OPEN))
    action_ids = tuple(sorted({a for m in members for a, _s, _e in acts.get(m.id, [])}))
    delivered_ids = tuple(sorted({a for m in members for a, s, _e in acts.get(m.id, [])
                                  if s == ActionStatus.COMPLETE.value}))
    evidenced_ids = tuple(sorted(m.id for m in members if m.outcome_evidenced))
    dates = [m.opened for m in members if m.opened is not None]
    kinds = tuple(k for k in SourceKind if any(m.kind == k for m in members))

    def rec(key, label, chosen_ids, what):
        return Slice(f"group{g}:{key}", label, len(chosen_ids), Entity.RECOMMENDATION,
                     RegisterFilter(ids=chosen_ids, labels=(*words, what)))

    def act(key, label, chosen_ids, what):
        return Slice(f"group{g}:{key}", label, len(chosen_ids), Entity.ACTION,
                     RegisterFilter(ids=chosen_ids, labels=(*words, what)))
    return ConcernGroup(
        f"group{g}", title, tuple(key_terms), tuple(members[:MEMBERS_SHOWN]), len(members),
        len({r.document_id for r in rows}), kinds,
        len({(r.issuing_body or "").strip().lower() or SourceKind(r.kind).value for r in rows}),
        min(dates) if dates else None, max(dates) if dates else None,
        rec("findings", "findings", ids, "its findings"), rec("open", "open", open_ids, "open"),
        act("actions", "actions", action_ids, "actions"), act("delivered", "delivered", delivered_ids, "delivered"),
        rec("evidenced", "outcome evidenced", evidenced_ids, "outcome evidenced"))
