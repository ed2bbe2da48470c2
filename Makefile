# ol-desk developer entry points. `make run` and `make test` bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BIN := $(VENV)/bin

.PHONY: run test check bench forms screenshots system-deps clean lock

# (Re)install only when the venv is missing or the lock or pyproject.toml changed since the last install. Every
# machine installs exactly the locked versions (hashes checked); `make lock` refreshes the lock.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# Re-resolve every dependency (pyproject.toml's ranges, the test extra) for Linux, macOS and Windows on Python 3.11,
# with hashes. Commit the result after `make test` passes on it.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra check --extra bundle --universal --python-version 3.11 --generate-hashes \
	  --quiet -o requirements.lock

run: $(STAMP)
	$(BIN)/ol-desk

# One worker per core (pytest-xdist); each worker starts its own throwaway PostgreSQL cluster. -X faulthandler (and
# pytest's own, in each worker): a native crash prints every thread's Python stack and xdist names the test it was in.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -X faulthandler -m pytest -n auto

# The code checks itself: lint (ruff), the layer contracts (import-linter), types (mypy); configured in pyproject.
check: $(STAMP)
	$(BIN)/ruff check ol_desk tests benchmarks packaging tools
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Recompile Designer forms and resources into ol_desk/gui (committed; a test checks they are fresh).
forms: $(STAMP)
	$(BIN)/python -m tools.build_forms

# Start the app on a fresh demo database under a virtual X server and save a PNG of each main screen.
screenshots: $(STAMP)
	@if command -v xvfb-run >/dev/null 2>&1; then \
	  xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m tools.screenshots docs/screens; \
	else QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots docs/screens; fi

# Qt's shared libraries that a bare Debian/Ubuntu machine lacks, and the PostgreSQL server binaries the tests start a
# throwaway cluster from (needs root). CI calls this before `make test`.
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends \
	    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	    xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	    libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core postgresql >/dev/null; \
	else echo "system-deps: not root or no apt-get; install Qt's runtime libraries with your package manager"; fi

clean:
	rm -rf $(VENV) build dist *.egg-info
