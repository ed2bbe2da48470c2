"""ol-desk: case management for police organisational learning."""

__version__ = "0.1.0"
