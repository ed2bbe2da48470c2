"""The export dialogs' work on the worker thread (no Qt): Board pack, hub round-trip workbook, returned workbook."""
from __future__ import annotations

from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.excel.hub_roundtrip import roundtrip
from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
from ol_desk.core.queries.register_filter import RegisterFilter


def board_pack(db, progress, cancel, path, register: RegisterFilter, exported_by: str, search_index=None):
    if register.text and register.ids is None and search_index is not None:
        register = register.with_(ids=tuple(search_index.ids_matching(register.text, "recommendation")))
    with db.reading() as session:
        return export_register_pack(path, session, register=register, filter_words=register.labels,
                                    exported_by=exported_by, database=db.name, progress=progress, cancel=cancel)


def hub_workbook(db, progress, cancel, path, hub_code: str, exported_by: str):
    with db.reading() as session:
        return export_for_update(path, session, hub_code=hub_code, db_uid=db.uid, exported_by=exported_by,
                                 progress=progress, cancel=cancel)


def read_returned(session, path, actor):
    return roundtrip.preview(path, session, actor)


def apply_returned(session, actor, path, only=None):
    report = roundtrip.apply(path, session, actor, only=only)
    return report.changes, report
