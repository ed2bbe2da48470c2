"""The register importer's public steps, for the CLI and the GUI's import wizard alike (plain callbacks, no Qt):

1. `inspect_workbook(path, session, options)` — sheets, the detected header row, the suggested mapping with its
   confidence, the profile that matched, what the rows describe and the source kind.
2. `preview(path, session, options, progress, cancel)` — what would happen to each row; writes nothing.
3. `apply(path, session, actor, options, progress, cancel)` — does it, in the caller's transaction, tagged with a
   new import batch (undo with `ol_desk.core.services.history.undo_batch`).
`import_file(db, …)` runs 2 or 3 in its own transaction. Refusals raise `WorkbookRefused`/`ValidationError`.
"""
from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.errors import OlDeskError, ValidationError
from ol_desk.core.model import Hub
from ol_desk.core.model.enums import Entity, Role, SourceKind
from ol_desk.core.progress import Cancel, Progress
from ol_desk.core.services import audit_trail, import_batches, import_profiles, writes
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.bulk import BulkWriter
from ol_desk.core.services.bulk_edit import BulkEdit, bulk_edit
from ol_desk.core.services.changes import Changes
from ol_desk.core.themes.suggestions import ThemeSuggester, finding_text

from .. import limits
from .. import value_parsing as vp
from ..workbook_reader import SheetRows, WorkbookRefused, open_workbook, sheet_rows
from . import column_mapping as cm
from . import value_mapping as vm
from .header_detection import HeaderRow, choose, detect, rows_text
from .import_plan import Resolver, RowOutcome
from .import_rows import MODE_ACTIONS, Context, mode_of, parse_row, split_row

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook



class ImportCancelled(OlDeskError):
    """The user stopped the import; nothing was written."""


class MostlyRejected(WorkbookRefused):
    """A real import would reject more than half of the rows: nothing is written unless the user accepts that."""

    def __init__(self, message: str, counts: dict[str, int], reasons: list[str]):
        super().__init__(message)
        self.counts, self.reasons = counts, reasons


FIRST_REASONS = 3


def _mostly_rejected(info, counts: dict[str, int], outcomes: list[RowOutcome], dry_run: bool) -> MostlyRejected:
    total = sum(counts.values())
    reasons = [o.reason for o in outcomes if o.outcome == "rejected"][:FIRST_REASONS]
    result = "the import would stop and write nothing" if dry_run else "nothing was written"
    return MostlyRejected(
        f"{info.path.name}: {counts['rejected']:,} of {total:,} rows would be rejected (more than half), so "
        f"{result}. First reasons: {'; '.join(reasons)}. The header was taken from row {info.header_row} — "
        f"check it (--header-row N) and the columns (--map \"Header=field\"), or import the other rows anyway "
        f"(--accept-rejections).", counts, reasons)


@dataclass
class ImportOptions:
    sheet: str | None = None
    profile: str | None = None          # use this saved profile
    save_profile: str | None = None     # save the mapping used under this name
    overrides: dict[str, str] = field(default_factory=dict)   # header → field key ('ignore' to drop)
    # column (header or field key) → {the register's words → target in words}: 'HMIC - AFI' → 'hmicfrs/afi';
    # a None target drops a mapping the profile holds
    value_maps: dict[str, dict[str, str | None]] = field(default_factory=dict)
    kind: str | None = None             # source kind for every row (pfd, hmicfrs, …)
    hub: str | None = None              # hub for action rows that name none
    document: str | None = None         # report title for rows that name none
    historic_status: bool = False       # CPIC: record the register's statuses as they stand (a migration)
    header_row: int | None = None       # the sheet's row number of the header (default: found by its names)
    accept_rejections: bool = False     # write even when more than half of the rows are rejected
    tag_themes: bool = False            # tag each new finding with the themes its words suggest
    keep_concerns_whole: bool = False   # a PFD concerns cell with a numbered list stays one finding


COUNT_NOTE = "The rows make "   # the note that counts the documents and findings a register's rows make
PREVIEW_THEME_ROWS = 5_000   # a preview lists the suggested themes of the first rows this many


@dataclass
class WorkbookInfo:
    path: Path
    sheets: list[str]
    sheet: str
    header_row: int
    headers: list[str]
    mapping: cm.Mapping
    signature: str
    mode: str
    kind: SourceKind
    profile: str | None
    default_hub_id: int | None
    default_document: str
    notes: list[str] = field(default_factory=list)
    header_confidence: float = 1.0
    header_why: str = ""
    # field key → {the register's words → target, stored form}: the value mappings in force (profile, then options)
    value_maps: dict[str, dict[str, str]] = field(default_factory=dict)
    # the open row stream, positioned after the header: (rows, the head rows read past the header, the iterator)
    _rows: tuple[SheetRows, list, Iterator] | None = None
    _workbook: Workbook | None = None

    @property
    def confidence(self) -> float:
        return self.mapping.confidence

    def as_dict(self) -> dict:
        return {"file": str(self.path), "sheets": self.sheets, "sheet": self.sheet, "header_row": self.header_row,
                "header_confidence": round(self.header_confidence, 2), "header_why": self.header_why,
                "rows_describe": self.mode, "kind": self.kind.value, "profile": self.profile,
                "confidence": round(self.confidence, 2), "mapping": [c.as_dict() for c in self.mapping.columns],
                "value_maps": self.value_maps, "notes": self.notes}

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None


@dataclass
class ImportReport:
    info: WorkbookInfo
    dry_run: bool
    counts: dict[str, int]
    rows: list[RowOutcome]           # every row that is not unchanged
    warnings: list[str]
    skipped_blank: int = 0
    stopped_early_at: int | None = None
    batch_id: int | None = None
    changes: Changes = field(default_factory=Changes)
    sha256: str = ""
    nothing_changed: bool = False    # no new or changed rows: an applied import recorded no batch
    # (row, item label) → suggested themes' names, for each new finding of the first PREVIEW_THEME_ROWS rows
    themes: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    # a preview's distinct category words ol-desk does not know exactly, with counts and suggested mappings
    values: list[vm.UnknownValue] = field(default_factory=list)

    @property
    def mostly_rejected(self) -> bool:
        """More than half of the rows are rejected: a real import stops unless `accept_rejections` is set."""
        return 2 * self.counts.get("rejected", 0) > sum(self.counts.values())

    def summary(self) -> str:
        c = self.counts
        verb = "would import" if self.dry_run else "imported"
        if self.nothing_changed and not self.batch_id:
            verb = "nothing changed (nothing recorded)" if not self.dry_run else "nothing would change"
        batch = f" as batch {self.batch_id}" if self.batch_id else ""
        return (f"{self.info.path.name} ({self.info.sheet}, {self.info.mode}){batch}: {verb} — "
                f"{c.get('new', 0)} new, {c.get('changed', 0)} changed, {c.get('unchanged', 0)} unchanged, "
                f"{c.get('rejected', 0)} rejected, {len(self.warnings)} warning(s)")

    def as_dict(self) -> dict:
        return {"file": str(self.info.path), "sheet": self.info.sheet, "dry_run": self.dry_run,
                "batch_id": self.batch_id, "rows_describe": self.info.mode, "kind": self.info.kind.value,
                "profile": self.info.profile, "counts": {k: self.counts.get(k, 0) for k in
                                                        ("new", "changed", "unchanged", "rejected")},
                "nothing_changed": self.nothing_changed, "mostly_rejected": self.mostly_rejected,
                "header_row": self.info.header_row, "header_confidence": round(self.info.header_confidence, 2),
                "warnings": self.warnings, "rows": [r.as_dict() for r in self.rows],
                "skipped_blank_rows": self.skipped_blank, "notes": self.info.notes,
                "suggested_themes": [{"row": row, "item": label, "themes": names}
                                     for (row, label), names in self.themes.items()],
                "values": [v.as_dict() for v in self.values]}


# -- step 1: inspect ----------------------------------------------------------------------------------------------
def inspect_workbook(path, session: Session, options: ImportOptions | None = None) -> WorkbookInfo:
    """Open the workbook, choose the sheet, find the header row and map the columns. The returned info holds
    the open workbook: pass it on to `preview`/`apply`, or call `close()`."""
    options = options or ImportOptions()
    path = Path(path)
    wb = open_workbook(path)
    try:
        return _inspect(path, wb, session, options)
    except BaseException:
        wb.close()
        raise


def _hubs(session: Session) -> vp.HubMatcher:
    return vp.HubMatcher(session.scalars(select(Hub).order_by(Hub.id)))


def _inspect(path: Path, wb, session: Session, options: ImportOptions) -> WorkbookInfo:
    names = list(wb.sheetnames)
    if options.sheet is not None and options.sheet not in names:
        raise ValidationError(f"{path.name} has no sheet '{options.sheet}' (sheets: {', '.join(names)}).")
    profile = import_profiles.by_name(session, options.profile) if options.profile else None
    candidates = [options.sheet] if options.sheet else names
    found = None
    for name in candidates:
        rows = sheet_rows(wb[name])
        stream = iter(rows)
        head: list = []
        for item in stream:
            head.append(item)
            if len(head) >= limits.HEADER_SCAN_ROWS:
                break
        header = choose(head, options.header_row, options.overrides, f"{path.name}, sheet '{name}'")
        if header is None and profile is None and not options.overrides:
            profile = _profile_for_rows(session, head)
        if header is None and profile is not None:
            header = _detect_by_profile(head, profile)
        if header is None and options.overrides:
            header = detect(head, {h.strip().lower() for h in options.overrides})
        if header is not None:
            found = (name, rows, stream, head, header)
            break
    if found is None:
        where = f"sheet '{options.sheet}'" if options.sheet else "any sheet"
        if options.overrides:
            named = ", ".join(f"'{h}'" for h in options.overrides)
            raise WorkbookRefused(f"{path.name}: no row in the first {limits.HEADER_SCAN_ROWS} rows of {where} holds "
                                  f"all the columns named with --map ({named}); check their spelling.")
        raise WorkbookRefused(
            f"{path.name}: no header row found in {where}: the first {limits.HEADER_SCAN_ROWS} rows hold none of "
            f"the column names the importer knows (Ref, Recommendation, Owner, BCU/OCU, Target Date, Status …). "
            f"Name the columns with --map \"Header=field\", or use a saved --profile.")
    name, rows, stream, head, header = found
    hubs = _hubs(session)
    signature = cm.header_signature(list(header.cells))
    notes: list[str] = []
    if hasattr(wb, "describe"):   # a CSV file read as a one-sheet workbook
        notes.append(f"Read as {wb.describe()}.")
    if header.data_above:
        notes.append(f"{rows_text(header.data_above).capitalize()} above the header row (row {header.number}) hold "
                     f"several cells and are not imported; if they are data, choose the header row "
                     f"(--header-row N).")
    if profile is None:
        profile = import_profiles.by_signature(session, signature)
    if profile is not None and not options.profile:
        notes.append(f"Using the saved profile '{profile.name}' (same header layout).")
    samples = [values for _n, values in head[header.position + 1:]][:limits.CONTENT_SAMPLE_ROWS]
    mapping = cm.suggest(list(header.cells), samples, hubs)
    if profile is not None:
        known = {cm._norm(h): f for h, f in profile.columns.items()}
        for col in mapping.columns:
            f = known.get(cm._norm(col.header))
            if f is not None:
                col.field, col.confidence, col.how = (None if f == cm.IGNORE else f), 1.0, "profile"
    if options.overrides:
        cm.apply_overrides(mapping, options.overrides)
    cm.settle(mapping, notes)
    fields = mapping.fields()
    mode = mode_of(fields)
    if mode is None:
        raise WorkbookRefused(
            f"{path.name}: the columns of sheet '{name}' (row {header.number}: "
            f"{', '.join(h for h in header.cells if h)}) describe no recommendations, actions or documents: "
            f"a text/recommendation, action or report column is needed. Map one with --map \"Header=text\".")
    kind = _kind(options, profile, header, name, path, samples, fields, notes)
    default_hub = _default_hub(options, profile, hubs, header, name, path, mode, fields, notes)
    default_doc = ""
    if mode != MODE_ACTIONS and "document_title" not in fields and "document_reference" not in fields \
            and "subject" not in fields:
        default_doc = (options.document or (profile.document if profile else None)
                       or (header.title_lines[0] if header.title_lines else name)).strip()
        notes.append(f"The rows name no report; they all belong to '{default_doc}' "
                     f"(give another with --document).")
    value_maps = _value_maps(options, profile, mapping, mode, hubs)
    info = WorkbookInfo(path, names, name, header.number, list(header.cells), mapping, signature, mode, kind,
                        profile.name if profile else None, default_hub, default_doc, notes, header.confidence,
                        header.why, value_maps)
    info._rows = (rows, head[header.position + 1:], stream)
    info._workbook = wb
    return info


def _value_maps(options: ImportOptions, profile, mapping: cm.Mapping, mode: str,
                hubs: vp.HubMatcher) -> dict[str, dict[str, str]]:
    """The value mappings in force, field key → {words → stored target}: the profile's, then those given now (a
    column named by its header or its field key; an empty target drops a mapping)."""
    out: dict[str, dict[str, str]] = {f: dict(pairs) for f, pairs in (profile.values if profile else {}).items()
                                      if f in vm.MAPPED_FIELDS}
    by_header = {cm._norm(c.header): c.field for c in mapping.columns if c.header and c.field}
    for column, pairs in options.value_maps.items():
        fkey = by_header.get(cm._norm(column)) or (column if column in vm.MAPPED_FIELDS else None)
        if fkey is None:
            raise ValidationError(f"--map: there is no column '{column}' read as a source, finding type, status, "
                                  f"response or hub column (its values cannot be mapped).")
        if fkey not in vm.MAPPED_FIELDS:
            raise ValidationError(f"--map: column '{column}' is read as {fkey}; only the values of source, finding "
                                  f"type, status, response and hub columns are mapped.")
        for words, target in pairs.items():
            if not vm.key(words):
                raise ValidationError(f"--map for column '{column}': give the words to map before the '='.")
            pairs_now = out.setdefault(fkey, {})
            for saved in [w for w in pairs_now if vm.key(w) == vm.key(words)]:
                del pairs_now[saved]
            if target is not None:
                pairs_now[words.strip()] = vm.parse_target(fkey, target, mode == MODE_ACTIONS, hubs)
    return {f: pairs for f, pairs in out.items() if pairs}


def _profile_for_rows(session: Session, head) -> import_profiles.Profile | None:
    """A saved profile whose header layout is one of these rows (for headers no name would give away)."""
    for _number, values in head:
        if sum(v is not None for v in values) >= 2:
            found = import_profiles.by_signature(session, cm.header_signature(list(values)))
            if found is not None:
                return found
    return None


def _detect_by_profile(head, profile) -> HeaderRow | None:
    """The first row holding every column the profile names."""
    return detect(head, {h.strip().lower() for h in profile.columns if h.strip()})


def _kind(options, profile, header: HeaderRow, sheet: str, path: Path, samples, fields, notes) -> SourceKind:
    if options.kind:
        found = vp.source_kind(options.kind)
        if found is None:
            raise ValidationError(f"--kind '{options.kind}' is not a source kind.")
        return found
    if profile is not None and profile.kind:
        return SourceKind(profile.kind)
    words = " ".join([*header.title_lines, sheet, path.stem.replace("_", " "), *header.cells])
    found = vp.kind_in_words(words)
    if found is None and "finding_type" in fields:
        types = {vp.text(r[fields["finding_type"]]).lower() for r in samples if fields["finding_type"] < len(r)}
        if types & {"cause of concern", "area for improvement", "afi", "coc"}:
            found = SourceKind.HMICFRS
    if found is None and "matter of concern" in " ".join(header.cells).lower():
        found = SourceKind.PFD
    if found is None:
        if mode_of(fields) == MODE_ACTIONS and not ({"document_title", "document_reference"} & set(fields)):
            return SourceKind.OTHER
        notes.append("The source kind is not named anywhere; documents are recorded as 'other' (use --kind).")
        return SourceKind.OTHER
    notes.append(f"Source kind: {found.label} (from the sheet's words; --kind to choose another).")
    return found


def _default_hub(options, profile, hubs: vp.HubMatcher, header, sheet, path, mode, fields, notes) -> int | None:
    if options.hub:
        hid = hubs.find(options.hub)
        if hid is None:
            raise ValidationError(f"--hub '{options.hub}' is not a hub ol-desk knows.")
        return hid
    if profile is not None and profile.hub:
        return hubs.find(profile.hub)
    if mode != MODE_ACTIONS or "hubs" in fields:
        return None
    for words in (*header.title_lines, sheet, path.stem.replace("_", " ")):
        hid = hubs.in_words(words)
        if hid is not None:
            notes.append(f"Actions belong to {hubs.names[hid]} (named in '{words}'; --hub to choose another).")
            return hid
    return None


# -- steps 2 and 3 ------------------------------------------------------------------------------------------------
def preview(path, session: Session, options: ImportOptions | None = None, progress: Progress | None = None,
            cancel: Cancel | None = None, info: WorkbookInfo | None = None) -> ImportReport:
    return _run(path, session, None, options, progress, cancel, info)


def apply(path, session: Session, actor: Actor, options: ImportOptions | None = None,
          progress: Progress | None = None, cancel: Cancel | None = None,
          info: WorkbookInfo | None = None) -> ImportReport:
    writes.require_role(actor, lifecycle.CPIC, "import registers")  # hubs return their own workbooks instead
    return _run(path, session, actor, options, progress, cancel, info)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _run(path, session, actor, options, progress, cancel, info) -> ImportReport:
    options = options or ImportOptions()
    info = info or inspect_workbook(path, session, options)
    try:
        return _process(info, session, actor, options, progress, cancel)
    finally:
        info.close()


def _process(info: WorkbookInfo, session, actor, options, progress, cancel) -> ImportReport:
    if info._rows is None:
        raise ValidationError(f"{info.path.name} was closed before it was imported; inspect it again.")
    rows, head_rest, stream = info._rows
    hubs = _hubs(session)
    ctx = Context(info.mode, info.mapping.fields(), info.kind, hubs, info.default_document,
                  info.default_hub_id, actor.role if actor is not None else Role.CPIC, options.historic_status,
                  split_concerns=not options.keep_concerns_whole,
                  values=vm.resolve(info.value_maps, info.mode == MODE_ACTIONS, hubs))
    outcomes: list[RowOutcome] = []
    warnings: list[str] = []
    sha = file_sha256(info.path)
    writer = None
    batch_id = None
    savepoint = None
    if actor is not None:
        savepoint = session.begin_nested()   # dropped again when the file changes nothing
        batch_id = _new_batch(session, actor, info, sha)
        writer = BulkWriter(session, actor, batch_id, info.path.name, historic=options.historic_status)
    resolver = Resolver(session, ctx, writer, outcomes, warnings)

    split = Counter[str]()

    texts: dict[int, list[str]] = {}   # row → what each of its findings says, for the preview's theme suggestions
    reports: set = set()         # the distinct reports the rows name (one per row on an export of reports)
    findings = [0]
    # a preview counts each categorical column's distinct cells in the same pass (the Values page lists them)
    tallies: dict[str, Counter] = {f: Counter() for f in vm.MAPPED_FIELDS if f in ctx.fields} if writer is None else {}
    tally = [(tallies[f], ctx.fields[f]) for f in tallies]

    def run():
        seen = 0
        for chunk in (head_rest, stream):
            for number, values in chunk:
                for counter, i in tally:
                    if i < len(values) and values[i] is not None:
                        counter[values[i]] += 1
                parsed = split_row(ctx, parse_row(ctx, number, values))
                for p in parsed:
                    if not p.rejected:
                        reports.add(p.doc_key)
                findings[0] += sum(1 for p in parsed if not p.rejected)
                if writer is None and info.mode == "recommendations" and len(texts) < PREVIEW_THEME_ROWS:
                    texts[number] = [finding_text(p.values.get("title"), p.values.get("text")) for p in parsed]
                if len(parsed) > 1:
                    split.update(cells=1, items=len(parsed))
                for row in parsed:
                    resolver.feed(row)
                seen += 1
                if seen % 2000 == 0:
                    if cancel is not None and cancel():
                        raise ImportCancelled("Import stopped; nothing was written.")
                    if progress is not None:
                        progress(seen, None, "reading rows")
        resolver.flush()
        return seen

    if batch_id is not None:
        with writes.in_batch(session, batch_id), _bigger_cache(session):
            seen = run()
            if options.tag_themes and writer is not None:
                _tag_new_findings(session, actor, writer, warnings)
        if options.save_profile:
            _save_profile(session, actor, info, options)
    else:
        seen = run()
    counts = {k: resolver.counts.get(k, 0) for k in ("new", "changed", "unchanged", "rejected")}
    if info.mode == "recommendations" and len(reports) > 1:
        info.notes.append(f"{COUNT_NOTE}{len(reports):,} documents, {findings[0]:,} findings"
                          + (" (each row is its own report)." if info.mapping.row_report_header else "."))
    if split:
        info.notes.append(split_note(split["cells"], split["items"]))
    if seen and not options.accept_rejections and 2 * counts["rejected"] > sum(counts.values()):
        outcomes.sort(key=lambda o: o.row)
        refusal = _mostly_rejected(info, counts, outcomes, dry_run=actor is None)
        if actor is not None:
            raise refusal      # the caller rolls back: the batch and any rows of this file are not kept
        info.notes.append(str(refusal))
    nothing_changed = not counts["new"] and not counts["changed"] and not (writer and writer.changes)
    if savepoint is not None:
        if nothing_changed and not options.save_profile:
            savepoint.rollback()        # no empty batch, no audit event for a file that changed nothing
            audit_trail.forget_tail(session)
            batch_id, writer = None, None
        else:
            savepoint.commit()
    if progress is not None:
        progress(seen, seen, "done")
    outcomes.sort(key=lambda o: o.row)
    if seen == 0:
        raise WorkbookRefused(f"{info.path.name}: sheet '{info.sheet}' has a header row but no rows under it.")
    report = ImportReport(info, actor is None, counts, outcomes, warnings, rows.skipped_blank, rows.stopped_early_at,
                          batch_id, writer.changes if writer else Changes(), sha, nothing_changed)
    if texts:
        report.themes = suggested_for_findings(session, texts, outcomes)
    if tallies:
        report.values = vm.unknown_values(tallies, info.mode == MODE_ACTIONS, ctx.hubs, ctx.values)
    if rows.stopped_early_at:
        warnings.append(f"stopped reading at row {rows.stopped_early_at:,} after {limits.MAX_EMPTY_RUN:,} empty rows "
                        f"in a row (the rest of the sheet is formatted but empty)")
    if batch_id is not None:
        import_batches.set_summary(session, batch_id, {**counts, "warnings": len(warnings), "sheet": info.sheet,
                                                       "rows_describe": info.mode, "kind": info.kind.value})
    if options.save_profile and actor is None:
        report.info.notes.append("The profile is saved when the import is applied (not on a preview).")
    return report


SPLIT_NOTE = "Numbered concerns split:"


def split_note(cells: int, items: int) -> str:
    return (f"{SPLIT_NOTE} {cells:,} cell(s) into {items:,} findings, one per item in order; the words "
            f"before each list are kept in the report's notes (--keep-concerns-whole keeps each cell as one "
            f"finding).")


def _tag_new_findings(session, actor: Actor, writer: BulkWriter, warnings: list[str]) -> None:
    """Tag the findings this import created with the themes their words suggest, in the import's own batch (so
    undoing the import undoes them too); a finding the rules refuse is named in a warning and left untagged."""
    new = sorted(writer.changes.created.get(Entity.RECOMMENDATION, ()))
    if not new:
        return
    found = ThemeSuggester(session).for_recommendations(new, neighbours=False)
    ticked = {rec_id: tuple(x.theme_id for x in found[rec_id]) for rec_id in new if found.get(rec_id)}
    if not ticked:
        return
    changes, result = bulk_edit(session, actor, Entity.RECOMMENDATION, list(ticked),
                                BulkEdit("accept_themes", themes_by_row=ticked))
    writer.changes |= changes
    warnings.extend(f"suggested themes not added to {r.label}: {r.reason}" for r in result.refused)


def suggested_for_findings(session, texts: dict[int, list[str]],
                           outcomes: list[RowOutcome]) -> dict[tuple[int, str], list[str]]:
    """(row, item label) → the names of the themes each new finding's words suggest. A row's outcomes come in the
    order its items were read (a split row's concerns 1, 2, …); `outcomes` omits unchanged items, so on a
    re-import that adds an item to a split row the count can be off by the unchanged ones before it (a preview
    hint only: tagging on import reads each created finding's own text)."""
    suggester = ThemeSuggester(session)
    out: dict[tuple[int, str], list[str]] = {}
    seen: dict[int, int] = {}
    for o in outcomes:
        if o.entity != "recommendation" or o.row not in texts:
            continue
        k = seen[o.row] = seen.get(o.row, -1) + 1
        said = texts[o.row][k] if k < len(texts[o.row]) else ""
        if o.outcome == "new" and (found := suggester.by_words(said)):
            out[(o.row, o.label)] = [x.name for x in found]
    return out


@contextlib.contextmanager
def _bigger_cache(session: Session, kib: int = 131_072):
    """SQLite's page cache (2 MB by default) is too small for the audit chain's hash indexes once an import adds
    100,000 rows: inserts then hit random pages on disk. Give this connection 128 MB while the import runs."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    before = session.execute(text("PRAGMA cache_size")).scalar_one()
    session.execute(text(f"PRAGMA cache_size=-{kib}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size={int(before)}"))


def _new_batch(session: Session, actor: Actor, info: WorkbookInfo, sha: str) -> int:
    return import_batches.open_batch(session, actor, "import", info.path.name, sha256=sha,
                                     detail={"sheet": info.sheet})


def _save_profile(session, actor, info: WorkbookInfo, options: ImportOptions) -> None:
    assert options.save_profile, "called only when a profile name was given"
    columns = info.mapping.as_json()
    hub = None
    if info.default_hub_id is not None:
        hub = session.get(Hub, info.default_hub_id).code
    import_profiles.save(session, actor, import_profiles.Profile(
        options.save_profile, info.signature, columns, info.kind.value if options.kind else None,
        hub if options.hub else None, options.document, info.value_maps))
    info.notes.append(f"Saved the mapping as profile '{options.save_profile}'.")
    info.profile = options.save_profile


def import_file(db, path, actor: Actor, options: ImportOptions | None = None, *, dry_run: bool = False,
                progress: Progress | None = None, cancel: Cancel | None = None) -> ImportReport:
    """Preview (read-only) or apply in one transaction of its own: all rows or none."""
    if dry_run:
        with db.reading() as session:
            return preview(path, session, options, progress, cancel)
    with db.transaction() as session:
        return apply(path, session, actor, options, progress, cancel)
