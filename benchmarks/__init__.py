"""Timed scenarios at the scale ol-desk is designed for. Not collected by pytest. Run: `make bench`."""
