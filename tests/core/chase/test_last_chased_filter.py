""""Last chased" in the register: never chased, and not chased in N days, for recommendations and actions, from
the indexed column the chase run sets."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select

from ol_desk.core.model import Action, Recommendation
from ol_desk.core.queries.register_filter import RegisterFilter, action_conditions, recommendation_conditions
from ol_desk.core.services.chases import ChaseRecord, record_chases

from .chase_register import build


def _recs(s, f, on):
    return set(s.scalars(select(Recommendation.id).where(and_(*recommendation_conditions(f, on)))))


def test_never_and_not_in_n_days(db, cpic):
    with db.transaction() as s:
        ids = build(s, cpic)
        record_chases(s, cpic, [ChaseRecord(ids["alice"], "a@x", "draft", [ids["overdue"]], [ids["action"]])],
                      at=dt.datetime(2030, 1, 10, 9, 0, tzinfo=dt.UTC))
        record_chases(s, cpic, [ChaseRecord(ids["alice"], "a@x", "draft", [ids["soon"]])],
                      at=dt.datetime(2029, 12, 1, 9, 0, tzinfo=dt.UTC))
    on = dt.date(2030, 1, 15)
    with db.reading() as s:
        every = set(s.scalars(select(Recommendation.id)))
        assert _recs(s, RegisterFilter(not_chased_days=0), on) == every - {ids["overdue"], ids["soon"]}
        # chased on 10 Jan: within the last 7 days of 15 Jan, not within the last 5
        assert ids["overdue"] not in _recs(s, RegisterFilter(not_chased_days=7), on)
        assert ids["overdue"] in _recs(s, RegisterFilter(not_chased_days=5), on)
        assert ids["soon"] in _recs(s, RegisterFilter(not_chased_days=30), on)
        actions = set(s.scalars(select(Action.id).where(and_(*action_conditions(
            RegisterFilter(not_chased_days=0), on)))))
        assert actions == {ids["nw_action"]}
