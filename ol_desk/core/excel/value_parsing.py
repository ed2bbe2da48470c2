"""Turning spreadsheet cell values into the model's values: dates, percentages, lists, status words, finding types,
source kinds and hub names. Each parser returns a `Parsed` value, a warning for what it could place only roughly,
or raises `BadValue` with words a person understands."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus, ResponsePosition, SourceKind


class BadValue(ValueError):
    """A cell that cannot be used; the message names what was wrong with it."""


@dataclass(frozen=True)
class Parsed:
    value: object
    warning: str = ""   # set when the value was placed roughly (a month only), or kept as text
    keep_text: str = ""  # the spreadsheet's own words, kept in notes when they could not be placed exactly


_ODD_SPACE = ("  ", "\t", "\r", "\xa0")


def text(value) -> str:
    """A cell as text: trimmed; runs of spaces collapsed unless the text has line breaks (kept as written)."""
    if value is None:
        return ""
    if type(value) is str:  # the common case, without splitting and joining every cell
        if "\n" in value:
            return value.strip()
        return " ".join(value.split()) if any(odd in value for odd in _ODD_SPACE) else value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat(sep=" ")
    return " ".join(str(value).split()) if not isinstance(value, str) or "\n" not in value else value.strip()


# -- placeholders ------------------------------------------------------------------------------------------------
PLACEHOLDERS = frozenset({"n/a", "na", "n.a", "n a", "n/k", "nk", "not found", "not known", "not applicable",
                          "not available", "not given", "not stated", "tbc", "tba", "tbd", "none", "nil", "unknown",
                          "-", "--", "—", "–", "?"})
_PLACEHOLDER_JOIN = re.compile(r"\s*[:;()\[\]\-–—]+\s*")


def is_placeholder(value) -> bool:
    """Text that stands for "no value": 'N/A', 'N/A: Not found', 'Not found', '-', 'TBC', 'none' (any case).
    Such a cell reads as empty everywhere (two rows whose reference is 'N/A' are not one report)."""
    if not isinstance(value, str) or len(value) > 40:
        return False
    return _short_placeholder(value)


@functools.lru_cache(maxsize=8192)
def _short_placeholder(value: str) -> bool:
    # Short cells repeat down a register (statuses, hubs, owners, 'N/A'): each distinct one is worked out once.
    s = " ".join(value.lower().split()).rstrip(".")
    if s in PLACEHOLDERS or not s:
        return True
    parts = [p for p in _PLACEHOLDER_JOIN.split(s) if p]
    return all(p.rstrip(".") in PLACEHOLDERS for p in parts)


def value_text(value) -> str:
    """`text`, with a placeholder as empty: what the parsers below read."""
    return "" if is_placeholder(value) else text(value)


# -- dates ------------------------------------------------------------------------------------------------------
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_name) if m})
_MONTHS["sept"] = 9
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_D_MON_Y = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[ \-]([A-Za-z]{3,9})\.?,?[ \-](\d{4})$")
_MON_Y = re.compile(r"^([A-Za-z]{3,9})\.?[ \-'](\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^Q([1-4])[ \-/]*(\d{4})$", re.IGNORECASE)
_BLANK_WORDS = {"", "n/a", "na", "-", "--", "tbc", "tba", "none", "nil", "unknown", "?"}
_EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"}


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) == 2 else n


def _date(y: int, m: int, d: int, raw: str, what: str) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise BadValue(f"{what} '{raw}' is not a date") from None


def parse_date(value, what: str = "date") -> Parsed | None:
    """A date cell, or text as dd/mm/yyyy, yyyy-mm-dd, '3 March 2024', 'Feb 2022', 'Q1 2025' or '2021'.
    A month, quarter or year alone is placed on its last day, with a warning; None for blank words."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return Parsed(value.date())
    if isinstance(value, dt.date):
        return Parsed(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1900 <= value <= 2200 and float(value).is_integer():
            return _partial(dt.date(int(value), 12, 31), str(int(value)), what)
        if 20000 < value < 80000:  # an Excel serial date stored as a plain number
            return Parsed(_EXCEL_EPOCH + dt.timedelta(days=int(value)))
        raise BadValue(f"{what} '{text(value)}' is not a date")
    raw = text(value)
    s = raw.strip().rstrip(".")
    if s.lower() in _BLANK_WORDS or is_placeholder(s):
        return None
    if s.upper() in EXCEL_ERRORS:
        return Parsed(None, f"{what} is the Excel error {s}; left empty", f"{what.capitalize()} in spreadsheet: {s}")
    if m := _DMY.match(s):
        return Parsed(_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)), raw, what))
    if m := _ISO.match(s):
        return Parsed(_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw, what))
    if m := _D_MON_Y.match(s):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            return Parsed(_date(int(m.group(3)), month, int(m.group(1)), raw, what))
    if m := _MON_Y.match(s):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            y = _year(m.group(2))
            return _partial(dt.date(y, month, calendar.monthrange(y, month)[1]), raw, what)
    if m := _QUARTER.match(s):
        y, q = int(m.group(2)), int(m.group(1))
        month = q * 3
        return _partial(dt.date(y, month, calendar.monthrange(y, month)[1]), raw, what)
    if m := _YEAR.match(s):
        return _partial(dt.date(int(m.group(1)), 12, 31), raw, what)
    raise BadValue(f"{what} '{raw}' is not a date")


def _partial(day: dt.date, raw: str, what: str) -> Parsed:
    return Parsed(day, f"{what} '{raw}' is not a full date; used {day:%d/%m/%Y} and kept the original words",
                  f"{what.capitalize()} in spreadsheet: {raw}")


# -- percentages ---------------------------------------------------------------------------------------------------
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%?$")


def parse_percent(value, what: str = "percent complete") -> Parsed | None:
    """50%, '50', 0.5 (a fraction, as Excel stores a % cell) or 50 → 50. 'n/a' and blanks → None."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = value * 100 if 0 <= value <= 1 else value
    else:
        raw = text(value)
        if raw.lower() in _BLANK_WORDS or is_placeholder(raw):
            return None
        m = _PERCENT.match(raw)
        if not m:
            raise BadValue(f"{what} '{raw}' is not a percentage")
        number = float(m.group(1))
        if "%" not in raw and number <= 1 and "." in raw:
            number *= 100
    number = round(number)
    if not 0 <= number <= 100:
        raise BadValue(f"{what} '{text(value)}' is not between 0% and 100%")
    return Parsed(int(number))


# -- several values in one cell --------------------------------------------------------------------------------
_SPLIT = re.compile(r"\s*(?:;|\n|\||,)\s*")
_WEAK_SPLIT = re.compile(r"\s*(?:\s/\s|/|\s&\s|\band\b|\s\+\s)\s*", re.IGNORECASE)


def split_values(value, weak: bool = False) -> list[str]:
    """'North West; Met Detention' → ['North West', 'Met Detention'] (';', ',', '|', new lines; with `weak`
    also '/', '&', '+' and 'and', which can be part of one name such as 'Roads and Transport')."""
    parts = [p.strip(" .") for p in (_WEAK_SPLIT if weak else _SPLIT).split(value_text(value))]
    return [p for p in parts if p and not is_placeholder(p)]


# -- words -------------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _key(word: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", word.lower()).split())


def _word_table(words: dict) -> dict:
    """{value: "word; word; …"} → {each word's key: value}."""
    return {_key(w): value for value, said in words.items() for w in said.split(";")}


_REC_STATUS_WORDS: dict[str, RecStatus] = _word_table({
    RecStatus.NEW: "new; not started; not yet started; open; outstanding; to do; todo; pending; awaiting start; "
                   "not due; yet to start",
    RecStatus.ASSIGNED: "assigned; allocated",
    RecStatus.IN_PROGRESS: "in progress; wip; work in progress; ongoing; on going; started; underway; under way; "
                           "in hand; progressing; on track; overdue; behind; delayed; off track; at risk",
    RecStatus.DELIVERED: "delivered; complete; completed; done; implemented; finished; awaiting review; "
                         "awaiting sign off; awaiting closure; for closure; ready for closure; proposed for closure; "
                         "submitted for closure; actioned",
    RecStatus.EVIDENCE_ACCEPTED: "evidence accepted; evidenced; verified; assured",
    RecStatus.CLOSED: "closed; discharged; signed off; closed complete; closed completed; closed implemented; "
                      "complete closed; archived",
    RecStatus.NOT_ACCEPTED: "not accepted; rejected; declined; not agreed",
    RecStatus.SUPERSEDED: "superseded; replaced; merged",
    RecStatus.REOPENED: "reopened; re opened",
})

_ACTION_STATUS_WORDS: dict[str, ActionStatus] = _word_table({
    ActionStatus.OPEN: "open; new; not started; not yet started; outstanding; to do; todo; pending; overdue; "
                       "reopened; re opened; yet to start",
    ActionStatus.IN_PROGRESS: "in progress; wip; work in progress; ongoing; on going; started; underway; under way; "
                              "in hand; progressing; on track; behind; delayed; at risk",
    ActionStatus.COMPLETE: "complete; completed; done; closed; implemented; finished; delivered; actioned; "
                           "closed complete; closed completed; signed off",
    ActionStatus.CANCELLED: "cancelled; canceled; withdrawn; not required; no longer required; nfa; "
                            "no further action; closed no further action; closed nfa; closed not required",
})


def _status_word(value, words: dict) -> Parsed | None:
    raw = value_text(value)
    if not raw:
        return None
    found = words.get(_key(raw))
    if found is None:
        return Parsed(None, f"status '{raw}' is not a status ol-desk knows; kept as text in the notes",
                      f"Status in spreadsheet: {raw}")
    return Parsed(found)


def rec_status(value) -> Parsed | None:
    """A status word as a recommendation status; an unknown word is kept as text with a warning (value None)."""
    return _status_word(value, _REC_STATUS_WORDS)


def action_status(value) -> Parsed | None:
    return _status_word(value, _ACTION_STATUS_WORDS)


_RESPONSE_WORDS: dict[str, ResponsePosition] = _word_table({
    ResponsePosition.PENDING: "pending; not yet decided; under consideration; awaiting decision; awaiting response; "
                              "to be decided; being considered",
    ResponsePosition.ACCEPTED: "accepted; accept; fully accepted; accepted in full; agreed; fully agreed; yes",
    ResponsePosition.ACCEPTED_IN_PART: "accepted in part; partially accepted; partly accepted; part accepted; "
                                       "in part; accepted in principle; partially",
    ResponsePosition.NOT_ACCEPTED: "not accepted; rejected; declined; not agreed; no",
})


def response_position(value) -> Parsed | None:
    """The force's response to a recommendation (accepted, accepted in part, not yet decided). 'Not accepted' is a
    lifecycle step with a rationale, taken from the status column, so here it is only kept in the notes."""
    raw = value_text(value)
    if not raw:
        return None
    found = _RESPONSE_WORDS.get(_key(raw))
    if found is None:
        return Parsed(None, f"response '{raw}' is not a response ol-desk knows (accepted, accepted in part, not yet "
                            f"decided); kept as text in the notes", f"Response in spreadsheet: {raw}")
    if found == ResponsePosition.NOT_ACCEPTED:
        return Parsed(None, f"response '{raw}': a recommendation is recorded as not accepted through its status "
                            f"('Not accepted' with a Rationale column); kept as text in the notes",
                      f"Response in spreadsheet: {raw}")
    return Parsed(found)


def response_words(with_not_accepted: bool = False) -> dict[str, ResponsePosition]:
    return {w: p for w, p in _RESPONSE_WORDS.items() if with_not_accepted or p != ResponsePosition.NOT_ACCEPTED}


_FINDING_WORDS = {
    FindingType.CAUSE_OF_CONCERN: ("cause of concern", "causes of concern", "coc", "cause"),
    FindingType.RECOMMENDATION: ("recommendation", "recommendations", "rec", "recs", "r"),
    FindingType.AREA_FOR_IMPROVEMENT: ("area for improvement", "areas for improvement", "afi", "afis"),
    FindingType.MATTER_OF_CONCERN: ("matter of concern", "matters of concern", "moc", "concern", "pfd concern"),
    FindingType.LEARNING_POINT: ("learning point", "learning", "lesson", "lesson learned", "learning points"),
}
_FINDING_LOOKUP = {w: ft for ft, words in _FINDING_WORDS.items() for w in words}
_REF_PREFIX = re.compile(r"^(coc|afi|moc|rec|r)\s*[-.]?\s*\d", re.IGNORECASE)
_PREFIX_TYPES = {"coc": FindingType.CAUSE_OF_CONCERN, "afi": FindingType.AREA_FOR_IMPROVEMENT,
                 "moc": FindingType.MATTER_OF_CONCERN, "rec": FindingType.RECOMMENDATION,
                 "r": FindingType.RECOMMENDATION}


def finding_type(value) -> FindingType | None:
    raw = _key(value_text(value))
    if not raw:
        return None
    if raw in _FINDING_LOOKUP:
        return _FINDING_LOOKUP[raw]
    try:
        return FindingType(raw.replace(" ", "_"))
    except ValueError:
        raise BadValue(f"type '{text(value)}' is not a kind of finding (cause of concern, recommendation, "
                       f"area for improvement, matter of concern, learning point)") from None


def finding_type_from_reference(reference: str) -> FindingType | None:
    m = _REF_PREFIX.match(reference or "")
    return _PREFIX_TYPES[m.group(1).lower()] if m else None


_KIND_WORDS = {
    SourceKind.HMICFRS: ("hmicfrs", "hmic", "hmicfrs inspection", "peel", "inspection"),
    SourceKind.PFD: ("pfd", "prevention of future deaths", "coroner", "reg 28", "regulation 28", "coroner pfd"),
    SourceKind.IOPC: ("iopc", "ipcc", "independent office for police conduct"),
    SourceKind.PUBLIC_INQUIRY: ("public inquiry", "inquiry"),
    SourceKind.INDEPENDENT_REVIEW: ("independent review", "review"),
    SourceKind.PROFESSIONAL_STANDARDS: ("professional standards", "dps", "misconduct"),
    SourceKind.GOLD_GROUP: ("gold group", "gold", "critical incident"),
    SourceKind.INTERNAL_REVIEW: ("internal review", "internal", "audit"),
    SourceKind.OTHER: ("other",),
}
_KIND_LOOKUP = {w: k for k, words in _KIND_WORDS.items() for w in words}


def source_kind(value) -> SourceKind | None:
    raw = _key(value_text(value))
    if not raw:
        return None
    if raw in _KIND_LOOKUP:
        return _KIND_LOOKUP[raw]
    try:
        return SourceKind(raw.replace(" ", "_"))
    except ValueError:
        raise BadValue(f"source '{text(value)}' is not a source kind ("
                       + ", ".join(k.value for k in SourceKind) + ")") from None


# Body words inside a source cell in a force's own words ("Independent Review Panel", "HMICFRS PEEL 2023"),
# most telling first: the kind of body that issued the finding.
_BODY_WORDS = (("prevention of future deaths", SourceKind.PFD), ("regulation 28", SourceKind.PFD),
               ("coroner", SourceKind.PFD), ("pfd", SourceKind.PFD), ("hmicfrs", SourceKind.HMICFRS),
               ("hmic", SourceKind.HMICFRS), ("inspectorate", SourceKind.HMICFRS), ("peel", SourceKind.HMICFRS),
               ("inspection", SourceKind.HMICFRS), ("iopc", SourceKind.IOPC), ("ipcc", SourceKind.IOPC),
               ("public inquiry", SourceKind.PUBLIC_INQUIRY), ("inquiry", SourceKind.PUBLIC_INQUIRY),
               ("professional standards", SourceKind.PROFESSIONAL_STANDARDS),
               ("dps", SourceKind.PROFESSIONAL_STANDARDS), ("misconduct", SourceKind.PROFESSIONAL_STANDARDS),
               ("gold group", SourceKind.GOLD_GROUP), ("critical incident", SourceKind.GOLD_GROUP),
               ("internal", SourceKind.INTERNAL_REVIEW), ("audit", SourceKind.INTERNAL_REVIEW),
               ("review", SourceKind.INDEPENDENT_REVIEW), ("panel", SourceKind.INDEPENDENT_REVIEW),
               ("commission", SourceKind.INDEPENDENT_REVIEW))
_BODY_AND_FINDING = re.compile(r"\s+[-–—:]\s+|\s*[–—]\s*")


@dataclass(frozen=True)
class SourceCell:
    kind: SourceKind | None         # None: no kind ol-desk knows is named
    finding: FindingType | None     # a finding type named in the same cell ("… – cause of concern")
    guessed: bool = False           # placed from words inside the cell, not from words ol-desk knows exactly


def source_cell(value) -> SourceCell:
    """A source cell in a force's own words: a kind ("HMICFRS"), a body ("Independent Review Panel"), or a body
    and a finding type in one ("HMICFRS – Cause of concern", "Bloggs Review - Area for improvement")."""
    raw = value_text(value)
    key = _key(raw)
    if not key:
        return SourceCell(None, None)
    parts = _BODY_AND_FINDING.split(raw, maxsplit=1)
    body, rest = _key(parts[0]), _key(parts[1]) if len(parts) > 1 else ""
    finding = _FINDING_LOOKUP.get(rest) if rest else None
    guessed = False
    if finding is None:   # "HMICFRS cause of concern", no dash
        finding = next((ft for w, ft in sorted(_FINDING_LOOKUP.items(), key=lambda kv: -len(kv[0]))
                        if len(w) > 3 and f" {w} " in f" {key} "), None)
        if finding is not None and rest and rest in _KIND_LOOKUP:
            body = rest
        guessed = finding is not None or bool(rest)
    kind = _KIND_LOOKUP.get(body) or _KIND_LOOKUP.get(key)
    if kind is None:
        try:
            kind = SourceKind(body.replace(" ", "_"))
        except ValueError:
            kind = next((k for needle, k in _BODY_WORDS if f" {needle} " in f" {body} "), None)
            guessed = True
    return SourceCell(kind, finding, guessed)


def word_key(word: str) -> str:
    """The form category words are compared in: lower case, punctuation as spaces ('HMIC - AFI' → 'hmic afi')."""
    return _key(word)


def rec_status_words() -> dict[str, RecStatus]:
    return dict(_REC_STATUS_WORDS)


def action_status_words() -> dict[str, ActionStatus]:
    return dict(_ACTION_STATUS_WORDS)


def kind_words() -> dict[str, SourceKind]:
    return dict(_KIND_LOOKUP)


def finding_words() -> dict[str, FindingType]:
    return dict(_FINDING_LOOKUP)


def kind_in_words(words: str) -> SourceKind | None:
    """A source kind named somewhere in free text (a title row, a file name, a sheet name)."""
    low = f" {_key(words)} "
    for needle, kind in (("hmicfrs", SourceKind.HMICFRS), ("hmic", SourceKind.HMICFRS), ("pfd", SourceKind.PFD),
                         ("prevention of future deaths", SourceKind.PFD), ("coroner", SourceKind.PFD),
                         ("iopc", SourceKind.IOPC), ("gold group", SourceKind.GOLD_GROUP),
                         ("public inquiry", SourceKind.PUBLIC_INQUIRY)):
        if f" {needle} " in low or low.strip().startswith(needle):
            return kind
    return None


_RAG = {"r": "Red", "red": "Red", "a": "Amber", "amber": "Amber", "g": "Green", "green": "Green",
        "b": "Blue", "blue": "Blue", "ag": "Amber/Green", "ar": "Amber/Red", "amber green": "Amber/Green",
        "amber red": "Amber/Red"}


def rag(value) -> str:
    raw = value_text(value)
    return _RAG.get(_key(raw), raw)


# -- hubs --------------------------------------------------------------------------------------------------------
_SUFFIX = re.compile(r"\s+(bcu|ocu|command|hub)$")


def hub_key(name: str) -> str:
    k = _key(name.replace("&", " and "))
    return _SUFFIX.sub("", k).strip()


class HubMatcher:
    """Hub names, codes and aliases (case-insensitive, 'BCU'/'OCU' suffixes ignored) → hub id."""

    def __init__(self, hubs):
        self.by_key: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.codes: dict[int, str] = {}
        self._memo: dict[str, tuple] = {}
        for hub in hubs:
            self.names[hub.id] = hub.name
            self.codes[hub.id] = hub.code
            words = [hub.code, hub.name, *(a for a in (hub.aliases or "").split(";"))]
            for w in words:
                if w and w.strip():
                    self.by_key.setdefault(hub_key(w), hub.id)
                    self.by_key.setdefault(_key(w), hub.id)

    def find(self, name: str) -> int | None:
        return self.by_key.get(_key(name)) or self.by_key.get(hub_key(name))

    def find_all(self, value) -> tuple[list[int], list[str]]:
        """Hub ids for each part of a multi-value cell, and the parts that name no hub."""
        key = value if isinstance(value, str) else text(value)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 10_000:
                self._memo.clear()
            found = self._memo[key] = self._find_all(key)
        return list(found[0]), list(found[1])

    def _find_all(self, value) -> tuple[list[int], list[str]]:
        whole = value_text(value)
        if not whole:
            return [], []
        one = self.find(whole)
        if one is not None:
            return [one], []
        ids: list[int] = []
        unknown: list[str] = []
        for part in split_values(whole):
            hid = self.find(part)
            found = [hid] if hid is not None else [self.find(p) for p in split_values(part, weak=True)]
            if not found or None in found:
                unknown.append(part)
                continue
            ids.extend(h for h in found if h is not None and h not in ids)
        return ids, unknown

    def in_words(self, words: str) -> int | None:
        """A hub named at the start of free text ('North West BCU - learning actions')."""
        key = _key(words)
        best = None
        for name, hid in self.by_key.items():
            if len(name) > 3 and (key == name or key.startswith(name + " ")):
                if best is None or len(name) > len(best[0]):
                    best = (name, hid)
        return best[1] if best else None
