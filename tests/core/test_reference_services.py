"""Reference lookups and people: `--hub` takes a code or a name; only register editors add or change people."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from ol_desk.core.errors import PermissionDenied, ValidationError
from ol_desk.core.model import Person, Theme
from ol_desk.core.services.reference import create_person, hub_by_code, update_theme


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


def test_a_theme_code_already_taken_is_refused_in_words_and_nothing_changes(db, cpic):
    with db.reading() as s:
        first, second = s.scalars(select(Theme).order_by(Theme.id).limit(2)).all()
    with pytest.raises(ValidationError, match=f"already a theme with code '{first.code}'"):
        with db.transaction() as s:
            update_theme(s, cpic, second.id, code=first.code.upper(), name=second.name)
    with pytest.raises(ValidationError, match="no editable field"):
        with db.transaction() as s:
            update_theme(s, cpic, second.id, id=999)
    with db.reading() as s:
        assert s.get(Theme, second.id).code == second.code
