"""Importing a force's register (xlsx) into ol-desk: header detection, column mapping, the plan and the write."""
