"""Turning the export's filter words (hub codes, source kinds, statuses, theme codes, overdue, search text) into
the register filters the pack uses: one for recommendations, one for actions.

A status word applies to the register that has it: `delivered` filters recommendations only, `open` actions
only, `in_progress` both. A register with none of the given statuses is not filtered by status (the Summary says
so). Search text is resolved through the search index into ids, separately for each register.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ol_desk.core.errors import ValidationError
from ol_desk.core.model.enums import ActionStatus, RecStatus, SourceKind
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.services.reference import hub_by_code, theme_by_code

# (query, kind) -> matching ids ascending; normally SearchIndex(db).ids_matching.
IdsMatching = Callable[[str, str], list[int]]


@dataclass(frozen=True)
class PackFilters:
    recommendations: RegisterFilter
    actions: RegisterFilter
    words: tuple[str, ...]


def _status_values(words: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    rec_values = {m.value for m in RecStatus}
    action_values = {m.value for m in ActionStatus}
    recs, acts = [], []
    for word in words:
        key = word.strip().lower().replace(" ", "_").replace("-", "_")
        if key not in rec_values and key not in action_values:
            allowed = ", ".join(sorted(rec_values | action_values))
            raise ValidationError(f"'{word}' is not a status (use one of: {allowed}).")
        if key in rec_values:
            recs.append(key)
        if key in action_values:
            acts.append(key)
    return tuple(dict.fromkeys(recs)), tuple(dict.fromkeys(acts))


def build_filters(session: Session, *, hubs: Sequence[str] = (), sources: Sequence[str] = (),
                  statuses: Sequence[str] = (), themes: Sequence[str] = (), overdue: bool = False,
                  query: str = "", ids_matching: IdsMatching | None = None) -> PackFilters:
    words: list[str] = []
    hub_rows = [hub_by_code(session, code) for code in hubs]
    kinds = tuple(SourceKind.from_value(k.strip().lower()).value for k in sources)
    theme_rows = [theme_by_code(session, code) for code in themes]
    rec_status, action_status = _status_values(statuses)
    if hub_rows:
        words.append("hub " + ", ".join(f"{h.name} ({h.code})" for h in hub_rows))
    if kinds:
        words.append("source " + ", ".join(SourceKind(k).label for k in kinds))
    if theme_rows:
        words.append("theme " + ", ".join(t.name for t in theme_rows))
    if statuses:
        words.append("recommendation status " + (", ".join(RecStatus(v).label for v in rec_status) or "any"))
        words.append("action status " + (", ".join(ActionStatus(v).label for v in action_status) or "any"))
    if overdue:
        words.append("overdue only")
    base = RegisterFilter(source_kinds=kinds, hub_ids=tuple(h.id for h in hub_rows),
                          theme_ids=tuple(t.id for t in theme_rows), overdue=overdue)
    rec_filter = base.with_(statuses=rec_status)
    action_filter = base.with_(statuses=action_status)
    query = (query or "").strip()
    if query:
        if ids_matching is None:
            raise ValidationError("Search is not available, so --query cannot be used; export without it.")
        rec_filter = rec_filter.with_(text=query, ids=tuple(ids_matching(query, "recommendation")))
        action_filter = action_filter.with_(text=query, ids=tuple(ids_matching(query, "action")))
        words.append(f'matching "{query}"')
    return PackFilters(rec_filter, action_filter, tuple(words))
