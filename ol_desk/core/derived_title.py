"""A readable title for a finding that has none: its first sentence, without the source's standard wording.

Registers of coroners' reports rarely carry titles: every row would show an empty Title and look the same. The
register, search hits, exports and the editor's header show this derived title instead, marked as derived; the
user can type a real one at any time. Standard wording is what every report of a kind says (Regulation 28's
"During the course of the inquest the evidence revealed matters giving rise to concern…"), never what this one
says, so it is skipped; so are list numbers ("1.", "(a)", "i.") and bullets.
"""
from __future__ import annotations

import re

from .standard_wording import LEADING_PFD

LIMIT = 90   # characters: about what a register's Title column shows at its starting width

_BOILERPLATE = LEADING_PFD   # the Regulation 28 headings and boilerplate a PFD concern often begins with
_LIST_MARK = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]|[-–•*·])\s+",
                        re.IGNORECASE)
# A sentence ends at . ! or ? followed by a space and a capital (or the end), but not after an abbreviation or a
# single letter ("s.136", "e.g.", "Mr.", "No. 5"): those are followed by lower case or digits, or are listed here.
_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "st", "no", "nos", "para", "paras", "reg", "regs", "sch", "s", "ss",
                  "e.g", "i.e", "etc", "vs", "cf", "approx", "dept", "insp", "sgt", "pc", "ds", "di", "dci", "supt")
_END = re.compile(r"[.!?](?=\s+(?:[A-Z\"“‘(]|\d{1,2}[.)]\s)|\s*$)")   # ... or the next item of a numbered list


def _strip_standard_wording(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for pattern in _BOILERPLATE:
            m = pattern.match(text)
            if m:
                text, changed = text[m.end():].lstrip(" :.-–"), True
        m = _LIST_MARK.match(text)
        if m:
            text, changed = text[m.end():], True
    return text


def first_sentence(text: str) -> str:
    for m in _END.finditer(text):
        before = text[:m.start()].rsplit(" ", 1)[-1].lower()
        if before in _ABBREVIATIONS or len(before) == 1:
            continue
        return text[:m.start()]
    return text


def derived_title(text: str | None, limit: int = LIMIT) -> str:
    """The first sentence of `text` without standard wording, cut at a word boundary to `limit` characters."""
    flat = " ".join((text or "").split())
    sentence = first_sentence(_strip_standard_wording(flat)).strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"
