"""`ol-desk import report.pdf`: a coroner's PFD report read from its PDF, shown field by field, and written (the
document, one matter of concern per concern, the PDF as evidence, one import batch) only once confirmed: at the
prompt, or with --yes. --dry-run shows it and stops. Corrections: --reference, --date, --coroner, --area."""
from __future__ import annotations

import sys
from pathlib import Path

from .context import CliContext


def is_pdf(path: str) -> bool:
    p = Path(path)
    if p.suffix.lower() == ".pdf":
        return True
    try:
        with p.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def _corrected(report, args) -> None:
    from ol_desk.core.errors import ValidationError
    from ol_desk.core.excel.value_parsing import BadValue, parse_date
    if args.reference is not None:
        report.reference = args.reference.strip()
    if args.coroner is not None:
        report.coroner = args.coroner.strip()
    if args.area is not None:
        report.area = args.area.strip()
    if args.date is not None:
        try:
            parsed = parse_date(args.date, "--date")
        except BadValue as exc:
            raise ValidationError(str(exc)) from None
        if parsed is None or parsed.value is None or parsed.warning:
            raise ValidationError(f"--date needs a whole date (12/03/2024 or 12 March 2024), not '{args.date}'.")
        report.date_issued = parsed.value
        report.warnings = [w for w in report.warnings if not w.startswith("No date")]


def _print(report) -> None:
    def day(d):
        return f"{d:%d %B %Y}" if d else "(none)"
    print(f"PFD report read from {report.file_name} ({report.pages} page{'s' if report.pages != 1 else ''}):")
    print(f"  Reference      {report.reference or '(none)'}")
    print(f"  Title          {report.title}")
    print(f"  Date of report {day(report.date_issued)}")
    print(f"  Response due   {day(report.response_due)} (56 days from the report's date)")
    print(f"  Coroner        {report.coroner or '(none)'}")
    print(f"  Area           {report.area or '(none)'}")
    print("  Sent to        " + ("; ".join(report.addressees) or "(none)"))
    print(f"  Matters of concern ({len(report.concerns)}), each a finding of type 'matter of concern':")
    for n, text in enumerate(report.concerns, start=1):
        print(f"    {n}. {text}")
    for w in report.warnings:
        print(f"  Warning: {w}")


def run(args, ctx: CliContext) -> int:
    from ol_desk.core.errors import ValidationError
    from ol_desk.core.pfd_pdf import read_report
    from ol_desk.core.services.pfd_reports import already_imported, import_pfd_report
    path = Path(args.file)
    report = read_report(path)
    _corrected(report, args)
    db = ctx.db()
    with db.reading() as session:
        already = already_imported(session, report)
    if args.json and (args.dry_run or already):
        ctx.print_json({"pfd_report": report.as_dict(), "dry_run": args.dry_run, "already": already,
                        "written": False})
        return 0
    if not args.json:
        _print(report)
    if already:
        print(already)
        return 0
    if args.dry_run:
        print("Nothing was written (--dry-run).")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError("Nothing was written: confirm with --yes to import this report without a prompt "
                                  "(or check it first with --dry-run).")
        answer = input(f"Import this report with its {len(report.concerns)} matter(s) of concern? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was written.")
            return 0
    with db.transaction() as session:
        result = import_pfd_report(session, ctx.actor, db.evidence_dir, path, report)
    if args.json:
        ctx.print_json({"pfd_report": report.as_dict(), "dry_run": False, "already": result.already,
                        "written": not result.already, "batch_id": result.batch_id,
                        "document_id": result.document_id, "recommendation_ids": result.recommendation_ids})
        return 0
    if result.already:
        print(result.already)
        return 0
    print(f"Imported PFD report {report.reference or report.title}: document {result.document_id}, "
          f"{len(result.recommendation_ids)} matter(s) of concern, the PDF attached to each as evidence.")
    print(f"Undo this import with: ol-desk import --undo {result.batch_id}")
    return 0

