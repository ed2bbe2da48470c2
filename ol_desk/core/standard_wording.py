"""The standard wording of each source kind: the Regulation 28 headings and boilerplate every PFD report repeats,
and the stock phrases of HMICFRS and IOPC reports. It says nothing about the concern itself, so it is left out of
what similar items and search ranking match on (the stored text keeps it), and out of derived titles."""
from __future__ import annotations

import re

# The Regulation 28 report's own words (Coroners (Investigations) Regulations 2013, the Chief Coroner's template).
PFD_PHRASES = (
    r"during the course of the (?:inquest|investigation),? (?:the evidence|my inquiries) revealed matters? giving "
    r"rise to concern\.?",
    r"in my opinion,? there is a risk that future deaths (?:will|could|may) occur unless action is taken\.?",
    r"in the circumstances,? it is my statutory duty to report to you\.?",
    r"the matters? of concern (?:is|are) as follows:?\.?",
    r"(?:coroner'?s )?matters? of concern:?",
    r"coroner'?s concerns?:?",
    # the template's running header, copied into the text from each PDF page, and its unfilled prompts
    r"regulation 28 [–-] (?:report to prevent future deaths|after inquest (?:document )?template)"
    r"(?: updated [\d/]+)?",
    r"\(brief summary of (?:the )?(?:matters?(?: of concern)?)?\s*\)",
    r"this report is being sent to you under paragraph 7,? schedule 5,? of the coroners and justice act 2009 and "
    r"regulations 28 and 29 of the coroners \(investigations\) regulations 2013\.?",
    r"in my opinion,? action should be taken to prevent future deaths and i believe (?:you|your organisation) "
    r"(?:and your organisation )?ha(?:ve|s) the power to take such action\.?",
    r"you are under a duty to respond to this report within 56 days of the date of this report\.?",
)
HMICFRS_PHRASES = (
    r"(?:area for improvement|cause of concern|recommendation)\s*\d*\s*:",
    r"to address this cause of concern,? we recommend that,? (?:within|by) [^,]{1,40},? the force should:?",
    r"we found that",
    r"(?:the|this) force (?:needs to|should) (?:make sure|ensure) that",
)
IOPC_PHRASES = (
    r"(?:the iopc|we) recommends? that",
    r"learning recommendations?:?",
    r"under paragraph 28a of schedule 3 (?:to|of) the police reform act 2002,?",
    r"the (?:organisation|force) must (?:respond|provide a response) (?:in writing )?within 56 days\.?",
)
_ALL = "|".join(f"(?:{p})" for p in PFD_PHRASES + HMICFRS_PHRASES + IOPC_PHRASES)
_STANDARD = re.compile(_ALL, re.IGNORECASE)
# The same phrases matched on the lower-cased text, tried only where one can start (the letters the lookahead
# names): the same matches, several times faster over a theme's 19,000 findings (the theme page groups them).
_STANDARD_LOWER = re.compile(f"(?=[acdilmrtuwy(])(?:{_ALL})")
LEADING_PFD = [re.compile(p, re.IGNORECASE) for p in PFD_PHRASES]


def without_standard_wording(text: str | None) -> str:
    """`text` with every stock phrase of any source kind taken out (for matching; never stored)."""
    text = text or ""
    low = text.lower()
    if len(low) != len(text):   # a letter whose lower case is longer: the spans would not line up
        return " ".join(_STANDARD.sub(" ", text).split())
    parts, at = [], 0
    for m in _STANDARD_LOWER.finditer(low):
        parts.append(text[at:m.start()])
        at = m.end()
    parts.append(text[at:])
    return " ".join(" ".join(parts).split())


def without_standard_wording_lower(low: str) -> str:
    """The same for a text already in lower case (what matching needs; saves lower-casing twice)."""
    return _STANDARD_LOWER.sub(" ", low)
