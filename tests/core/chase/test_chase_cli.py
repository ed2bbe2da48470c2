"""`ol-desk chase` on both stores: the dry run lists and writes nothing; a run writes the drafts and records them;
a role that cannot chase is refused with one line and nothing written."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from ol_desk.cli.main import main
from ol_desk.core.model import Chase

from .chase_register import ON, build


def test_dry_run_then_run_then_a_refused_role(db, cpic, cli_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OL_DESK_TODAY", ON.isoformat())
    with db.transaction() as s:
        build(s, cpic)
    assert main([*cli_db(), "chase", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Alice Able <alice.able@example.police.uk>: 2 item(s): 1 overdue, 1 due soon" in out
    assert "Bob Brown <no email address (To left empty)>" in out
    assert "Dry run: 3 owner(s) would be chased" in out
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 0
    assert main([*cli_db(), "chase", "--overdue", "--hub", "MD", "--out", str(tmp_path / "md"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(o["owner"], o["overdue"], o["status"]) for o in data["owners"]] == [
        ("Alice Able", 1, "draft written"), ("Bob Brown", 1, "draft written")]
    assert sorted(p.suffix for p in (tmp_path / "md").iterdir()) == [".eml", ".eml", ".ics", ".ics"]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 2
    assert main([*cli_db("Board Chair", "board"), "chase", "--out", str(tmp_path / "board")]) == 2
    assert "chase owners" in capsys.readouterr().err
    assert not (tmp_path / "board").exists()
    assert main([*cli_db(), "chase"]) == 2
    assert "--out DIR" in capsys.readouterr().err
