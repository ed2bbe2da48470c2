"""`--hub` on the command line (export, learning capture) takes a hub's code or its name, as search's hub: does."""
from __future__ import annotations

import pytest

from ol_desk.core.errors import ValidationError
from ol_desk.core.services.reference import hub_by_code


def test_a_hub_is_found_by_code_or_by_name_and_an_unknown_one_is_refused(db):
    with db.reading() as s:
        assert hub_by_code(s, "nw").code == "NW"
        assert hub_by_code(s, " North West ").code == "NW"
        with pytest.raises(ValidationError, match="no hub with code 'Atlantis'.*known: .*NW"):
            hub_by_code(s, "Atlantis")
