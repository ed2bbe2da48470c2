"""Why a dashboard chart has nothing to draw, in words that say what to do (the GUI and the Board report use them).

A blank frame with a 0–1 axis tells a new user nothing; each chart instead says what would put something on it:
an empty register, nothing open, open items without a lead hub, no closures yet, no statutory clock running.
"""
from __future__ import annotations

from .dashboard import Dashboard

GET_STARTED = ("Bring in an existing tracker with File › Import workbook… (Ctrl+I), or start with File › New source "
               "document… (Ctrl+Shift+D).")


CLOCKS_START = ("A response clock starts when a source document with a statutory deadline is recorded (a coroner's "
                "PFD report: 56 days).")
LEARNING_START = ("Gold Group leads log learning after a critical incident with File › Log Gold Group learning… "
                  "(Ctrl+L).")

# What to do when a register has no rows at all, by what it lists.
FIRST_ROWS = {
    "recommendation": GET_STARTED,
    "document": GET_STARTED,
    "action": "Actions belong to recommendations: open a recommendation and add its actions, or import a register "
              "with an actions sheet (Ctrl+I).",
    "learning": LEARNING_START,
}


def _count(data: Dashboard, key: str) -> int:
    return next((s.count for s in data.tiles if s.key == key), 0)


def register_is_empty(data: Dashboard) -> bool:
    """Nothing open, nothing ever closed, no response clock running: a new, empty register."""
    return (not any(s.count for s in (*data.tiles, *data.closures_by_month))
            and not any(bar.total for bar in data.responses_due))


def why_empty(key: str, data: Dashboard) -> str | None:
    """None when chart `key` has something to show; else why not and what to do about it."""
    has = {"by_source_kind": any(s.count for s in data.by_source_kind),
           "ageing": any(s.count for s in data.ageing),
           "closures": any(s.count for s in data.closures_by_month),
           "by_hub": any(bar.total for bar in data.by_hub),
           "responses": any(bar.total for bar in data.responses_due)}[key]
    if has:
        return None
    if register_is_empty(data):
        return "Nothing to show: the register is empty."   # the heading above says how to begin, once
    open_now = _count(data, "open")
    if key in ("by_source_kind", "ageing"):
        return ("Nothing is open: every recommendation is closed, not accepted or superseded." if not open_now else
                "No open item can be counted here yet.")
    if key == "by_hub":
        if not open_now:
            return "Nothing is open, so no hub has anything outstanding."
        return (f"None of the {open_now:,} open recommendations has a lead hub yet. Open one from the "
                f"Recommendations register and set its hubs (the first is the lead), or map a hub column when you "
                f"import a register.")
    if key == "closures":
        return ("Nothing was closed in the last twelve months. The Board closes a recommendation once CPIC has "
                "accepted its evidence; items awaiting the Board are on the “Awaiting the Board” tile.")
    return f"No statutory response is overdue or due in the next eight weeks. {CLOCKS_START}"
