"""Gold Group learning: quick capture (toolbar and Ctrl+L) and the CPIC triage queue."""
