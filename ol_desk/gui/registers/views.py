"""Saved views of a register ("My hub, overdue"): a filter plus a sort, kept in QSettings per register.

A few built-in views come first; the user's own are saved and deleted by name.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any

from PySide6.QtCore import QSettings

from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import RegisterFilter

from .query import RegisterQuery
from .specs import RegisterSpec

_TUPLES = {f.name for f in dataclasses.fields(RegisterFilter) if f.name.endswith("s") and f.name != "overdue"}


def to_json(q: RegisterQuery) -> str:
    f = {k: v for k, v in dataclasses.asdict(q.filter).items() if v != getattr(RegisterFilter(), k)}
    return json.dumps({"filter": f, "sort": [q.sort_key, q.descending]})


def from_json(text: str) -> RegisterQuery:
    data = json.loads(text)
    values: dict[str, Any] = {}   # from JSON: RegisterFilter's fields, by name
    for key, value in data.get("filter", {}).items():
        if key not in RegisterFilter.__dataclass_fields__:
            continue
        values[key] = tuple(value) if isinstance(value, list) else value
    sort_key, descending = data.get("sort", ["id", False])
    return RegisterQuery(RegisterFilter(**values), str(sort_key), bool(descending))


def built_in_views(spec: RegisterSpec, my_hub_id: int | None) -> dict[str, RegisterQuery]:
    default = RegisterQuery(sort_key=spec.default_sort[0], descending=spec.default_sort[1])
    views = {"All": default}
    due_key = spec.flag_column or spec.default_sort[0]
    if spec.flag is not None:
        views["Overdue"] = RegisterQuery(RegisterFilter(overdue=True), due_key, False)
        views["Due in the next 30 days"] = RegisterQuery(RegisterFilter(due_within_days=30), due_key, False)
        if my_hub_id is not None and spec.entity in (Entity.RECOMMENDATION, Entity.ACTION):
            views["My hub, overdue"] = RegisterQuery(RegisterFilter(hub_ids=(my_hub_id,), overdue=True), due_key,
                                                     False)
    return views


class SavedViews:
    def __init__(self, settings: QSettings, register_key: str):
        self.settings = settings
        self.group = f"registers/{register_key}/views"

    def names(self) -> list[str]:
        self.settings.beginGroup(self.group)
        try:
            return sorted(self.settings.childKeys(), key=str.lower)
        finally:
            self.settings.endGroup()

    def get(self, name: str) -> RegisterQuery | None:
        text = self.settings.value(f"{self.group}/{name}")
        if not text:
            return None
        try:
            return from_json(str(text))
        except (ValueError, TypeError, KeyError):
            return None

    def save(self, name: str, q: RegisterQuery) -> None:
        self.settings.setValue(f"{self.group}/{name}", to_json(q))
        self.settings.sync()

    def delete(self, name: str) -> None:
        self.settings.remove(f"{self.group}/{name}")
        self.settings.sync()
