"""`ol-desk search` and `ol-desk reindex` on a small register."""
from __future__ import annotations

import json
import shutil

from ol_desk.cli.main import main


def test_search_prints_hits_with_reference_and_snippet(db, cli_db, sample, capsys):
    assert main([*cli_db(), "search", "rousing", "checks", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "[recommendation 1] 2025-0241 1  Rousing checks" in out
    assert "Rousing checks on intoxicated detainees" in out


def test_search_json_after_the_index_folder_was_deleted(db, cli_db, sample, capsys):
    shutil.rmtree(db.index_dir, ignore_errors=True)
    assert main([*cli_db(), "search", "custdy", "--kind", "action", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corrected_query"] == "custody"
    assert [(h["kind"], h["id"], h["reference"]) for h in data["hits"]] == [("action", sample.briefing, "MD-001")]
    assert set(data["hits"][0]) == {"kind", "id", "reference", "title", "score", "snippet"}


def test_no_matches_and_a_malformed_query(db, cli_db, sample, capsys):
    assert main([*cli_db(), "search", "xylophone"]) == 0
    assert "No matches." in capsys.readouterr().out
    assert main([*cli_db(), "search", 'hub:"North']) == 2
    err = capsys.readouterr().err
    assert err.startswith("ol-desk: A quotation mark is not closed") and "Traceback" not in err


def test_reindex_rebuilds_and_says_so(db, cli_db, sample, capsys):
    assert main([*cli_db(), "reindex"]) == 0
    assert "Search index rebuilt" in capsys.readouterr().out
    assert main([*cli_db(), "search", "kestrel", "--json"]) == 0
    assert [h["kind"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["learning"]
