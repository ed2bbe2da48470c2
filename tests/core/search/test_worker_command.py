"""The index worker's command line: `python -m ol_desk.core.search.worker`, or `ol-desk index-worker` in a bundle.

A PyInstaller bundle's sys.executable is ol-desk itself, which knows no `-m`; the bundle must start the worker
through its own `index-worker` subcommand (issue 18).
"""
from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from ol_desk.cli.main import build_parser, main
from ol_desk.core.search import SearchIndex, process
from ol_desk.core.search.store import IndexStore, read_state

from .conftest import found

ROOT = Path(__file__).resolve().parents[3]


def applied_seq(db) -> int | None:
    ix = IndexStore(db.index_dir).open()
    try:
        with ix.searcher() as s:
            state = read_state(s)
            return None if state is None else state.seq
    finally:
        ix.close()


def test_from_source_the_worker_runs_as_a_module(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert process._command("ensure", if_free=True, procs=2) == [
        sys.executable, "-m", "ol_desk.core.search.worker", "ensure", "--procs", "2", "--if-free"]


def test_in_a_bundle_the_worker_runs_as_the_index_worker_subcommand(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/ol-desk/ol-desk")
    argv = process._command("rebuild", procs=3)
    assert argv == ["/opt/ol-desk/ol-desk", "index-worker", "rebuild", "--procs", "3"]
    # ... and the CLI takes that command line as it stands, every argument handed on to the worker.
    args = build_parser().parse_args(process._command("ensure", if_free=True, procs=2)[1:])
    assert args.command == "index-worker" and args.worker_args == ["ensure", "--procs", "2", "--if-free"]


def test_index_worker_is_not_in_the_normal_help(capsys):
    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert " reindex " in out and "index-worker" not in out


def test_the_index_worker_subcommand_updates_the_index_in_a_subprocess(db, sample):
    result = subprocess.run([sys.executable, "-m", "ol_desk", "index-worker", "ensure", "--procs", "1"],
                            env=process._env(db), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("OK ") and any(line.startswith("P ") for line in lines)
    assert applied_seq(db) is not None
    fresh = SearchIndex(db, use_process=False)
    try:
        assert ("recommendation", sample.rousing) in found(fresh.search("rousing"))
    finally:
        fresh.close()


def test_index_worker_takes_the_workers_own_arguments_and_refusals(db):
    result = subprocess.run([sys.executable, "-m", "ol_desk", "index-worker", "tidy"],
                            env=process._env(db), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "ol-desk index-worker: error: argument command: invalid choice" in result.stderr


def test_a_frozen_app_rebuilds_through_its_own_executable(db, sample, tmp_path, monkeypatch):
    """As in the bundle: sys.executable is an ol-desk launcher that answers only to CLI subcommands."""
    launcher = tmp_path / "ol-desk"
    launcher.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                        "if sys.argv[1:2] == ['-m']:\n    sys.exit('ol-desk: invalid choice: -m')\n"
                        "from ol_desk.cli.main import main\nraise SystemExit(main())\n")
    launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(launcher))
    index = SearchIndex(db, use_process=True)
    try:
        seen: list[tuple[int, int]] = []
        what = index.rebuild(progress=lambda done, total, msg: seen.append((done, total)))
        assert what.startswith("rebuilt") and seen and seen[-1][0] == seen[-1][1]
        assert ("recommendation", sample.rousing) in found(index.search("rousing"))
    finally:
        index.close()
