"""The Board report: a PDF of the dashboard tiles, its charts, and the overdue and for-decision tables."""
