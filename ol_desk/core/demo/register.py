"""Builds the demo register, document by document, into bulk table sinks.

Documents are generated in date order, so ids grow with age and a superseded recommendation can point to a newer
one (a higher id). Every date is relative to the anchor day `on`: recent documents hold new and assigned items,
old ones mostly closed ones, and open items whose target has passed are overdue.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from ol_desk.core.dates import statutory_due
from ol_desk.core.model.enums import ActionStatus as A
from ol_desk.core.model.enums import EvidenceKind, FindingType, HubKind, ResponsePosition, Role, TriageOutcome
from ol_desk.core.model.enums import RecStatus as R
from ol_desk.core.model.enums import SourceKind as K
from ol_desk.core.progress import Progress
from ol_desk.core.services.driver_rows import TableSink

from . import phrases as ph
from .choosing import Mixer
from .people import DemoPerson
from .sources import PROFILES, THEME_HUBS, DocumentNamer, KindProfile, finding_reference, operation_names
from .wording import Wording

DAY = dt.timedelta(days=1)
HISTORY_DAYS = 6 * 365

# Status mix by the age of the source document (days since issue).
STATUS_BY_AGE: tuple[tuple[int, dict[R, float]], ...] = (
    (60, {R.NEW: 40, R.ASSIGNED: 35, R.IN_PROGRESS: 20, R.NOT_ACCEPTED: 5}),
    (365, {R.NEW: 3, R.ASSIGNED: 12, R.IN_PROGRESS: 47, R.DELIVERED: 10, R.EVIDENCE_ACCEPTED: 5, R.CLOSED: 9,
           R.NOT_ACCEPTED: 6, R.SUPERSEDED: 3, R.REOPENED: 5}),
    (1095, {R.ASSIGNED: 3, R.IN_PROGRESS: 30, R.DELIVERED: 9, R.EVIDENCE_ACCEPTED: 8, R.CLOSED: 36,
            R.NOT_ACCEPTED: 6, R.SUPERSEDED: 4, R.REOPENED: 4}),
    (10 ** 6, {R.IN_PROGRESS: 12, R.DELIVERED: 4, R.EVIDENCE_ACCEPTED: 4, R.CLOSED: 65, R.NOT_ACCEPTED: 7,
               R.SUPERSEDED: 5, R.REOPENED: 3}),
)
ACTION_MIX: dict[R, dict[A, float]] = {
    R.ASSIGNED: {A.OPEN: 1},
    R.IN_PROGRESS: {A.OPEN: 25, A.IN_PROGRESS: 35, A.COMPLETE: 35, A.CANCELLED: 5},
    R.REOPENED: {A.OPEN: 10, A.IN_PROGRESS: 15, A.COMPLETE: 70, A.CANCELLED: 5},
    R.DELIVERED: {A.COMPLETE: 92, A.CANCELLED: 8},
    R.EVIDENCE_ACCEPTED: {A.COMPLETE: 92, A.CANCELLED: 8},
    R.CLOSED: {A.COMPLETE: 92, A.CANCELLED: 8},
    R.SUPERSEDED: {A.COMPLETE: 40, A.CANCELLED: 60},
}
FINISHED_ACTION = (A.COMPLETE, A.CANCELLED)
WORK_DONE = (R.DELIVERED, R.EVIDENCE_ACCEPTED, R.CLOSED)
ACTIVE = (R.NEW, R.ASSIGNED, R.IN_PROGRESS, R.REOPENED)
ACTION_COUNTS = (2, 3, 4, 5, 6)
ACTION_COUNT_CUM = (1, 2, 4, 8, 13)
TARGET_DAYS = (90, 120, 180, 180, 270, 365, 365, 540, 730)


@dataclass
class Sinks:
    """One sink per table, parents before children."""

    documents: TableSink
    recommendations: TableSink
    recommendation_hubs: TableSink
    recommendation_themes: TableSink
    actions: TableSink
    action_recommendations: TableSink
    progress_updates: TableSink
    evidence: TableSink
    date_changes: TableSink
    learning_entries: TableSink
    flushed: Callable[[], None] | None = None  # told after each flush: the seed records the rows' audit events

    def all(self) -> list[TableSink]:
        return [sink for f in fields(self) if isinstance(sink := getattr(self, f.name), TableSink)]

    def flush(self) -> None:
        """Write every buffered row, parents first: no row ever points to one not yet written, so SQLite never
        holds an outstanding foreign-key violation (which would make it search child tables on every insert).
        A document's rows are always flushed together, so each group holds a row's links and date changes."""
        for sink in self.all():
            sink.flush()
        if self.flushed is not None:
            self.flushed()

    def flush_if_full(self) -> None:
        if any(sink.full for sink in self.all()):
            self.flush()


@dataclass
class Doc:
    id: int
    kind: K
    reference: str
    issued: dt.date
    theme: str
    profile: KindProfile
    actions: list[tuple[int, A]] = field(default_factory=list)


def stamp(day: dt.date, hour: int = 10) -> str:
    """A timestamp on `day` in SQLite's storage form (what sqlite_datetime gives), cheaply and deterministically."""
    return f"{day.isoformat()} {hour:02d}:{(day.toordinal() * 7) % 60:02d}:00.000000"


class RegisterBuilder:
    def __init__(self, rng: random.Random, on: dt.date, hubs: list[tuple[int, str, HubKind]],
                 themes: list[tuple[int, str, str]], people: list[DemoPerson], sinks: Sinks,
                 first_ids: dict[str, int]):
        self.rng, self.on, self.sinks = rng, on, sinks
        self.words = Wording(rng)
        self.namer = DocumentNamer(rng, self.words.s.fill)
        self.hub_code = {h[0]: h[1] for h in hubs}
        hub_by_code = {h[1]: h[0] for h in hubs}
        bcus = [h[0] for h in hubs if h[2] is HubKind.BCU] or [h[0] for h in hubs]
        self.bcu_mix = Mixer(rng, [(h, 1.0) for h in bcus])
        self.hub_mix = Mixer(rng, [(h[0], 1.0) for h in hubs])
        self.theme_id = {t[1]: t[0] for t in themes}
        self.theme_name = {t[1]: t[2] for t in themes}
        self.theme_mix = Mixer(rng, [(t[1], 1.0) for t in themes])
        self.extra_theme_mix = Mixer(rng, [(t[1], 1.0) for t in themes])
        self.theme_hubs = {code: [hub_by_code[c] for c in THEME_HUBS.get(code, ()) if c in hub_by_code]
                           for code in self.theme_id}
        self.staff: dict[int, list[DemoPerson]] = {}
        for p in people:
            if p.hub_id is not None:
                self.staff.setdefault(p.hub_id, []).append(p)
        self.cpic = [p.name for p in people if p.role is Role.CPIC] or ["CPIC"]
        self.gold = [p.name for p in people if p.role is Role.GOLD_LEAD] or ["Gold lead"]
        anyone = [p for p in people if p.role is Role.HUB_OFFICER]
        self.anyone = anyone or [DemoPerson(0, "Hub officer", Role.HUB_OFFICER, None, "")]
        self.status_mix = [(limit, Mixer(rng, list(mix.items()))) for limit, mix in STATUS_BY_AGE]
        self.action_mix = {s: Mixer(rng, list(mix.items())) for s, mix in ACTION_MIX.items()}
        self.extension = Mixer(rng, [(True, 0.12), (False, 0.88)])  # of a response deadline, on application
        # Gold Group learning that needed no action, or was merged into an existing recommendation.
        self.no_action = Mixer(rng, [(True, 0.3), (False, 0.7)])
        self.merged = Mixer(rng, [(True, 0.3), (False, 0.7)])
        self.next_doc = first_ids["documents"]
        self.first_rec = self.next_rec = first_ids["recommendations"]
        self.next_action = first_ids["actions"]
        self.hub_seq: dict[int, int] = {}
        self.supersessions: list[tuple[int, int]] = []  # (newer recommendation id, superseded id)
        self.last_rec_by_theme: dict[str, int] = {}
        self.last_rec_id = 0

    # -- small helpers ---------------------------------------------------------------------------------------
    def between(self, a: dt.date, b: dt.date) -> dt.date:
        if b <= a:
            return a
        return a + dt.timedelta(days=self.rng.randint(0, (b - a).days))

    def cap(self, day: dt.date) -> dt.date:
        return min(day, self.on)

    def person_in(self, hub_id: int | None) -> DemoPerson:
        staff = self.staff.get(hub_id) if hub_id is not None else None
        return self.rng.choice(staff or self.anyone)

    def lead_hub(self, theme: str) -> int:
        preferred = self.theme_hubs.get(theme)
        if preferred and self.rng.random() < 0.6:
            return self.rng.choice(preferred)
        return self.bcu_mix.pick()

    def move(self, column: str, parent_id: int, old: dt.date, new: dt.date, asked: dt.date, who: str) -> None:
        ids = {"recommendation_id": None, "action_id": None, column: parent_id}
        self.sinks.date_changes.add((None, ids["recommendation_id"], ids["action_id"], old.isoformat(),
                                     new.isoformat(), self.words.from_list(ph.EXTENSION_REASONS), who,
                                     stamp(asked, 11)))

    def slip(self, column: str, parent_id: int, original: dt.date, start: dt.date, end: dt.date,
             who: str, times: int) -> dt.date:
        """Move a date `times` times (each asked for shortly before it fell due); return where it ends."""
        current = original
        for _ in range(times):
            asked = current - dt.timedelta(days=self.rng.randint(0, 30))
            if asked > end:
                break
            new = current + dt.timedelta(days=self.rng.randint(45, 200))
            self.move(column, parent_id, current, new, max(asked, start), who)
            current = new
        return current

    def due_soon(self, column: str, parent_id: int, current: dt.date, start: dt.date, who: str) -> dt.date:
        """Bring an open item's date into the coming month (an extension if it had passed), so that the
        register always has items due soon, whatever day it is anchored on."""
        soon = self.on + dt.timedelta(days=self.rng.randint(0, 30))
        if current < self.on:
            self.move(column, parent_id, current, soon, self.between(max(start, current), self.on), who)
            return soon
        return current

    def updates(self, column: str, parent_id: int, theme: str, first: dt.date, last: dt.date, count: int,
                authors: list[str]) -> dt.date | None:
        """`count` dated progress updates between first and last; returns the latest date."""
        if count <= 0 or last < first:
            return None
        latest = self.between(max(first, last - 45 * DAY), last)
        days = sorted(self.between(first, latest) for _ in range(count - 1)) + [latest]
        for day in days:
            self.sinks.progress_updates.add(
                (parent_id if column == "recommendation_id" else None, parent_id if column == "action_id" else None,
                 day.isoformat(), self.rng.choice(authors), self.words.update(theme), stamp(day, 14)))
        return days[-1]

    # -- the plan --------------------------------------------------------------------------------------------
    def plan(self, n: int) -> list[tuple[dt.date, KindProfile, int]]:
        r = self.rng
        kinds = Mixer(r, [(p, p.share / ((p.size[0] + p.size[1]) / 2)) for p in PROFILES])
        plan, total = [], 0
        while total < n:
            profile = kinds.pick()
            size = min(r.randint(*profile.size), n - total)
            issued = self.on - dt.timedelta(days=int(HISTORY_DAYS * r.random() ** 1.6))
            plan.append((issued, profile, size))
            total += size
        plan.sort(key=lambda p: p[0])
        return plan

    def build(self, n: int, progress: Progress | None = None) -> None:
        plan = self.plan(n)
        self.last_rec_id = self.next_rec + n - 1
        done = 0
        for issued, profile, size in plan:
            self.document(issued, profile, size)
            self.sinks.flush_if_full()
            done += size
            if progress is not None and done < n:  # the caller reports the end, once the indexes are built
                progress(done, n, "recommendations")
        self.pending_learning(max(5, n // 1000))
        self.sinks.flush()

    # -- documents -------------------------------------------------------------------------------------------
    def document(self, issued: dt.date, profile: KindProfile, size: int) -> None:
        r, on = self.rng, self.on
        kind = profile.kind
        theme = r.choice(profile.themes) if profile.themes else self.theme_mix.pick()
        if theme not in self.theme_id:
            theme = self.theme_mix.pick()
        text = self.namer.name(kind, issued.year, theme, self.theme_name[theme])
        doc = Doc(self.next_doc, kind, text.reference, issued, theme, profile)
        self.next_doc += 1
        original = statutory_due(kind, issued)
        due, sent = original, None
        if original is not None:
            due = original  # a date here: the checker does not carry `original is not None` over to `due`
            if kind in (K.PFD, K.IOPC) and self.extension.pick():
                due = original + dt.timedelta(days=r.choice((14, 21, 28, 42)))
                self.sinks.date_changes.add(
                    (doc.id, None, None, original.isoformat(), due.isoformat(),
                     "Extension agreed by the " + ("coroner" if kind is K.PFD else "IOPC") + " on application.",
                     r.choice(self.cpic), stamp(self.between(issued, min(original, on)), 12)))
            if due < on:
                if r.random() < 0.93:
                    sent = self.between(issued + 20 * DAY, due + dt.timedelta(days=r.choice((0, 0, 0, 0, 10, 30))))
            elif r.random() < 0.25:
                sent = self.between(issued + 14 * DAY, on)
            if sent is not None and sent > on:
                sent = on
        self.sinks.documents.add((doc.id, kind.value, text.issuing_body, text.title, text.reference,
                                  issued.isoformat(), text.link, _iso(original), _iso(due), _iso(sent), "",
                                  stamp(issued, 9), stamp(sent or issued, 16)))
        counters: dict = {}
        findings = Mixer(r, list(profile.findings))
        force_recommendation = False
        for i in range(size):
            finding = FindingType.RECOMMENDATION if force_recommendation else findings.pick()
            if finding is FindingType.CAUSE_OF_CONCERN and i == size - 1:
                finding = FindingType.RECOMMENDATION  # a cause of concern always comes with a recommendation
            force_recommendation = finding is FindingType.CAUSE_OF_CONCERN
            reference, shared = finding_reference(kind, finding, counters, doc.reference)
            position = counters[finding] if shared else 1
            self.recommendation(doc, finding, reference, position)

    # -- recommendations -------------------------------------------------------------------------------------
    def pick_status(self, age: int, rec_id: int) -> R:
        mix = next(m for limit, m in self.status_mix if age < limit)
        status = mix.pick()
        if status is R.SUPERSEDED and rec_id >= self.last_rec_id:
            status = R.CLOSED  # nothing newer to point to
        return status

    def recommendation(self, doc: Doc, finding: FindingType, reference: str, position: int) -> None:
        r, on, w = self.rng, self.on, self.words
        rid = self.next_rec
        self.next_rec += 1
        status = self.pick_status((on - doc.issued).days, rid)
        theme = doc.theme if r.random() < 0.6 else self.theme_mix.pick()
        themes = {theme}
        if r.random() < 0.35:
            themes.add(self.extra_theme_mix.pick())
            if r.random() < 0.25:
                themes.add(self.extra_theme_mix.pick())
        created = min(on, doc.issued + dt.timedelta(days=r.randint(1, 21)))
        start = min(on, created + dt.timedelta(days=r.randint(7, 45)))

        hubs: list[tuple[int, int]] = []
        if status is not R.NEW or r.random() < 0.3:
            lead = self.lead_hub(theme)
            hubs.append((lead, 1))
            if r.random() < 0.3:
                second = self.hub_mix.pick()
                if second != lead:
                    hubs.append((second, 0))
        owner = self.person_in(hubs[0][0]) if hubs else None

        target = None
        if status is not R.NEW or r.random() < 0.5:
            target = doc.issued + dt.timedelta(days=r.choice(TARGET_DAYS))
        title, text = w.finding(doc.kind, finding, theme, target)

        position_value, rationale = ResponsePosition.ACCEPTED, ""
        if status is R.NEW or (status is R.ASSIGNED and r.random() < 0.4):
            position_value = ResponsePosition.PENDING
        elif status is R.NOT_ACCEPTED:
            position_value, rationale = ResponsePosition.NOT_ACCEPTED, w.from_list(ph.NOT_ACCEPTED_RATIONALES)
        elif r.random() < 0.15:
            position_value, rationale = ResponsePosition.ACCEPTED_IN_PART, w.from_list(ph.PARTIAL_RATIONALES)

        # When the work ended (delivered), and when the item left the active register (closed etc.).
        delivered = board = closed = reopened = None
        minute = ""
        end = on
        if status in WORK_DONE:
            latest = on - dt.timedelta(days={R.DELIVERED: 0, R.EVIDENCE_ACCEPTED: 10, R.CLOSED: 30}[status])
            earliest = max(start + 30 * DAY, on - dt.timedelta(days={R.DELIVERED: 120, R.EVIDENCE_ACCEPTED: 300,
                                                                      R.CLOSED: 10 ** 5}[status]))
            delivered = self.between(min(earliest, latest), latest)
            if status is R.CLOSED:
                board = self.cap(self.between(delivered + 14 * DAY, on))
                closed = end = board
                minute = f"OLB/{board.year}/{board.month:02d}/{r.randint(1, 40):02d}"
        elif status is R.REOPENED:
            delivered = self.cap(self.between(start + 30 * DAY, on - 60 * DAY))
            board = self.cap(self.between(delivered + 14 * DAY, on - 30 * DAY))
            minute = f"OLB/{board.year}/{board.month:02d}/{r.randint(1, 40):02d}"
            reopened = self.cap(self.between(board + 14 * DAY, on))
        elif status is R.NOT_ACCEPTED:
            end = self.cap(self.between(created + 14 * DAY, min(on, created + 90 * DAY)))
        elif status is R.SUPERSEDED:
            end = delivered = self.between(start, on)
            # The newer item is written later: its link is set once everything is in (see supersessions).
            self.supersessions.append((r.randint(rid + 1, self.last_rec_id), rid))

        current_target = target
        if target is not None and status not in (R.NEW, R.NOT_ACCEPTED) and r.random() < 0.35:
            who = owner.name if owner else r.choice(self.cpic)
            current_target = self.slip("recommendation_id", rid, target, start, end, who, r.choice((1, 1, 2, 3)))
        if current_target is not None and status in ACTIVE and r.random() < 0.1:
            who = owner.name if owner else r.choice(self.cpic)
            current_target = self.due_soon("recommendation_id", rid, current_target, start, who)

        authors = [owner.name if owner else r.choice(self.cpic), r.choice(self.cpic)]
        action_end = delivered or on
        acts = self.actions_for(doc, rid, status, theme, hubs, start, action_end, current_target)

        count = 0 if status is R.NEW else (r.choice((0, 1)) if status in (R.ASSIGNED, R.NOT_ACCEPTED)
                                           else r.choice((0, 1, 1, 2, 3, 4)))
        last_day = reopened or end
        if status in ACTIVE and r.random() < 0.2:
            last_day = on - dt.timedelta(days=r.randint(61, 400))  # gone stale
        last_update = self.updates("recommendation_id", rid, theme, start, min(last_day, on), count, authors)
        if reopened is not None:
            self.sinks.progress_updates.add((rid, None, reopened.isoformat(), r.choice(self.cpic),
                                             w.from_list(ph.REOPEN_REASONS), stamp(reopened, 15)))
            last_update = max(last_update or reopened, reopened)

        if status in (R.EVIDENCE_ACCEPTED, R.CLOSED) and r.random() < 0.2:
            self.sinks.evidence.add((rid, None, EvidenceKind.LINK.value, "Evidence pack accepted by CPIC",
                                     f"https://sharepoint.example.police.uk/learning/evidence/REC-{rid}",
                                     r.choice(self.cpic), stamp(delivered or on, 12)))

        self.sinks.recommendations.add((
            rid, doc.id, reference, position, finding.value, title, text, owner.id if owner else None,
            position_value.value, rationale, status.value, _iso(target), _iso(current_target), None,
            _iso(board), minute, _iso(closed), _iso(last_update), "", stamp(created, 9),
            stamp(max(d for d in (created, last_update, closed, delivered, reopened) if d is not None), 17)))
        for hub_id, is_lead in hubs:
            self.sinks.recommendation_hubs.add((rid, hub_id, is_lead))
        for code in themes:
            self.sinks.recommendation_themes.add((rid, self.theme_id[code]))
        for action_id in acts:
            self.sinks.action_recommendations.add((action_id, rid))
        if doc.kind is K.GOLD_GROUP:
            self.learning_for(doc, rid, status, text, hubs, owner, created)
        self.last_rec_by_theme[theme] = rid

    # -- actions ---------------------------------------------------------------------------------------------
    def actions_for(self, doc: Doc, rid: int, status: R, theme: str, hubs: list[tuple[int, int]],
                    start: dt.date, work_end: dt.date, target: dt.date | None) -> list[int]:
        r = self.rng
        if status in (R.NEW, R.NOT_ACCEPTED) or not hubs:
            return []
        count = r.choices(ACTION_COUNTS, cum_weights=ACTION_COUNT_CUM)[0]
        linked: list[int] = []
        if doc.actions and r.random() < 0.12:
            fits = [a for a in doc.actions if _fits(status, a[1])]
            if fits:
                linked.append(r.choice(fits)[0])
                count -= 1
        statuses = [self.action_mix[status].pick() for _ in range(count)]
        if status in (R.IN_PROGRESS, R.REOPENED) and all(s in FINISHED_ACTION for s in statuses):
            statuses[-1] = A.OPEN if status is R.REOPENED else A.IN_PROGRESS
        own = [self.action(rid, s, theme, hubs, start, work_end, target, status) for s in statuses]
        doc.actions = list(zip(own, statuses, strict=False))
        return linked + own

    def action(self, rid: int, status: A, theme: str, hubs: list[tuple[int, int]], start: dt.date,
               work_end: dt.date, target: dt.date | None, rec_status: R) -> int:
        r, on, w = self.rng, self.on, self.words
        aid = self.next_action
        self.next_action += 1
        hub_id = hubs[1][0] if len(hubs) > 1 and r.random() < 0.3 else hubs[0][0]
        owner = self.person_in(hub_id)
        seq = self.hub_seq[hub_id] = self.hub_seq.get(hub_id, 0) + 1
        reference = f"{self.hub_code[hub_id]}-{seq:05d}"
        created = min(on, work_end, start + dt.timedelta(days=r.randint(0, 14)))
        due_latest = max(created + 30 * DAY, target or created + 180 * DAY)
        original_due = self.between(created + 30 * DAY, due_latest)
        completed = embedded_on = None
        note = cancel = embedded_note = ""
        embedded = 0
        percent: int | None = None
        if status is A.OPEN:
            percent = r.choice((0, 0, 10, 20))
        elif status is A.IN_PROGRESS:
            percent = r.randint(2, 9) * 10
        elif status is A.COMPLETE:
            completed = self.between(min(created + 14 * DAY, work_end), work_end)
            note = w.note(theme)
            percent = 100
            if r.random() < (0.5 if rec_status in (R.CLOSED, R.EVIDENCE_ACCEPTED) else 0.15):
                embedded = 1
                embedded_on = self.between(completed, on)
                embedded_note = w.note(theme)
        else:
            cancel = w.from_list(ph.CANCEL_REASONS)
        end = completed or (work_end if status is A.CANCELLED else on)
        current_due = original_due
        if r.random() < (0.15 if status in (A.OPEN, A.IN_PROGRESS) else 0.08):
            current_due = self.slip("action_id", aid, original_due, created, end, owner.name, r.choice((1, 1, 2)))
        if status in (A.OPEN, A.IN_PROGRESS) and r.random() < 0.1:
            current_due = self.due_soon("action_id", aid, current_due, created, owner.name)
        last_update = None
        if status is not A.OPEN or r.random() < 0.2:
            last_update = self.updates("action_id", aid, theme, created, end, r.choice((0, 0, 0, 1, 1, 2)),
                                       [owner.name])
        if completed is not None and r.random() < 0.3:
            self.sinks.evidence.add((None, aid, EvidenceKind.LINK.value, f"Evidence for {reference}: {note[:80]}",
                                     f"https://sharepoint.example.police.uk/learning/evidence/{reference}",
                                     owner.name, stamp(completed, 13)))
        touched = max(d for d in (created, last_update, completed, embedded_on) if d is not None)
        self.sinks.actions.add((
            aid, reference, w.action_title(theme), owner.id, hub_id, status.value, original_due.isoformat(),
            current_due.isoformat(), _iso(completed), note, cancel, embedded, _iso(embedded_on), embedded_note,
            percent, _iso(last_update), stamp(created, 10), stamp(touched, 16)))
        return aid

    # -- Gold Group learning ---------------------------------------------------------------------------------
    def learning_for(self, doc: Doc, rid: int, status: R, text: str, hubs, owner, created: dt.date) -> None:
        r = self.rng
        gold = r.choice(self.gold)
        incident = doc.issued - dt.timedelta(days=r.randint(1, 14))
        hub_id = hubs[0][0] if hubs else None
        outcome_hub = self.hub_code.get(hub_id, "CPIC") if hub_id is not None else "CPIC"
        self.sinks.learning_entries.add((
            doc.reference, incident.isoformat(), gold, text, owner.name if owner else "", hub_id,
            TriageOutcome.CONVERTED.value, f"Became a recommendation for {outcome_hub}.", r.choice(self.cpic),
            created.isoformat(), rid, gold, stamp(incident + DAY, 18), stamp(created, 11)))
        if self.no_action.pick():
            self.sinks.learning_entries.add((
                doc.reference, incident.isoformat(), gold, self.words.problem(doc.theme), "", hub_id,
                TriageOutcome.NO_ACTION.value, "Already covered by current policy and training; no action.",
                r.choice(self.cpic), created.isoformat(), None, gold, stamp(incident + DAY, 19), stamp(created, 12)))
        earlier = self.last_rec_by_theme.get(doc.theme) or (rid - 1 if rid > self.first_rec else None)
        if self.merged.pick() and earlier is not None:
            self.sinks.learning_entries.add((
                doc.reference, incident.isoformat(), gold, self.words.problem(doc.theme), "", hub_id,
                TriageOutcome.MERGED.value, "Merged into an existing recommendation on the same issue.",
                r.choice(self.cpic), created.isoformat(), earlier, gold, stamp(incident + DAY, 20),
                stamp(created, 13)))

    def pending_learning(self, count: int) -> None:
        """Fresh Gold Group learning, captured in the last weeks and waiting for CPIC triage."""
        r, on = self.rng, self.on
        names = operation_names(r)
        for i in range(count):
            incident = on - dt.timedelta(days=r.randint(1, 60))
            theme = self.theme_mix.pick()
            hub = self.lead_hub(theme)
            suggested = self.person_in(hub)
            gold = r.choice(self.gold)
            self.sinks.learning_entries.add((
                f"Op {names[i % len(names)]}", incident.isoformat(), gold, self.words.problem(theme),
                suggested.name, hub, TriageOutcome.PENDING.value, "", "", None, None, gold,
                stamp(incident + DAY, 18), stamp(incident + DAY, 18)))


def _fits(rec_status: R, action_status: A) -> bool:
    """May an action in this status be linked to a recommendation in that status?"""
    if rec_status is R.ASSIGNED:
        return action_status is A.OPEN
    if rec_status in (R.IN_PROGRESS, R.REOPENED):
        return True
    return action_status in FINISHED_ACTION


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
