"""How useful the similar-items finder is, measured on the demo register with a labelled set.

    python -m benchmarks similar [--db PATH] [--queries 60] [--seed 7]

The labels come from how the demo wrote each finding: its text is built from a theme's problem sentences
(ol_desk/core/demo/phrases.py), with slots such as {borough} filled in. Two findings state *the same concern* when
they contain the same problem sentence (matched as a pattern, whatever the slots hold). That is the ground truth:
a new item's finder hit is relevant when it states a concern the new item states. A looser label, *same theme*,
counts hits that share a theme (from recommendation_themes).

For each query (a random finding with a known concern, from PFD, IOPC or HMICFRS), the finder is asked for 5
recommendations from other documents, exactly as the app asks; precision@5 is the share of those 5 that are
relevant. The reference in the same run is what 5 random findings from other documents would score.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

from .common import BENCH_DIR, Row, print_table, timed

OWN = BENCH_DIR / "insight-sim-10k.sqlite3"


def _database(path: Path | None) -> Path:
    """The given database, else a 10,000-finding demo (seed 1, anchored on 1 June 2025) built once."""
    if path is not None:
        return path
    if not OWN.exists():
        from ol_desk.core.demo.generate import generate_demo
        from ol_desk.core.store import open_database
        db = open_database(OWN)
        generate_demo(db, 10_000, seed=1, on=dt.date(2025, 6, 1))
        db.dispose()
    return OWN


def concern_patterns() -> list[re.Pattern]:
    from ol_desk.core.demo import phrases as ph
    templates = {t for theme in list(ph.THEMES.values()) + [ph.GENERIC] for t in theme.problems}
    out = []
    for t in sorted(templates):
        body = re.escape(t.rstrip("."))
        body = re.sub(r"\\\{\w+\\\}", r".+?", body)
        out.append(re.compile(body, re.IGNORECASE))
    return out


def concerns_of(text: str, patterns) -> frozenset[int]:
    return frozenset(i for i, p in enumerate(patterns) if p.search(text or ""))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks similar")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation, RecommendationTheme, SourceDocument
    from ol_desk.core.search import SearchIndex
    from ol_desk.core.similar import similar_recommendations
    from ol_desk.core.store import open_database

    db = open_database(_database(args.db))
    index = SearchIndex(db, use_process=False)
    index.ensure()
    patterns = concern_patterns()
    with db.reading() as s:
        rows = s.execute(select(Recommendation.id, Recommendation.document_id, Recommendation.text,
                                SourceDocument.kind).join(SourceDocument)).all()
        themes: dict[int, set[int]] = {}
        for rec_id, theme_id in s.execute(select(RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)):
            themes.setdefault(rec_id, set()).add(theme_id)
    info = {r.id: (r.document_id, concerns_of(r.text, patterns)) for r in rows}
    rng = random.Random(args.seed)
    candidates = [r for r in rows if r.kind.value in ("pfd", "iopc", "hmicfrs") and info[r.id][1]]
    queries = rng.sample(candidates, min(args.queries, len(candidates)))
    hits_same, hits_theme, base_same, base_theme, asked, times = 0, 0, 0, 0, 0, []
    everyone = [r.id for r in rows]
    for q in queries:
        doc, concerns = info[q.id]
        with db.reading() as s, timed() as t:
            found = similar_recommendations(s, index, q.text, exclude_ids=(q.id,), document_id=doc, limit=5)
        times.append(t())
        for f in found:
            hits_same += bool(info[f.id][1] & concerns)
            hits_theme += bool(themes.get(f.id, set()) & themes.get(q.id, set()))
        asked += 5
        for other in rng.sample([i for i in everyone if info[i][0] != doc], 5):
            base_same += bool(info[other][1] & concerns)
            base_theme += bool(themes.get(other, set()) & themes.get(q.id, set()))
    index.close()
    db.dispose()
    p_same, p_theme = hits_same / asked, hits_theme / asked
    rows_out = [
        Row(f"precision@5, same concern ({len(queries)} queries, {len(rows):,} findings)", p_same, "",
            base_same / asked, "5 random findings"),
        Row("precision@5, same theme", p_theme, "", base_theme / asked, "5 random findings"),
        Row("finder time per query, median", sorted(times)[len(times) // 2], "s"),
    ]
    print_table("Similar items: usefulness on the demo register", rows_out)
    return 0
