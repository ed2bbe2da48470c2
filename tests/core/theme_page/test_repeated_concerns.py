"""Repeated concerns on a register built by hand: the same concern from a coroner, the IOPC and HMICFRS in
different years is one group, with what was done each time; a report saying it twice is not a repeat; unrelated
findings stay apart. And the grouping's bound."""
from __future__ import annotations

import datetime as dt

from ol_desk.core.model import Action, Recommendation
from ol_desk.core.model.enums import ActionStatus, RecStatus
from ol_desk.core.services import recommendations
from ol_desk.core.theme_page.concern_grouping import CHECKED, POSTINGS_CAP, PROBE_TERMS, group_texts
from ol_desk.core.theme_page.page import theme_page
from tests.core.factories import make_action, make_document, make_recommendation, theme_id

ON = dt.date(2025, 6, 1)
ROUSING = ("Detainees assessed as intoxicated were not roused every 30 minutes in the cell as the custody "
           "record required, and the detention officer did not record the rousing checks.")
ROUSING_AGAIN = ("The detention officer did not rouse the intoxicated detainee every 30 minutes and the rousing "
                 "checks were not recorded in the custody record.")
TASER = "A Taser was discharged at a man in a mental health crisis without a warning being given."
HANDOVER = "Handover between custody sergeants at the change of shift did not pass on the detainee's medication."


def _tagged(s, cpic, doc, ref, text, custody):
    rec = make_recommendation(s, cpic, doc, reference=ref, text=text)
    recommendations.set_themes(s, cpic, rec, [custody])
    return rec


def _register(db, cpic):
    ids = {}
    with db.transaction() as s:
        custody = theme_id(s, "custody")
        pfd = make_document(s, cpic, kind="pfd", reference="2019-0101", date_issued=dt.date(2019, 5, 1),
                            issuing_body="HM Coroner for Inner North London")
        iopc = make_document(s, cpic, kind="iopc", reference="2021/153511", date_issued=dt.date(2021, 2, 1),
                             issuing_body="IOPC")
        hmic = make_document(s, cpic, kind="hmicfrs", reference="CUSTODY-2023", title="Custody inspection",
                             date_issued=dt.date(2023, 9, 1), issuing_body="HMICFRS")
        twice = make_document(s, cpic, kind="pfd", reference="2024-0002", date_issued=dt.date(2024, 1, 5))
        ids["pfd"] = _tagged(s, cpic, pfd, "1", ROUSING, custody)
        ids["iopc"] = _tagged(s, cpic, iopc, "R1", ROUSING_AGAIN, custody)
        ids["hmic"] = _tagged(s, cpic, hmic, "AFI 1", "We found that " + ROUSING.lower(), custody)
        ids["taser"] = _tagged(s, cpic, iopc, "R2", TASER, custody)
        ids["handover1"] = _tagged(s, cpic, twice, "1", HANDOVER, custody)
        ids["handover2"] = _tagged(s, cpic, twice, "2", HANDOVER + " Again.", custody)
        ids["done"] = make_action(s, cpic, [ids["pfd"]])
        ids["open"] = make_action(s, cpic, [ids["pfd"], ids["iopc"]], title="Audit rousing checks monthly")
        s.flush()
        done = s.get(Action, ids["done"])
        done.status, done.completed_on, done.embedded, done.embedded_on = (ActionStatus.COMPLETE, ON, True, ON)
        done.embedded_note = "Dip samples show rousing checks recorded in every case."
        s.get(Recommendation, ids["hmic"]).status = RecStatus.EVIDENCE_ACCEPTED
    return ids


def test_one_concern_raised_by_three_bodies_is_one_group_with_its_history(db, cpic):
    ids = _register(db, cpic)
    with db.reading() as s:
        page = theme_page(s, "custody", on=ON)
    groups = page.repeated.groups
    assert len(groups) == 1, [g.title for g in groups]
    g = groups[0]
    assert set(g.findings.filter.ids) == {ids["pfd"], ids["iopc"], ids["hmic"]}
    assert g.summary == "Raised 3 times since 2019 by HMICFRS, coroners and the IOPC"
    assert g.title.startswith("Detainees assessed as intoxicated")          # as first said, by the coroner
    assert (g.documents, g.first, g.last) == (3, dt.date(2019, 5, 1), dt.date(2023, 9, 1))
    first, second, third = g.members
    assert (first.id, first.actions, first.delivered, first.embedded) == (ids["pfd"], 2, 1, 1)
    assert first.outcome_evidenced and first.done_words() == "1 of 2 actions delivered; outcome evidenced"
    assert (second.actions, second.delivered, second.outcome_evidenced) == (1, 0, False)
    assert (third.actions, third.outcome_evidenced) == (0, True)               # CPIC accepted its evidence
    assert third.done_words() == "no actions; outcome evidenced"
    assert set(g.actions.filter.ids) == {ids["done"], ids["open"]} and g.actions.count == 2  # shared action once
    assert g.delivered.filter.ids == (ids["done"],)
    assert set(g.evidenced.filter.ids) == {ids["pfd"], ids["hmic"]}
    assert [e.action_id for e in page.embedded] == [ids["done"]]
    assert page.embedded[0].note.startswith("Dip samples")


def test_a_report_repeating_itself_is_not_a_repeated_concern(db, cpic):
    ids = _register(db, cpic)
    with db.reading() as s:
        page = theme_page(s, "custody", on=ON)
    grouped = {i for g in page.repeated.groups for i in g.findings.filter.ids}
    assert not grouped & {ids["handover1"], ids["handover2"], ids["taser"]}


def test_a_theme_without_findings_is_empty(db, cpic):
    _register(db, cpic)
    with db.reading() as s:
        page = theme_page(s, "pursuits", on=ON)
    assert page.is_empty and not page.repeated.groups and page.timeline.is_empty and not page.embedded


def test_grouping_keeps_apart_what_differs_and_its_work_is_bounded():
    texts = [ROUSING, TASER, ROUSING_AGAIN, HANDOVER, TASER.replace("a man", "a woman")] * 40
    found = group_texts(texts)
    by_first = {texts[g[0]]: {texts[i] for i in g} for g in found.groups}
    assert by_first[ROUSING] == {ROUSING, ROUSING_AGAIN}
    assert by_first[TASER] == {TASER, TASER.replace("a man", "a woman")}
    assert by_first[HANDOVER] == {HANDOVER}
    assert sorted(i for g in found.groups for i in g) == list(range(len(texts)))   # each text exactly once
    longest = max(len(set(t.split())) for t in texts)
    assert found.work <= len(texts) * (PROBE_TERMS * POSTINGS_CAP + CHECKED * longest)
    assert "rousing" in found.key_terms[0] or "roused" in found.key_terms[0]


def test_a_theme_past_the_bound_groups_its_newest_findings_and_says_so(db, cpic, monkeypatch):
    from ol_desk.core.theme_page import repeated_concerns as rc
    ids = _register(db, cpic)
    monkeypatch.setattr(rc, "MAX_FINDINGS", 3)
    with db.reading() as s:
        page = theme_page(s, "custody", on=ON)
    r = page.repeated
    assert (r.findings, r.grouped, r.grouped_since) == (6, 3, dt.date(2023, 9, 1))
    assert r.scope == "the newest 3 of the theme's 6 findings compared, raised since 01 Sep 2023"
    assert not {ids["pfd"], ids["iopc"]} & {i for g in r.groups for i in g.findings.filter.ids}
    assert page.number("all").count == 6          # the figures still count every finding
