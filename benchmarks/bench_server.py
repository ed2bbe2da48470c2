"""The shared deployment's speed: PostgreSQL beside SQLite in the same run, on the same 200,000-recommendation
register (the shared demo, copied into a throwaway PostgreSQL cluster started from the installed binaries).

    python -m benchmarks server
    python -m benchmarks.bench_server --recommendations 10000 --import-rows 10000   # a quick look

Scenarios (PostgreSQL measured, SQLite the reference; goal ≤ 1.5×), each the register's own SQL (what the GUI's
operation thread runs, gui/registers/query.py):
  first page      the first 100 ids in the default order, the count, their rows' columns, the total (what the
                  register model reads before it paints)
  sort by COLUMN  the first page sorted by each column of the Recommendations register, and then the whole id
                  list in that order (the model's second phase, read while the first page is on screen); median of 3
  next page       the columns of rows 101–200 (the ids are already known)
  import          `ol-desk import` of a generated 100,000-row register into a fresh database, in a child process
                  (on the server as a CPIC login, so row-level security and triggers are in the way as for users)
  export          the Board pack's queries and values for the whole register (what is SQL in an export; writing
                  the workbook is the same code on both stores), and the whole pack for one hub
Search is not here: the query runs in Whoosh on the workstation, the same on both stores; what the store adds is
one max(seq) read per search. The PostgreSQL cluster runs with fsync off (a test cluster): commit costs are not
what a real server's are.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from .common import BENCH_DIR, Row, median, print_table, run_measured, shared_demo_db

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("hubs", "themes", "people", "documents", "import_batches", "import_profiles", "recommendations",
          "recommendation_hubs", "recommendation_themes", "actions", "action_recommendations", "progress_updates",
          "evidence", "date_changes", "learning_entries", "related_links", "audit_events", "search_outbox")
PAGE = 100


def copy_to_server(sqlite_file: Path, url: str) -> None:
    """Schema by Alembic, rows by COPY (booleans and dates as SQLite stores them parse as PostgreSQL input), the
    uid kept, then `server init` for roles, rights and triggers."""
    import psycopg
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from ol_desk.core.store import migrations
    from ol_desk.core.store.server.admin import init_server
    engine = create_engine(url)
    migrations.upgrade(engine, None)
    engine.dispose()
    u = make_url(url)
    src = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as dst:
        for table in TABLES:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            target = {r[0] for r in dst.execute("SELECT column_name FROM information_schema.columns WHERE "
                                                "table_name = %s", (table,))}
            cols = [c for c in cols if c in target]
            with dst.cursor().copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {', '.join(cols)} FROM {table}"):
                    copy.write_row(row)
            key = "seq" if table == "search_outbox" else "id"
            if key in cols:
                dst.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{key}'), "
                            f"GREATEST((SELECT max({key}) FROM {table}), 1))")
        for key, value in src.execute("SELECT key, value FROM meta"):
            dst.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
                        "SET value = excluded.value", (key, value))
        dst.commit()
        dst.autocommit = True
        dst.execute("VACUUM ANALYZE")
    src.close()
    init_server(url)


def _timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def register_scenarios(db) -> dict[str, float]:
    """As the register model reads (gui/registers/model.py): the first page (the first 100 ids, the count, their
    rows, the table's total) is what the user waits for; the whole id list follows in a second read."""
    from ol_desk.gui.registers import query as rq
    from ol_desk.gui.registers.specs import RECOMMENDATIONS as spec
    out = {}
    with db.reading() as s:
        rq.fetch_ids(s, spec, rq.RegisterQuery(), limit=PAGE)  # warm the caches once, as a running app has

        def first(q):
            ids = rq.fetch_ids(s, spec, q, limit=PAGE)
            rq.count_matching(s, spec, q)
            rq.fetch_rows(s, spec, ids)
            rq.count_all(s, spec)
        out["first page"] = _timed(lambda: first(rq.RegisterQuery()))
        ids = rq.fetch_ids(s, spec, rq.RegisterQuery())
        out["next page (rows 101-200)"] = _timed(lambda: rq.fetch_rows(s, spec, ids[PAGE:2 * PAGE]))
        for col in spec.columns:
            if col.visible:
                q = rq.RegisterQuery(sort_key=col.key)
                out[f"sort by {col.title}: first page"] = _timed(lambda q=q: first(q))
                out[f"sort by {col.title}: all ids (second phase)"] = _timed(
                    lambda q=q: rq.fetch_ids(s, spec, q))
    return out


def export_scenarios(db) -> dict[str, float]:
    from ol_desk.core.excel.board_pack import pack_queries as q
    from ol_desk.core.excel.board_pack import register_pack as rp
    from ol_desk.core.queries.register_filter import RegisterFilter
    on = dt.date.today()
    out = {}
    with db.reading() as s:
        start = time.perf_counter()
        for rows, values in ((q.recommendation_rows(s, RegisterFilter(), on), rp.rec_values),
                             (q.action_rows(s, RegisterFilter(), on), rp.action_values)):
            for r in rows:
                values(r, on)
        out["export: the pack's rows and values, whole register"] = time.perf_counter() - start
    return out


def import_scenario(url_or_path: str, book: Path, env: dict) -> float:
    seconds, _rss, proc = run_measured([sys.executable, "-m", "ol_desk", "--db", url_or_path, "import", str(book)],
                                       env)
    if proc.returncode != 0:
        raise RuntimeError(f"import failed: {proc.stderr[-2000:]}")
    return seconds


def hub_pack(url_or_path: str, out: Path, env: dict) -> float:
    seconds, _rss, proc = run_measured([sys.executable, "-m", "ol_desk", "--db", url_or_path, "export", str(out),
                                        "--hub", "NW"], env)
    if proc.returncode != 0:
        raise RuntimeError(f"export failed: {proc.stderr[-2000:]}")
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks server")
    parser.add_argument("--recommendations", type=int, default=200_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from ol_desk.core.store import open_database
    from ol_desk.core.store.server.admin import add_user
    from tests.pg_cluster import Cluster, admin_execute, ensure_logins, find_bindir

    from .bench_import import generate
    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL server binaries not found: `make system-deps` installs them", file=sys.stderr)
        return 2
    demo = shared_demo_db(args.recommendations) if args.recommendations == 200_000 else _small_demo(args)
    work = Path(tempfile.mkdtemp(prefix="ol-desk-bench-server-", dir=BENCH_DIR))
    book = generate(work / "register.xlsx", args.import_rows)
    cluster = Cluster(bindir).start()
    rows: list[Row] = []
    try:
        admin_execute(cluster, "CREATE DATABASE register", "CREATE DATABASE imports")
        ensure_logins(cluster, "bench.cpic")
        t0 = time.perf_counter()
        copy_to_server(demo, cluster.url("register"))
        print(f"copied {demo.name} into PostgreSQL in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        add_user(cluster.url("register"), "bench.cpic", "cpic", name="Bench CPIC")
        os.environ["OL_DESK_DATA_DIR"] = str(work / "workstation")
        server = open_database(cluster.url("register", "bench.cpic"))
        local = open_database(f"sqlite+pysqlite:///file:{demo}?mode=ro&uri=true")
        try:
            pg, lite = register_scenarios(server), register_scenarios(local)
            for key in pg:
                rows.append(Row(key, pg[key] * 1000, "ms", lite[key] * 1000, "SQLite", "≤ 1.5×"))
            e_pg, e_lite = export_scenarios(server), export_scenarios(local)
            for key in e_pg:
                rows.append(Row(key, e_pg[key], "s", e_lite[key], "SQLite", "≤ 1.5×"))
        finally:
            server.dispose()
            local.dispose()
        env = {"OL_DESK_DATA_DIR": str(work / "workstation")}
        hub_local = work / "hub-copy.sqlite3"
        import shutil
        shutil.copyfile(demo, hub_local)
        rows.append(Row("export: whole Board pack for hub NW (process)",
                        hub_pack(cluster.url("register", "bench.cpic"), work / "nw-pg.xlsx", env), "s",
                        hub_pack(str(hub_local), work / "nw-lite.xlsx", env), "SQLite", "≤ 1.5×"))
        from ol_desk.core.store.server.admin import init_server
        init_server(cluster.url("imports"))
        add_user(cluster.url("imports"), "bench.cpic", "cpic", name="Bench CPIC")
        open_database(work / "imports.sqlite3").dispose()
        rows.append(Row(f"import {args.import_rows:,} rows (process)",
                        import_scenario(cluster.url("imports", "bench.cpic"), book, env), "s",
                        import_scenario(str(work / "imports.sqlite3"), book, env), "SQLite", "≤ 1.5×"))
    finally:
        cluster.stop()
    print_table(f"PostgreSQL beside SQLite, {args.recommendations:,} recommendations", rows)
    return 0


def _small_demo(args) -> Path:
    import subprocess
    path = BENCH_DIR / f"demo-{args.recommendations}-server.sqlite3"
    if not path.exists():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "ol_desk", "--db", str(path), "demo", "--recommendations",
                        str(args.recommendations)], check=True)
    return path


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
