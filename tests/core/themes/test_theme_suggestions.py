"""Theme suggestions: a finding's words suggest the standard themes a reader would pick (not from a coroner's
standard wording), similar tagged findings lend theirs, accepting is one audited and undoable change, an import can
tag its new findings (undone with it), and an upgraded database gets the standard themes' words."""
from __future__ import annotations

from sqlalchemy import select

from ol_desk.core.model import AuditEvent, Recommendation, Theme
from ol_desk.core.model.enums import Entity
from ol_desk.core.search import SearchIndex
from ol_desk.core.services import recommendations, reference
from ol_desk.core.services.bulk_edit import BulkEdit, bulk_edit
from ol_desk.core.services.history import undo
from ol_desk.core.themes.catalogue import new_theme_candidates
from ol_desk.core.themes.suggestions import ThemeSuggester, finding_text
from tests.core import factories as f

REG28 = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion "
         "there is a risk that future deaths will occur unless action is taken. In the circumstances it is my "
         "statutory duty to report to you. The MATTERS OF CONCERN are as follows. ")
RESTRAINT = ("Officers held Mr A in the prone position for eleven minutes and a Taser was discharged twice; none "
             "of them had been trained to recognise acute behavioural disturbance.")


def _codes(session, suggestions):
    codes = dict(session.execute(select(Theme.id, Theme.code)).all())
    return [codes[s.theme_id] for s in suggestions]


def test_words_suggest_what_a_reader_would_and_standard_wording_suggests_nothing(db):
    with db.reading() as s:
        suggester = ThemeSuggester(s)
        found = suggester.by_words(finding_text("", REG28 + RESTRAINT))
        assert _codes(s, found)[0] == "use-of-force"
        assert "Taser" in found[0].why
        assert suggester.by_words(finding_text("", REG28)) == []
        assert _codes(s, suggester.by_words("A man detained under section 136 waited six hours for a place of "
                                            "safety while in mental health crisis.")) == ["mental-health"]


def test_a_theme_the_finding_has_is_not_suggested_again(db, cpic):
    with db.transaction() as s:
        rec = f.make_recommendation(s, cpic, f.make_document(s, cpic), text=RESTRAINT)
        recommendations.set_themes(s, cpic, rec, [f.theme_id(s, "use-of-force")])
    with db.reading() as s:
        found = ThemeSuggester(s).for_recommendations([rec], neighbours=False)[rec]
        assert "use-of-force" not in _codes(s, found)


def test_new_words_in_hubs_and_people_change_what_is_suggested(db, cpic):
    text = "The firearms certificate was renewed although the holder's GP had raised concerns."
    with db.transaction() as s:
        assert ThemeSuggester(s).by_words(text) == []
        reference.update_theme(s, cpic, f.theme_id(s, "vetting"), words="firearms certificate*; gun licen*")
    with db.reading() as s:
        assert _codes(s, ThemeSuggester(s).by_words(text)) == ["vetting"]


def test_similar_tagged_findings_lend_their_theme(db, cpic):
    pursuit = "A pursuit of a stolen moped continued through a red light in {} without authorisation."
    with db.transaction() as s:
        doc = f.make_document(s, cpic, kind="iopc", reference="IOPC 1", title="IOPC learning")
        pursuits = f.theme_id(s, "pursuits")
        reference.update_theme(s, cpic, pursuits, words="")          # only the neighbours can suggest it now
        reference.update_theme(s, cpic, pursuits, name="Vehicle matters")
        for i, place in enumerate(("Lambeth", "Croydon", "Hackney")):
            tagged = f.make_recommendation(s, cpic, doc, reference=f"R{i}", text=pursuit.format(place))
            recommendations.set_themes(s, cpic, tagged, [pursuits])
        new = f.make_recommendation(s, cpic, f.make_document(s, cpic, reference="PFD 2"), text=pursuit.format("Brent"))
    index = SearchIndex(db, use_process=False)
    index.ensure()
    try:
        with db.reading() as s:
            suggester = ThemeSuggester(s, index)
            assert suggester.by_words(pursuit.format("Brent")) == []
            found = suggester.for_recommendations([new])[new]
            assert [x.theme_id for x in found] == [pursuits] and "similar tagged items" in found[0].why
    finally:
        index.close()


def test_accepting_suggestions_is_one_audited_change_that_one_undo_reverses(db, cpic, board):
    with db.transaction() as s:
        doc = f.make_document(s, cpic)
        ids = [f.make_recommendation(s, cpic, doc, reference=str(i), text=RESTRAINT) for i in (1, 2)]
        found = ThemeSuggester(s).for_recommendations(ids, neighbours=False)
        ticked = {i: tuple(x.theme_id for x in found[i]) for i in ids}
        first = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        _, result = bulk_edit(s, cpic, Entity.RECOMMENDATION, ids, BulkEdit("accept_themes", themes_by_row=ticked))
        events = list(s.scalars(select(AuditEvent.id).where(AuditEvent.id > first)))
    assert result.changed == ids and result.summary() == "Added the suggested themes on 2 recommendations."
    with db.reading() as s:
        assert all({t.id for t in s.get(Recommendation, i).themes} == set(ticked[i]) for i in ids)
        assert {e.verb for e in s.scalars(select(AuditEvent).where(AuditEvent.id.in_(events)))} == {"set_themes"}
    with db.transaction() as s:
        _, refused = bulk_edit(s, board, Entity.RECOMMENDATION, ids, BulkEdit("accept_themes", themes_by_row={
            ids[0]: (f.theme_id(s, "training"),)}))
        assert refused.refused and not refused.changed
    with db.transaction() as s:
        undo(s, cpic, events)
    with db.reading() as s:
        assert all(not s.get(Recommendation, i).themes for i in ids)


def test_themes_a_register_needs_are_offered_from_the_catalogue_until_made(db, cpic):
    texts = {1: "There is no pedestrian crossing near the junction on the dual carriageway.",
             2: "The slip road signage at the junction is inadequate for drivers.",
             3: "Officers restrained him in the prone position."}
    with db.transaction() as s:
        offered = new_theme_candidates(s, texts)
        assert [(t.code, t.ids) for t in offered] == [("road-safety", (1, 2))]
        reference.create_theme(s, cpic, code="roads", name="Road safety and highways", words=offered[0].words)
        assert new_theme_candidates(s, texts) == []


def test_a_database_from_before_theme_words_gets_the_standard_words_on_upgrade(tmp_path):
    from alembic import command

    from ol_desk.core.model.enums import Role
    from ol_desk.core.services.actor import Actor
    from ol_desk.core.store import open_database
    from ol_desk.core.store.migrations import alembic_config
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    with db.transaction() as s:
        reference.create_theme(s, Actor("cpic", Role.CPIC), code="roads", name="Roads", words="junction*")
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")      # as a database written before themes had words
    db.dispose()
    db = open_database(path)
    try:
        with db.reading() as s:
            words = dict(s.execute(select(Theme.code, Theme.words)).all())
            assert "restrain*" in words["use-of-force"] and words["roads"] == ""
            assert s.scalar(select(AuditEvent.id).where(AuditEvent.entity == Entity.THEME.value,
                                                        AuditEvent.verb == "update").limit(1)) is not None
    finally:
        db.dispose()
