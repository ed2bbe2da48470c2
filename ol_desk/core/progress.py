"""The one progress and cancel signature every long job shares (import, export, index, check, demo), so the GUI's
operation helper, the CLI's progress bar and tests call them the same way.

    progress(done, total, message)   total is None while the job cannot know it yet (rows of a streamed sheet)
    cancel() -> True                 stop now; a writing job leaves the database as it was
"""
from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int | None, str], None]
Cancel = Callable[[], bool]
