"""Register filters mean the same rows everywhere: each filter narrows to exactly the matching items."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ol_desk.core.model import Action, Recommendation
from ol_desk.core.queries.register_filter import RegisterFilter, action_conditions, recommendation_conditions
from ol_desk.core.services import recommendations

from .factories import hub_id, make_action, make_document, make_recommendation, theme_id

ON = dt.date(2025, 6, 1)


def _recs(s, f):
    return set(s.scalars(select(Recommendation.id).where(*recommendation_conditions(f, ON))))


def _actions(s, f):
    return set(s.scalars(select(Action.id).where(*action_conditions(f, ON))))


def test_filters_select_exactly_the_matching_items(db, cpic):
    with db.transaction() as s:
        pfd = make_document(s, cpic)
        hmic = make_document(s, cpic, kind="hmicfrs", reference="PEEL 2023", title="PEEL inspection")
        late = make_recommendation(s, cpic, pfd, target_date=dt.date(2025, 5, 1))
        soon = make_recommendation(s, cpic, hmic, reference="R1", finding_type="recommendation",
                                   target_date=dt.date(2025, 6, 20))
        recommendations.set_hubs(s, cpic, late, [hub_id(s, "NW"), hub_id(s, "MD")], hub_id(s, "MD"))
        recommendations.set_themes(s, cpic, soon, [theme_id(s, "custody")])
        a_late = make_action(s, cpic, [late], due_date=dt.date(2025, 5, 2), hub_id=hub_id(s, "NW"))
        a_soon = make_action(s, cpic, [soon], due_date=dt.date(2025, 6, 5))
    with db.reading() as s:
        assert _recs(s, RegisterFilter(source_kinds=("pfd",))) == {late}
        assert _recs(s, RegisterFilter(hub_ids=(hub_id(s, "NW"),))) == {late}
        assert _recs(s, RegisterFilter(hub_ids=(hub_id(s, "NW"),), lead_hub_only=True)) == set()
        assert _recs(s, RegisterFilter(theme_ids=(theme_id(s, "custody"),))) == {soon}
        assert _recs(s, RegisterFilter(overdue=True)) == {late}
        assert _recs(s, RegisterFilter(due_within_days=30)) == {soon}
        assert _recs(s, RegisterFilter(ids=(soon,), source_kinds=("pfd",))) == set()
        assert _actions(s, RegisterFilter(overdue=True)) == {a_late}
        assert _actions(s, RegisterFilter(source_kinds=("hmicfrs",))) == {a_soon}
        assert _actions(s, RegisterFilter(recommendation_id=late)) == {a_late}
        assert _actions(s, RegisterFilter(hub_ids=(hub_id(s, "NW"),))) == {a_late}
        assert _recs(s, RegisterFilter()) == {late, soon}
