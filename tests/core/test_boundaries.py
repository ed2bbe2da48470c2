"""The core never imports Qt: checked by reading the source and by importing it with PySide6 made unavailable."""
from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import ol_desk.core

CORE = Path(ol_desk.core.__file__).parent


def test_no_module_under_core_imports_pyside6():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "PySide6" or n.startswith("PySide6.") or n.startswith("ol_desk.gui") for n in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert offenders == [], f"core modules import Qt or the GUI: {offenders}"


def test_every_core_module_imports_without_pyside6():
    modules = [m.name for m in pkgutil.walk_packages([str(CORE)], prefix="ol_desk.core.")
               if ".alembic" not in m.name]
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import importlib\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "assert not any(k.startswith('PySide6.') for k in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
