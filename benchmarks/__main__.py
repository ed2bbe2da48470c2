"""Run the benchmarks: `python -m benchmarks` (all) or `python -m benchmarks NAME …` (e.g. demo, search)."""
from __future__ import annotations

import importlib
import sys

# name -> module with a `main(argv) -> int`
SUITES = {
    "dashboard": "benchmarks.bench_dashboard",
    "demo": "benchmarks.bench_demo",
    "bulk": "benchmarks.bench_bulk_edit",
    "chase": "benchmarks.bench_chase",
    "editors": "benchmarks.bench_editors",
    "evidence": "benchmarks.bench_evidence",
    "export": "benchmarks.bench_export",
    "gui": "benchmarks.bench_gui",
    "import": "benchmarks.bench_import",
    "integrity": "benchmarks.bench_integrity",
    "pfd": "benchmarks.bench_pfd_pdf",
    "search": "benchmarks.bench_search",
    "server": "benchmarks.bench_server",
    "similar": "benchmarks.bench_similar",
    "themes": "benchmarks.bench_themes",
    "theme_page": "benchmarks.bench_theme_page",
}


def main(argv: list[str]) -> int:
    names = argv or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(SUITES)}", file=sys.stderr)
        return 2
    rc = 0
    for name in names:
        print(f"\n== benchmark: {name} ==", flush=True)
        rc |= importlib.import_module(SUITES[name]).main([])
    return rc


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
