"""Errors a user can read. Every message says what happened and, where it can, what is needed."""


class OlDeskError(Exception):
    """Base of every error that is shown to a user as one clear line."""


class ValidationError(OlDeskError):
    """Input that cannot be accepted as it is."""


class NotFoundError(OlDeskError):
    """A referenced row does not exist."""


class TransitionError(OlDeskError):
    """A lifecycle command that the rules do not allow from the current state."""


class PermissionDenied(OlDeskError):
    """The actor's role may not do this."""


class ConflictError(OlDeskError):
    """An edit made against a stale copy of a row: somebody else changed it first."""

    def __init__(self, message: str, *, entity: str = "", entity_id: int | None = None,
                 expected_version: int | None = None, current_version: int | None = None):
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.expected_version = expected_version
        self.current_version = current_version


class DatabaseError(OlDeskError):
    """The database cannot be opened or used (wrong schema, newer than the code, unreachable)."""
