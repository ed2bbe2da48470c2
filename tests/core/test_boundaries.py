"""The core never imports Qt: the import-linter contracts in pyproject.toml check the source (`make check`); this
imports every core module with PySide6 made unavailable, which also catches an import made at run time."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import ol_desk.core

CORE = Path(ol_desk.core.__file__).parent


def test_every_core_module_imports_without_pyside6():
    modules = [m.name for m in pkgutil.walk_packages([str(CORE)], prefix="ol_desk.core.")
               if ".alembic" not in m.name]
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import importlib\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "assert not any(k.startswith('PySide6.') for k in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
