"""Helpers for importer tests: the shared sample workbooks, workbooks built here with unusual layouts, and a
snapshot of every table so a test can say "nothing changed" or "exactly as before"."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"  # copies of ../shared/samples
TABLES = ("documents", "recommendations", "actions", "people", "recommendation_hubs", "recommendation_themes",
          "progress_updates", "action_recommendations", "date_changes", "evidence", "import_profiles")
BOOKKEEPING = {"version", "updated_at"}


@pytest.fixture
def samples() -> Path:
    assert SAMPLES.is_dir(), f"the sample workbooks should be in {SAMPLES}"
    return SAMPLES


def build_workbook(path: Path, rows: list[list], sheet: str = "Register", merges: list[str] = (),
                   extra_sheets: dict[str, list[list]] | None = None) -> Path:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    for name, more in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(row)
    wb.save(path)
    return path


def rewrite_member(path: Path, member: str, change) -> Path:
    """Rewrite one part of a workbook's zip (to craft what openpyxl would not write)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    parts[member] = change(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def table_state(db, skip=BOOKKEEPING) -> dict[str, list]:
    with db.reading() as s:
        out = {}
        for table in TABLES:
            result = s.execute(text(f"SELECT * FROM {table}"))
            keys = list(result.keys())
            out[table] = sorted(tuple(v for k, v in zip(keys, row, strict=True) if k not in skip) for row in result)
        return out


def audit_count(db) -> int:
    with db.reading() as s:
        return s.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
