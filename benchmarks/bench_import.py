"""Import benchmark: a generated 100,000-row register workbook, imported into a fresh database and then again
unchanged, each in a child process (time and peak memory), beside plain openpyxl read-only iteration over the same
file measured in the same run (the floor).

    python -m benchmarks import            # 100,000 rows
    python -m benchmarks.bench_import --rows 10000
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

from benchmarks.common import BENCH_DIR, Row, print_table, run_measured

DATA = BENCH_DIR
HEADER = ["Report", "Published", "Type", "Ref", "Text", "Lead Officer", "BCU / OCU", "Target Date", "Status",
          "RAG", "Latest Update", "Notes"]
ROWS_PER_REPORT = 100
STATUSES = ["Open", "In progress", "Not started", "Completed", "Closed", "Awaiting review", "WIP", "On hold"]
HUBS = ["Central West BCU", "South East BCU", "North West", "Custody", "Met Command and Control",
        "Professional Standards", "East Area BCU", "Specialist Crime", "North West; Met Detention"]
TYPES = [("Recommendation", "R"), ("Area for improvement", "AFI "), ("Cause of concern", "CoC ")]


def generate(path: Path, rows: int, seed: int = 7) -> Path:
    """A register written with openpyxl's write-only mode: a marking row, a title row, then the header."""
    import openpyxl
    rnd = random.Random(seed)
    people = [f"{rank} {chr(65 + i % 26)}. {name}" for i, (rank, name) in enumerate(
        (r, n) for r in ("DCI", "Supt", "Insp", "DS", "PS") for n in ("Evans", "Patel", "Chen", "Okafor", "Murphy",
                                                                   "Jones", "Ahmed", "Clarke", "Brown", "Shah"))]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Tracker")
    ws.append(["OFFICIAL-SENSITIVE"])
    ws.append(["Generated register for the import benchmark"])
    ws.append(HEADER)
    for i in range(rows):
        report = i // ROWS_PER_REPORT
        kind, prefix = TYPES[i % 3]
        published = dt.date(2020, 1, 1) + dt.timedelta(days=report % 1500)
        target = published + dt.timedelta(days=90 + rnd.randint(0, 400))
        ws.append([f"Inspection report {report:05d}", published, kind, f"{prefix}{i % ROWS_PER_REPORT + 1}",
                   f"The force should improve how it handles matter {i} so that the risk to the public is "
                   f"reduced and supervisors review the decisions made.",
                   rnd.choice(people), rnd.choice(HUBS),
                   target if i % 4 else target.strftime("%d/%m/%Y"), rnd.choice(STATUSES), rnd.choice("RAG"),
                   f"Working group met on item {i}; plan circulated." if i % 2 else None,
                   "" if i % 5 else "Carried over from the previous tracker"])
    tmp = path.with_suffix(".part.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _child_floor(path: str) -> int:
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    print(json.dumps({"cells": cells}))
    return 0


def _child_import(db_path: str, path: str) -> int:
    from ol_desk.core.excel.register_import.importer import import_file
    from ol_desk.core.services import Actor
    from ol_desk.core.store import open_database
    db = open_database(db_path)
    report = import_file(db, path, Actor("benchmark"))
    db.dispose()
    print(json.dumps(report.counts))
    return 0


def _child_undo(db_path: str, batch: str) -> int:
    from ol_desk.core.services import Actor
    from ol_desk.core.services.history import undo_batch
    from ol_desk.core.store import open_database
    db = open_database(db_path)
    with db.transaction() as session:
        changes = undo_batch(session, Actor("benchmark"), int(batch))
    db.dispose()
    print(json.dumps({"deleted": sum(len(v) for v in changes.deleted.values())}))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench_import")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child-floor")
    parser.add_argument("--child-import", nargs=2)
    parser.add_argument("--child-undo", nargs=2)
    args = parser.parse_args(argv)
    if args.child_floor:
        return _child_floor(args.child_floor)
    if args.child_import:
        return _child_import(*args.child_import)
    if args.child_undo:
        return _child_undo(*args.child_undo)

    DATA.mkdir(parents=True, exist_ok=True)
    book = DATA / f"import-register-{args.rows}.xlsx"
    if not book.exists():
        print(f"generating {book} …", flush=True)
        generate(book, args.rows)
    db_path = DATA / f"import-bench-{args.rows}.sqlite3"
    for p in DATA.glob(db_path.name + "*"):
        p.unlink()
    shutil.rmtree(DATA / (db_path.name + ".d"), ignore_errors=True)
    from ol_desk.core.store import open_database
    open_database(db_path).dispose()

    me = [sys.executable, "-m", "benchmarks.bench_import"]
    # The machine is shared and noisy: the floor is measured right before each import it is compared with.
    floor_s, floor_mb, proc = run_measured([*me, "--child-floor", str(book)])
    _check(proc)
    first_s, first_mb, proc = run_measured([*me, "--child-import", str(db_path), str(book)])
    first = _check(proc)
    floor2_s, floor2_mb, proc = run_measured([*me, "--child-floor", str(book)])
    _check(proc)
    again_s, again_mb, proc = run_measured([*me, "--child-import", str(db_path), str(book)])
    again = _check(proc)
    undo_s, undo_mb, proc = run_measured([*me, "--child-undo", str(db_path), "1"])
    undone = _check(proc)
    floor = "openpyxl read-only iteration"
    text = print_table(f"Import of a {args.rows:,}-row register ({book.stat().st_size / 2**20:.1f} MB .xlsx)", [
        Row(f"first import ({first['new']:,} new)", first_s, "s", floor_s, floor, "≤ 3×"),
        Row("first import, peak memory", first_mb, "MB", floor_mb, floor, "< 500 MB"),
        Row(f"re-import unchanged ({again['unchanged']:,} unchanged, {again['changed']} changed)", again_s, "s",
            floor2_s, floor, "≤ 1.5×"),
        Row("re-import, peak memory", again_mb, "MB", floor2_mb, floor, "< 500 MB"),
        Row(f"undo the first import ({undone['deleted']:,} rows deleted)", undo_s, "s", first_s,
            "the first import", "—"),
        Row("undo, peak memory", undo_mb, "MB", None, "", "< 500 MB"),
    ])
    (Path(__file__).parent / "out").mkdir(exist_ok=True)
    (Path(__file__).parent / "out" / "import.md").write_text(text + "\n")
    return 0


def _check(proc) -> dict:
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, file=sys.stderr)
        raise SystemExit(f"child failed with exit code {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
