"""Stock phrases of each source kind are taken out of what is matched; what the report itself says stays."""
from __future__ import annotations

import pytest

from ol_desk.core.standard_wording import without_standard_wording


@pytest.mark.parametrize(("text", "left"), [
    ("During the course of the investigation my inquiries revealed matters giving rise to concern. In my opinion "
     "there is a risk that future deaths could occur unless action is taken. In the circumstances it is my "
     "statutory duty to report to you. The MATTERS OF CONCERN are as follows: the cell bell was not answered.",
     "the cell bell was not answered."),
    ("The alarm Regulation 28 – After Inquest Document Template Updated 30/07/2021 was silenced.",
     "The alarm was silenced."),
    ("(brief summary of matters) The ambulance arrived after 10 hours.", "The ambulance arrived after 10 hours."),
    ("(brief summary of matters of concern) The ambulance arrived late.", "The ambulance arrived late."),
    ("Area for improvement 3: The force should improve how it records stop and search grounds.",
     "The force should improve how it records stop and search grounds."),
    ("We found that the force does not supervise investigations well.", "the force does not supervise "
                                                                         "investigations well."),
    ("The IOPC recommends that the force reviews its pursuit policy.", "the force reviews its pursuit policy."),
])
def test_stock_phrases_of_pfd_hmicfrs_and_iopc_reports_are_left_out(text, left):
    assert without_standard_wording(text) == left


def test_a_concern_that_only_mentions_future_deaths_keeps_its_words():
    text = "Officers were not told of the risk of future deaths from positional asphyxia."
    assert without_standard_wording(text) == text
