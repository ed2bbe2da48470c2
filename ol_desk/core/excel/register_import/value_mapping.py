"""Value mapping: the words a register uses in its categorical columns (source, finding type, status, hubs) that
ol-desk does not know exactly, counted over the whole sheet, each with a suggested mapping; and the mappings a user
confirmed ("HMIC - AFI" → HMICFRS / area for improvement, "Being progressed" → in progress, "C. West" → Central
West, or a hub cell left blank), applied to every row.

Mappings are kept as plain text, field key → {the register's words → target}, so they travel in a saved profile:
  source_kind   "kind" or "kind/finding_type"       ("hmicfrs/area_for_improvement")
  finding_type  a finding type                      ("area_for_improvement")
  status        a status of the rows' kind          ("in_progress")
  response_position  accepted, accepted in part or pending (not accepted is a status, with its rationale)
  hubs          a hub's code, or "" to leave the hub blank
No database here: the hubs come in as a `HubMatcher`, the counts from the importer's one pass over the rows.
"""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from ol_desk.core.errors import ValidationError
from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus, ResponsePosition, SourceKind

from .. import value_parsing as vp

MAPPED_FIELDS = ("source_kind", "finding_type", "status", "response_position", "hubs")
LEAVE_BLANK = ""          # a hub target: no hub for these words (no warning)
CUTOFF = 0.6              # difflib's closeness for a suggestion


@dataclass(frozen=True)
class UnknownValue:
    """One distinct value of a categorical column the rows use, which ol-desk does not know exactly."""
    field: str
    value: str            # the register's words, as first seen
    count: int            # rows (or, for hubs, cells) using it
    suggestion: str | None   # a target in the module's form; None: nothing close (left at the neutral value)
    why: str              # "not known", "closest spelling", "guessed from its words", "mapped"
    shown: str = ""       # the suggestion in words ("HMICFRS inspection · Area for improvement")

    def as_dict(self) -> dict:
        return {"field": self.field, "value": self.value, "count": self.count, "suggestion": self.suggestion,
                "why": self.why, "suggestion_text": self.shown}


@dataclass
class ValueMaps:
    """The confirmed mappings, resolved to the model's values (for parsing rows)."""
    source: dict[str, tuple[SourceKind, FindingType | None]] = field(default_factory=dict)
    finding: dict[str, FindingType] = field(default_factory=dict)
    status: dict[str, RecStatus | ActionStatus] = field(default_factory=dict)
    response: dict[str, ResponsePosition] = field(default_factory=dict)
    hubs: dict[str, int | None] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.source or self.finding or self.status or self.response or self.hubs)


def key(value) -> str:
    return vp.word_key(vp.value_text(value))


# -- targets ------------------------------------------------------------------------------------------------------
def parse_target(fkey: str, target: str, actions: bool, hubs: vp.HubMatcher) -> str:
    """A target in a person's words ('HMICFRS / AFI', 'in progress', 'Central West', 'blank') → the stored form;
    a target that names nothing raises with what would do."""
    said = target.strip()
    try:
        if fkey == "source_kind":
            kind_words, _, finding_words = said.partition("/")
            kind = vp.source_kind(kind_words)
            if kind is None:
                raise vp.BadValue(f"'{said}' names no source kind")
            finding = vp.finding_type(finding_words) if finding_words.strip() else None
            return kind.value + (f"/{finding.value}" if finding else "")
        if fkey == "finding_type":
            found = vp.finding_type(said)
            if found is None:
                raise vp.BadValue(f"'{said}' names no finding type")
            return found.value
        if fkey == "status":
            return _status_target(said, actions).value
        if fkey == "response_position":
            return _response_target(said).value
        if fkey == "hubs":
            if vp.word_key(said) in ("", "blank", "none", "leave blank", "no hub"):
                return LEAVE_BLANK
            hid = hubs.find(said)
            if hid is None:
                raise vp.BadValue(f"'{said}' is not a hub ol-desk knows (a hub's code or name, or 'blank')")
            return hubs.codes[hid]
    except vp.BadValue as exc:
        raise ValidationError(f"--map for the {_LABELS[fkey]} column: {exc}.") from None
    raise ValidationError(f"values of the {fkey} column are not mapped; only source, finding type, status, response "
                          "and hub columns are.")


_LABELS = {"source_kind": "source", "finding_type": "finding type", "status": "status",
           "response_position": "response", "hubs": "hub"}


def _response_target(said: str) -> ResponsePosition:
    try:
        found = ResponsePosition(said.strip().lower().replace(" ", "_"))
    except ValueError:
        found = vp.response_words().get(vp.word_key(said))   # type: ignore[assignment]
    if found is None or found == ResponsePosition.NOT_ACCEPTED:
        raise vp.BadValue(f"'{said}' is not a response (accepted, accepted_in_part, pending; not accepted is "
                          f"recorded through the status)")
    return found


def _status_target(said: str, actions: bool):
    enum = ActionStatus if actions else RecStatus
    try:
        return enum(said.strip().lower().replace(" ", "_"))
    except ValueError:
        pass
    parsed = (vp.action_status if actions else vp.rec_status)(said)
    if parsed is None or parsed.value is None:
        raise vp.BadValue(f"'{said}' is not a status (" + ", ".join(s.value for s in enum) + ")")
    return parsed.value


def resolve(maps: dict[str, dict[str, str]], actions: bool, hubs: vp.HubMatcher) -> ValueMaps:
    """Stored mappings (field → {words → target}) → the model's values, keyed by `key(words)`. A saved target that
    no longer fits (a hub since removed, a recommendation status on a sheet of actions) is left out: its words are
    then unknown again, warned about and listed, never silently blanked."""
    out = ValueMaps()
    by_code = {code.lower(): hid for hid, code in hubs.codes.items()}
    for fkey, pairs in maps.items():
        for words, target in pairs.items():
            k = key(words)
            if not k:
                continue
            try:
                if fkey == "source_kind":
                    kind, _, finding = target.partition("/")
                    out.source[k] = (SourceKind(kind), FindingType(finding) if finding else None)
                elif fkey == "finding_type":
                    out.finding[k] = FindingType(target)
                elif fkey == "status":
                    out.status[k] = (ActionStatus if actions else RecStatus)(target)
                elif fkey == "response_position":
                    out.response[k] = ResponsePosition(target)
                elif fkey == "hubs" and target == LEAVE_BLANK:
                    out.hubs[k] = None
                elif fkey == "hubs" and (hid := by_code.get(target.lower())) is not None:
                    out.hubs[k] = hid
            except ValueError:
                continue
    return out


def describe(fkey: str, target: str | None, hubs: vp.HubMatcher, actions: bool = False) -> str:
    """A target in words, for a preview ('HMICFRS inspection · Area for improvement', 'leave blank')."""
    if target is None:
        return "leave as is (neutral value, warned about, words kept in the notes)"
    if fkey == "source_kind":
        kind, _, finding = target.partition("/")
        return SourceKind(kind).label + (f" · {FindingType(finding).label}" if finding else "")
    if fkey == "finding_type":
        return FindingType(target).label
    if fkey == "status":
        return (ActionStatus if actions else RecStatus)(target).label
    if fkey == "response_position":
        return ResponsePosition(target).label
    if target == LEAVE_BLANK:
        return "leave blank (no hub)"
    hid = next((h for h, c in hubs.codes.items() if c.lower() == target.lower()), None)
    return hubs.names.get(hid, target) if hid is not None else target


# -- counting and suggesting ------------------------------------------------------------------------------------
def unknown_values(counts: dict[str, Counter], actions: bool, hubs: vp.HubMatcher,
                   maps: ValueMaps | None = None) -> list[UnknownValue]:
    """From the distinct cells of each categorical column (raw cell → rows): those ol-desk does not know exactly,
    most used first, each with its suggested (or already mapped) target. Work per distinct value, not per row."""
    maps = maps or ValueMaps()
    out: list[UnknownValue] = []
    for fkey in MAPPED_FIELDS:
        cells = counts.get(fkey)
        if not cells:
            continue
        merged: dict[str, list] = {}    # key → [first words, count, suggestion, why]
        for raw, n in cells.items():
            for words, suggestion, why in _judge(fkey, raw, actions, hubs, maps):
                k = key(words)
                if k in merged:
                    merged[k][1] += n
                else:
                    merged[k] = [words, n, suggestion, why]
        out.extend(UnknownValue(fkey, w, n, s, why, describe(fkey, s, hubs, actions)) for w, n, s, why in
                   sorted(merged.values(), key=lambda m: (-m[1], m[0].lower())))
    return out


def _judge(fkey: str, raw, actions: bool, hubs: vp.HubMatcher, maps: ValueMaps):
    """(words, suggested target, why) for each part of one cell that ol-desk does not know exactly."""
    words = vp.value_text(raw)
    k = vp.word_key(words)
    if not k:
        return
    if fkey == "source_kind":
        if k in maps.source:
            kind, finding = maps.source[k]
            yield words, kind.value + (f"/{finding.value}" if finding else ""), "mapped"
            return
        found = vp.source_cell(words)
        if found.kind is not None and not found.guessed:
            return
        if found.kind is not None:
            yield words, found.kind.value + (f"/{found.finding.value}" if found.finding else ""), \
                "guessed from its words"
            return
        near = _closest(k, vp.kind_words())
        if near is None and found.finding is not None:   # "MOPAC scrutiny – AFI": the finding type at least
            near = SourceKind.OTHER
        also = f"/{found.finding.value}" if near is not None and found.finding is not None else ""
        yield words, *_suggested(near.value + also if near else None)
    elif fkey == "finding_type":
        if k in maps.finding:
            yield words, maps.finding[k].value, "mapped"
            return
        try:
            if vp.finding_type(words) is not None:
                return
        except vp.BadValue:
            pass
        near = _closest(k, vp.finding_words())
        if near is None:   # "Cause of concern (CoC)": finding words inside the cell
            near = vp.source_cell(f"x – {words}").finding
        yield words, *_suggested(near.value if near else None)
    elif fkey == "status":
        if k in maps.status:
            yield words, maps.status[k].value, "mapped"
            return
        table = vp.action_status_words() if actions else vp.rec_status_words()
        if k in table:
            return
        near = _closest(k, table)
        yield words, *_suggested(near.value if near else None)
    elif fkey == "response_position":
        if k in maps.response:
            yield words, maps.response[k].value, "mapped"
            return
        if k in vp.response_words(with_not_accepted=True):   # known ('Not accepted' is warned about per row)
            return
        near = _closest(k, vp.response_words())
        yield words, *_suggested(near.value if near else None)
    elif fkey == "hubs":
        _ids, unknown = hubs.find_all(words)
        for part in unknown:
            pk = vp.word_key(part)
            if pk in maps.hubs:
                hid = maps.hubs[pk]
                yield part, LEAVE_BLANK if hid is None else hubs.codes[hid], "mapped"
                continue
            near = _closest(vp.hub_key(part), {name: hid for name, hid in hubs.by_key.items() if len(name) > 2})
            yield part, *_suggested(hubs.codes[near] if near is not None else None)


def _suggested(target: str | None) -> tuple[str | None, str]:
    """(target, why) for a value ol-desk does not know: the closest spelling found, or nothing close."""
    return (target, "closest spelling") if target is not None else (None, "not known")


def _abbreviates(short: str, long: str) -> bool:
    """Each word of `short` is the start of, or an abbreviation within, the same word of `long`, and one at least
    is shorter ('C. West' for 'Central West', 'Sth East' for 'South East'; not the same words)."""
    a, b = short.split(), long.split()
    if len(a) != len(b) or a == b:
        return False
    return all(x[0] == y[0] and _subsequence(x, y) for x, y in zip(a, b, strict=True))


def _subsequence(x: str, y: str) -> bool:
    it = iter(y)
    return all(ch in it for ch in x)


def _closest(k: str, table: dict):
    """The value of the entry whose words are closest to `k` (difflib), or None when nothing is close."""
    words = [w for w in table if len(w) > 2]
    short = [w for w in words if _abbreviates(k, w)]   # "c west" → "central west", "sth east" → "south east"
    if short:
        return table[min(short, key=len)]
    near = difflib.get_close_matches(k, words, n=1, cutoff=CUTOFF)
    if near:
        return table[near[0]]
    for w in sorted(words, key=len, reverse=True):   # a known word inside longer words ("C. West BCU")
        if len(w) > 3 and f" {w} " in f" {k} ":
            return table[w]
    return None
