"""Groups of findings that say the same thing, from their words alone (no database, no Qt).

The similar-items finder (ol_desk/core/similar.py) asks the search index for one item's neighbours, 0.1–0.8 s a
question: fine for one item on screen, far too slow for the 10,000 findings a theme may hold at 200,000
recommendations. This is the same idea — weighted term overlap, the sources' standard wording taken out
(ol_desk/core/standard_wording.py) — done in memory over one theme's findings at once, with bounded work:

- a finding's terms: words, lower case, stop words dropped, stemmed (Porter, as the search index stems);
  weighted tf × idf within the theme, so words every finding of the theme uses count for little;
  terms in more than half of the findings are dropped;
- one pass, oldest finding first ("leader" grouping): a finding joins the group whose first finding it is most
  like (cosine ≥ `threshold`), else it starts a group of its own. The first finding is the group's statement
  of the concern, so a group never drifts away from what was first said;
- bounded: only each finding's `probe_terms` heaviest terms look for candidate groups, each term remembers at
  most `postings_cap` groups (the first ones whose heaviest terms it was), and only the `CHECKED` best
  candidates are compared in full. Work per finding is at most probe_terms × postings_cap additions plus
  CHECKED full comparisons, whatever the register holds; a finding whose group its probes miss starts a group
  of its own (a repeat split in two, never a wrong member).
"""
from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem

from ol_desk.core.standard_wording import without_standard_wording_lower

THRESHOLD = 0.6        # measured on the demo register: benchmarks/bench_theme_page.py, docs/themes.md
PROBE_TERMS = 8
POSTINGS_CAP = 32
CHECKED = 3          # candidate groups whose first finding is compared in full
COMMON_SHARE = 0.5     # a term in more than this share of the theme's findings says nothing about the concern

_WORD = re.compile(r"[a-z]{3,}")
# Words of the voice of a source, not of what it found ("the force should", "the investigation found").
_VOICE = frozenset({"force", "metropolitan", "police", "service", "should", "recommend", "recommends",
                    "commissioner", "found", "evidence", "inquest", "investigation", "concern", "concerned",
                    "opinion", "future", "deaths", "risk", "action", "taken", "heard", "emerged", "revealed",
                    "accepted", "established", "showed", "matters", "particular", "improve", "approach",
                    "cause", "remains", "position", "set", "out", "above", "also", "would", "could", "must",
                    # common words the search index's stop list keeps
                    "was", "were", "been", "being", "had", "has", "did", "does", "its", "their", "they", "them",
                    "there", "which", "who", "whom", "what", "than", "then", "into", "all", "any", "each", "such",
                    "more", "most", "some", "very", "our", "his", "her", "she", "him", "but", "because", "after",
                    "before", "while", "where", "whether", "other", "these", "those", "only", "over"})
_STOP = frozenset(STOP_WORDS) | _VOICE
_STEMS: dict[str, str] = {}
_SURFACE: dict[str, str] = {}   # a stem's first word seen (for captions)


def terms_of(text: str) -> list[str]:
    """The matching terms of a finding's text (standard wording out, stop words out, stemmed)."""
    out = []
    for word in _WORD.findall(without_standard_wording_lower((text or "").lower())):
        if word in _STOP:
            continue
        s = _STEMS.get(word)
        if s is None:
            s = _STEMS.setdefault(word, stem(word))
            _SURFACE.setdefault(s, word)
        out.append(s)
    return out


@dataclass
class Grouping:
    """The groups found: each a list of positions in the input, the first finding first."""
    groups: list[list[int]] = field(default_factory=list)
    key_terms: list[list[str]] = field(default_factory=list)   # each group's heaviest terms, for a caption
    work: int = 0                                               # score additions made (the bound's measure)


def _vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    bags = [terms_of(t) for t in texts]
    df: dict[str, int] = {}
    for bag in bags:
        for t in set(bag):
            df[t] = df.get(t, 0) + 1
    n = max(len(bags), 1)
    common = max(2, int(COMMON_SHARE * n))
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items() if d <= common or n < 4}
    out = []
    for bag in bags:
        tf: dict[str, int] = {}
        for t in bag:
            if t in idf:
                tf[t] = tf.get(t, 0) + 1
        vec = {t: (1.0 + math.log(c)) * idf[t] for t, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        out.append({t: w / norm for t, w in vec.items()})
    return out


def _leader_pass(vectors: Sequence[dict[str, float]], threshold: float, probe_terms: int, postings_cap: int
                 ) -> tuple[list[list[int]], list[dict[str, float]], int]:
    """One pass in order: each vector joins the group whose first vector it is most like, else starts one."""
    leaders: list[dict[str, float]] = []
    members: list[list[int]] = []
    postings: dict[str, list[int]] = {}
    work = 0
    heaviest = itemgetter(1)
    for i, vec in enumerate(vectors):
        best, best_score = -1, 0.0
        ranked = sorted(vec.items(), key=heaviest, reverse=True)   # a finding holds a few dozen terms at most
        if ranked:
            partial: dict[int, float] = {}
            get = partial.get
            for t, w in ranked[:probe_terms]:
                posted = postings.get(t)
                if posted:
                    for g in posted:
                        partial[g] = get(g, 0.0) + w * leaders[g][t]
                    work += len(posted)
            # the exact cosine (both vectors are unit length) for the few that share most of its heaviest terms
            for g, _p in heapq.nlargest(CHECKED, partial.items(), key=heaviest):
                lead = leaders[g]
                s = sum([vec[u] * lead[u] for u in vec.keys() & lead.keys()])
                work += len(vec)
                if s > best_score or (s == best_score and g < best):
                    best, best_score = g, s
        if best >= 0 and best_score >= threshold:
            members[best].append(i)
            continue
        g = len(leaders)
        leaders.append(vec)
        members.append([i])
        for t, _w in ranked[:probe_terms * 2]:
            posted = postings.setdefault(t, [])
            if len(posted) < postings_cap:
                posted.append(g)
    return members, leaders, work


def group_texts(texts: Sequence[str], *, threshold: float = THRESHOLD, probe_terms: int = PROBE_TERMS,
                postings_cap: int = POSTINGS_CAP) -> Grouping:
    """Group `texts` (given oldest first). Every text is in exactly one group; singletons included."""
    vectors = _vectors(texts)
    members, leaders, work = _leader_pass(vectors, threshold, probe_terms, postings_cap)
    key_terms = []
    for g, group in enumerate(members):
        weight: dict[str, float] = {}
        for i in group[:200]:
            for t, w in vectors[i].items():
                if t in leaders[g]:
                    weight[t] = weight.get(t, 0.0) + w
        key_terms.append([_SURFACE.get(t, t) for t, _w in sorted(weight.items(), key=lambda kv: -kv[1])[:4]])
    return Grouping(members, key_terms, work)
