"""Search hits as the callers see them: kind, id, reference, title, score and a highlighted snippet.

What a hit shows is read from the database (by id, a handful of rows), so it is always the saved text; a hit
whose row has gone since the index was written is dropped.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field

from whoosh import highlight

from . import evidence_source
from .schema import META_KEY
from .sources import display_rows

SNIPPET_CHARS = 220


@dataclass(frozen=True)
class Hit:
    kind: str                 # an Entity value: recommendation, action, update, document, learning
    id: int
    reference: str
    title: str
    score: float
    snippet_html: str         # matched words in <mark>…</mark>, the rest HTML-escaped
    snippet_text: str         # the same without markup
    # Evidence only: the item it is attached to ("recommendation" or "action", and its id), which a hit opens.
    parent_kind: str = ""
    parent_id: int | None = None

    def as_dict(self) -> dict:
        out = {"kind": self.kind, "id": self.id, "reference": self.reference, "title": self.title,
               "score": round(self.score, 3), "snippet": self.snippet_text}
        if self.parent_kind:
            out.update(parent_kind=self.parent_kind, parent_id=self.parent_id)
        return out


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    total_estimate: int = 0              # how many items match (estimated unless total_exact)
    corrected_query: str | None = None   # the query as corrected for typos, when it was ("custdy" → "custody")
    total_exact: bool = False            # an exact count (ranked on arrays and no phrase left unchecked)


class _Mark(highlight.HtmlFormatter):
    def __init__(self):
        super().__init__(tagname="mark", classname="", termclass="", between=" … ")

    def format_token(self, text, token, replace=False):
        ttext = highlight.htmlescape(highlight.get_text(text, token, replace), quote=False)
        return f"<mark>{ttext}</mark>"


def configure(results) -> None:
    results.fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
    results.formatter = _Mark()


def _plain(snippet_html: str) -> str:
    return html.unescape(re.sub(r"</?mark>", "", snippet_html))


def _lead(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _kind_and_id(key: str) -> tuple[str, int]:
    kind, _, number = key.partition(":")
    return kind, int(number)


def build_hits(session, whoosh_hits, *, snippets: bool = True) -> list[Hit]:
    """Hits in rank order, with what they show read from the database."""
    entries = [(h, *_kind_and_id(h["key"])) for h in whoosh_hits if h["key"] != META_KEY]
    by_kind: dict[str, list[int]] = defaultdict(list)
    for _h, kind, eid in entries:
        by_kind[kind].append(eid)
    rows = {kind: display_rows(session, kind, ids) for kind, ids in by_kind.items() if kind != "evidence"}
    parents = evidence_source.evidence_parents(session, by_kind["evidence"]) if by_kind.get("evidence") else {}
    out = []
    for h, kind, eid in entries:
        parent_kind, parent_id = "", None
        if kind == "evidence":
            if eid not in parents:
                continue
            reference, title, parent_kind, parent_id = parents[eid]
            text = evidence_source.unpack(h.get("evtext"))   # a file's words are kept in the index, not the database
        else:
            row = rows[kind].get(eid)
            if row is None:
                continue
            reference, title, text = row
        snippet = ""
        if snippets:
            for fname, source in (("body", text), ("title", title), ("ref", reference)):
                if source:
                    snippet = h.highlights(fname, text=source, top=2)
                    if snippet:
                        break
        if not snippet:
            snippet = html.escape(_lead(text), quote=False)
        out.append(Hit(kind, eid, reference, title, float(h.score or 0.0), snippet, _plain(snippet),
                       parent_kind, parent_id))
    return out
