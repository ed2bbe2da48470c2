"""`ol-desk import`: preview, apply, JSON, refusal exit codes, --list and --undo."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from ol_desk.cli.main import main
from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import RecStatus

from .conftest import build_workbook


def test_import_preview_apply_list_undo(cli_db, samples, capsys):
    target = cli_db()
    pfd = str(samples / "pfd_tracker.xlsx")
    assert main([*target, "import", pfd, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would import — 21 new, 0 changed, 0 unchanged, 0 rejected" in out
    assert "PFD Ref → document_reference" in out and "Nothing was written" in out

    assert main([*cli_db("Importer"), "import", pfd, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"new": 21, "changed": 0, "unchanged": 0, "rejected": 0} and data["batch_id"]
    batch = data["batch_id"]

    assert main([*target, "import", pfd]) == 0
    assert "0 new, 0 changed, 21 unchanged" in capsys.readouterr().out

    assert main([*target, "import", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "pfd_tracker.xlsx" in listing and "21 new, 0 changed" in listing

    assert main([*target, "import", "--undo", str(batch)]) == 0
    assert f"Undid import batch {batch}: " in capsys.readouterr().out
    assert main([*target, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recommendations"] == 0


def test_refusals_exit_non_zero_with_one_line(cli_db, samples, capsys, tmp_path):
    target = cli_db()
    assert main([*target, "import", str(samples / "bad" / "old_binary.xls")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ol-desk: ") and err.count("\n") == 1 and ".xls" in err
    assert main([*target, "import", "--undo", "999"]) == 2
    assert "no import batch 999" in capsys.readouterr().err
    odd = build_workbook(tmp_path / "odd.xlsx", [["no", "header"], ["R1", "A recommendation text"]])
    assert main([*target, "import", str(odd), "--map", "no=reference", "--map", "header=text",
                 "--save-profile", "odd"]) == 0
    assert "Saved the mapping as profile 'odd'" in capsys.readouterr().out
    assert main([*target, "import", str(odd), "--map", "header"]) == 2
    assert "Column=field" in capsys.readouterr().err


def test_rejected_rows_are_listed_with_their_reason(cli_db, capsys, tmp_path):
    path = build_workbook(tmp_path / "r.xlsx", [["Ref", "Recommendation", "Target date"],
                                                ["R1", "Fine row", "01/01/2025"],
                                                ["R2", "Bad date row", "31/02/2024"]])
    assert main([*cli_db(), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 changed, 0 unchanged, 1 rejected" in out
    assert "rejected  row 3: target date '31/02/2024' is not a date" in out


def test_a_hub_round_trip_workbook_is_handed_to_its_own_reader(cli_db, samples, capsys, tmp_path):
    target = cli_db()
    assert main([*target, "import", str(samples / "pfd_tracker.xlsx")]) == 0
    book = tmp_path / "md.xlsx"
    assert main([*target, "export", str(book), "--hub", "MD", "--for-update"]) == 0
    capsys.readouterr()
    assert main([*target, "import", str(book), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "(hub MD," in out and "0 row(s) to change" in out and "Nothing was written" in out
    assert main([*target, "import", str(book), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["roundtrip"] is True and data["batch_id"] is None


def test_historic_status_is_cpics_choice_on_the_command_line(cli_db, db, capsys, tmp_path):
    path = build_workbook(tmp_path / "old.xlsx", [
        ["Report", "Ref", "Recommendation", "BCU", "Status", "Board decision date", "Minute ref"],
        ["Custody review 2019", "R1", "Rousing checks at the required frequency.", "North West", "Closed",
         "12/03/2020", "OLB/20/3"]])
    assert main([*cli_db(), "import", str(path), "--dry-run"]) == 0
    assert "row 2: the register says Closed, but Close (Board decision) is for Board member" in (
        capsys.readouterr().out)
    assert main([*cli_db("Hub Officer", "hub_officer"), "import", str(path), "--historic-status"]) == 2
    assert "ol-desk: " in capsys.readouterr().err
    assert main([*cli_db(), "import", str(path), "--historic-status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["new"] == 1
    with db.reading() as s:
        rec = s.scalars(select(Recommendation)).one()
        assert rec.status == RecStatus.CLOSED and rec.board_minute_ref == "OLB/20/3"
        assert rec.board_decision_on == dt.date(2020, 3, 12)
