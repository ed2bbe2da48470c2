"""Compile the Designer forms (ui/*.ui) and the resources (resources/*.qrc) into the package.

    python -m tools.build_forms           # (re)write ol_desk/gui/forms/ui_<name>.py and resources_rc.py
    python -m tools.build_forms --check   # exit 1 and name every committed file that is stale or missing

The generated files are committed so that running the app needs no Qt tools. Each starts with a one-line header
naming its source. `--check` compares everything except comment lines (uic and rcc write their Qt version there).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
QRC_DIR = ROOT / "resources"
FORMS_DIR = ROOT / "ol_desk" / "gui" / "forms"
RESOURCES_PY = ROOT / "ol_desk" / "gui" / "resources_rc.py"
# uic writes `import resources_rc` for forms that use icons from a .qrc; inside the package it lives here.
_RC_IMPORT = re.compile(r"^import (\w+_rc)$", re.MULTILINE)


@dataclass(frozen=True)
class Target:
    source: Path
    output: Path

    @property
    def header(self) -> str:
        return f"# Generated from {self.source.relative_to(ROOT).as_posix()} by `make forms` — do not edit.\n"


def _tool(name: str) -> str:
    """The Qt tool beside this interpreter (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} was not found; install PySide6 into this environment (pip install -e .).")
    return found


def targets() -> list[Target]:
    out = [Target(ui, FORMS_DIR / f"ui_{ui.stem}.py") for ui in sorted(UI_DIR.glob("*.ui"))]
    qrcs = sorted(QRC_DIR.glob("*.qrc"))
    if len(qrcs) > 1:
        raise SystemExit(f"expected one .qrc in {QRC_DIR}, found {len(qrcs)}")
    out += [Target(q, RESOURCES_PY) for q in qrcs]
    return out


def compile_one(target: Target) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.py"
        if target.source.suffix == ".ui":
            cmd = [_tool("pyside6-uic"), str(target.source), "-o", str(out)]
        else:  # format 1 carries no file timestamps; no compression keeps the bytes independent of zlib versions
            cmd = [_tool("pyside6-rcc"), "--format-version", "1", "--no-compress", str(target.source),
                   "-o", str(out)]
        run = subprocess.run(cmd, capture_output=True, text=True, cwd=target.source.parent)
        if run.returncode != 0:
            raise SystemExit(f"{Path(cmd[0]).name} failed on {target.source.name}:\n{run.stderr.strip()}")
        text = out.read_text(encoding="utf-8")
    text = _RC_IMPORT.sub(r"from ol_desk.gui import \1  # noqa: F401", text)
    return target.header + text


def _significant(text: str) -> list[str]:
    """What must match: every line that is not a comment or blank (headers carry tool versions and dates)."""
    return [line.rstrip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def stale(target: Target, fresh: str) -> bool:
    if not target.output.exists():
        return True
    return _significant(target.output.read_text(encoding="utf-8")) != _significant(fresh)


def build(check: bool = False) -> list[Path]:
    """Write (or, with check, only report) the outputs whose content differs; returns those paths."""
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists() and not check:
        init.write_text('"""Generated Designer forms (see tools/build_forms.py). Do not edit."""\n')
    changed = []
    wanted = set()
    for target in targets():
        wanted.add(target.output)
        fresh = compile_one(target)
        if stale(target, fresh):
            changed.append(target.output)
            if not check:
                target.output.write_text(fresh, encoding="utf-8")
    orphans = [p for p in FORMS_DIR.glob("ui_*.py") if p not in wanted]
    for orphan in orphans:  # a form whose .ui was deleted
        changed.append(orphan)
        if not check:
            orphan.unlink()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.build_forms", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale or missing generated files")
    args = parser.parse_args(argv)
    changed = build(check=args.check)
    for path in changed:
        what = "stale" if args.check else "written"
        print(f"{what}: {path.relative_to(ROOT).as_posix()}")
    if args.check and changed:
        print("Run `make forms` and commit the result.", file=sys.stderr)
        return 1
    if not changed:
        print("forms and resources are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
