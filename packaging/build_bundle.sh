#!/usr/bin/env bash
# Build a one-folder bundle with PyInstaller into dist/ol-desk/ and smoke-test it:
# --version, init, a demo register rebuilt by the index worker, a search, check on a temporary database, and the
# window opening offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
make -s .venv/.installed   # the locked versions CI tested, PyInstaller among them (the bundle extra)
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/ol-desk.spec
packaging/smoke_test.sh dist/ol-desk/ol-desk
