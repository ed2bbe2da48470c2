"""`ol-desk import` on a real-shaped export of coroners' reports: the header row and its confidence are shown,
--header-row and --map act on the chosen header, a mostly rejected file exits 2 unless --accept-rejections, and an
unchanged re-import says "nothing changed" and records no batch."""
from __future__ import annotations

import json

from ol_desk.cli.main import main

from .conftest import build_workbook
from .report_exports import reports_export


def test_the_export_is_read_from_row_1_and_map_applies_to_it(cli_db, capsys, tmp_path):
    path = str(reports_export(tmp_path / "pfd_export.xlsx", rows=8))
    target = cli_db()
    assert main([*target, "import", path, "--dry-run", "--map", "concerns=text"]) == 0
    out = capsys.readouterr().out
    assert "would import — 8 new, 0 changed, 0 unchanged, 0 rejected" in out
    assert "Header on row 1 of sheet 'reports' (confidence 100%: 9 of its 9 cells are known column names" in out
    assert "concerns → text (user)" in out and "url → document_link" in out
    assert main([*target, "import", path, "--dry-run", "--header-row", "1", "--map", "concerns=title", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["header_row"] == 1 and data["counts"]["new"] == 8
    assert main([*target, "import", path, "--dry-run", "--header-row", "3"]) == 0   # the user's choice is kept
    out = capsys.readouterr().out
    assert "Header on row 3 of sheet 'reports' (confidence 100%: chosen by you" in out and "6 new" in out
    assert main([*target, "import", path, "--header-row", "0"]) == 2
    assert "--header-row needs a row number from 1" in capsys.readouterr().err


def test_an_unchanged_reimport_says_nothing_changed_and_lists_one_batch(cli_db, capsys, tmp_path):
    path = str(reports_export(tmp_path / "pfd_export.xlsx", rows=3))
    target = cli_db()
    assert main([*target, "import", path]) == 0
    assert "Undo this import with" in capsys.readouterr().out
    assert main([*target, "import", path]) == 0
    out = capsys.readouterr().out
    assert "nothing changed (nothing recorded) — 0 new, 0 changed, 3 unchanged" in out
    assert "Nothing changed: no import batch or audit event was recorded." in out and "Undo" not in out
    assert main([*target, "import", "--list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["batches"]) == 1


def test_a_mostly_rejected_file_exits_2_unless_accepted(cli_db, capsys, tmp_path):
    rows = [["Ref", "Recommendation", "Target date"], ["R1", "Fine", "01/01/2025"],
            ["R2", "Bad", "31/02/2024"], ["R3", "Bad too", "32/01/2024"]]
    path = str(build_workbook(tmp_path / "bad.xlsx", rows))
    target = cli_db()
    assert main([*target, "import", path, "--dry-run"]) == 0
    assert "the import would stop and write nothing" in capsys.readouterr().out
    assert main([*target, "import", path]) == 2
    err = capsys.readouterr().err
    assert "2 of 3 rows would be rejected (more than half), so nothing was written" in err
    assert "row 3: target date '31/02/2024' is not a date" in err and "Traceback" not in err
    assert main([*target, "import", "--list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["batches"] == []
    assert main([*target, "import", path, "--accept-rejections"]) == 0
    assert "1 new, 0 changed, 0 unchanged, 2 rejected" in capsys.readouterr().out
