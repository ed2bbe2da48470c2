"""Search benchmark: full index build, index size, query latency (with snippets), edit→searchable, against SQLite
FTS5 over the same texts measured in the same run.

    python -m benchmarks search          # the whole table: demos of 10k, 50k and 200k, then 1, 10, 100, 1,000 edits
    python -m benchmarks.bench_search --sizes 10000,50000 --edits 1,10 --rounds 3     # a shorter table
    python -m benchmarks.bench_search --db PATH [--skip-build] [--edits 1,10,100]     # one run on one database

Each run prints its own table (build, size, p95 per class, cache, ids_matching, edit→searchable). At the largest
size it then edits recommendations through the services (each edit followed by a search, which applies it: one
small segment per edit, deletions in the big ones, as a day of use leaves them) and times the whole mix again
after 1, 10, 100 … edits in all. It ends with one table: p50/p95 per query class at each size and after each
number of edits, with FTS5's p95 on the same texts in the same run and the ratio.

Each demo is built once (benchmarks/common.py) and copied (SQLite backup API) to
$OL_DESK_BENCH_DIR/search-bench-<size>.sqlite3 (default benchmarks/out/) because indexing writes beside it; the
FTS5 reference goes to search-bench-<size>-fts.sqlite3 next to it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from .common import BENCH_DIR, Row, percentile, print_table, run_tree_measured, shared_demo_db, timed

WORK = BENCH_DIR / "search-bench.sqlite3"

# (category, ol-desk query, FTS5 MATCH expression, extra FTS5 WHERE condition)
OVERDUE_TAGS = "(statusnew OR statusassigned OR statusin_progress OR statusreopened OR statusopen)"
QUERIES = [
    ("single word", "custody", "custody", ""),
    ("single word", "pursuit", "pursuit", ""),
    ("single word", "safeguarding", "safeguarding", ""),
    ("single word", "taser", "taser", ""),
    ("multi-word", "custody detainee breathing", "custody detainee breathing", ""),
    ("multi-word", "domestic abuse referral", "domestic abuse referral", ""),
    ("multi-word", "body worn video", "body worn video", ""),
    ("phrase", '"prone position"', '"prone position"', ""),
    ("phrase", '"mental health"', '"mental health"', ""),
    ("filtered", "custody hub:MD", "custody AND hubmd", ""),
    ("filtered", "pursuit status:overdue", f"pursuit AND {OVERDUE_TAGS}", "AND due < :today"),
    ("filtered", "restraint source:pfd kind:recommendation", "restraint AND sourcepfd AND kindrecommendation", ""),
    ("filtered", "training kind:action due:<2025-06-01", "training AND kindaction", "AND due < 20250601"),
    ("filtered", "theme:custody detainee", "detainee AND themecustody", ""),
    ("exclusion", "custody -taser", "custody NOT taser", ""),
    ("exclusion", 'restraint -"mental health"', 'restraint NOT "mental health"', ""),
    ("OR", "taser OR restraint", "taser OR restraint", ""),
    ("OR", "pursuit OR collision", "pursuit OR collision", ""),
    ("misspelt", "custdy", "custdy", ""),
    ("misspelt", "persuit", "persuit", ""),
    ("misspelt", "safegaurding", "safegaurding", ""),
]
LIMIT = 20


def copy_database(src: Path, dst: Path) -> None:
    for p in (dst, Path(str(dst) + "-wal"), Path(str(dst) + "-shm")):
        p.unlink(missing_ok=True)
    shutil.rmtree(Path(str(dst) + ".d"), ignore_errors=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    source.backup(target)
    target.close()
    source.close()


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def build_fts(db, fts_path: Path) -> tuple[float, float]:
    """The same documents the index gets, into an FTS5 table (porter stemming). Returns (seconds, size MB)."""
    from sqlalchemy import func, select

    from ol_desk.core.search.schema import KINDS
    from ol_desk.core.search.sources import TABLES, index_documents
    fts_path.unlink(missing_ok=True)
    con = sqlite3.connect(fts_path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(kind UNINDEXED, eid UNINDEXED, due UNINDEXED, ref, title, body, "
                "context, tags, tokenize='porter unicode61')")

    def tags(doc) -> str:
        out = [f"kind{doc['kind']}"]
        for field in ("source", "finding", "hub", "theme", "status"):
            out += [field + "".join(c for c in v if c.isalnum() or c == "_")
                    for v in doc.get(field, "").split(",") if v]
        return " ".join(out)

    with timed() as t:
        for kind in KINDS:
            table = TABLES[kind]
            with db.reading() as s:
                lo, hi = s.execute(select(func.min(table.id), func.max(table.id))).one()
                for start in range(lo or 1, (hi or 0) + 1, 5000):
                    docs = index_documents(s, kind, lambda c, start=start: c.between(start, start + 4999))
                    con.executemany("INSERT INTO fts VALUES (?,?,?,?,?,?,?,?)",
                                    [(d["kind"], d["eid"], d.get("due"), d.get("ref", ""), d.get("title", ""),
                                      d.get("body", ""), d.get("context", ""), tags(d)) for d in docs])
        con.commit()
        con.execute("INSERT INTO fts(fts) VALUES('optimize')")
        con.commit()
        seconds = t()
    con.close()
    return seconds, fts_path.stat().st_size / 2**20


def time_queries(index, fts_path: Path, rounds: int, whoosh_cold: list, cpu: dict) -> tuple[dict, dict, dict]:
    from ol_desk.core.dates import today
    today_n = int(today().strftime("%Y%m%d"))
    con = sqlite3.connect(fts_path)
    whoosh_t: dict[str, list[float]] = {}
    fts_t: dict[str, list[float]] = {}
    counts: dict[str, tuple[int, int]] = {}
    sql = ("SELECT kind, eid, ref, title, snippet(fts, 5, '<mark>', '</mark>', ' … ', 24) FROM fts "
           "WHERE fts MATCH :q {extra} ORDER BY bm25(fts, 0, 0, 0, 6, 3, 1, 0.5, 0) LIMIT :limit")
    cold = []
    for _cat, q, *_ in QUERIES:  # the first run of each: opens the searcher, reads date ranges, warms the page cache
        t0 = time.perf_counter()
        index.search(q, limit=LIMIT)
        cold.append(time.perf_counter() - t0)
    whoosh_cold[:] = cold
    for _ in range(rounds):
        for _cat, q, match, extra in QUERIES:
            t0, c0 = time.perf_counter(), time.process_time()
            result = index.search(q, limit=LIMIT)
            whoosh_t.setdefault(q, []).append(time.perf_counter() - t0)
            cpu["whoosh"].append(time.process_time() - c0)
            t0, c0 = time.perf_counter(), time.process_time()
            rows = con.execute(sql.format(extra=extra.replace(":today", str(today_n))),
                               {"q": match, "limit": LIMIT}).fetchall()
            fts_t.setdefault(q, []).append(time.perf_counter() - t0)
            cpu["fts"].append(time.process_time() - c0)
            counts[q] = (len(result.hits), len(rows))
    con.close()
    return whoosh_t, fts_t, counts


def edit_to_searchable(db, index, tries: int = 5, offset: int = 0, tag: str = "zebracrossing") -> list[float]:
    """Seconds from the commit of an edit to the first search that finds it (the search applies the backlog).
    Edits the recommendations `offset`, `offset` + 1, … in id order."""
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services import Actor, recommendations
    actor = Actor("Benchmark", Role.CPIC)
    out = []
    with db.reading() as s:
        ids = list(s.scalars(select(Recommendation.id).order_by(Recommendation.id).offset(offset).limit(tries)))
    for i, rec_id in enumerate(ids):
        word = f"{tag}{offset + i}x{os.getpid()}"
        with db.transaction() as s:
            rec = s.get(Recommendation, rec_id)
            recommendations.update_recommendation(s, actor, rec_id, text=f"{rec.text} {word}")
        t0 = time.perf_counter()
        while not index.search(word, limit=5).hits:
            if time.perf_counter() - t0 > 60:
                break
            time.sleep(0.01)
        out.append(time.perf_counter() - t0)
    return out


def segments(index) -> tuple[int, int]:
    """(segments, deleted documents) of the live index."""
    def run(searcher):
        readers = [r for r, _offset in searcher.reader().leaf_readers()]
        return len(readers), sum(r.doc_count_all() - r.doc_count() for r in readers)
    return index._with_searcher(run)


def after_edits(db, index, fts_path: Path, steps: list[int], rounds: int,
                base: tuple[dict, dict]) -> tuple[list[str], list[tuple]]:
    """The whole mix timed again after 1, 10, 100 … edits in all (counted from the start of this run; the last row
    says how many segments and deleted documents the index had): a Markdown table, p50/p95 per class, and its
    columns (label, ol-desk times, FTS5 times, (segments, deleted documents)) for the growth table."""
    cats = list(dict.fromkeys(c for c, *_ in QUERIES))
    columns = [("0", base[0], base[1], segments(index))]
    done = 0
    for n in steps:
        edit_to_searchable(db, index, n - done, offset=1000 + done, tag="okapiedit")
        done = n
        cpu: dict[str, list[float]] = {"whoosh": [], "fts": []}
        w, f, _counts = time_queries(index, fts_path, rounds, [], cpu)
        columns.append((f"{n:,}", w, f, segments(index)))
    out = ["", "### Query time after edits (each edit saved through the services, then searched for)", "",
           "| class | " + " | ".join(f"+{name} edits p50 / p95" for name, *_ in columns) + " | FTS5 p95 (last) |",
           "|---|" + "---|" * (len(columns) + 1)]
    for cat in [*cats, "whole mix"]:
        cells = []
        for _name, w, _f, _seg in columns:
            xs = [x for c, q, *_ in QUERIES if cat in (c, "whole mix") for x in w[q]]
            cells.append(f"{percentile(xs, 50) * 1000:,.0f} / {percentile(xs, 95) * 1000:,.0f} ms")
        fx = [x for c, q, *_ in QUERIES if cat in (c, "whole mix") for x in columns[-1][2][q]]
        out.append(f"| {cat} | " + " | ".join(cells) + f" | {percentile(fx, 95) * 1000:,.0f} ms |")
    out.append("| segments (deleted docs) | " + " | ".join(f"{s} ({d:,})" for *_r, (s, d) in columns) + " | |")
    return out, columns[1:]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_search")
    ap.add_argument("--db", type=Path, default=None, help="one run on this database instead of the demo sizes")
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--procs", type=int, default=2, help="Whoosh writer processes for the build")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--edits", default="1,10,100,1000",
                    help="time the mix again after this many edits in all (comma-separated; empty: not at all); "
                         "with several sizes, at the largest only")
    ap.add_argument("--skip-build", action="store_true",
                    help="reuse the copy and index made by a previous run (the FTS5 file too, if it is there)")
    ap.add_argument("--sizes", default="10000,50000,200000",
                    help="run once per demo size (comma-separated recommendations; each demo built once) and end "
                         "with one table across the sizes and the edits; empty: one run on --db")
    args = ap.parse_args(argv)
    if args.db is None and args.sizes:
        return by_size(args, [int(x) for x in args.sizes.split(",") if x.strip()])
    if args.db is None:
        args.db = shared_demo_db()  # built once if this machine has none yet
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    return 0 if run(args) is not None else 1


def by_size(args, sizes: list[int]) -> int:
    """One run per demo size (the edits at the largest only), then one table: p50/p95 per class at each size and
    after each number of edits, ol-desk against FTS5 on the same texts in the same run (ratio of the p95s)."""
    summaries = []
    edits = args.edits
    for n in sizes:
        args.db, args.work = shared_demo_db(n), BENCH_DIR / f"search-bench-{n}.sqlite3"
        args.edits = edits if n == max(sizes) else ""
        summary = run(args)
        if summary is None:
            return 1
        summaries.append((n, summary))
    print("\n".join(growth_table(summaries, args.rounds)))
    return 0


def growth_table(summaries: list[tuple[int, dict]], rounds: int) -> list[str]:
    """Markdown: a column per size and per step of edits, a row per query class and the whole mix."""
    columns = [(f"{n:,}{' ' + label if label else ''}", w, f)
               for n, s in summaries for label, w, f in s["columns"]]
    cats = [*dict.fromkeys(c for c, *_ in QUERIES), "whole mix"]
    out = ["", f"### Search by size and after edits: ol-desk p50 / p95, FTS5 p95 on the same texts, ratio of the "
               f"p95s ({rounds} rounds; uncached, top {LIMIT} with snippets)", "",
           "| class | " + " | ".join(name for name, *_ in columns) + " |", "|---|" + "---|" * len(columns)]
    for cat in cats:
        cells = []
        for _name, w, f in columns:
            xs = [x for c, q, *_ in QUERIES if cat in (c, "whole mix") for x in w[q]]
            fx = [x for c, q, *_ in QUERIES if cat in (c, "whole mix") for x in f[q]]
            p50, p95, f95 = (percentile(xs, 50) * 1000, percentile(xs, 95) * 1000, percentile(fx, 95) * 1000)
            ref = "FTS5 finds nothing" if cat == "misspelt" else f"FTS5 {f95:,.0f}, {p95 / max(f95, 1e-9):.2f}×"
            cells.append(f"{p50:,.0f} / {p95:,.0f} ms ({ref})")
        out.append(f"| {cat} | " + " | ".join(cells) + " |")
    out.append("| items indexed | " + " | ".join(
        f"{s['items']:,}" if not label else "" for _n, s in summaries for label, *_ in s["columns"]) + " |")
    out.append("| full build (peak memory, all processes) | " + " | ".join(
        (f"{s['build']:,.0f} s ({s['rss']:,.0f} MB)" if s["build"] else "—") if not label else ""
        for _n, s in summaries for label, *_ in s["columns"]) + " |")
    return out


def run(args) -> dict | None:
    """One complete run on args.db; prints its tables and returns {items, build, p95: {class: (ol-desk, FTS5)}}."""
    from ol_desk.core.search import SearchIndex
    from ol_desk.core.store import open_database

    rows: list[Row] = []
    build = build_rss = 0.0
    fts_path = args.work.with_name(args.work.stem + "-fts.sqlite3")
    if not args.skip_build:
        copy_database(args.db, args.work)
    db = open_database(args.work)
    counts_by_kind = {}
    from ol_desk.core.search.indexer import count_rows
    counts_by_kind = count_rows(db)
    items = sum(counts_by_kind.values())
    if not args.skip_build:
        seconds, rss, proc = run_tree_measured(
            [sys.executable, "-m", "ol_desk.core.search.worker", "rebuild", "--procs", str(args.procs)],
            env={"OL_DESK_DB": str(args.work)})
        if proc.returncode != 0:
            print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
            return None
        fts_seconds, fts_mb = build_fts(db, fts_path)
        build, build_rss = seconds, rss
        rows.append(Row(f"full index build ({items:,} items, {args.procs} writer procs)", seconds, "s",
                        fts_seconds, "FTS5 build", "< 600 s"))
        rows.append(Row("peak memory of the build (its processes' PSS summed)", rss, "MB", target="≤ 600 MB"))
    elif not fts_path.exists():
        fts_seconds, fts_mb = build_fts(db, fts_path)
        rows.append(Row("FTS5 reference build alone (the index was built by an earlier run)", fts_seconds, "s"))
    rows.append(Row("index size", dir_size_mb(db.index_dir), "MB", fts_path.stat().st_size / 2**20, "FTS5 file"))
    index = SearchIndex(db)
    index.result_cache_size = 0  # every timed search is answered afresh; the cache gets a row of its own below
    cold: list[float] = []
    cpu: dict[str, list[float]] = {"whoosh": [], "fts": []}
    whoosh_t, fts_t, counts = time_queries(index, fts_path, args.rounds, cold, cpu)
    rows.append(Row(f"first run of each query after opening (max of {len(cold)})", max(cold) * 1000, "ms"))
    all_w = [x for v in whoosh_t.values() for x in v]
    all_f = [x for v in fts_t.values() for x in v]
    p95: dict[str, tuple[float, float]] = {}
    for cat in dict.fromkeys(c for c, *_ in QUERIES):
        w = [x for c, q, *_ in QUERIES if c == cat for x in whoosh_t[q]]
        f = [x for c, q, *_ in QUERIES if c == cat for x in fts_t[q]]
        p95[cat] = (percentile(w, 95) * 1000, percentile(f, 95) * 1000)
        rows.append(Row(f"query p95, {cat} (top {LIMIT} + snippets)", percentile(w, 95) * 1000, "ms",
                        percentile(f, 95) * 1000, "FTS5"))
    rows.append(Row(f"query p50, whole mix ({len(all_w)} runs)", percentile(all_w, 50) * 1000, "ms",
                    percentile(all_f, 50) * 1000, "FTS5"))
    rows.append(Row(f"query p95, whole mix ({len(all_w)} runs)", percentile(all_w, 95) * 1000, "ms",
                    percentile(all_f, 95) * 1000, "FTS5", "≤ 150 ms"))
    rows.append(Row("query p95, whole mix, CPU time of this process (load-independent)",
                    percentile(cpu["whoosh"], 95) * 1000, "ms", percentile(cpu["fts"], 95) * 1000, "FTS5"))
    index.result_cache_size = 64
    repeats = []
    for _cat, q, *_ in QUERIES:
        index.search(q, limit=LIMIT)
        t0 = time.perf_counter()
        index.search(q, limit=LIMIT)
        repeats.append(time.perf_counter() - t0)
    rows.append(Row("query p95, the same search repeated (answer cached)", percentile(repeats, 95) * 1000, "ms"))
    with timed() as t:
        n_ids = len(index.ids_matching("custody", "recommendation"))
    rows.append(Row(f"ids_matching('custody', recommendation): {n_ids:,} ids", t() * 1000, "ms"))
    steps = sorted({int(x) for x in args.edits.split(",") if x.strip()})
    index.result_cache_size = 0
    edited, edit_columns = after_edits(db, index, fts_path, steps, args.rounds, (whoosh_t, fts_t)) if steps else \
        ([], [])
    edits = edit_to_searchable(db, index)
    rows.append(Row("edit → searchable, median of 5", percentile(edits, 50), "s", target="≤ 1 s"))
    rows.append(Row("edit → searchable, worst of 5", max(edits), "s", target="≤ 1 s"))
    print_table(f"Search (Whoosh) on {args.db.name}: {', '.join(f'{k} {v:,}' for k, v in counts_by_kind.items())}",
                rows)
    print("\nhits returned (ol-desk / FTS5; FTS5 has no typo tolerance, so misspelt words find nothing there):")
    for _cat, q, *_ in QUERIES:
        print(f"  {q:<45} {counts[q][0]:>3} / {counts[q][1]:>3}")
    print("\n".join(edited))
    index.close()
    print(f"\ntoday = {dt.date.today()}; rounds = {args.rounds}; load average at the end: {os.getloadavg()}")
    db.dispose()
    p95["whole mix"] = (percentile(all_w, 95) * 1000, percentile(all_f, 95) * 1000)
    return {"items": items, "build": build, "rss": build_rss, "p95": p95,
            "columns": [("", whoosh_t, fts_t), *((f"+{n} edits", w, f) for n, w, f, _seg in edit_columns)]}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
