"""Services for source documents: create, edit, extend the response date, record the response sent."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ol_desk.core.dates import statutory_due
from ol_desk.core.errors import ValidationError
from ol_desk.core.lifecycle import CPIC
from ol_desk.core.model import SourceDocument
from ol_desk.core.model.enums import Entity, SourceKind

from . import writes
from .actor import Actor
from .changes import Changes
from .dates import move_date

EDITABLE = {"kind", "issuing_body", "title", "reference", "date_issued", "link", "response_sent_on", "notes", "area",
            "addressees"}


def _validate(values: dict) -> dict:
    unknown = set(values) - EDITABLE - {"response_due"}
    if unknown:
        raise ValidationError(f"Source documents have no field(s) {', '.join(sorted(unknown))}.")
    if "kind" in values:
        values["kind"] = SourceKind.from_value(values["kind"])
    for key in ("title", "reference", "issuing_body", "link", "notes", "area", "addressees"):
        if key in values:
            values[key] = (values[key] or "").strip()
    if "reference" in values and len(values["reference"]) > 80:
        raise ValidationError("A document reference can be at most 80 characters.")
    if len(values.get("area", "")) > 200:
        raise ValidationError("A document's area can be at most 200 characters.")
    return values


def create_document(session: Session, actor: Actor, *, kind: SourceKind | str, title: str,
                    reference: str = "", issuing_body: str = "", date_issued: dt.date | None = None,
                    link: str = "", response_due: dt.date | None = None, response_sent_on: dt.date | None = None,
                    notes: str = "", area: str = "", addressees: str = "") -> Changes:
    """A new source document. Its response due date comes from the kind's statutory clock unless given."""
    writes.require_role(actor, CPIC, "record source documents")
    values = _validate(dict(kind=kind, title=title, reference=reference, issuing_body=issuing_body,
                            date_issued=date_issued, link=link, response_sent_on=response_sent_on, notes=notes,
                            area=area, addressees=addressees))
    if not values["title"] and not values["reference"]:
        raise ValidationError("A source document needs a title or a reference.")
    due = response_due or statutory_due(values["kind"], date_issued)
    doc = SourceDocument(**values, original_response_due=due, response_due=due)
    return writes.create(session, actor, Entity.DOCUMENT, doc)


def update_document(session: Session, actor: Actor, document_id: int, *, expected_version: int | None = None,
                    **values) -> Changes:
    """Edit fields. The response due date is not among them: it moves only by `extend_response_due`."""
    writes.require_role(actor, CPIC, "edit source documents")
    if "response_due" in values:
        raise ValidationError("The response due date changes only through an extension with a reason.")
    doc = writes.get(session, SourceDocument, Entity.DOCUMENT, document_id)
    values = _validate(values)
    # A document without a response clock gets its statutory one once it has both an issue date and a kind that
    # carries one: the date given later, or the kind corrected later (an import that guessed 'other', say).
    if doc.original_response_due is None and ("date_issued" in values or "kind" in values):
        due = statutory_due(values.get("kind", doc.kind), values.get("date_issued", doc.date_issued))
        if due is not None:
            values["original_response_due"] = values["response_due"] = due
    return writes.update(session, actor, Entity.DOCUMENT, doc, values, expected_version=expected_version)


def extend_response_due(session: Session, actor: Actor, document_id: int, new_date: dt.date, reason: str, *,
                        expected_version: int | None = None) -> Changes:
    writes.require_role(actor, CPIC, "extend response dates")
    doc = writes.get(session, SourceDocument, Entity.DOCUMENT, document_id)
    return move_date(session, actor, Entity.DOCUMENT, doc, "response_due", new_date, reason,
                     expected_version=expected_version, first_field="original_response_due")
