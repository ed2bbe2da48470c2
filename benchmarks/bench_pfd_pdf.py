"""Reading a coroner's PFD report PDF and importing it.

    python -m benchmarks pfd [--repeat 9]

Reports of about 2, 5 and 12 pages in the judiciary.uk layout (built by the tests' PDF writer, 3 to 30 concerns). For
each: pdfminer.six's own `extract_text` on the file (the reference, same run: the library's plain text, without
which nothing can be read), `read_report` (layout lines, headers and footers left out, sections and concerns
found), and the import (document, concerns, the PDF as evidence on each, one batch) into a fresh SQLite database.
Medians of --repeat runs.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .common import Row, median, print_table, timed

ROOT = Path(__file__).resolve().parent.parent


def _reports(folder: Path) -> list[tuple[str, Path]]:
    sys.path.insert(0, str(ROOT))
    from tests.core.pfd_pdf.pfd_report_pdfs import Report, variant, write_report
    base = Report().concerns
    out = []
    for name, filler, concerns in (("short", 14, base), ("long", 110, base * 4), ("longest", 400, base * 10)):
        path = write_report(folder / f"{name}.pdf",
                            variant(filler_lines=filler, concerns=[f"{c} (item {i})" for i, c in
                                                                   enumerate(concerns)]))
        out.append((name, path))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks pfd")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    from pdfminer.high_level import extract_text

    from ol_desk.core.model.enums import Role
    from ol_desk.core.pfd_pdf import read_report
    from ol_desk.core.services.actor import Actor
    from ol_desk.core.services.pfd_reports import import_pfd_report
    from ol_desk.core.store import open_database
    cpic = Actor("Bench CPIC", Role.CPIC)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _name, path in _reports(folder):
            raw, parse, write = [], [], []
            pages = concerns = 0
            for n in range(args.repeat):
                with timed() as t:
                    extract_text(str(path))
                raw.append(t())
                with timed() as t:
                    report = read_report(path)
                parse.append(t())
                pages, concerns = report.pages, len(report.concerns)
                db_path = folder / f"bench-{path.stem}-{n}.sqlite3"
                db = open_database(db_path)
                with timed() as t:
                    with db.transaction() as session:
                        result = import_pfd_report(session, cpic, db.evidence_dir, path, report)
                write.append(t())
                assert len(result.recommendation_ids) == concerns, result.already or "every concern imported"
                db.dispose()
                shutil.rmtree(db.evidence_dir, ignore_errors=True)
            ref = median(raw)
            what = f"{pages} pages, {concerns} concerns"
            rows += [Row(f"read_report: {what}", median(parse) * 1000, "ms", ref * 1000, "pdfminer extract_text",
                         "≤ 2×"),
                     Row(f"import: {what} ({concerns} findings, evidence on each)", median(write) * 1000, "ms",
                         ref * 1000, "pdfminer extract_text", "< 1 s")]
    print_table("PFD report PDFs: read and import (medians)", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
