"""Cell values as the model's values: dates, percentages, several values in one cell, words and hub names."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ol_desk.core.excel import value_parsing as vp
from ol_desk.core.model import Hub
from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus


@pytest.mark.parametrize("raw, expected, partial", [
    (dt.datetime(2024, 5, 17), dt.date(2024, 5, 17), False),
    ("13/11/2024", dt.date(2024, 11, 13), False),
    ("1/2/25", dt.date(2025, 2, 1), False),
    ("2024-06-30", dt.date(2024, 6, 30), False),
    ("3 March 2024", dt.date(2024, 3, 3), False),
    ("Feb 2022", dt.date(2022, 2, 28), True),
    ("September 2024", dt.date(2024, 9, 30), True),
    ("Q2 2025", dt.date(2025, 6, 30), True),
    ("2021", dt.date(2021, 12, 31), True),
    (2021, dt.date(2021, 12, 31), True),
    (45000, dt.date(2023, 3, 15), False),
])
def test_dates(raw, expected, partial):
    parsed = vp.parse_date(raw, "target date")
    assert parsed.value == expected and bool(parsed.warning) == partial


@pytest.mark.parametrize("raw", ["31/02/2024", "soon", "13/13/2024", "Febtember 2024"])
def test_not_dates(raw):
    with pytest.raises(vp.BadValue, match=f"target date '{raw}' is not a date"):
        vp.parse_date(raw, "target date")


@pytest.mark.parametrize("raw", [None, "", "n/a", "TBC", "-"])
def test_blank_dates(raw):
    assert vp.parse_date(raw) is None


def test_excel_error_values_are_left_empty_with_a_warning():
    parsed = vp.parse_date("#N/A", "target date")
    assert parsed.value is None and "Excel error #N/A" in parsed.warning
    assert parsed.keep_text == "Target date in spreadsheet: #N/A"


@pytest.mark.parametrize("raw, expected", [("50%", 50), (0.25, 25), (1, 100), (0, 0), ("75", 75), (60, 60),
                                           ("0.5", 50), ("n/a", None), (None, None)])
def test_percentages(raw, expected):
    parsed = vp.parse_percent(raw)
    assert (parsed.value if parsed else None) == expected


def test_bad_percentages():
    with pytest.raises(vp.BadValue, match="'150%' is not between"):
        vp.parse_percent("150%")
    with pytest.raises(vp.BadValue, match="'half' is not a percentage"):
        vp.parse_percent("half")


@pytest.mark.parametrize("word, status", [("Done", RecStatus.DELIVERED), ("Completed", RecStatus.DELIVERED),
                                          ("Implemented", RecStatus.DELIVERED), ("Closed", RecStatus.CLOSED),
                                          ("in progress", RecStatus.IN_PROGRESS), ("WIP", RecStatus.IN_PROGRESS),
                                          ("Not started", RecStatus.NEW), ("Awaiting review", RecStatus.DELIVERED)])
def test_recommendation_status_words(word, status):
    assert vp.rec_status(word).value == status


@pytest.mark.parametrize("word, status", [("Done", ActionStatus.COMPLETE), ("closed", ActionStatus.COMPLETE),
                                          ("closed - no further action", ActionStatus.CANCELLED),
                                          ("Overdue", ActionStatus.OPEN), ("WIP", ActionStatus.IN_PROGRESS)])
def test_action_status_words(word, status):
    assert vp.action_status(word).value == status


def test_unknown_status_is_kept_as_text():
    parsed = vp.rec_status("Parked until budget")
    assert parsed.value is None and parsed.keep_text == "Status in spreadsheet: Parked until budget"


def test_finding_types():
    assert vp.finding_type("AFI") == FindingType.AREA_FOR_IMPROVEMENT
    assert vp.finding_type("Cause of concern") == FindingType.CAUSE_OF_CONCERN
    assert vp.finding_type_from_reference("CoC 2") == FindingType.CAUSE_OF_CONCERN
    assert vp.finding_type_from_reference("R12") == FindingType.RECOMMENDATION


def test_hub_names_codes_aliases_and_several_in_one_cell(db):
    with db.reading() as s:
        hubs = vp.HubMatcher(s.scalars(select(Hub)))
        code = {h.id: h.code for h in s.scalars(select(Hub))}

    def codes(value):
        ids, unknown = hubs.find_all(value)
        return [code[i] for i in ids], unknown
    assert codes("Central West BCU") == (["CW"], [])
    assert codes("central west") == (["CW"], [])
    assert codes("Custody") == (["MD"], [])
    assert codes("NW") == (["NW"], [])
    assert codes("North West; Met Detention") == (["NW", "MD"], [])
    assert codes("Met Command and Control; South Area BCU") == (["MO", "SN"], [])
    assert codes("Roads and Transport") == (["RTPC"], [])
    assert codes("North West / South East") == (["NW", "SE"], [])
    assert codes("Atlantis BCU, Custody") == (["MD"], ["Atlantis BCU"])
    assert hubs.in_words("North West BCU - learning actions") == hubs.find("NW")


@pytest.mark.parametrize("word", ["N/A", "n/a", "N/A: Not found", "Not found", "-", "TBC", "none", "None", "NA",
                                  "not known", "N/A - not found", "—", " tbc. ", "n/a (not found)"])
def test_placeholders_read_as_empty_in_every_parser(word):
    assert vp.is_placeholder(word) and vp.value_text(word) == ""
    assert vp.parse_date(word) is None and vp.parse_percent(word) is None
    assert vp.rec_status(word) is None and vp.action_status(word) is None
    assert vp.finding_type(word) is None and vp.source_kind(word) is None and vp.rag(word) == ""
    assert vp.split_values(word) == [] and vp.split_values(f"North West; {word}") == ["North West"]


@pytest.mark.parametrize("value", ["2024-0001", "R1", "Not started", "None of the above applied", "NAT", "-1",
                                   "No", "Nothing found at the scene", 0, None, "#N/A"])
def test_real_values_are_not_placeholders(value):
    assert not vp.is_placeholder(value)
