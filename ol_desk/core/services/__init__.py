"""Services: the ONLY way rows change. Plain functions `(session, actor, …) -> Changes` that enforce the rules
and write audit events and search-outbox entries in the caller's transaction. None of them commits.
"""
from .actor import SYSTEM, Actor
from .changes import Changes
from .writes import in_batch

__all__ = ["Actor", "Changes", "SYSTEM", "in_batch"]
