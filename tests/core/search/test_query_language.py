"""Each form of the query language finds the right items, and a malformed query gets one clear message."""
from __future__ import annotations

import datetime as dt

import pytest

from ol_desk.core.search import QueryError
from ol_desk.core.search.query import date_range, parse

from .conftest import found


def test_words_are_stemmed_and_all_must_match(index, sample):
    hits = found(index.search("rousing check"))  # "checks" in the text, "check" typed
    assert ("recommendation", sample.rousing) in hits
    assert ("action", sample.briefing) in hits
    assert ("recommendation", sample.pursuit) not in hits


def test_reference_or_title_outranks_a_mention_in_a_long_text(index, sample):
    result = index.search("pursuit")
    kinds = [(h.kind, h.id) for h in result.hits]
    # The action's title is "Rewrite the pursuit policy"; the IOPC recommendation only mentions it in its text.
    assert kinds.index(("action", sample.policy)) < kinds.index(("recommendation", sample.pursuit))


def test_exact_phrase_needs_the_words_in_order(index, sample):
    assert ("recommendation", sample.rousing) in found(index.search('"rousing checks"'))
    assert ("recommendation", sample.rousing) not in found(index.search('"checks rousing"'))
    assert ("recommendation", sample.rousing) in found(index.search("checks rousing"))


def test_minus_excludes(index, sample):
    hits = found(index.search("officers -taser"))
    assert ("recommendation", sample.taser) not in hits
    assert ("action", sample.briefing) in hits  # "Brief all custody officers…"


def test_or_finds_either(index, sample):
    hits = found(index.search("taser OR rousing"))
    assert {("recommendation", sample.taser), ("recommendation", sample.rousing)} <= hits
    assert ("recommendation", sample.pursuit) not in hits


def test_hub_by_code_or_by_name(index, sample):
    by_code = found(index.search("hub:NW"))
    by_name = found(index.search('hub:"North West"'))
    assert by_code == by_name == {("recommendation", sample.pursuit), ("recommendation", sample.taser),
                                  ("action", sample.policy)}
    assert found(index.search("hub:nw taser kind:recommendation")) == {("recommendation", sample.taser)}


def test_status_overdue_and_open(index, sample, monkeypatch):
    monkeypatch.setenv("OL_DESK_TODAY", "2025-06-01")
    overdue = found(index.search("status:overdue kind:action"))
    assert overdue == {("action", sample.briefing)}  # due 2025-01-31 and open; the other is due in 2099
    open_actions = found(index.search("status:open kind:action"))
    assert open_actions == {("action", sample.briefing), ("action", sample.policy)}


def test_source_theme_owner_and_kind_filters(index, sample):
    assert found(index.search("source:iopc kind:recommendation")) == {("recommendation", sample.pursuit),
                                                                       ("recommendation", sample.taser)}
    assert found(index.search("source:coroner kind:rec")) == {("recommendation", sample.rousing)}
    # theme by code or by a word of its name; actions carry their recommendation's themes
    assert found(index.search("theme:custody")) == {("recommendation", sample.rousing), ("action", sample.briefing)}
    assert found(index.search('theme:"Custody and detention" kind:action')) == {("action", sample.briefing)}
    assert found(index.search("owner:smith")) == {("recommendation", sample.rousing)}
    assert found(index.search("kind:learning")) == {("learning", sample.learning)}


def test_due_date_comparisons(index, sample):
    assert found(index.search("due:<2025-06-01 kind:action")) == {("action", sample.briefing)}
    assert found(index.search("due:>=2025-02-01 kind:action")) == {("action", sample.policy)}
    assert found(index.search("due:2025-01 kind:action")) == {("action", sample.briefing)}
    assert found(index.search("issued:2024 kind:document")) == {("document", sample.iopc)}


def test_a_misspelt_word_still_finds_and_says_what_it_searched(index, sample):
    result = index.search("custdy sergants")
    assert result.corrected_query == "custody sergeants"
    assert ("update", sample.update) in found(result)
    assert index.search("custody").corrected_query is None


def test_hits_show_reference_title_and_a_marked_snippet(index, sample):
    hit = next(h for h in index.search("rousing").hits if h.id == sample.rousing and h.kind == "recommendation")
    assert hit.reference == "2025-0241 1"
    assert hit.title == "Rousing checks"
    assert "<mark>Rousing</mark>" in hit.snippet_html
    assert "<mark>" not in hit.snippet_text and "Rousing checks on intoxicated" in hit.snippet_text


def test_a_finding_without_a_title_is_listed_under_its_first_sentence(index, sample, db, cpic):
    from tests.core import factories as f
    with db.transaction() as s:
        untitled = f.make_recommendation(s, cpic, sample.pfd, reference="9", title="",
                                         text="Ligature points in cell 4 were not removed. The audit was late.")
    hit = next(h for h in index.search("ligature").hits if h.id == untitled)
    assert hit.title == "Ligature points in cell 4 were not removed (derived)"


def test_reference_search(index, sample):
    assert ("document", sample.iopc) in found(index.search("IOPC-2024-117"))
    assert ("action", sample.briefing) in found(index.search("MD-001"))


def test_kinds_argument_and_limit(index, sample):
    result = index.search("pursuit", kinds=["action"])
    assert found(result) == {("action", sample.policy)}
    assert len(index.search("source:iopc", limit=1).hits) == 1


def test_ids_matching_gives_every_id_of_one_kind(index, sample):
    assert index.ids_matching("hub:NW", "recommendation") == sorted([sample.pursuit, sample.taser])
    assert index.ids_matching("hub:NW", "actions") == [sample.policy]


def test_similar_finds_an_old_recommendation_repeated_in_new_words(index, sample):
    hits = index.similar("Detainees who were drunk were not roused and checked often enough in custody.",
                         exclude_ids=[sample.taser])
    assert hits and hits[0].id == sample.rousing
    assert all(h.kind == "recommendation" and h.id != sample.taser for h in hits)


@pytest.mark.parametrize("query, says", [
    ('"rousing checks', "quotation mark is not closed"),
    ("colour:red", "'colour:' is not a filter"),
    ("hub:Atlantis", "hub:Atlantis is not a hub"),
    ("theme:astronomy", "theme:astronomy is not a theme"),
    ("status:sleeping", "status:sleeping is not known"),
    ("source:tabloid", "source:tabloid is not known"),
    ("kind:elephant", "kind:elephant is not known"),
    ("due:<2025-13-01", "is not a date"),
    ("due:soon", "is not a date"),
    ("OR custody", "OR needs a word on each side"),
    ("custody OR", "OR needs a word on each side"),
    ("hub:", "needs a value"),
    ("x" * 1001, "too long"),
])
def test_malformed_queries_get_a_message(index, query, says):
    with pytest.raises(QueryError, match=says):
        index.search(query)


def test_empty_and_stopword_only_queries_find_nothing_quietly(index):
    assert index.search("").hits == []
    assert index.search("   ").hits == []
    assert index.search("the of").hits == []


def test_date_forms():
    assert date_range("<2025-06-01", "due") == (None, 20250531)
    assert date_range("<=2025-06", "due") == (None, 20250630)
    assert date_range(">2024", "due") == (20250101, None)
    assert date_range("01/06/2025", "due") == (20250601, 20250601)
    assert date_range("2025-01..2025-03", "due") == (20250101, 20250331)
    assert date_range("2024-12..", "due") == (20241201, None)


def test_parse_groups_or_tighter_than_and():
    parsed = parse('pursuit OR chase -"blue lights" hub:"North West"')
    assert [[a.text for a in g] for g in parsed.groups] == [["pursuit", "chase"], ["blue lights"], ["North West"]]
    assert parsed.groups[1][0].negated and parsed.groups[2][0].field == "hub"
    assert dt.date  # the module is used by other tests in this file


def test_forms_from_the_user_guide(index, sample):
    assert found(index.search('hub:"NW BCU" kind:action')) == {("action", sample.policy)}  # a hub alias
    assert found(index.search('owner:"jane smith"')) == {("recommendation", sample.rousing)}
    assert found(index.search("finding:moc")) == {("recommendation", sample.rousing), ("action", sample.briefing)}
    assert ("update", sample.update) not in found(index.search("custody -kind:update"))
    assert ("update", sample.update) in found(index.search("custody"))
    assert found(index.search("pursuit hub:NW status:open kind:action")) == {("action", sample.policy)}
    assert index.search("status:finished").hits == []
    assert found(index.search('"rousing checks" source:pfd issued:2025')) >= {("recommendation", sample.rousing)}
    assert found(index.search('theme:"mental health"')) == set()


def test_the_correction_is_shown_as_a_word_even_when_the_hits_show_another_text(index, sample):
    # "custody" is only in the PFD's title for the rousing recommendation, not in what its hit shows.
    result = index.search("custdy", kinds=["recommendation"])
    assert result.corrected_query == "custody"


def test_status_kind_and_date_filters_with_words_agree_with_the_filters_alone(index, sample, monkeypatch):
    # With words, these filters are checked on the words' candidates (columns); alone, they walk the index.
    monkeypatch.setenv("OL_DESK_TODAY", "2025-06-01")
    assert found(index.search("status:overdue kind:action")) == {("action", sample.briefing)}
    assert found(index.search("custody status:overdue kind:action")) == {("action", sample.briefing)}
    both = found(index.search("status:overdue")) & found(index.search("pursuit"))
    assert found(index.search("pursuit status:overdue")) == both and ("action", sample.policy) not in both
    assert found(index.search("pursuit kind:action due:>2098-12-31")) == {("action", sample.policy)}
    assert found(index.search("pursuit kind:action due:<2099")) == set()
    assert found(index.search("pursuit issued:2024-05 kind:document")) == {("document", sample.iopc)}
    assert found(index.search("radio issued:<2000")) == set()  # an item without the date never passes a range
