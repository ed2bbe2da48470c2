"""Derived titles read like a title: the finding's own first sentence, never the report's standard wording."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ol_desk.core.derived_title import LIMIT, derived_title

REG28 = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion "
         "there is a risk that future deaths will occur unless action is taken. In the circumstances it is my "
         "statutory duty to report to you. The MATTERS OF CONCERN are as follows. ")


def test_regulation_28_wording_and_list_numbers_are_skipped():
    text = REG28 + "1. Officers did not carry out rousing checks every 30 minutes as the custody policy requires. " \
                   "2. The CCTV was not reviewed."
    assert derived_title(text) == ("Officers did not carry out rousing checks every 30 minutes as the custody "
                                   "policy requires")


def test_abbreviations_and_section_numbers_do_not_end_the_sentence():
    assert derived_title("Detention under s. 136 was used. It was not reviewed.") == "Detention under s. 136 was used"
    assert derived_title("Mr. Jones was not seen by Dr. Patel. Later he died.") == "Mr. Jones was not seen by Dr. Patel"
    assert derived_title("(a) Firearms licensing checks missed e.g. GP records. More.") == \
        "Firearms licensing checks missed e.g. GP records"


def test_a_short_text_is_its_own_title_and_nothing_gives_nothing():
    assert derived_title("Review the pursuit policy") == "Review the pursuit policy"
    assert derived_title("") == "" and derived_title(None) == ""


@given(st.text(max_size=600))
def test_never_longer_than_the_limit_and_never_cut_inside_a_word_it_keeps(text):
    title = derived_title(text)
    assert len(title) <= LIMIT
    if title.endswith("…"):
        kept = title[:-1].rstrip()
        assert kept and " ".join(text.split()).find(kept) >= 0 or kept == ""


def test_the_investigation_form_of_the_standard_wording_is_skipped_too():
    text = ("During the course of the investigation my inquiries revealed matters giving rise to concern. "
            "In my opinion there is a risk that future deaths could occur unless action is taken. "
            "The MATTERS OF CONCERN are as follows. The junction has no pedestrian crossing.")
    assert derived_title(text) == "The junction has no pedestrian crossing"
