"""Reading an anchor back from where it was printed: a Board pack or hub workbook (document properties), a Board
report PDF (its XMP metadata, read as text: no PDF library needed) or a witness file."""
from __future__ import annotations

from pathlib import Path

from ol_desk.core.errors import ValidationError

from .anchor import ANCHOR_PROPERTY, Anchor, from_text
from .witness import read_witness


def read_anchor(path: Path) -> Anchor:
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"There is no file at {path}.")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        anchor = _from_workbook(path)
    elif suffix == ".pdf":
        anchor = from_text(path.read_bytes().decode("latin-1"))
    else:
        anchor = read_witness(path)
    if anchor is None:
        raise ValidationError(f"{path.name} holds no ol-desk audit anchor (a Board pack, hub workbook or Board "
                              f"report written by this version, or a witness file).")
    return anchor


def _from_workbook(path: Path) -> Anchor | None:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(f"{path.name} cannot be read as a workbook: {exc}") from exc
    try:
        for prop in wb.custom_doc_props.props:
            if prop.name == ANCHOR_PROPERTY:
                return from_text(str(prop.value))
        return None
    finally:
        wb.close()
