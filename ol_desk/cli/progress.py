"""A plain text progress bar for long CLI work (reindex, demo, import, export) on stderr."""
from __future__ import annotations

import sys
import time


class ProgressBar:
    def __init__(self, label: str, stream=None, width: int = 30, min_interval: float = 0.2):
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.min_interval = min_interval
        self._last = 0.0
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - self._last < self.min_interval:
            return
        self._last = now
        if total:
            filled = int(self.width * min(done, total) / total)
            bar = "#" * filled + "-" * (self.width - filled)
            text = f"{self.label} [{bar}] {done:,}/{total:,} {message}"
        else:
            text = f"{self.label} {done:,} {message}"
        if self._tty:
            self.stream.write("\r" + text.ljust(79))
            if final:
                self.stream.write("\n")
        elif final:
            self.stream.write(text + "\n")
        self.stream.flush()
