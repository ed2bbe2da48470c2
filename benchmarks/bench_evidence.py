"""Evidence text: how fast each format is read (seconds per MB, against hashing the same file in the same run),
what a 500-page PDF costs with the page cap, and what evidence adds to an index rebuild.

    python -m benchmarks evidence [--recommendations 2000] [--files 200] [--links-at-200k]

The rebuild is measured on a demo register of --recommendations (built once under $OL_DESK_BENCH_DIR), first with
no files attached, then with --files files attached (a mix of 10-page PDFs, Word and Excel files and text), each
run in the worker process as the app runs it, then once more (the files' text is then kept by SHA-256).
--links-at-200k also times indexing the shared 200k demo's 180,000 evidence links (what every rebuild there now
adds) against indexing its progress updates, per 1,000.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .common import BENCH_DIR, Row, print_table, run_measured, timed

LINES = ["The custody sergeant completed rousing checks every thirty minutes and recorded each one.",
         "Officers reviewed the pursuit policy with the driver training unit before the March deadline.",
         "The force safeguarding board signed off the referral pathway for vulnerable adults in custody."]


def _files(folder: Path) -> dict[str, tuple[Path, str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.core import evidence_files as ef
    lines = [f"{n}: {LINES[n % 3]}" for n in range(48)]
    pdf = ef.text_pdf(folder / "report.pdf", [lines] * 60)
    long_pdf = ef.text_pdf(folder / "bundle-500-pages.pdf", [lines] * 500)
    docx = ef.docx(folder / "minutes.docx", [f"{n}. {LINES[n % 3]}" for n in range(8000)])
    xlsx = ef.xlsx(folder / "log.xlsx", [[n, "PC Adams", LINES[n % 3], dt.date(2025, 1, 1 + n % 28), n * 1.5]
                                        for n in range(12000)])
    txt = ef.cp1252_text(folder / "notes.txt", "\n".join(f"{n} — {LINES[n % 3]} £" for n in range(12000)))
    return {"PDF (60 pages)": (pdf, "pdf"), "PDF (500 pages, capped)": (long_pdf, "pdf"),
            "Word .docx": (docx, "docx"), "Excel .xlsx": (xlsx, "xlsx"), "text (Windows-1252)": (txt, "txt")}


def extraction_rows(folder: Path) -> list[Row]:
    from ol_desk.core.file_text import extract
    from ol_desk.core.services.records import sha256_of
    rows = []
    for label, (path, _kind) in _files(folder).items():
        mb = path.stat().st_size / 2**20
        with timed() as t:
            found = extract(path)
        seconds = t()
        with timed() as h:
            sha256_of(path)
        rows.append(Row(f"read {label}: {mb:.2f} MB → {len(found.text):,} chars", seconds / mb, "s/MB",
                        h() / mb, "SHA-256 of the same file"))
        rows.append(Row(f"read {label}: whole file", seconds, "s"))
    return rows


def _register(n: int) -> Path:
    path = BENCH_DIR / f"evidence-bench-{n}.sqlite3"
    if not path.exists():
        from ol_desk.core.demo.generate import generate_demo
        from ol_desk.core.store import open_database
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name("building-" + path.name)
        db = open_database(tmp)
        generate_demo(db, n, seed=1, on=dt.date(2025, 6, 1))
        db.dispose()
        tmp.replace(path)
    return path


def _rebuild(path: Path) -> float:
    seconds, _rss, proc = run_measured([sys.executable, "-m", "ol_desk.core.search.worker", "rebuild"],
                                       env={"OL_DESK_DB": str(path)})
    if proc.returncode != 0:
        raise SystemExit(f"rebuild failed: {proc.stdout[-500:]}")
    return seconds


def rebuild_rows(n: int, files: int, folder: Path) -> list[Row]:
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation
    from ol_desk.core.model.enums import Role
    from ol_desk.core.search.indexer import count_rows
    from ol_desk.core.services import Actor, records
    from ol_desk.core.store import open_database
    work = BENCH_DIR / f"evidence-bench-work-{n}.sqlite3"
    shutil.rmtree(Path(f"{work}.d"), ignore_errors=True)
    shutil.copyfile(_register(n), work)
    db = open_database(work)
    items = sum(count_rows(db).values())
    db.dispose()
    without = _rebuild(work)
    sources = list(_small_files(folder).values())
    db = open_database(work)
    actor = Actor("Bench", Role.CPIC)
    with db.reading() as s:
        rec_ids = list(s.scalars(select(Recommendation.id).limit(files)))
    megabytes = 0.0
    with db.transaction() as s:
        for i, rec in enumerate(rec_ids):
            # Each attachment a distinct file (the same bytes would be read once): a line that names it.
            src = sources[i % len(sources)]
            copy = folder / f"{i}-{src.name}"
            copy.write_bytes(src.read_bytes() + (f"\n% {i}\n".encode() if src.suffix in (".pdf", ".txt") else b""))
            if src.suffix in (".docx", ".xlsx"):
                shutil.copyfile(src, copy)   # a zip with a trailing line is still the same text: read per sha
            megabytes += copy.stat().st_size / 2**20
            records.add_evidence_file(s, actor, db.evidence_dir, copy, recommendation_id=rec)
    db.dispose()
    with_files = _rebuild(work)
    again = _rebuild(work)
    shutil.rmtree(Path(f"{work}.d"), ignore_errors=True)
    work.unlink(missing_ok=True)
    return [Row(f"rebuild, {items:,} items, no files", without, "s"),
            Row(f"rebuild, same + {len(rec_ids)} files ({megabytes:.1f} MB), each file read", with_files, "s",
                without, "rebuild without files"),
            Row("rebuild again (their text kept by SHA-256)", again, "s", without, "rebuild without files")]


def _small_files(folder: Path) -> dict[str, Path]:
    from tests.core import evidence_files as ef
    lines = [f"{n}: {LINES[n % 3]}" for n in range(48)]
    small = folder / "small"
    small.mkdir(exist_ok=True)
    return {"pdf": ef.text_pdf(small / "audit.pdf", [lines] * 10),
            "docx": ef.docx(small / "minutes.docx", [f"{n}. {LINES[n % 3]}" for n in range(400)]),
            "xlsx": ef.xlsx(small / "log.xlsx", [[n, "PC Adams", LINES[n % 3]] for n in range(500)]),
            "txt": ef.cp1252_text(small / "notes.txt", "\n".join(LINES * 200)),
            "scan": ef.image_pdf(small / "scan.pdf")}


def links_rows() -> list[Row]:
    """The shared 200k demo's evidence links (what every rebuild there now adds) against its progress updates,
    read and written into a throwaway Whoosh index the same way a rebuild does."""
    from sqlalchemy import func, select

    from ol_desk.core.model import Evidence, ProgressUpdate
    from ol_desk.core.search.sources import index_documents
    from ol_desk.core.search.store import IndexStore
    from ol_desk.core.store import open_database

    from .common import shared_demo_db
    db = open_database(shared_demo_db())   # read only: nothing is written to it
    out = []
    timings = {}
    for kind, table in (("evidence", Evidence), ("update", ProgressUpdate)):
        with tempfile.TemporaryDirectory() as tmp:
            _path, ix = IndexStore(Path(tmp)).new_generation()
            writer = ix.writer(limitmb=256)
            with db.reading() as s:
                lo, hi = s.execute(select(func.min(table.id), func.max(table.id))).one()
                n = s.scalar(select(func.count()).select_from(table))
                start = time.perf_counter()
                for a in range(lo, hi + 1, 2000):
                    for doc in index_documents(s, kind, lambda c, a=a: c.between(a, a + 1999)):
                        writer.add_document(**doc)
            writer.commit()
            timings[kind] = (time.perf_counter() - start, n)
            ix.close()
    db.dispose()
    (ev_s, ev_n), (up_s, up_n) = timings["evidence"], timings["update"]
    out.append(Row(f"index the 200k demo's {ev_n:,} evidence links", ev_s, "s"))
    out.append(Row("... per 1,000 links", ev_s / ev_n * 1000, "s", up_s / up_n * 1000,
                   f"per 1,000 of its {up_n:,} progress updates"))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks evidence")
    ap.add_argument("--recommendations", type=int, default=2000)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--links-at-200k", action="store_true")
    ap.add_argument("--skip-rebuild", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print_table("Evidence text: reading each format", extraction_rows(folder))
        if not args.skip_rebuild:
            print_table("Evidence text: an index rebuild with and without files",
                        rebuild_rows(args.recommendations, args.files, folder))
    if args.links_at_200k:
        print_table("Evidence links in the 200k demo's rebuild", links_rows())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
