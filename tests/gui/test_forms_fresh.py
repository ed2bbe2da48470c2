"""The committed Designer forms and resources match ui/*.ui and resources/*.qrc (run `make forms` if not)."""
from __future__ import annotations


def test_committed_forms_and_resources_are_fresh():
    from tools import build_forms
    stale = build_forms.build(check=True)
    assert stale == [], f"stale generated files (run `make forms`): {[p.name for p in stale]}"


def test_a_changed_form_is_reported_stale(tmp_path, monkeypatch):
    from tools import build_forms
    target = next(t for t in build_forms.targets() if t.source.name == "identity_dialog.ui")
    copy = tmp_path / "ui_identity_dialog.py"
    copy.write_text(target.output.read_text().replace("Who are you?", "Who goes there?"))
    fake = build_forms.Target(target.source, copy)
    assert build_forms.stale(fake, build_forms.compile_one(target))
    copy.write_text("# another header, another Qt version\n" + build_forms.compile_one(target))
    assert not build_forms.stale(fake, build_forms.compile_one(target))
