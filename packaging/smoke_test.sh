#!/usr/bin/env bash
# Smoke-test a built ol-desk executable (a bundle, or the venv's console script): it must start, create a
# database, fill and check it, rebuild the search index in the index worker process, and open its main window
# offscreen for a moment.
set -euo pipefail
exe=${1:?usage: smoke_test.sh PATH_TO_OL_DESK}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
export OL_DESK_CONFIG_DIR="$tmp/config"  # the witness files of these throwaway databases stay in $tmp
trap 'rm -rf "$tmp"' EXIT
"$exe" --version
"$exe" --db "$tmp/smoke.sqlite3" init
if "$exe" --help | grep -q " demo "; then
  # Enough items that a rebuild leaves the app's process for the index worker (a second process started through
  # the executable: `ol-desk index-worker` in a bundle); a small register would be indexed in-process and hide a
  # bundle that cannot start its worker. 1,200 recommendations make about 11,600 items.
  "$exe" --db "$tmp/smoke.sqlite3" demo --recommendations 1200 --seed 3
  limit=$(sed -n 's/^INLINE_REBUILD_ROWS = \([0-9_]*\).*/\1/p' "$here/../ol_desk/core/search/index.py" | tr -d _)
  stats=$("$exe" --db "$tmp/smoke.sqlite3" stats --json)
  count() { printf '%s\n' "$stats" | sed -n "s/^  \"$1\": \([0-9]*\),\$/\1/p"; }
  items=$(( $(count documents) + $(count recommendations) + $(count actions) ))  # at least: updates etc. add more
  if [ -z "$limit" ] || [ "$items" -le "$limit" ]; then
    echo "smoke test: $items items do not exceed the in-process rebuild limit (${limit:-not found}); raise the demo size"
    exit 1
  fi
  "$exe" --db "$tmp/smoke.sqlite3" reindex
  found=$("$exe" --db "$tmp/smoke.sqlite3" search custody --limit 1 --json)
  case $found in *'"kind":'*) ;; *) echo "search found nothing after the rebuild: $found"; exit 1 ;; esac
  # The worker itself, as the app starts it (database from $OL_DESK_DB): the index it built is current.
  said=$(OL_DESK_DB="$tmp/smoke.sqlite3" "$exe" index-worker ensure)
  case ${said##*$'\n'} in "OK "*) echo "index worker: ${said##*$'\n'}" ;; *) echo "index worker said: $said"; exit 1 ;; esac
fi
"$exe" --db "$tmp/smoke.sqlite3" stats
"$exe" --db "$tmp/smoke.sqlite3" check
printf '[identity]\nname=Smoke Test\nrole=cpic\nhub=\n' > "$tmp/settings.ini"
OL_DESK_SETTINGS="$tmp/settings.ini" QT_QPA_PLATFORM=offscreen OL_DESK_SMOKE_QUIT_MS=1500 "$exe" --db "$tmp/smoke.sqlite3" || { echo "GUI failed to start"; exit 1; }
echo "smoke test passed: $exe"
