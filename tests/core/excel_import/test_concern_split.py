"""A PFD concerns cell's numbered list → one text per matter of concern; everything else stays whole."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ol_desk.core.excel.register_import.concern_split import split_concerns

INTRO = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion there "
         "is a risk that future deaths will occur unless action is taken. In the circumstances it is my statutory "
         "duty to report to you. The MATTERS OF CONCERN are as follows:")
FIRST = "Officers attending the address did not check the police national computer for warning markers."
SECOND = "The control room did not pass the call to the ambulance service for 47 minutes."
THIRD = "There is no force policy on welfare checks of people released under investigation."


@pytest.mark.parametrize("cell", [
    f"{INTRO}\n1. {FIRST}\n2. {SECOND}\n3. {THIRD}",
    f"{INTRO} 1. {FIRST} 2. {SECOND} 3. {THIRD}",           # the list flattened onto one line
    f"{INTRO} – (1) {FIRST}\n\n(2) {SECOND}\n\n(3) {THIRD}",
    f"{INTRO}\n1) {FIRST}\n2) {SECOND}\n3) {THIRD}",
    f"{INTRO} – (a) {FIRST} (b) {SECOND} (c) {THIRD}",
    f"{INTRO}\ni. {FIRST}\nii. {SECOND}\niii. {THIRD}",
    f"{INTRO}\n\uf0b7 {FIRST}\n\uf0b7 {SECOND}\n\uf0b7 {THIRD}",   # the Symbol-font bullet of text copied from a PDF
    f"{INTRO}\n• {FIRST}\n• {SECOND}\n• {THIRD}",
    f"{INTRO}\n- {FIRST}\n- {SECOND}\n- {THIRD}",
])
def test_each_marker_style_gives_one_item_per_concern_in_order_and_keeps_the_introduction(cell):
    split = split_concerns(cell)
    assert split is not None
    assert split.items == (FIRST, SECOND, THIRD)
    assert split.intro.startswith("During the course of the inquest") and split.intro.rstrip(" –").endswith(
        "as follows:")


def test_a_sub_list_stays_inside_its_concern():
    cell = (f"1. {FIRST} The evidence was that:\n(a) the marker was set in 2019;\n(b) it was not reviewed.\n"
            f"2. {SECOND}")
    split = split_concerns(cell)
    assert split is not None and len(split.items) == 2
    assert "(a) the marker was set in 2019;" in split.items[0] and "(b) it was not reviewed." in split.items[0]


def test_a_stray_page_number_before_the_next_item_does_not_hide_it():
    split = split_concerns(f"{INTRO} 1. {FIRST} 2 2. {SECOND}")
    assert split is not None and split.items == (f"{FIRST} 2", SECOND)


@pytest.mark.parametrize("cell", [
    "The detainee was detained under s.136 of the Mental Health Act 1983 on 12.03.2023 and waited 9 hours.",
    "The policy at paragraph 7. was not followed. Paragraph 8. says checks are made every 30 minutes.",
    "The view of the junction may be (1) obscured by vehicles leaving the slip road and (2) the junction is unlit.",
    "Evidence was given that on 22/12/22 there was another collision, and 21 collisions between 2000 and 2022.",
    "The officer was at REAP 2. They had never been at REAP 1 during this period.",
    f"{INTRO} 1. {FIRST}",                                    # one numbered matter is still one matter
    "1. 2. 3.",                                               # markers with nothing between them
    f"{FIRST} 2. {SECOND} 3. {THIRD}",                        # a list must start at its first value
])
def test_dates_sections_paragraphs_and_numbers_inside_a_sentence_never_split_a_cell(cell):
    assert split_concerns(cell) is None


def _squeezed(text: str) -> str:
    return "".join(text.split())


_words = st.text(st.sampled_from("abcdefghij klm.,;:()\n–-•\uf0b7 12345678910"), max_size=80)


@given(st.lists(_words, max_size=6), st.sampled_from(["{n}.", "({n})", "{n})", "({a})", "{a}.", "\uf0b7", "•"]))
def test_splitting_never_loses_or_reorders_text(chunks, style):
    """Whatever the cell holds, the introduction, each marker and each item put back together are the cell."""
    cell = "".join(f"{chunk} {style.format(n=i + 1, a='abcdef'[i])} " for i, chunk in enumerate(chunks))
    split = split_concerns(cell)
    if split is None:
        return
    rebuilt = split.intro + "".join(m + item for m, item in zip(split.markers, split.items, strict=True))
    assert _squeezed(rebuilt) == _squeezed(cell)
    assert len(split.items) >= 2 and all(item.strip() for item in split.items)
