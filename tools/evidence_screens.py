"""Screens of evidence search: a kind:evidence search result and the evidence list's Text column.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tools.evidence_screens docs/screens
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tools.screenshots import ON, Shooter


def build(folder: Path) -> tuple[Path, int]:
    from sqlalchemy import select

    from ol_desk.core.demo.generate import generate_demo
    from ol_desk.core.model import Recommendation
    from ol_desk.core.model.enums import Role
    from ol_desk.core.search import SearchIndex
    from ol_desk.core.services import Actor, records
    from ol_desk.core.store import open_database
    from tests.core import evidence_files as ef
    path = folder / "evidence-screens.sqlite3"
    db = open_database(path)
    generate_demo(db, 300, seed=1, on=ON)
    actor = Actor("Jo Bloggs", Role.CPIC)
    with db.reading() as s:
        rec = s.scalars(select(Recommendation.id).order_by(Recommendation.id).limit(1)).one()  # the demo just made them
    files = [
        (ef.text_pdf(folder / "custody-suite-audit-2025.pdf",
                     [["Custody suite audit, March 2025."],
                      ["Every detainee assessed as intoxicated had rousing checks at thirty minute intervals,",
                       "recorded on the custody record by the sergeant on duty."]]), "Audit of rousing checks"),
        (ef.image_pdf(folder / "signed-response-scan.pdf"), "Signed response to the coroner (scan)"),
        (ef.docx(folder / "board-minutes-april.docx", ["Board minute 14: the rousing checks audit was accepted.",
                                                       "Action: repeat the audit in six months."]), "Board minutes"),
        (ef.xlsx(folder / "training-log.xlsx", [["Officer", "Course", "Date"],
                                                ["PS Khan", "Rousing checks refresher", "2025-03-04"]]),
         "Training log"),
    ]
    with db.transaction() as s:
        for source, description in files:
            records.add_evidence_file(s, actor, db.evidence_dir, source, description=description,
                                      recommendation_id=rec)
    index = SearchIndex(db, use_process=True)
    index.ensure()
    index.close()
    db.dispose()
    return path, rec


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screens")
    with tempfile.TemporaryDirectory() as tmp:
        path, rec = build(Path(tmp))
        shooter = Shooter(out, path)
        window = shooter.window()
        window.focus_search()
        query = "rousing kind:evidence"
        window.search_field.setText(query)
        window.search_field.textEdited.emit(query)
        window.search_panel.search_now()
        shooter.settle(window, 15)
        shooter.save(window, "search-evidence")
        from ol_desk.core.model.enums import Entity
        from ol_desk.gui.editors import open_editor
        editor = open_editor(window.ctx, Entity.RECOMMENDATION, rec)
        editor.resize(1200, 700)
        shooter.settle(window, 10)
        editor.tabs.setCurrentWidget(editor.evidence_panel)
        shooter.settle(window, 15)
        shooter.save(editor, "editor-evidence-text-status")
        editor.close()
        window.close()
        shooter.db.dispose()
    print("\n".join(str(p) for p in shooter.saved))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
