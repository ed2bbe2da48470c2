"""How good theme suggestions are: precision and recall against known themes, on the demo and on real text.

    python -m benchmarks themes [--queries 300] [--seed 7]

Demo: a 10,000-finding demo register (seed 1, anchored on 1 June 2025, built once). The demo tags each finding
with the theme its text was written from (sometimes a second one); those tags are the truth. For each of
`--queries` findings drawn at random, its own tags are hidden and the suggester is asked as the app asks:
- words: the themes' words and synonyms only (what an import suggests);
- neighbours: the themes of the most similar tagged items only (the finding itself left out);
- both: what "Suggest themes" and the editor show.
Real: the 40 real coroners' reports of tests/samples/pfd_reports_register.xlsx, imported into an empty database
(no tags, so words only), against themes judged by reading each report (benchmarks/theme_labels_pfd.json: how
they were judged is in docs/themes.md).

Precision: of the themes suggested, the share that are right. Recall: of the right themes, the share suggested.
The reference in the same run: suggesting each finding the register's most common theme.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
from collections import Counter
from pathlib import Path

from .common import BENCH_DIR, Row, median, print_table, timed

OWN = BENCH_DIR / "themes-10k.sqlite3"
LABELS = Path(__file__).with_name("theme_labels_pfd.json")
SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "samples" / "pfd_reports_register.xlsx"


def _database() -> Path:
    if not OWN.exists():
        from ol_desk.core.demo.generate import generate_demo
        from ol_desk.core.store import open_database
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        db = open_database(OWN)
        generate_demo(db, 10_000, seed=1, on=dt.date(2025, 6, 1))
        db.dispose()
    return OWN


class Score:
    def __init__(self) -> None:
        self.suggested = self.right = self.truth = self.found = self.with_any = self.items = 0

    def add(self, suggested: set, truth: set) -> None:
        self.items += 1
        self.suggested += len(suggested)
        self.right += len(suggested & truth)
        self.truth += len(truth)
        self.found += len(truth & suggested)
        self.with_any += bool(suggested)

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else float("nan")

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else float("nan")


def _demo(queries: int, seed: int) -> list[Row]:
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation, RecommendationTheme
    from ol_desk.core.search import SearchIndex
    from ol_desk.core.store import open_database
    from ol_desk.core.themes.suggestions import ThemeSuggester, finding_text

    db = open_database(_database())
    index = SearchIndex(db, use_process=False)
    index.ensure()
    with db.reading() as s:
        tags: dict[int, set[int]] = {}
        for rec_id, theme_id in s.execute(select(RecommendationTheme.recommendation_id, RecommendationTheme.theme_id)):
            tags.setdefault(rec_id, set()).add(theme_id)
        texts = {r.id: finding_text(r.title, r.text) for r in s.execute(
            select(Recommendation.id, Recommendation.title, Recommendation.text))}
    common = Counter(t for ts in tags.values() for t in ts).most_common(1)[0][0]
    rng = random.Random(seed)
    picked = rng.sample(sorted(i for i in texts if i in tags), queries)
    words, near, both, base, times = Score(), Score(), Score(), Score(), []
    with db.reading() as s:
        suggester = ThemeSuggester(s, index)
        for rec_id in picked:
            truth, text = tags[rec_id], texts[rec_id]
            words.add({x.theme_id for x in suggester.by_words(text)}, truth)
            near.add({x.theme_id for x in suggester.by_neighbours(text, exclude_ids=(rec_id,))}, truth)
            with timed() as t:
                found = suggester.for_text(text, exclude_ids=(rec_id,))
            times.append(t())
            both.add({x.theme_id for x in found}, truth)
            base.add({common}, truth)
        from ol_desk.core.themes.suggestion_report import suggestion_report
        thousand = rng.sample(sorted(texts), 1000)
        with timed() as t:
            suggestion_report(s, index, thousand)      # > NEIGHBOUR_LIMIT: words only, as the register does
        thousand_time = t()
    index.close()
    db.dispose()
    n = f"{queries} findings of {len(texts):,}"
    return [
        Row(f"demo, words: precision ({n})", words.precision, "", base.precision, "most common theme"),
        Row("demo, words: recall", words.recall, "", base.recall, "most common theme"),
        Row("demo, words: findings with a suggestion", words.with_any / words.items, ""),
        Row("demo, neighbours: precision", near.precision, "", base.precision, "most common theme"),
        Row("demo, neighbours: recall", near.recall, "", base.recall, "most common theme"),
        Row("demo, both: precision", both.precision, "", base.precision, "most common theme"),
        Row("demo, both: recall", both.recall, "", base.recall, "most common theme"),
        Row("demo, both: time per finding, median", median(times), "s"),
        Row("Suggest themes for 1,000 selected findings (words only, with the catalogue)", thousand_time, "s",
            target="≤ 5 s"),
    ]


def real_suggestions(db) -> dict[str, set[str]]:
    """Report reference → suggested theme codes, for the real sample imported into `db` (words only)."""
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation, SourceDocument, Theme
    from ol_desk.core.themes.suggestions import ThemeSuggester

    with db.reading() as s:
        codes = dict(s.execute(select(Theme.id, Theme.code)).all())
        refs = dict(s.execute(select(Recommendation.id, SourceDocument.reference).join(SourceDocument)).all())
        found = ThemeSuggester(s).for_recommendations(refs, neighbours=False)
    out: dict[str, set[str]] = {}
    for rec_id, suggestions in found.items():
        out.setdefault(refs[rec_id], set()).update(codes[x.theme_id] for x in suggestions)
    return out


def _real() -> list[Row]:
    from ol_desk.core.excel.register_import.importer import import_file
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services.actor import Actor
    from ol_desk.core.store import open_database

    labels: dict[str, list[str]] = json.loads(LABELS.read_text())["labels"]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "real.sqlite3")
        import_file(db, SAMPLE, Actor("benchmark", Role.CPIC))
        found = real_suggestions(db)
        db.dispose()
    common = Counter(t for ts in labels.values() for t in ts).most_common(1)[0][0]
    score, base, none_right = Score(), Score(), 0
    for ref, truth in labels.items():
        got = found.get(ref, set())
        score.add(got, set(truth))
        base.add({common}, set(truth))
        none_right += not truth and not got
    empty = sum(1 for t in labels.values() if not t)
    return [
        Row(f"real PFD text, words: precision ({len(labels)} reports)", score.precision, "", base.precision,
            f"most common theme ({common})"),
        Row("real PFD text, words: recall", score.recall, "", base.recall, f"most common theme ({common})"),
        Row(f"real: reports with no police theme left without a suggestion (of {empty})", none_right, ""),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks themes")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print_table("Theme suggestions: precision and recall", _demo(args.queries, args.seed) + _real())
    return 0
