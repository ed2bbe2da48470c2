from tests.gui.dashboard.conftest import ctx, on_day, ops  # noqa: F401 - the same fixtures
