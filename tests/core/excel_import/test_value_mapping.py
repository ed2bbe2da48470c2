"""Value mapping (issue 12 item 1): the preview lists each category word the register uses that ol-desk does not
know exactly, with its count over the whole sheet and a suggested mapping; the user's mapping fills kind and finding
type (both from one cell), status and hubs; it is saved in the profile and reused with no questions."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from ol_desk.core.errors import ValidationError
from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
from ol_desk.core.model import Hub, Recommendation, RecommendationHub
from ol_desk.core.model.enums import FindingType as F
from ol_desk.core.model.enums import RecStatus as S
from ol_desk.core.model.enums import SourceKind as K
from ol_desk.core.services import import_profiles
from ol_desk.core.services.history import undo_batch

from .conftest import audit_count, build_workbook, table_state

HEADER = ["Ref", "Source", "Recommendation", "BCU", "Status"]
ROWS = [
    ["L1", "HMICFRS – Cause of concern", "Custody officers should rouse detainees as the care plan requires.",
     "Central West", "Complete"],
    ["L2", "HMIC - AFI", "Supervisors should review stop and search records weekly.", "C. West", "Ongoing"],
    ["L3", "Independent Review Panel", "Pursuits must be authorised by a trained tactical adviser.", "Sth East",
     "Not started"],
    ["L4", "Coroner (Reg 28)", "Call handlers should grade mental health calls with THRIVE.", "South East",
     "Being progressed"],
    ["L5", "MOPAC scrutiny – AFI", "Vetting decisions should be recorded with their reasons.", "Sth East",
     "Pending sign-off"],
    ["L6", "Lighthouse project", "Family liaison officers should be deployed within 24 hours.", "Central West",
     "Being progressed"],
    ["L7", "HMIC - AFI", "Body-worn video should be reviewed after each use of Taser.", "C. West", "Ongoing"],
]
MAPS = {"Source": {"MOPAC scrutiny – AFI": "internal review / area for improvement",
                   "Lighthouse project": "independent_review",
                   "Independent Review Panel": "independent review / recommendation"},
        "Status": {"Being progressed": "in progress", "Pending sign-off": "delivered"},
        "BCU": {"C. West": "CW", "Sth East": "SE"}}
EXPECTED = {"L1": (K.HMICFRS, F.CAUSE_OF_CONCERN, S.DELIVERED, ["CW"]),
            "L2": (K.HMICFRS, F.AREA_FOR_IMPROVEMENT, S.IN_PROGRESS, ["CW"]),
            "L3": (K.INDEPENDENT_REVIEW, F.RECOMMENDATION, S.ASSIGNED, ["SE"]),
            "L4": (K.PFD, F.MATTER_OF_CONCERN, S.IN_PROGRESS, ["SE"]),
            "L5": (K.INTERNAL_REVIEW, F.AREA_FOR_IMPROVEMENT, S.DELIVERED, ["SE"]),
            "L6": (K.INDEPENDENT_REVIEW, F.RECOMMENDATION, S.IN_PROGRESS, ["CW"]),
            "L7": (K.HMICFRS, F.AREA_FOR_IMPROVEMENT, S.IN_PROGRESS, ["CW"])}


@pytest.fixture
def register(tmp_path):
    return build_workbook(tmp_path / "mixed-register.xlsx", [HEADER, *ROWS])


def _got(db) -> dict:
    with db.reading() as s:
        hubs = {}
        for rid, code in s.execute(select(RecommendationHub.recommendation_id, Hub.code)
                                   .join(Hub, Hub.id == RecommendationHub.hub_id)):
            hubs.setdefault(rid, []).append(code)
        return {r.reference: (r.document.kind, r.finding_type, r.status, sorted(hubs.get(r.id, [])), r.notes)
                for r in s.scalars(select(Recommendation))}


def test_the_preview_lists_each_unknown_word_once_with_its_count_and_a_suggestion(db, register):
    report = import_file(db, register, None, dry_run=True)
    values = {(v.field, v.value): (v.count, v.suggestion, v.why) for v in report.values}
    # words ol-desk knows exactly are not listed
    assert not {("source_kind", "HMICFRS – Cause of concern"), ("source_kind", "HMIC - AFI"),
                ("status", "Complete"), ("status", "Ongoing"), ("hubs", "Central West")} & set(values)
    assert values[("source_kind", "Independent Review Panel")] == (1, "independent_review", "guessed from its words")
    assert values[("source_kind", "Coroner (Reg 28)")][1:] == ("pfd", "guessed from its words")
    assert values[("source_kind", "Lighthouse project")] == (1, None, "not known")
    assert values[("status", "Being progressed")][0] == 2
    assert values[("hubs", "C. West")] == (2, "CW", "closest spelling")
    assert values[("hubs", "Sth East")] == (2, "SE", "closest spelling")
    assert report.as_dict()["values"][0]["field"] == "source_kind"


def test_before_mapping_every_row_imports_with_warnings(db, cpic, register):
    report = import_file(db, register, cpic)
    assert report.counts["rejected"] == 0 and report.counts["new"] == len(ROWS)
    said = "\n".join(report.warnings)
    for row, words in ((6, "source 'MOPAC scrutiny – AFI'"), (7, "source 'Lighthouse project'"),
                       (5, "status 'Being progressed'"), (3, "hub 'C. West'"), (4, "hub 'Sth East'")):
        assert f"row {row}: {words}" in said
    got = _got(db)
    assert got["L6"][0] == K.OTHER and "Source in spreadsheet: Lighthouse project" in got["L6"][4]
    assert got["L2"][3] == [] and "Hub in spreadsheet: C. West" in got["L2"][4]


def test_after_mapping_every_row_has_the_right_kind_finding_type_status_and_hub(db, cpic, register):
    report = import_file(db, register, cpic, ImportOptions(value_maps=MAPS, save_profile="Mixed register"))
    assert report.counts == {"new": len(ROWS), "changed": 0, "unchanged": 0, "rejected": 0}
    assert not [w for w in report.warnings if "ol-desk knows" in w or "names no kind" in w], report.warnings
    assert {ref: v[:4] for ref, v in _got(db).items()} == EXPECTED
    with db.reading() as s:
        saved = import_profiles.by_name(s, "Mixed register")
    assert saved.values["source_kind"]["MOPAC scrutiny – AFI"] == "internal_review/area_for_improvement"
    assert saved.values["hubs"] == {"C. West": "CW", "Sth East": "SE"}
    # the same layout again: the profile is found and its mappings applied with no questions; nothing changes
    before, events = table_state(db), audit_count(db)
    again = import_file(db, register, cpic)
    assert again.info.profile == "Mixed register" and again.nothing_changed
    assert again.counts["unchanged"] == len(ROWS) and table_state(db) == before and audit_count(db) == events
    preview = import_file(db, register, None, dry_run=True)
    mapped = {(v.field, v.value): (v.suggestion, v.why) for v in preview.values}
    assert mapped[("hubs", "C. West")] == ("CW", "mapped")


def test_mapping_a_register_imported_before_changes_exactly_those_rows_and_undo_puts_them_back(db, cpic, register):
    import_file(db, register, cpic)
    before = table_state(db)
    report = import_file(db, register, cpic, ImportOptions(value_maps=MAPS))
    assert report.counts["rejected"] == 0 and report.counts["changed"] >= 3
    with db.transaction() as s:
        undo_batch(s, cpic, report.batch_id)
    assert table_state(db) == before


def test_a_hub_word_can_be_left_blank_on_purpose(db, cpic, register):
    report = import_file(db, register, cpic, ImportOptions(value_maps={"hubs": {"C. West": "blank"}}))
    assert not [w for w in report.warnings if "C. West" in w]
    assert _got(db)["L2"][3] == [] and "C. West" not in (_got(db)["L2"][4] or "")


@pytest.mark.parametrize("maps, says", [
    ({"Nope": {"x": "pfd"}}, "no column 'Nope'"),
    ({"Recommendation": {"x": "pfd"}}, "only the values of source"),
    ({"Source": {"Lighthouse project": "lighthouse"}}, "is not a source kind"),
    ({"Status": {"Being progressed": "sort of"}}, "is not a status"),
    ({"BCU": {"C. West": "Atlantis"}}, "is not a hub ol-desk knows"),
])
def test_bad_value_mappings_are_explained_and_write_nothing(db, cpic, register, maps, says):
    before = table_state(db)
    with pytest.raises(ValidationError, match=says):
        import_file(db, register, cpic, ImportOptions(value_maps=maps))
    assert table_state(db) == before


def test_cli_lists_the_values_maps_them_with_two_equals_and_keeps_the_old_form(cli_db, db, register, capsys):
    from ol_desk.cli.main import main
    target = cli_db()
    assert main([*target, "import", str(register), "--dry-run", "--map", "Ref=reference"]) == 0   # old form
    out = capsys.readouterr().out
    assert "Values ol-desk does not know exactly" in out
    assert "BCU: 'C. West' × 2 (closest spelling) → Central West   --map \"BCU=C. West=CW\"" in out
    assert "Source: 'Lighthouse project' × 1 (not known) → leave as is" in out
    maps = [f"{column}={words}={goal}" for column, pairs in MAPS.items() for words, goal in pairs.items()]
    args = [a for m in maps for a in ("--map", m)]
    assert main([*target, "import", str(register), *args, "--save-profile", "Mixed", "--json"]) == 0
    import json
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["new"] == len(ROWS) and data["counts"]["rejected"] == 0
    assert {ref: v[:4] for ref, v in _got(db).items()} == EXPECTED
    assert main([*target, "import", str(register), "--dry-run"]) == 0   # the profile's mappings, no questions
    out = capsys.readouterr().out
    assert "nothing would change" in out and "(mapped) → Central West" in out
    assert main([*target, "import", str(register), "--map", "Status=x=nonsense"]) != 0
    assert "'nonsense' is not a status" in capsys.readouterr().err


def test_response_positions_in_a_force_s_own_words_are_read_listed_and_mapped(db, cpic, tmp_path):
    from ol_desk.core.model.enums import ResponsePosition as P
    path = build_workbook(tmp_path / "responses.xlsx", [
        ["Ref", "Source", "Recommendation", "Response"],
        ["1", "IOPC", "Officers should record the reasons for each strip search.", "Fully accepted"],
        ["2", "IOPC", "Supervisors should review custody records within 24 hours.", "Accepted in part"],
        ["3", "IOPC", "Control rooms should log every welfare call-back.", "Partially agreed"],
        ["4", "IOPC", "Family liaison officers should be trained in trauma.", "Not accepted"],
        ["5", "IOPC", "Trainers should be assessed each year.", "Partially agreed"],
    ])
    preview = import_file(db, path, None, dry_run=True)
    listed = {v.value: (v.count, v.suggestion) for v in preview.values if v.field == "response_position"}
    assert listed == {"Partially agreed": (2, "accepted_in_part")}
    first = import_file(db, path, cpic)
    assert first.counts["new"] == 5 and first.counts["rejected"] == 0
    assert any("row 5: response 'Not accepted'" in w for w in first.warnings)
    assert any("row 6: response 'Partially agreed'" in w for w in first.warnings)
    with db.reading() as s:
        got = {r.reference: r.response_position for r in s.scalars(select(Recommendation))}
    assert got == {"1": P.ACCEPTED, "2": P.ACCEPTED_IN_PART, "3": P.PENDING, "4": P.PENDING, "5": P.PENDING}
    mapped = import_file(db, path, cpic, ImportOptions(value_maps={"Response": {"Partially agreed": "in part"}}))
    assert mapped.counts["changed"] == 2 and mapped.counts["rejected"] == 0
    with db.reading() as s:
        got = {r.reference: r.response_position for r in s.scalars(select(Recommendation))}
    assert got["3"] == got["5"] == P.ACCEPTED_IN_PART
    with db.transaction() as s:
        undo_batch(s, cpic, mapped.batch_id)
    with db.reading() as s:
        assert s.scalar(select(Recommendation.response_position).where(Recommendation.reference == "3")) == P.PENDING
    with pytest.raises(ValidationError, match="is not a response"):
        import_file(db, path, cpic, ImportOptions(value_maps={"Response": {"Partially agreed": "not accepted"}}))


def test_a_saved_mapping_that_no_longer_fits_is_left_out_not_applied_blank():
    from ol_desk.core.excel import value_parsing as vp
    from ol_desk.core.excel.register_import import value_mapping as vm

    class Hub:
        def __init__(self, hid, code, name):
            self.id, self.code, self.name, self.aliases = hid, code, name, ""
    hubs = vp.HubMatcher([Hub(1, "CW", "Central West")])
    maps = vm.resolve({"hubs": {"C. West": "CW", "Old unit": "ZZ", "Regional": ""},
                       "status": {"Being progressed": "in_progress", "Signed": "delivered"}}, True, hubs)
    assert maps.hubs == {"c west": 1, "regional": None}          # 'ZZ' is no hub now: not mapped to blank
    assert set(maps.status) == {"being progressed"}              # 'delivered' is no action status
