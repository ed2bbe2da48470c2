"""File › Chase owners…: the chasers dialog (core/chase does the work on the worker thread)."""
