"""One spreadsheet row → a `ParsedRow`: the model's values for the row's document, recommendation or action,
its identity, and what could not be placed exactly (warnings, and words kept in the notes). No database here."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus, Role, SourceKind
from ol_desk.core.services.bulk import StatusFacts

from .. import value_parsing as vp
from .concern_split import split_concerns
from .value_mapping import ValueMaps

MODE_RECOMMENDATIONS = "recommendations"
MODE_ACTIONS = "actions"
MODE_DOCUMENTS = "documents"


def mode_of(fields: dict[str, int]) -> str | None:
    if "action_title" in fields or ("action_reference" in fields and "text" not in fields):
        return MODE_ACTIONS
    if "text" in fields or "title" in fields:
        return MODE_RECOMMENDATIONS
    if "document_title" in fields or "document_reference" in fields:
        return MODE_DOCUMENTS
    return None


@dataclass
class Context:
    """What holds for every row of the sheet."""

    mode: str
    fields: dict[str, int]
    kind: SourceKind
    hubs: vp.HubMatcher
    default_document: str = ""      # title for rows with no report column
    default_hub_id: int | None = None
    role: Role = Role.CPIC          # whose import: the lifecycle steps a status may take are this role's
    historic: bool = False          # record statuses as the register gives them (CPIC's migration option)
    split_concerns: bool = True     # a PFD concerns cell holding a numbered list → one finding per item
    values: ValueMaps = field(default_factory=ValueMaps)   # the register's category words the user mapped


@dataclass(slots=True)
class ParsedRow:
    row: int
    doc_key: tuple | None = None
    doc: dict = field(default_factory=dict)
    ref: str = ""
    values: dict = field(default_factory=dict)
    owner: str | None = None
    hub_ids: list | None = None
    update_text: str | None = None
    linked_ref: str = ""
    facts: StatusFacts = field(default_factory=StatusFacts)  # what the row gives the lifecycle's steps
    warnings: list = field(default_factory=list)
    rejected: str = ""
    cell_finding: FindingType | None = None   # a finding type named in the source cell ("HMICFRS – AFI")

    @property
    def hub(self) -> int:
        """The row's first (lead) hub: every action row that reaches planning has one."""
        assert self.hub_ids, f"row {self.row} has no hub"
        return self.hub_ids[0]

    @property
    def label(self) -> str:
        doc = self.doc.get("reference") or self.doc.get("title") or ""
        if len(doc) > 50:
            doc = doc[:48].rsplit(" ", 1)[0] + "…"
        return " ".join(p for p in (doc, self.ref) if p) or f"row {self.row}"


def split_row(ctx: Context, row: ParsedRow) -> list[ParsedRow]:
    """A PFD row whose concerns cell holds a numbered list → one row per item, in order (the resolver numbers them
    position 1, 2, … under the row's reference); the words before the list go to the report's notes."""
    text = row.values.get("text", "")
    if not ctx.split_concerns or row.rejected or ctx.mode != MODE_RECOMMENDATIONS or not text \
            or row.doc.get("kind") != SourceKind.PFD:
        return [row]
    split = split_concerns(text)
    if split is None:
        return [row]
    doc = row.doc
    if split.intro:
        doc = {**doc, "notes": "\n\n".join(p for p in (split.intro, doc.get("notes", "")) if p)}
    values = {k: v for k, v in row.values.items() if k != "title"}   # one title cannot name every item
    return [replace(row, doc=doc, values={**values, "text": item}, warnings=row.warnings if i == 0 else [],
                    hub_ids=list(row.hub_ids) if row.hub_ids is not None else None,
                    facts=replace(row.facts)) for i, item in enumerate(split.items)]


def document_key(kind: SourceKind, reference: str, title: str) -> tuple:
    if reference:
        return (kind.value, "ref", reference.strip().lower())
    return (kind.value, "title", " ".join(title.lower().split()))


def parse_row(ctx: Context, number: int, values: tuple) -> ParsedRow:
    out = ParsedRow(number)
    extras: list[str] = []
    cell = _Cells(ctx.fields, values)
    try:
        _parse(ctx, out, cell, extras)
    except vp.BadValue as exc:
        out.rejected = f"row {number}: {exc}"
        return out
    if out.rejected:
        return out
    notes = cell.text("notes")
    if extras or "notes" in ctx.fields:
        out.values["notes"] = "\n".join([notes] * bool(notes) + extras)
    return out


class _Cells:
    __slots__ = ("fields", "values")

    def __init__(self, fields, values):
        self.fields, self.values = fields, values

    def raw(self, key):
        """The cell for a field; a placeholder ('N/A', 'Not found', '-', 'TBC' …) reads as empty."""
        i = self.fields.get(key)
        if i is None or i >= len(self.values):
            return None
        value = self.values[i]
        return None if type(value) is str and vp.is_placeholder(value) else value

    def text(self, key) -> str:
        return vp.text(self.raw(key))

    def has(self, key) -> bool:
        return key in self.fields


def _date(ctx_out: ParsedRow, cell: _Cells, key: str, what: str, extras: list[str]):
    parsed = vp.parse_date(cell.raw(key), what)
    if parsed is None:
        return None
    if parsed.warning:  # a month or year alone, or an Excel error value: kept as text, warned about
        ctx_out.warnings.append(f"row {ctx_out.row}: {parsed.warning}")
        extras.append(parsed.keep_text)
    return parsed.value


def _put_date(out: ParsedRow, cell: _Cells, values: dict, key: str, what: str, extras: list[str]) -> None:
    """The target/due date column into `values[key]` (left out when the cell is blank)."""
    if cell.has("target_date"):
        value = _date(out, cell, "target_date", what, extras)
        if value is not None:
            values[key] = value


def _parse(ctx: Context, out: ParsedRow, cell: _Cells, extras: list[str]) -> None:
    n = out.row
    kind = ctx.kind
    out.cell_finding = None
    if cell.has("source_kind") and cell.text("source_kind"):
        said = cell.text("source_kind")
        mapped = ctx.values.source.get(vp.word_key(said)) if ctx.values.source else None
        found = vp.SourceCell(*mapped) if mapped else vp.source_cell(cell.raw("source_kind"))
        if found.kind is None:   # never lose a good row over a category word: neutral kind, words kept
            out.warnings.append(f"row {n}: source '{said}' names no kind of source ol-desk knows; recorded as "
                                f"{kind.label}, the words kept in the notes")
            extras.append(f"Source in spreadsheet: {said}")
        else:
            kind = found.kind
        out.cell_finding = found.finding
    if ctx.mode != MODE_ACTIONS or cell.has("document_title") or cell.has("document_reference"):
        _document(ctx, out, cell, kind, extras)
    if ctx.mode == MODE_DOCUMENTS:
        if out.doc_key is None:
            out.rejected = f"row {n}: no report title or reference"
        return
    out.ref = cell.text("action_reference" if ctx.mode == MODE_ACTIONS else "reference")
    if len(out.ref) > 80:
        raise vp.BadValue(f"reference '{out.ref[:30]}…' is longer than 80 characters")
    _owner_and_hubs(ctx, out, cell, extras)
    if cell.has("rag") and cell.text("rag"):
        extras.append(f"RAG: {vp.rag(cell.raw('rag'))}")
    if cell.has("latest_update"):
        out.update_text = cell.text("latest_update") or None
    if ctx.mode == MODE_ACTIONS:
        _action(ctx, out, cell, extras)
    else:
        _recommendation(ctx, out, cell, kind, extras)


# Columns with no field of their own in the model, kept in the report's notes rather than dropped.
_DOC_NOTES = (("investigation", "Investigation and inquest"),
              ("circumstances", "Circumstances of the death"))


def _document(ctx: Context, out: ParsedRow, cell: _Cells, kind: SourceKind, extras: list[str]) -> None:
    title = cell.text("document_title")
    reference = cell.text("document_reference")
    subject = cell.text("subject")
    if not title and subject:
        title = (f"Regulation 28 report: {subject}" if kind == SourceKind.PFD else subject)
    link = cell.text("document_link")
    if not title and not reference:
        title = ctx.default_document or link   # a row naming its report only by its web address
    if not title and not reference:
        return
    if len(reference) > 80:
        raise vp.BadValue(f"report reference '{reference[:30]}…' is longer than 80 characters")
    doc = {"kind": kind, "title": title or reference, "reference": reference}
    for key, what in (("date_issued", "date of report"), ("response_due", "response due date"),
                      ("response_sent_on", "response sent date")):
        if cell.has(key):
            value = _date(out, cell, key, what, extras)
            if value is not None:
                doc[key] = value
    if cell.has("issuing_body"):
        doc["issuing_body"] = cell.text("issuing_body")
    if cell.has("document_link"):
        doc["link"] = link
    if cell.has("area"):
        doc["area"] = cell.text("area")[:200]
    if cell.has("sent_to"):
        doc["addressees"] = cell.text("sent_to")
    kept = [f"{label}: {cell.text(key)}" for key, label in _DOC_NOTES if cell.text(key)]
    if kept:
        doc["notes"] = "\n\n".join(kept)
    out.doc = doc
    out.doc_key = document_key(kind, reference, title)


def _owner_and_hubs(ctx: Context, out: ParsedRow, cell: _Cells, extras: list[str]) -> None:
    hub_ids: list[int] | None = None
    if cell.has("hubs"):
        ids, unknown = ctx.hubs.find_all(cell.raw("hubs"))
        if unknown and ctx.values.hubs:
            ids, unknown = _mapped_hubs(ctx.values.hubs, ids, unknown)
        hub_ids = ids
        for name in unknown:
            out.warnings.append(f"row {out.row}: hub '{name}' is not a hub ol-desk knows; kept as text in the notes")
        if unknown:
            extras.append(f"Hub in spreadsheet: {'; '.join(unknown)}")
    owner = cell.text("owner")
    if owner:
        ids, unknown = ctx.hubs.find_all(owner)
        if ids and not unknown:  # an Owner column holding a hub ("Met Detention"), as PFD registers do
            hub_ids = (hub_ids or []) + [h for h in ids if h not in (hub_ids or [])]
        else:
            names = vp.split_values(owner)
            out.owner = names[0][:120] if names else None
            if len(names) > 1:
                extras.append(f"Owners in spreadsheet: {owner}")
    out.hub_ids = hub_ids


def _mapped_hubs(mapped: dict, ids: list[int], unknown: list[str]) -> tuple[list[int], list[str]]:
    """Hub words the user mapped: to a hub, or left blank on purpose (no hub, no warning)."""
    still = []
    for name in unknown:
        k = vp.word_key(name)
        if k not in mapped:
            still.append(name)
        elif (hid := mapped[k]) is not None and hid not in ids:
            ids = [*ids, hid]
    return ids, still


def _recommendation(ctx: Context, out: ParsedRow, cell: _Cells, kind: SourceKind, extras: list[str]) -> None:
    n = out.row
    if out.doc_key is None:
        out.rejected = f"row {n}: no report: the row names no report title or reference"
        return
    text, title = cell.text("text"), cell.text("title")
    if not text and not title:
        out.rejected = f"row {n}: no recommendation text"
        return
    if len(title) > 300:
        extras.append(f"Title in spreadsheet: {title}")
        title = title[:297] + "…"
        out.warnings.append(f"row {n}: the title is longer than 300 characters; shortened (full text in notes)")
    ftype = None
    if cell.has("finding_type") and cell.text("finding_type"):
        try:
            ftype = ctx.values.finding.get(vp.word_key(cell.text("finding_type"))) if ctx.values.finding else None
            ftype = ftype or vp.finding_type(cell.raw("finding_type"))
        except vp.BadValue as exc:
            out.warnings.append(f"row {n}: {exc}; kept as text in the notes")
            extras.append(f"Type in spreadsheet: {cell.text('finding_type')}")
    ftype = ftype or out.cell_finding or vp.finding_type_from_reference(out.ref) or (
        FindingType.MATTER_OF_CONCERN if kind == SourceKind.PFD else FindingType.RECOMMENDATION)
    values = {"finding_type": ftype, "text": text or title}
    if cell.has("title"):
        values["title"] = title
    _put_date(out, cell, values, "target_date", "target date", extras)
    status = _status(ctx, out, cell, vp.rec_status, extras)
    if status is not None:
        values["status"] = RecStatus.ASSIGNED if status == RecStatus.NEW and out.hub_ids else status
    if cell.has("response_position") and cell.text("response_position"):
        _response(ctx, out, cell, values, extras)
    facts = out.facts
    facts.hubs = bool(out.hub_ids)
    for key, what in (("board_decision_on", "Board decision date"), ("closed_on", "closed on date")):
        if cell.has(key):
            setattr(facts, "decision_date" if key == "board_decision_on" else key, _date(out, cell, key, what, extras))
    facts.minute_ref = cell.text("board_minute_ref")[:80]
    facts.rationale = cell.text("rationale")
    if cell.has("evidence") and cell.text("evidence"):
        extras.append(f"Evidence: {cell.text('evidence')}")
    out.values = values


def _response(ctx: Context, out: ParsedRow, cell: _Cells, values: dict, extras: list[str]) -> None:
    said = cell.text("response_position")
    mapped = ctx.values.response.get(vp.word_key(said)) if ctx.values.response else None
    if mapped is not None:
        values["response_position"] = mapped
        return
    parsed = vp.response_position(cell.raw("response_position"))
    if parsed is None:
        return
    if parsed.value is None:
        out.warnings.append(f"row {out.row}: {parsed.warning}")
        extras.append(parsed.keep_text)
        return
    values["response_position"] = parsed.value


def _action(ctx: Context, out: ParsedRow, cell: _Cells, extras: list[str]) -> None:
    n = out.row
    title = cell.text("action_title")
    if not title:
        out.rejected = f"row {n}: no action description"
        return
    hub_id = out.hub_ids[0] if out.hub_ids else ctx.default_hub_id
    if hub_id is None:
        out.rejected = (f"row {n}: no hub: the row names none and the sheet's title names none "
                        f"(add a Hub column, or give --hub)")
        return
    out.hub_ids = [hub_id]
    values: dict = {"title": title}
    _put_date(out, cell, values, "due_date", "due date", extras)
    status = _status(ctx, out, cell, vp.action_status, extras)
    if status is not None:
        values["status"] = status
    # Completing needs evidence or a note; cancelling a reason: the row's own words, when it has them.
    out.facts.completion_note = cell.text("evidence") or out.update_text or ""
    if status == ActionStatus.CANCELLED:
        out.facts.cancel_reason = out.update_text or f"the register says '{cell.text('status')}'"
    if cell.has("percent_complete"):
        pct = vp.parse_percent(cell.raw("percent_complete"))
        if pct is not None:
            values["percent_complete"] = pct.value
    if cell.has("evidence") and cell.text("evidence"):
        extras.append(f"Evidence: {cell.text('evidence')}")
    out.linked_ref = cell.text("linked_reference")
    out.values = values


def _status(ctx: Context, out: ParsedRow, cell: _Cells, parse, extras: list[str]):
    """The status word as the model's status (as the user mapped it, if so); an unknown word is warned about, kept
    in the notes, and gives None."""
    if not cell.has("status"):
        return None
    if ctx.values.status and (mapped := ctx.values.status.get(vp.word_key(cell.text("status")))) is not None:
        return mapped
    parsed = parse(cell.raw("status"))
    if parsed is None:
        return None
    if parsed.value is None:
        out.warnings.append(f"row {out.row}: {parsed.warning}")
        extras.append(parsed.keep_text)
    return parsed.value
