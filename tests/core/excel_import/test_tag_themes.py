"""Import with theme suggestions: the preview lists each new row's suggested themes; `--tag-themes` tags the new
findings in the import's own batch, so undoing the import removes them with it and a re-import changes nothing."""
from __future__ import annotations

from sqlalchemy import func, select

from ol_desk.cli.main import main
from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
from ol_desk.core.model import Recommendation, RecommendationTheme, SourceDocument, Theme
from ol_desk.core.services.history import undo_batch

from . import pfd_report_registers as registers


def _tags(db) -> dict[tuple[str, int], set[str]]:
    with db.reading() as s:
        out: dict[tuple[str, int], set[str]] = {}
        for ref, pos, code in s.execute(
                select(SourceDocument.reference, Recommendation.position, Theme.code)
                .join(Recommendation, Recommendation.document_id == SourceDocument.id)
                .join(RecommendationTheme, RecommendationTheme.recommendation_id == Recommendation.id)
                .join(Theme, Theme.id == RecommendationTheme.theme_id)):
            out.setdefault((ref, pos), set()).add(code)
        return out


def test_the_preview_lists_suggestions_and_the_import_tags_them_in_its_batch(db, cpic, tmp_path):
    path = registers.report_per_row(tmp_path / "pfd.xlsx")
    preview = import_file(db, path, cpic, ImportOptions(), dry_run=True)
    assert any("Mental health" in names for names in preview.themes.values())
    report = import_file(db, path, cpic, ImportOptions(tag_themes=True))
    tags = _tags(db)
    assert "mental-health" in tags[("2024-0202", 1)]           # held under s.136 of the Mental Health Act
    assert "records" in tags[("2024-0101", 1)]                 # the police national computer's warning markers
    again = import_file(db, path, cpic, ImportOptions(tag_themes=True))
    assert again.nothing_changed and _tags(db) == tags
    with db.transaction() as s:
        undo_batch(s, cpic, report.batch_id)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(RecommendationTheme)) == 0


def test_without_the_option_nothing_is_tagged_and_the_cli_says_what_it_would_add(db, cli_db, tmp_path, capsys):
    path = registers.report_per_row(tmp_path / "pfd.xlsx")
    target = cli_db()
    assert main([*target, "import", str(path), "--dry-run"]) == 0
    assert "Suggested themes for" in capsys.readouterr().out
    assert main([*target, "import", str(path)]) == 0
    assert _tags(db) == {}
    assert main([*target, "themes", "suggest", "--accept"]) == 0
    out = capsys.readouterr().out
    assert "Added the suggested themes on" in out
    assert "mental-health" in _tags(db)[("2024-0202", 1)]
    assert main([*target, "themes", "suggest"]) == 0
    assert "Themes suggested for 0 of" in capsys.readouterr().out   # what is left untagged has no suggestion
