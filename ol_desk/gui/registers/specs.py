"""What each register shows and how it filters, as SQL (no Qt): columns, the joins they need, the row flag.

A column's expression is both what is shown and what is sorted on, so sorting always happens in SQL. Joins are
added to the id query only when the sort column needs them; a page of rows is read with all of them (cheap: a
few hundred primary-key lookups).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, func, literal, select
from sqlalchemy.orm import QueryableAttribute, aliased

from ol_desk.core.model import Action, Hub, LearningEntry, Person, Recommendation, RecommendationHub, SourceDocument
from ol_desk.core.model.enums import (
    ActionStatus,
    Entity,
    FindingType,
    RecStatus,
    ResponsePosition,
    SourceKind,
    TriageOutcome,
)
from ol_desk.core.queries import predicates as p
from ol_desk.core.queries.register_filter import (
    RegisterFilter,
    action_conditions,
    document_conditions,
    learning_conditions,
    recommendation_conditions,
)

# Filters a register's filter bar offers.
SOURCE, HUB, THEME, STATUS, OVERDUE, DUE, OWNER, TEXT, CHASED = ("source", "hub", "theme", "status", "overdue",
                                                                 "due", "owner", "text", "chased")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    expr: ColumnElement | QueryableAttribute  # a SQL expression or a mapped attribute
    kind: str = "text"          # text | int | date | enum | bool | percent | title (may be derived: DERIVED + text)
    enum: type | None = None    # a LabelledEnum whose labels are shown
    width: int = 110
    visible: bool = True        # shown unless the user hides it
    joins: tuple[str, ...] = () # keys of RegisterSpec.joins this column needs


@dataclass(frozen=True)
class RegisterSpec:
    entity: Entity
    title: str
    table: Any                 # the mapped class; every register's has an integer `id`
    columns: tuple[Column, ...]
    conditions: Callable[[RegisterFilter, dt.date], list]
    joins: dict = field(default_factory=dict)       # key -> (target, onclause), outer joins
    filters: frozenset[str] = frozenset()
    statuses: tuple = ()                              # (value, label) the status filter offers
    flag: Callable[[dt.date], ColumnElement] | None = None  # a row flag (overdue), drawn in red on `flag_column`
    flag_column: str = ""
    search_kind: str = ""
    default_sort: tuple[str, bool] = ("id", False)    # column key, descending
    noun: str = ""                                    # what the rows are, plural ("learning entries")

    @property
    def id_col(self):
        return self.table.id

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def index_of(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)


# -- recommendations ---------------------------------------------------------------------------------------------
_lead_link = aliased(RecommendationHub, name="lead_link")
_lead_hub = aliased(Hub, name="lead_hub")
_rec_owner = aliased(Person, name="rec_owner")
_rec_doc = aliased(SourceDocument, name="rec_doc")
DERIVED = "\x1f"   # marks a title derived from the text (the finding has none); see core/derived_title.py
_rec_title = case((func.coalesce(Recommendation.title, "") != "", Recommendation.title),
                  else_=literal(DERIVED, String) + func.substr(Recommendation.text, 1, 800))

RECOMMENDATIONS = RegisterSpec(
    Entity.RECOMMENDATION, "Recommendations", Recommendation,
    columns=(
        Column("id", "#", Recommendation.id, "int", width=60),
        Column("document", "Document", func.coalesce(func.nullif(_rec_doc.reference, ""), _rec_doc.title), width=120,
               joins=("doc",)),
        Column("reference", "Ref", Recommendation.reference, width=60),
        Column("finding", "Type", Recommendation.finding_type, "enum", FindingType, width=135),
        Column("title", "Title", _rec_title, "title", width=290),
        Column("lead_hub", "Lead hub", _lead_hub.code, width=70, joins=("lead_link", "lead_hub")),
        Column("owner", "Owner", _rec_owner.name, width=130, joins=("owner",)),
        Column("status", "Status", Recommendation.status, "enum", RecStatus, width=120),
        Column("target", "Target", Recommendation.current_target_date, "date", width=95),
        Column("original_target", "Original target", Recommendation.original_target_date, "date", width=95,
               visible=False),
        Column("last_update", "Last update", Recommendation.last_update_on, "date", width=95, visible=False),
        Column("last_chased", "Last chased", Recommendation.last_chased_at, "date", width=95),
        Column("response", "Response", Recommendation.response_position, "enum", ResponsePosition, width=120,
               visible=False),
        Column("source", "Source", _rec_doc.kind, "enum", SourceKind, width=150, visible=False, joins=("doc",)),
    ),
    conditions=recommendation_conditions,
    joins={"doc": (_rec_doc, _rec_doc.id == Recommendation.document_id),
           "lead_link": (_lead_link, and_(_lead_link.recommendation_id == Recommendation.id, _lead_link.is_lead)),
           "lead_hub": (_lead_hub, _lead_hub.id == _lead_link.hub_id),
           "owner": (_rec_owner, _rec_owner.id == Recommendation.owner_id)},
    filters=frozenset({SOURCE, HUB, THEME, STATUS, OVERDUE, DUE, OWNER, TEXT, CHASED}),
    statuses=tuple((s.value, s.label) for s in RecStatus),
    flag=p.rec_overdue, flag_column="target", search_kind="recommendation",
)

# -- actions -----------------------------------------------------------------------------------------------------
_action_hub = aliased(Hub, name="action_hub")
_action_owner = aliased(Person, name="action_owner")

ACTIONS = RegisterSpec(
    Entity.ACTION, "Actions", Action,
    columns=(
        Column("id", "#", Action.id, "int", width=70),
        Column("reference", "Ref", Action.reference, width=90),
        Column("title", "Title", Action.title, width=380),
        Column("hub", "Hub", _action_hub.code, width=70, joins=("hub",)),
        Column("owner", "Owner", _action_owner.name, width=150, joins=("owner",)),
        Column("status", "Status", Action.status, "enum", ActionStatus, width=100),
        Column("due", "Due", Action.current_due_date, "date", width=95),
        Column("original_due", "Original due", Action.original_due_date, "date", width=95, visible=False),
        Column("percent", "Done", Action.percent_complete, "percent", width=60),
        Column("last_update", "Last update", Action.last_update_on, "date", width=95),
        Column("last_chased", "Last chased", Action.last_chased_at, "date", width=95),
        Column("embedded", "Embedded", Action.embedded, "bool", width=80, visible=False),
    ),
    conditions=action_conditions,
    joins={"hub": (_action_hub, _action_hub.id == Action.hub_id),
           "owner": (_action_owner, _action_owner.id == Action.owner_id)},
    filters=frozenset({SOURCE, HUB, THEME, STATUS, OVERDUE, DUE, OWNER, TEXT, CHASED}),
    statuses=tuple((s.value, s.label) for s in ActionStatus),
    flag=p.action_overdue, flag_column="due", search_kind="action",
)


# -- source documents ---------------------------------------------------------------------------------------------
# Documents filter with the shared core conditions (the dashboard's response-due bars need the same SQL).


_doc_rec_count = (select(func.count()).where(Recommendation.document_id == SourceDocument.id)
                  .correlate(SourceDocument).scalar_subquery())

DOCUMENTS = RegisterSpec(
    Entity.DOCUMENT, "Source documents", SourceDocument,
    columns=(
        Column("id", "#", SourceDocument.id, "int", width=70),
        Column("kind", "Kind", SourceDocument.kind, "enum", SourceKind, width=160),
        Column("reference", "Ref", SourceDocument.reference, width=140),
        Column("title", "Title", SourceDocument.title, width=380),
        Column("issuing_body", "Issued by", SourceDocument.issuing_body, width=160),
        Column("issued", "Issued", SourceDocument.date_issued, "date", width=95),
        Column("response_due", "Response due", SourceDocument.response_due, "date", width=105),
        Column("response_sent", "Response sent", SourceDocument.response_sent_on, "date", width=105),
        Column("recommendations", "Items", _doc_rec_count, "int", width=60),
    ),
    conditions=document_conditions,
    filters=frozenset({SOURCE, OVERDUE, DUE, TEXT}),
    flag=lambda on: and_(p.response_outstanding(), SourceDocument.response_due < on), flag_column="response_due",
    search_kind="document", default_sort=("issued", True),
)


# -- Gold Group learning -----------------------------------------------------------------------------------------


_learning_hub = aliased(Hub, name="learning_hub")

LEARNING = RegisterSpec(
    Entity.LEARNING, "Learning log", LearningEntry,
    columns=(
        Column("id", "#", LearningEntry.id, "int", width=70),
        Column("operation", "Operation", LearningEntry.operation, width=170),
        Column("incident", "Incident", LearningEntry.incident_date, "date", width=95),
        Column("learning", "Learning", LearningEntry.learning, width=380),
        Column("gold_lead", "Gold lead", LearningEntry.gold_lead, width=140),
        Column("hub", "Suggested hub", _learning_hub.code, width=100, joins=("hub",)),
        Column("triage", "Triage", LearningEntry.triage_outcome, "enum", TriageOutcome, width=190),
        Column("recommendation", "Rec #", LearningEntry.recommendation_id, "int", width=70),
        Column("captured_by", "Captured by", LearningEntry.captured_by, width=140, visible=False),
    ),
    conditions=learning_conditions,
    joins={"hub": (_learning_hub, _learning_hub.id == LearningEntry.suggested_hub_id)},
    filters=frozenset({HUB, STATUS, TEXT}),
    statuses=tuple((s.value, s.label) for s in TriageOutcome),
    search_kind="learning", default_sort=("incident", True), noun="learning entries",
)

SPECS = {s.entity: s for s in (RECOMMENDATIONS, ACTIONS, DOCUMENTS, LEARNING)}
