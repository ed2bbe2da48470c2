"""Which column holds what: the fields an import can fill, the names and synonyms spreadsheets use for them,
recognition by content when a name is unknown, and the fingerprint of a header row (for saved profiles)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from .. import value_parsing as vp


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    names: tuple[str, ...]


def _f(key: str, label: str, names: str) -> Field:
    return Field(key, label, tuple(n.strip() for n in names.split(";")))


# Order matters where names overlap: the first field claiming a header name wins.
FIELDS: tuple[Field, ...] = (
    _f("document_title", "Report / document title", "report; report title; report name; inspection; document; "
       "source document; source report; title of report; inspection report; report/inspection"),
    _f("document_reference", "Report reference", "pfd ref; pfd reference; report ref; report reference; report no; "
       "report number; document ref; document reference; case ref; inquest ref; iopc ref; coroner ref"),
    _f("source_kind", "Source kind", "source; source type; source kind; origin; report type; type of report"),
    _f("date_issued", "Date issued", "published; date published; publication date; date of report; report date; "
       "date issued; issued; issue date; date received; received; date; date of the report; report dated; "
       "date sent"),
    _f("response_due", "Response due", "response due; response due date; response deadline; reply due; "
       "response required by"),
    _f("response_sent_on", "Response sent", "response sent; response sent on; date response sent; "
       "response date; replied; reply sent"),
    _f("issuing_body", "Issuing body", "coroner area; coroner; issuing body; inspectorate; issued by; author body; "
       "coroner name; name of coroner"),
    _f("document_link", "Report link (URL)", "url; link; web link; weblink; hyperlink; report link; report url; "
       "pfd link; source link; document link; web address; link to report"),
    _f("sent_to", "Sent to (the report's addressees)", "sent to; receiver; recipient; addressee; addressed to; "
       "report sent to; sent to organisation; organisation sent to; who sent to"),
    _f("area", "Area, not a hub (the report's area)", "coroner's area; area of the coroner"),
    _f("circumstances", "Circumstances (kept in the report's notes)", "circumstances; circumstances of death; "
       "circumstances of the death; background"),
    _f("investigation", "Investigation (kept in the report's notes)", "investigation; investigation and inquest; "
       "inquest; inquest details; investigation details"),
    _f("subject", "Deceased / subject", "deceased; name of deceased; subject; person"),
    _f("finding_type", "Finding type", "type; finding type; category; finding; rec type; classification"),
    _f("action_reference", "Action reference", "action id; action ref; action no; action number; action reference"),
    _f("linked_reference", "Linked recommendation", "linked rec; linked recommendation; linked ref; related rec; "
       "rec ref; recommendation ref; recommendation reference; rec no; rec number"),
    _f("reference", "Reference", "ref; ref no; reference; no; number; id; rec id; recommendation no; "
       "recommendation number; finding ref; item; item no; #"),
    _f("action_title", "Action", "action; actions; action description; action required; action to be taken; "
       "what will be done; activity"),
    _f("text", "Recommendation text", "recommendation; text; matter of concern; matters of concern; "
       "recommendation text; finding text; description; concern; concerns; coroner concerns; coroner's concerns; "
       "matters of concern raised; detail; details; afi; area for improvement; "
       "recommendation / afi; recommendation/afi; wording; finding detail; learning"),
    _f("title", "Short title", "short title; summary; title; heading; subject line"),
    _f("owner", "Owner / lead", "lead; owner; lead officer; responsible officer; action owner; accountable lead; "
       "officer; lead person; responsible; owned by; lead owner; senior lead"),
    _f("hubs", "Hub(s)", "bcu; ocu; hub; hubs; bcu / ocu; bcu/ocu; ocu / bcu; command; business area; "
       "lead hub; area; unit; lead bcu; lead command; department; team; assigned to"),
    _f("target_date", "Target / due date", "target date; due; due date; deadline; completion date; target; "
       "date due; target completion; target completion date; revised target date; end date; due by"),
    _f("status", "Status", "status; progress; state; current status; overall status"),
    _f("rag", "RAG", "rag; rag status; rating; red/amber/green; r/a/g"),
    _f("percent_complete", "% complete", "% complete; percent complete; % done; progress %; completion %; "
       "percentage; % progress; percent"),
    _f("latest_update", "Latest update", "latest update; update; progress update; comments; commentary; "
       "latest position; update/comments; current position; latest progress; progress notes; update comments"),
    _f("board_decision_on", "Board decision date", "board decision date; board decision; decision date; "
       "date of board decision; board date; date closed by board; board closure date"),
    _f("board_minute_ref", "Board minute ref", "minute ref; minute reference; board minute; board minute ref; "
       "board minute reference; minute no; minute number"),
    _f("closed_on", "Closed on", "closed on; date closed; closure date; closed date"),
    _f("rationale", "Rationale", "rationale; response rationale; reason not accepted; reason for non acceptance; "
       "not accepted reason; non acceptance rationale"),
    _f("response_position", "Response (accepted / in part)", "response position; response; force response; "
       "accepted; accepted?; acceptance; accept/reject; accepted/rejected; response status"),
    _f("evidence", "Evidence", "evidence; evidence link; evidence location; evidence of completion"),
    _f("notes", "Notes", "notes; note; remarks; other notes; additional notes"),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
IGNORE = "ignore"


def _norm(name: str) -> str:
    """Lower case, snake_case and punctuation as spaces, runs of spaces collapsed (the profile fingerprint's form)."""
    return " ".join(re.sub(r"[^a-z0-9%#/]+", " ", name.lower().replace("_", " ")).split())


def _singular(word: str) -> str:
    if word.endswith(("sses", "uses")):              # statuses, progresses
        return word[:-2]
    if len(word) < 3 or not word.endswith("s") or word.endswith(("ss", "sis")) or word == "this":
        return word
    if word.endswith("us") and len(word) > 4:         # status, focus (but BCUs, OCUs are plurals)
        return word
    return word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word[:-1]


def canonical(name: str) -> str:
    """The form header names are compared in: `_norm`, " / " as "/", each word singular ("Matters of concern",
    "matter_of_concern" and "MATTERS OF CONCERN." are one name)."""
    key = re.sub(r"\s*/\s*", "/", _norm(name)).strip(" .")
    return " ".join("/".join(_singular(part) for part in w.split("/")) for w in key.split())


_EXACT: dict[str, str] = {}
for _field in FIELDS:
    for _name in _field.names:
        _EXACT.setdefault(canonical(_name), _field.key)
# New names too general to count when they are only a part of a longer header ("Start date" is not the report's
# date, "Evidence link" is evidence).
_WHOLE_ONLY = {canonical(n) for n in ("date", "link", "url", "inquest", "background", "receiver", "recipient",
                                       "response", "accepted")}
_SENTENCE = re.compile(r"[a-z]{4,}[.;:!?]\s+\S")
HEADER_CELL_MAX = 60


def header_like(cell) -> bool:
    """A cell that could be a column name: short text, not a sentence (prose in a data row never counts)."""
    if not isinstance(cell, str):
        return False
    s = cell.strip()
    if not s or len(s) > HEADER_CELL_MAX or len(s.split()) > 8:
        return False
    return not _SENTENCE.search(s)


def match_whole(name) -> str | None:
    """The field a header cell names as a whole (after `canonical`), or None."""
    if not header_like(name):
        return None
    key = canonical(name)
    return _EXACT.get(key) if key else None


def match_header(name) -> tuple[str | None, float]:
    """(field key, confidence) for one header cell: 1.0 for a known name, 0.7 for a known name inside it."""
    if not header_like(name):
        return None, 0.0
    key = canonical(name)
    if not key:
        return None, 0.0
    if key in _EXACT:
        return _EXACT[key], 1.0
    best = None
    for known, fkey in _EXACT.items():
        if len(known) >= 4 and known not in _WHOLE_ONLY and re.search(rf"(^|[\s/]){re.escape(known)}($|[\s/])", key):
            if best is None or len(known) > len(best[0]):
                best = (known, fkey)
    return (best[1], 0.7) if best else (None, 0.0)


def header_signature(headers: list) -> str:
    """A fingerprint of the header row: the normalised names in order (blanks at the end ignored)."""
    names = [_norm(h) if isinstance(h, str) else "" for h in headers]
    while names and not names[-1]:
        names.pop()
    return hashlib.sha256("\x1f".join(names).encode()).hexdigest()[:32]


@dataclass
class ColumnGuess:
    index: int
    header: str
    field: str | None
    confidence: float
    how: str  # "name", "content", "profile", "user", ""

    def as_dict(self) -> dict:
        return {"column": self.index + 1, "header": self.header, "field": self.field,
                "confidence": round(self.confidence, 2), "how": self.how}


@dataclass
class Mapping:
    columns: list[ColumnGuess] = field(default_factory=list)
    row_report_header: str | None = None   # a plain Ref taken as each row's own report's reference (settle)

    def fields(self) -> dict[str, int]:
        """Field key → column index (first column wins when two name the same field)."""
        out: dict[str, int] = {}
        for c in self.columns:
            if c.field and c.field != IGNORE and c.field not in out:
                out[c.field] = c.index
        return out

    def as_json(self) -> dict[str, str]:
        return {c.header: (c.field or IGNORE) for c in self.columns if c.header}

    @property
    def confidence(self) -> float:
        used = [c.confidence for c in self.columns if c.field and c.field != IGNORE]
        return min(used) if used else 0.0


def suggest(headers: list, samples: list[tuple], hubs: vp.HubMatcher | None) -> Mapping:
    """Names first, then content for the columns whose names say nothing known."""
    columns: list[ColumnGuess] = []
    taken: set[str] = set()
    for i, h in enumerate(headers):
        fkey, conf = match_header(h)
        if fkey in taken:
            fkey, conf = None, 0.0
        if fkey:
            taken.add(fkey)
        columns.append(ColumnGuess(i, vp.text(h), fkey, conf, "name" if fkey else ""))
    for col in columns:
        if col.field == "hubs" and canonical(col.header) == "area" and hubs is not None:
            values = [row[col.index] for row in samples if col.index < len(row) and vp.text(row[col.index])]
            if len(values) >= 3 and not any(hubs.find_all(v)[0] for v in values):
                # A coroner's "Area" (South London, Hampshire), not one of the force's hubs: kept, not warned about
                col.field, col.confidence, col.how = "area", 0.6, "content"
                taken.discard("hubs")
    for col in columns:
        if col.field is None:
            values = [row[col.index] for row in samples if col.index < len(row) and row[col.index] is not None]
            guess = _by_content(values, hubs, taken)
            if guess:
                col.field, col.confidence, col.how = guess, 0.5, "content"
                taken.add(guess)
    return Mapping(columns)


_REF_LIKE = re.compile(r"^[A-Za-z]{0,6}[ \-.]?\d{1,4}[a-z]?$")


def _by_content(values: list, hubs: vp.HubMatcher | None, taken: set[str]) -> str | None:
    if len(values) < 2:
        return None
    texts = [vp.text(v) for v in values]

    def share(test) -> float:
        ok = 0
        for v in values:
            try:
                ok += bool(test(v))
            except (vp.BadValue, ValueError, TypeError):
                pass
        return ok / len(values)

    candidates = []
    if share(lambda v: isinstance(v, (dt.date, dt.datetime)) or vp.parse_date(v)) >= 0.8:
        candidates.append("target_date")
    if hubs is not None and share(lambda v: hubs.find_all(v)[0] and not hubs.find_all(v)[1]) >= 0.8:
        candidates.append("hubs")
    if share(lambda v: (status := vp.rec_status(v)) is not None and status.value is not None) >= 0.8:
        candidates.append("status")
    if sum(len(t) for t in texts) / len(texts) > 60:
        candidates.append("text")
    if share(lambda v: isinstance(v, str) and _REF_LIKE.match(v.strip())) >= 0.8:
        candidates.append("reference")
    for c in candidates:
        if c not in taken:
            return c
    return None


def apply_overrides(mapping: Mapping, overrides: dict[str, str]) -> Mapping:
    """Set fields by header name ('Column=field'; field 'ignore' drops a column). Unknown names or fields raise."""
    from ol_desk.core.errors import ValidationError
    by_header = {_norm(c.header): c for c in mapping.columns if c.header}
    by_canonical = {canonical(c.header): c for c in reversed(mapping.columns) if c.header}
    for header, fkey in overrides.items():
        col = by_header.get(_norm(header)) or by_canonical.get(canonical(header))
        if col is None:
            known = ", ".join(f"'{c.header}'" for c in mapping.columns if c.header)
            raise ValidationError(f"There is no column '{header}' in the header row (columns: {known}).")
        fkey = fkey.strip().lower()
        if fkey not in FIELD_BY_KEY and fkey != IGNORE:
            raise ValidationError(f"'{fkey}' is not a field the importer fills; use one of: "
                                  + ", ".join(f.key for f in FIELDS) + ", or ignore.")
        for other in mapping.columns:
            if other is not col and other.field == fkey and fkey != IGNORE:
                other.field, other.confidence, other.how = None, 0.0, ""
        col.field, col.confidence, col.how = fkey, 1.0, "user"
    return mapping


_PER_REPORT = ("document_link", "sent_to", "circumstances", "investigation", "area")


def settle(mapping: Mapping, notes: list[str] | None = None) -> Mapping:
    """Names that mean one thing on one sheet and another elsewhere: 'Rec Ref' is the row's own reference unless
    the rows are actions; a plain 'Ref'/'id' on rows that each carry their own report's link, recipients or date
    and coroner (an export of reports, one a row) is the report's reference."""
    fields = mapping.fields()
    if "linked_reference" in fields and "action_title" not in fields and "reference" not in fields:
        for c in mapping.columns:
            if c.field == "linked_reference":
                c.field = "reference"
    fields = mapping.fields()
    names_report = {"document_title", "document_reference", "subject", "action_title"} & set(fields)
    per_report = any(k in fields for k in _PER_REPORT) or {"date_issued", "issuing_body"} <= set(fields)
    if "reference" in fields and not names_report and per_report:
        for c in mapping.columns:
            if c.field == "reference" and c.how != "user":
                c.field = "document_reference"
                mapping.row_report_header = c.header
                if notes is not None:
                    notes.append(f"Each row carries its own report's details, so '{c.header}' is taken as the "
                                 f"report's reference (--map \"{c.header}=reference\" to file every row under "
                                 f"one report instead).")
    return mapping
