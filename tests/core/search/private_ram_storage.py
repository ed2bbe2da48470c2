"""A RamStorage whose writers keep their temporary files in a folder of their own.

Whoosh's RamStorage puts every writer's temporary files in one folder of the system's temp directory named after
the index ("MAIN.tmp"), and the first writer to finish deletes that folder: two test processes writing in-memory
indexes at once (pytest -n 2) broke each other's writers. The app's indexes are on disk (FileStorage), whose
temporary files are inside the index's own folder, so this is only a test matter.
"""
from __future__ import annotations

import os

from whoosh.filedb.filestore import FileStorage, RamStorage


class PrivateRamStorage(RamStorage):
    def __init__(self, tempdir):
        super().__init__()
        self._tempdir = str(tempdir)

    def temp_storage(self, name=None):
        return FileStorage(os.path.join(self._tempdir, name or "writer.tmp")).create()
