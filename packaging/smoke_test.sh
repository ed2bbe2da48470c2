#!/usr/bin/env bash
# Smoke-test a built ol-desk executable (a bundle, or the venv's console script): it must start, create a
# database, fill and check it, and open its main window offscreen for a moment.
set -euo pipefail
exe=${1:?usage: smoke_test.sh PATH_TO_OL_DESK}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$exe" --version
"$exe" --db "$tmp/smoke.sqlite3" init
if "$exe" --help | grep -q " demo "; then "$exe" --db "$tmp/smoke.sqlite3" demo --recommendations 50 --seed 3; fi
"$exe" --db "$tmp/smoke.sqlite3" stats
"$exe" --db "$tmp/smoke.sqlite3" check
printf '[identity]\nname=Smoke Test\nrole=cpic\nhub=\n' > "$tmp/settings.ini"
OL_DESK_SETTINGS="$tmp/settings.ini" QT_QPA_PLATFORM=offscreen OL_DESK_SMOKE_QUIT_MS=1500 "$exe" --db "$tmp/smoke.sqlite3" || { echo "GUI failed to start"; exit 1; }
echo "smoke test passed: $exe"
