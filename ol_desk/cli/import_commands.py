"""`ol-desk import FILE`: bring a register workbook in (or preview it with --dry-run); `--undo BATCH`; `--list`."""
from __future__ import annotations

import argparse
from collections import Counter

from .context import CliContext
from .progress import ProgressBar

SHOW_ROWS = 200  # per-row lines printed for new rows before summarising (changed and rejected rows: all)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="import a register workbook (.xlsx/.xlsm) or CSV file: preview with --dry-run, undo with --undo",
        description="Reads HMICFRS trackers, PFD registers and hub action lists. Columns are recognised by name "
                    "and content; correct them with --map and keep the mapping with --save-profile. The whole "
                    "file is written in one transaction as an import batch (see docs/import.md).")
    p.add_argument("file", nargs="?", help="the workbook, CSV file or PFD report PDF to import")
    p.add_argument("--sheet", help="the sheet to read (default: the first with a recognisable header row)")
    p.add_argument("--profile", help="use this saved mapping profile")
    p.add_argument("--save-profile", metavar="NAME", help="save the mapping used under this name")
    p.add_argument("--map", action="append", default=[], metavar='"Column=field" | "Column=value=target"',
                   help="map a column to a field (repeatable); field 'ignore' drops the column. With two '=', map "
                        "one value of a source, finding type, status or hub column: 'Source=HMIC - AFI=hmicfrs/afi' "
                        "(kind/finding type), 'Status=Being progressed=in progress', 'BCU=C. West=CW' (a hub's "
                        "code or name, or 'blank'); saved with --save-profile")
    p.add_argument("--kind", help="source kind of the documents: hmicfrs, pfd, iopc, … (default: from the sheet)")
    p.add_argument("--hub", help="hub (code or name) for action rows that name none")
    p.add_argument("--document", help="report title for rows that name no report")
    p.add_argument("--historic-status", action="store_true",
                   help="CPIC, migrating an old register: record each status (and Board details) as the register "
                        "gives it, marked as such in the audit trail; without it statuses go through the lifecycle")
    p.add_argument("--header-row", type=int, metavar="N",
                   help="the sheet's row number of the header row (default: the row naming the most known columns)")
    p.add_argument("--accept-rejections", action="store_true",
                   help="import the good rows even when more than half of the rows are rejected (normally the "
                        "import stops and writes nothing)")
    p.add_argument("--keep-concerns-whole", action="store_true",
                   help="keep a PFD concerns cell holding a numbered list as one finding (normally one finding "
                        "per item)")
    p.add_argument("--tag-themes", action="store_true",
                   help="tag each new finding with the themes its words suggest (the preview lists them; undo "
                        "removes them with the import)")
    p.add_argument("--dry-run", action="store_true", help="show what would happen to each row; write nothing")
    pdf = p.add_argument_group("a coroner's PFD report PDF (ol-desk import report.pdf)")
    pdf.add_argument("--yes", action="store_true", help="import the report without asking (the preview is printed)")
    pdf.add_argument("--reference", help="correct the report's reference (e.g. 2024-0123)")
    pdf.add_argument("--date", help="correct the report's date (the 56-day response clock starts from it)")
    pdf.add_argument("--coroner", help="correct the coroner's name")
    pdf.add_argument("--area", help="correct the coroner area")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--undo", type=int, metavar="BATCH", help="undo an import batch")
    p.add_argument("--list", action="store_true", help="list import batches and saved profiles")
    p.set_defaults(func=cmd_import)


def _overrides(pairs: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str | None]]]:
    """--map values: 'Column=field' (one '=') maps a column; 'Column=value=target' (two or more: the column is
    before the first, the target after the last, the value between) maps one value of a category column."""
    from ol_desk.core.errors import ValidationError
    columns: dict[str, str] = {}
    values: dict[str, dict[str, str | None]] = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValidationError(f"--map needs \"Column=field\" or \"Column=value=target\", not '{pair}'.")
        header, rest = pair.split("=", 1)
        if "=" in rest:
            words, target = rest.rsplit("=", 1)
            if not header.strip() or not words.strip():
                raise ValidationError(f"--map '{pair}': name the column and the value, as \"Source=HMIC - AFI="
                                      f"hmicfrs/afi\".")
            values.setdefault(header.strip(), {})[words.strip()] = target.strip()
        else:
            columns[header.strip()] = rest.strip()
    return columns, values


def cmd_import(args, ctx: CliContext) -> int:
    from ol_desk.core.errors import ValidationError
    if args.list:
        return _list(args, ctx)
    if args.undo is not None:
        return _undo(args, ctx)
    if not args.file:
        raise ValidationError("Name the workbook to import (or use --undo BATCH or --list).")
    from pathlib import Path

    from ol_desk.core.excel.hub_roundtrip import roundtrip
    from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
    from ol_desk.core.excel.workbook_reader import check_file

    from . import pfd_import_command
    if pfd_import_command.is_pdf(args.file):
        _say_ignored(ctx, args, ("--sheet", args.sheet), ("--profile", args.profile),
                     ("--save-profile", args.save_profile), ("--map", args.map), ("--kind", args.kind),
                     ("--hub", args.hub), ("--document", args.document), ("--header-row", args.header_row),
                     ("--historic-status", args.historic_status), ("--accept-rejections", args.accept_rejections),
                     ("--keep-concerns-whole", args.keep_concerns_whole), ("--tag-themes", args.tag_themes),
                     what="a PFD report PDF")
        return pfd_import_command.run(args, ctx)
    _say_ignored(ctx, args, ("--yes", args.yes), ("--reference", args.reference), ("--date", args.date),
                 ("--coroner", args.coroner), ("--area", args.area), what="a workbook (they are for a PFD report PDF)")
    check_file(Path(args.file))   # bad files get the importer's one clear message before anything else
    if args.header_row is not None and args.header_row < 1:
        raise ValidationError(f"--header-row needs a row number from 1, not {args.header_row}.")
    if roundtrip.is_roundtrip_workbook(args.file):
        return _roundtrip(roundtrip, args, ctx)
    columns, values = _overrides(args.map)
    options = ImportOptions(sheet=args.sheet, profile=args.profile, save_profile=args.save_profile,
                            overrides=columns, value_maps=values, kind=args.kind, hub=args.hub, document=args.document,
                            historic_status=args.historic_status, header_row=args.header_row,
                            accept_rejections=args.accept_rejections,
                            keep_concerns_whole=args.keep_concerns_whole, tag_themes=args.tag_themes)
    bar = ProgressBar("Reading rows")
    report = import_file(ctx.db(), args.file, ctx.actor, options, dry_run=args.dry_run,
                         progress=bar)
    if args.json:
        ctx.print_json(report.as_dict())
        return 0
    _print_report(report)
    return 0


def _say_ignored(ctx: CliContext, args, *options: tuple[str, object], what: str) -> None:
    given = [name for name, value in options if value]
    if given:
        ctx.info(f"{_file_name(args.file)}: {', '.join(given)} do not apply to {what}.")


def _print_report(report) -> None:
    info = report.info
    print(report.summary())
    print(f"Header on row {info.header_row} of sheet '{info.sheet}' (confidence {info.header_confidence:.0%}: "
          f"{info.header_why}; --header-row N to choose another)"
          + (f"; profile '{info.profile}'" if info.profile else ""))
    if report.dry_run:
        print("Columns: " + "; ".join(f"{c.header} → {c.field or 'ignored'}"
                                      + (f" ({c.how})" if c.how and c.how != 'name' else "")
                                      for c in info.mapping.columns if c.header))
    for note in info.notes:
        print(note)
    new_shown = 0
    hidden = 0
    for row in report.rows:
        if row.outcome == "new":
            new_shown += 1
            if new_shown > SHOW_ROWS:
                hidden += 1
                continue
        print("  " + row.describe())
    if hidden:
        print(f"  … and {hidden:,} more new rows (--json lists every row)")
    if report.themes:
        counts = Counter(name for names in report.themes.values() for name in names)
        print(f"Suggested themes for {len(report.themes):,} new finding(s) (--tag-themes adds them): "
              + ", ".join(f"{name} {n}" for name, n in counts.most_common()))
    _print_values(report)
    if report.warnings:
        print(f"Warnings ({len(report.warnings)}):")
        for w in report.warnings:
            print(f"  {w}")
    if report.skipped_blank:
        print(f"Skipped {report.skipped_blank:,} blank row(s).")
    if report.dry_run:
        print("Nothing was written (--dry-run).")
    elif report.nothing_changed and not report.batch_id:
        print("Nothing changed: no import batch or audit event was recorded.")
    elif report.batch_id:
        print(f"Undo this import with: ol-desk import --undo {report.batch_id}")


def _print_values(report) -> None:
    """A preview's category words ol-desk does not know exactly, each with its count, what the import does with it,
    and the --map that confirms or changes it."""
    if not report.values:
        return
    info = report.info
    headers = {c.field: c.header for c in info.mapping.columns if c.field}
    print(f"Values ol-desk does not know exactly ({len(report.values)}; confirm or change with "
          f"--map \"Column=value=target\", keep with --save-profile):")
    for v in report.values:
        column = headers.get(v.field, v.field)
        line = f"  {column}: '{v.value}' × {v.count:,} ({v.why}) → {v.shown}"
        if v.why != "mapped":
            line += f"   --map \"{column}={v.value}={v.suggestion if v.suggestion is not None else '…'}\""
        print(line)


def _undo(args, ctx: CliContext) -> int:
    from ol_desk.core.services.history import undo_batch
    with ctx.db().transaction() as session:
        changes = undo_batch(session, ctx.actor, args.undo)
    counts = {how: sum(len(v) for v in getattr(changes, how).values()) for how in ("created", "updated", "deleted")}
    if args.json:
        ctx.print_json({"batch_id": args.undo, "undone": True, **counts})
    else:
        print(f"Undid import batch {args.undo}: {counts['deleted']:,} row(s) removed, "
              f"{counts['updated']:,} put back as they were, {counts['created']:,} restored.")
    return 0


def _list(args, ctx: CliContext) -> int:
    import json

    from sqlalchemy import select

    from ol_desk.core.model import ImportBatch
    from ol_desk.core.services import import_profiles
    with ctx.db().reading() as session:
        batches = list(session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(200)))
        profiles = import_profiles.all_profiles(session)
    rows = []
    for b in batches:
        summary = json.loads(b.summary or "{}")
        rows.append({"batch_id": b.id, "kind": b.kind, "file": b.source_name, "by": b.actor,
                     "at": b.started_at.strftime("%Y-%m-%d %H:%M"),
                     "new": summary.get("new"), "changed": summary.get("changed"),
                     "undone": b.undone_at.strftime("%Y-%m-%d %H:%M") if b.undone_at else None})
    if args.json:
        ctx.print_json({"batches": rows, "profiles": [{"name": p.name, "columns": p.columns, "kind": p.kind,
                                                       "hub": p.hub} for p in profiles]})
        return 0
    if not rows:
        print("No imports yet.")
    for r in rows:
        state = f"undone {r['undone']}" if r["undone"] else ""
        counts = f"{r['new'] or 0} new, {r['changed'] or 0} changed" if r["new"] is not None else ""
        print(f"{r['batch_id']:>5}  {r['at']}  {r['by']:<16} {r['file']:<40} {counts}  {state}".rstrip())
    if profiles:
        print("Saved profiles: " + ", ".join(p.name for p in profiles))
    return 0


def _roundtrip(roundtrip, args, ctx: CliContext) -> int:
    """A hub's round-trip workbook (`ol-desk export --for-update`): its own reader compares each row with what
    was exported and with the database now, and applies the hub's edits as an import batch."""
    ignored = [name for name, value in (("--sheet", args.sheet), ("--profile", args.profile),
                                        ("--save-profile", args.save_profile), ("--map", args.map),
                                        ("--kind", args.kind), ("--hub", args.hub), ("--document", args.document),
                                        ("--header-row", args.header_row),
                                        ("--accept-rejections", args.accept_rejections),
                                        ("--keep-concerns-whole", args.keep_concerns_whole),
                                        ("--tag-themes", args.tag_themes))
               if value]
    if ignored:
        ctx.info(f"{_file_name(args.file)} is a hub round-trip workbook; {', '.join(ignored)} do not apply to it.")
    if args.dry_run:
        with ctx.db().reading() as session:
            diff = roundtrip.preview(args.file, session, ctx.actor)
        if args.json:
            ctx.print_json({"roundtrip": True, "dry_run": True, **diff.as_dict()})
            return 0
        print(diff.summary())
        _print_diff(diff)
        print("Nothing was written (--dry-run).")
        return 0
    with ctx.db().transaction() as session:
        report = roundtrip.apply(args.file, session, ctx.actor)
    if args.json:
        ctx.print_json({"roundtrip": True, "dry_run": False, "batch_id": report.batch_id, **report.diff.as_dict()})
        return 0
    print(report.summary())
    _print_diff(report.diff)
    return 0


def _file_name(path: str) -> str:
    from pathlib import Path
    return Path(path).name


def _print_diff(diff) -> None:
    def fields(changes) -> str:
        return ", ".join(f"{c.field} '{c.old}' → '{c.new}'" for c in changes)
    for row in diff.changes:
        print(f"  changed   {row.entity} {row.label}: {fields(row.fields)}")
    for row in diff.conflicts:
        print(f"  conflict  {row.entity} {row.label}: changed in the app since the export "
              f"(version {row.exported_version} → {row.current_version}); not applied: {fields(row.fields)}")
    for row in diff.problems:
        print(f"  rejected  {row.entity} {row.label}: {row.message}")
