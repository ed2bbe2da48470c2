"""Reference lookups and people: `--hub` takes a code or a name; only register editors add or change people."""
from __future__ import annotations

import pytest

from ol_desk.core.errors import PermissionDenied, ValidationError
from ol_desk.core.model import Person
from ol_desk.core.services.reference import create_person, hub_by_code


def test_a_hub_is_found_by_code_or_by_name_and_an_unknown_one_is_refused(db):
    with db.reading() as s:
        assert hub_by_code(s, "nw").code == "NW"
        assert hub_by_code(s, " North West ").code == "NW"
        with pytest.raises(ValidationError, match="no hub with code 'Atlantis'.*known: .*NW"):
            hub_by_code(s, "Atlantis")


def test_only_people_who_edit_the_register_add_or_change_people(db, board):
    with pytest.raises(PermissionDenied, match="add people"):
        with db.transaction() as s:
            create_person(s, board, name="Someone New")
    with db.reading() as s:
        assert s.query(Person).filter_by(name="Someone New").count() == 0
