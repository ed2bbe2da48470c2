"""The command line: init, stats, check, --version; bad input gets one clear line and a non-zero exit."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from ol_desk import __version__
from ol_desk.cli.main import main


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ol_desk", *args], capture_output=True, text=True)


def test_version_prints_and_exits_zero():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"ol-desk {__version__}"


def test_init_stats_check_on_a_temporary_database(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite3")
    assert main(["--db", db, "init"]) == 0
    assert "created" in capsys.readouterr().out
    assert main(["--db", db, "init"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["--db", db, "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["recommendations"] == 0 and "by_source_kind" in stats
    assert main(["--db", db, "check"]) == 0
    assert "hash chain verified" in capsys.readouterr().out


def test_check_fails_when_an_audit_row_was_tampered_with(tmp_path, capsys):
    db = tmp_path / "tamper.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER audit_events_no_update")
    con.execute("UPDATE audit_events SET detail='{}' WHERE id=3")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert "audit event 3 was altered" in err and "Traceback" not in err


def test_a_bad_database_gives_one_clear_line_without_traceback(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 200)
    result = run("--db", str(junk), "stats")
    assert result.returncode == 2
    assert result.stderr.startswith("ol-desk: Cannot open the database")
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unknown_role_is_refused_clearly(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "r.sqlite3"), "--role", "chief", "stats"]) == 2
    assert "is not a Role" in capsys.readouterr().err


def test_debug_shows_the_traceback(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"x" * 5000)
    result = run("--debug", "--db", str(junk), "stats")
    assert result.returncode == 2 and "Traceback" in result.stderr


def test_usage_errors_exit_non_zero(capsys):
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_check_against_a_witness_names_a_cut_tail_in_one_line(tmp_path, capsys):
    from ol_desk.core.integrity.witness import witness_path
    from ol_desk.core.store import open_database
    db = tmp_path / "cut.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    opened = open_database(db)
    kept = tmp_path / "kept.json"
    kept.write_bytes(witness_path(opened.uid).read_bytes())
    opened.dispose()
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER audit_events_no_delete")
    con.execute("DELETE FROM audit_events WHERE id=(SELECT max(id) FROM audit_events)")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--db", str(db), "check", "--quick", "--against", str(kept)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("ol-desk: check failed: against kept.json: the log was cut")
    assert len(err) == 2 and "witness" in err[1]  # this workstation's own witness says the same
    assert main(["--db", str(db), "check", "--against", str(tmp_path / "nothing.json")]) == 2
    assert "There is no file" in capsys.readouterr().err
