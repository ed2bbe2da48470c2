"""PFD report PDFs in several coroners' layouts read into every field: reference, date, coroner and area,
addressees, the deceased, circumstances, each matter of concern in order (over page breaks, without the running
header, footer or page numbers), and the 56-day clock from the report's date."""
from __future__ import annotations

import datetime as dt

import pytest

from ol_desk.core.pfd_pdf import read_report
from ol_desk.core.pfd_pdf.text_lines import read_lines

from .pfd_report_pdfs import HEADER, Report, variant, write_report

CONCERNS = Report().concerns


def _read(tmp_path, name="report.pdf", **changes):
    return read_report(write_report(tmp_path / name, variant(**changes)))


def test_the_template_layout_gives_every_field(tmp_path):
    r = _read(tmp_path)
    assert r.reference == "2024-0123"
    assert r.date_issued == dt.date(2024, 3, 12)
    assert r.response_due == dt.date(2024, 5, 7)          # 56 days from the report's date
    assert r.response_by_stated == dt.date(2024, 5, 7)
    assert r.coroner == "Jane Doe, Assistant Coroner"
    assert r.area == "Avon"
    assert r.addressees == ["Chief Constable of Avon and Somerset Constabulary", "Chief Executive, NHS England"]
    assert r.deceased == "John Smith"
    assert r.title == "Regulation 28 report: John Smith"
    assert r.investigation.startswith("On 4 January 2024 I commenced an investigation into the death of John Smith")
    assert r.circumstances.endswith("He was pronounced dead at hospital that evening.")
    assert r.intro.startswith("During the course of the inquest") and r.intro.endswith("are as follows:")
    assert r.concerns == CONCERNS
    assert r.pages == 2 and r.warnings == [] and len(r.sha256) == 64
    assert r.notes.startswith("Investigation and inquest: On 4 January") and "Circumstances of the death:" in r.notes


@pytest.mark.parametrize("marker", ["1.", "(1)", "•", "1)"])
def test_each_way_of_numbering_the_concerns(tmp_path, marker):
    assert _read(tmp_path, marker=marker).concerns == CONCERNS


@pytest.mark.parametrize("footer", ["Page {n} of {m}", "{n}", "- {n} -", "OFFICIAL {n}/{m}"])
@pytest.mark.parametrize("filler", range(0, 46, 3))
def test_concerns_running_over_a_page_break_read_whole_without_headers_footers_or_page_numbers(tmp_path, filler,
                                                                                               footer):
    r = _read(tmp_path, filler_lines=filler, header=HEADER + " — OFFICIAL", footer=footer)
    assert r.concerns == CONCERNS
    assert r.reference == "2024-0123" and r.date_issued == dt.date(2024, 3, 12)
    text = " ".join([*r.concerns, r.circumstances, r.intro])
    assert "Page" not in text and "OFFICIAL" not in text and "REGULATION 28:" not in text


def test_a_page_break_inside_a_concern(tmp_path):
    """The break falls inside each concern's lines on some filler count: found, and each read as one."""
    broken = set()
    for filler in range(8, 20):
        path = write_report(tmp_path / f"r{filler}.pdf", variant(filler_lines=filler))
        lines = read_lines(path).lines
        for n, concern in enumerate(CONCERNS, start=1):
            first = next(i for i, ln in enumerate(lines) if ln.text.startswith(f"{n}. {concern[:20]}"))
            if lines[first + 1].page != lines[first].page:
                broken.add(n)
                assert read_report(path).concerns == CONCERNS
    assert broken == {1, 2, 3}


def test_matters_of_concern_heading_slash_dates_two_column_addressees_and_a_reference_in_the_header(tmp_path):
    r = _read(tmp_path, marker="(1)", concerns_heading="MATTERS OF CONCERN", date_text="12/03/2024",
              reference_line="", header="Reference: 2024-0456    REGULATION 28 REPORT", addressee_columns=2,
              addressees=["Chief Constable of Wessex Police", "NHS England", "Secretary of State for Health",
                          "Wessex Ambulance Service NHS Trust"],
              coroner="Sam Roe", coroner_title="HM Senior Coroner", area="Wessex",
              coroner_line="I am {coroner}, {title}, for the area of {area}.", response_by="")
    assert r.reference == "2024-0456"
    assert r.date_issued == dt.date(2024, 3, 12) and r.response_by_stated is None
    assert r.addressees == ["Chief Constable of Wessex Police", "NHS England", "Secretary of State for Health",
                            "Wessex Ambulance Service NHS Trust"]
    assert (r.coroner, r.area) == ("Sam Roe, HM Senior Coroner", "Wessex")
    assert r.concerns == CONCERNS


def test_bullets_ordinal_dates_a_reference_in_the_file_name_and_a_wrapped_addressee(tmp_path):
    long_name = ("The Rt Hon Secretary of State for Justice, Ministry of Justice, 102 Petty France, London "
                 "SW1H 9AJ and the Chief Executive of HM Prison and Probation Service")
    r = _read(tmp_path, name="2024-0789 Smith Prevention-of-future-deaths-report.pdf", marker="•",
              date_text="12th March 2024", reference_line="", footer="", addressees=[long_name])
    assert r.reference == "2024-0789"
    assert r.date_issued == dt.date(2024, 3, 12)
    assert r.concerns == CONCERNS
    assert r.addressees[0].startswith("The Rt Hon Secretary of State for Justice")
    assert len(r.addressees) == 1 or r.addressees == [long_name]


def test_curly_apostrophes_in_the_headings(tmp_path):
    r = _read(tmp_path, concerns_heading="CORONER\u2019S CONCERNS",
              coroner_line="I am {coroner}, {title} for the coroner\u2019s area of {area}")
    assert r.concerns == CONCERNS and (r.coroner, r.area) == ("Jane Doe, Assistant Coroner", "Avon")


def test_a_single_concern_without_a_list(tmp_path):
    one = ("The force has no policy requiring officers to record the reason for not using a spit guard, and the "
           "training material on positional asphyxia does not cover prone restraint in a van.")
    r = _read(tmp_path, marker="", concerns=[one], reference_line="")
    assert r.concerns == [one]
    assert r.intro.startswith("During the course") and r.reference == ""
    assert any(w.startswith("No reference") for w in r.warnings)


def test_a_different_response_date_is_named_and_the_clock_stays_from_the_report_date(tmp_path):
    r = _read(tmp_path, response_by="1 June 2024")
    assert r.response_due == dt.date(2024, 5, 7)
    assert r.response_by_stated == dt.date(2024, 6, 1)
    assert any("01 June 2024 as the response date" in w and "07 May 2024" in w for w in r.warnings)


def test_fields_not_found_are_empty_with_a_warning_each(tmp_path):
    r = _read(tmp_path, reference_line="", date_text="", coroner_line="The coroner heard evidence.",
              addressees=[], response_by="")
    assert r.date_issued is None and r.response_due is None
    said = " ".join(r.warnings)
    for words in ("No reference", "No date", "No addressees"):
        assert words in said
    assert r.concerns == CONCERNS


# Addressee blocks as real reports write them (the sample register's "Sent to" cells, one line each as printed)
ADDRESSEE_BLOCKS = [
    (["1 OSG", "2 HM Prison & Probation Service (HMPPS)", "3 Ministry of Justice (MOJ)",
      "4 The Governing Governor, HMP Woodhill"],
     ["OSG", "HM Prison & Probation Service (HMPPS)", "Ministry of Justice (MOJ)",
      "The Governing Governor, HMP Woodhill"]),
    (["The Chief Executive,", "Blackpool Teaching Hospital NHS Foundation Trust"],
     ["The Chief Executive, Blackpool Teaching Hospital NHS Foundation Trust"]),
    (["\u2022 Secretary of State for Health", "\u2022 NHS England"], ["Secretary of State for Health", "NHS England"]),
    (["[REDACTED], Medical Director, Health Education England",
      "[REDACTED], President, Royal College of Psychiatrists, London Office, 21 Prescot Street, London, E1 8BB"],
     ["[REDACTED], Medical Director, Health Education England",
      "[REDACTED], President, Royal College of Psychiatrists, London Office, 21 Prescot Street, London, E1 8BB"]),
    (["1. The President Royal College Obstetricians and Gynaecologists (RCOG)", "10-18 Union Street London SE1 1SZ",
      "2. Chief Executive, NHS England"],
     ["The President Royal College Obstetricians and Gynaecologists (RCOG) 10-18 Union Street London SE1 1SZ",
      "Chief Executive, NHS England"]),
]


@pytest.mark.parametrize(("lines", "expected"), ADDRESSEE_BLOCKS)
def test_addressee_blocks_as_real_reports_write_them(tmp_path, lines, expected):
    assert _read(tmp_path, addressee_lines=lines).addressees == expected


def test_a_first_line_that_repeats_at_the_top_of_pages_is_kept(tmp_path):
    """Only the page's margins hold running headers: body lines that start two pages alike are text."""
    r = _read(tmp_path, filler_lines=100, header="", footer="")
    assert r.circumstances.count("The evidence heard on day") == 100
