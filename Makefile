# ol-desk developer entry points. `make run` and `make test` bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BIN := $(VENV)/bin

.PHONY: run test bench forms screenshots system-deps clean

# (Re)install only when the venv is missing or pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/ol-desk

# -X faulthandler: a native crash prints every thread's Python stack, naming the test it happened in.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -X faulthandler -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Recompile Designer forms and resources into ol_desk/gui (committed; a test checks they are fresh).
forms: $(STAMP)
	$(BIN)/python -m ol_desk.gui.build_forms

# Start the app on a fresh demo database under a virtual X server and save a PNG of each main screen.
screenshots: $(STAMP)
	@if command -v xvfb-run >/dev/null 2>&1; then \
	  xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m ol_desk.gui.screenshots docs/screens; \
	else QT_QPA_PLATFORM=offscreen $(BIN)/python -m ol_desk.gui.screenshots docs/screens; fi

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
