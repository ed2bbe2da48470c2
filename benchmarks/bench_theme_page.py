"""Theme pages: are the repeated-concern groups right, and is the page fast at 200,000 recommendations?

    python -m benchmarks theme_page
    python -m benchmarks.bench_theme_page [--db PATH] [--big PATH] [--skip-big]

Precision, on the demo register (10,000 findings, seed 1, anchored on 1 June 2025; bench_similar's, built once):
the demo writes
each finding from its theme's problem sentences and remedies (ol_desk/core/demo/phrases.py) with slots filled in,
so what a finding *says* is known (bench_similar's labels, with remedies as well as problems). A group's first
finding states the concern; a member is right when it states a concern (a problem or a remedy) that the first
one states. Precision is the share of members (after the first) that are right, over every theme's repeated
groups. The reference in the same run: groups of the same sizes drawn at random from the same theme.
Thresholds are swept; the app uses concern_grouping.THRESHOLD.

Time, on the shared 200,000-recommendation demo: the whole theme page (numbers, timeline, repeated concerns,
evidence of learning embedded) as the worker thread reads it, for the four largest themes; the reference in the
same run is the dashboard (its tiles and charts) on the same register.
"""
from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from .bench_similar import _database
from .common import Row, median, print_table, shared_demo_db, timed

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def concern_patterns() -> list[re.Pattern]:
    """Each problem sentence and each remedy of every theme as a pattern (slots match anything)."""
    from ol_desk.core.demo import phrases as ph
    templates = set()
    for theme in [*ph.THEMES.values(), ph.GENERIC]:
        templates.update(t.rstrip(".") for t in theme.problems)
        templates.update(theme.remedies)
    out = []
    for t in sorted(templates):
        body = re.sub(r"\\\{\w+\\\}", r".+?", re.escape(t))
        out.append(re.compile(body, re.IGNORECASE))
    return out


def _labels(texts: dict[int, str], patterns) -> dict[int, frozenset[int]]:
    return {i: frozenset(k for k, p in enumerate(patterns) if p.search(t or "")) for i, t in texts.items()}


def precision(db, threshold: float, labels, rng: random.Random, themes) -> dict:
    from ol_desk.core.theme_page.repeated_concerns import repeated_concerns
    right = asked = base_right = groups = grouped = findings = 0
    per_group = []
    led: dict[tuple[int, int], int] = {}   # (theme, concern) -> groups whose first finding states it
    with db.reading() as s:
        for ref, theme_ids in themes:
            found = repeated_concerns(s, ref.id, ref.name, threshold=threshold)
            findings += found.findings
            for g in found.groups:
                first = g.members[0].id
                for concern in labels[first]:
                    led[(ref.id, concern)] = led.get((ref.id, concern), 0) + 1
                others = [i for i in g.findings.filter.ids if i != first]
                ok = sum(bool(labels[i] & labels[first]) for i in others)
                right += ok
                asked += len(others)
                per_group.append(ok / len(others))
                groups += 1
                grouped += g.size
                pick = rng.sample(theme_ids, min(len(theme_ids), len(others) + 1))
                base_right += sum(bool(labels[i] & labels[pick[0]]) for i in pick[1:])
    return {"precision": right / asked if asked else float("nan"),
            "mean_group": sum(per_group) / len(per_group) if per_group else float("nan"),
            "reference": base_right / asked if asked else float("nan"),
            "groups": groups, "coverage": grouped / findings if findings else 0.0,
            "per_concern": sum(led.values()) / len(led) if led else float("nan")}


def timing(path: Path, rounds: int = 3) -> list[Row]:
    from sqlalchemy import func, select

    from ol_desk.core.model import RecommendationTheme
    from ol_desk.core.queries import dashboard
    from ol_desk.core.store import open_database
    from ol_desk.core.theme_page.page import theme_page, themes
    from ol_desk.core.theme_page.repeated_concerns import repeated_concerns
    db = open_database(path)
    rows = []
    with db.reading() as s:
        sizes = dict(s.execute(select(RecommendationTheme.theme_id, func.count())
                               .group_by(RecommendationTheme.theme_id)).all())
        biggest = sorted(themes(s), key=lambda t: -sizes.get(t.id, 0))[:4]
        ref_times, ref_cpu = [], []
        for _ in range(rounds):
            cpu = time.process_time()
            with timed() as t:
                dashboard.compute(s)
            ref_times.append(t())
            ref_cpu.append(time.process_time() - cpu)
        ref = median(ref_times)
        for theme in biggest:
            times, cpus, grouping = [], [], []
            for _ in range(rounds):
                cpu = time.process_time()
                with timed() as t:
                    page = theme_page(s, theme)
                times.append(t())
                cpus.append(time.process_time() - cpu)
                with timed() as g:
                    repeated_concerns(s, theme.id, theme.name)
                grouping.append(g())
            r = page.repeated
            rows.append(Row(f"theme page '{theme.code}' ({sizes.get(theme.id, 0):,} findings, {r.grouped:,} "
                            f"grouped, {len(r.groups):,} repeated concerns), median of {rounds}",
                            median(times), "s", ref, "the dashboard, same register", target="≤ 2 s"))
            rows.append(Row("  the same, CPU time of this process", median(cpus), "s", median(ref_cpu),
                            "the dashboard's CPU time"))
            rows.append(Row("  of which repeated concerns (read and group)", median(grouping), "s", median(times),
                            "the whole page"))
    db.dispose()
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks theme_page")
    parser.add_argument("--db", type=Path, default=None, help="a demo register for precision (default 10,000)")
    parser.add_argument("--big", type=Path, default=None, help="the register to time (default the shared 200,000)")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    from sqlalchemy import select

    from ol_desk.core.model import Recommendation, RecommendationTheme
    from ol_desk.core.store import open_database
    from ol_desk.core.theme_page import concern_grouping
    from ol_desk.core.theme_page.page import themes as all_themes

    db = open_database(_database(args.db))
    patterns = concern_patterns()
    with db.reading() as s:
        texts = dict(s.execute(select(Recommendation.id, Recommendation.text)).all())
        members: dict[int, list[int]] = {}
        for rec_id, theme_id in s.execute(select(RecommendationTheme.recommendation_id,
                                                 RecommendationTheme.theme_id)):
            members.setdefault(theme_id, []).append(rec_id)
        themes = [(t, members.get(t.id, [])) for t in all_themes(s)]
    labels = _labels(texts, patterns)
    out = []
    for threshold in THRESHOLDS:
        m = precision(db, threshold, labels, random.Random(args.seed), themes)
        name = f"threshold {threshold}" + (" (the app's)" if threshold == concern_grouping.THRESHOLD else "")
        out.append(Row(f"{name}: precision of members ({m['groups']:,} groups, {m['coverage']:.0%} of "
                       f"findings in one)", m["precision"], "", m["reference"], "random groups, same sizes"))
        out.append(Row(f"{name}: mean precision per group", m["mean_group"], ""))
        out.append(Row(f"{name}: groups per concern (one concern split over several groups)",
                       m["per_concern"], ""))
    db.dispose()
    print_table(f"Repeated concerns: precision on the demo register ({len(texts):,} findings)", out)
    if not args.skip_big:
        print_table("Theme page: time on the worker thread", timing(args.big or shared_demo_db()))
    return 0


if __name__ == "__main__":
    import sys
    raise SystemExit(main(sys.argv[1:]))
