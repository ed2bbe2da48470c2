"""The few colours editors use for meaning (overdue, missing, done), readable on light and dark palettes."""
from __future__ import annotations

from ol_desk.gui.theme import is_dark, warning_colour


def bad() -> str:
    return warning_colour().name()   # the app's one warning red (overdue dates in the registers too)


def good() -> str:
    return "#81c995" if is_dark() else "#1b6e2a"


def error_style() -> str:
    return f"color: {bad()};"
