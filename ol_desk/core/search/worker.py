"""The index writer as a process of its own: `python -m ol_desk.core.search.worker ensure|rebuild`.

In a PyInstaller bundle, where there is no `python -m`, the same process is `ol-desk index-worker ensure|rebuild`
(process._command picks the form; the CLI subcommand calls main() here with the same arguments).

Whoosh holds Python's GIL while it indexes, so a rebuild or a large catch-up in the app's own process would stall
the window. SearchIndex starts this module instead. The database comes from $OL_DESK_DB (not the command line, so
that a server password never shows in a process list). It prints one line per step on stdout:

    P <done> <total> <message>      progress
    OK <message>                    finished
    BUSY                            another writer holds the lock (only with --if-free)
    ERR <message>                   failed; the live index is unchanged

SIGTERM stops it at the next batch and leaves the live index as it was.

It is the one place evidence files are read (core.file_text): after its rebuild or catch-up it reads every file the
app's own process indexed as "pending".
"""
from __future__ import annotations

import argparse
import signal
import sys

from .file_reader import FileReader
from .store import IndexStore

EXIT_OK, EXIT_ERROR, EXIT_BUSY, EXIT_CANCELLED = 0, 1, 3, 4


def _say(line: str) -> None:
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None, prog: str = "python -m ol_desk.core.search.worker") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Internal: the search index writer the app starts for big index writes. It opens the "
                               "database named by $OL_DESK_DB and reports on stdout, one line per step.")
    parser.add_argument("command", choices=["ensure", "rebuild"])
    parser.add_argument("--if-free", action="store_true", help="exit at once if another writer is busy")
    parser.add_argument("--procs", type=int, default=1, help="Whoosh writer processes for a rebuild")
    args = parser.parse_args(argv)

    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))

    from ol_desk.core.errors import OlDeskError
    from ol_desk.core.store import Database

    from .indexer import IndexCancelled, bring_up_to_date

    try:
        db = Database(None, migrate=False)
    except OlDeskError as exc:
        _say(f"ERR {exc}")
        return EXIT_ERROR
    store = IndexStore(db.index_dir)
    try:
        with store.writer_lock(wait=0 if args.if_free else None) as got:
            if not got:
                _say("BUSY")
                return EXIT_BUSY
            what = bring_up_to_date(db, store, lambda d, t, m: _say(f"P {d} {t} {m}"), lambda: stop["now"],
                                    force_rebuild=args.command == "rebuild", procs=args.procs,
                                    files=FileReader.for_index(db, store.root))
        _say(f"OK {what}")
        return EXIT_OK
    except IndexCancelled as exc:
        _say(f"ERR {exc}")
        return EXIT_CANCELLED
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        _say(f"ERR {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    finally:
        db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
