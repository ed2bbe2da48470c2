"""Developer tooling run from a checkout, never installed: `make forms` (build_forms) and `make screenshots`
(screenshots, insight_screens). The wheel ships only ol_desk/ (pyproject: [tool.hatch.build.targets.wheel]).

Run from the repository's root: `python -m tools.build_forms`, `python -m tools.screenshots docs/screens`.
"""
