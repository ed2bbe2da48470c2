"""The import wizard (File › Import, or drop a workbook on the window) and the export dialogs (Board pack, hub
round-trip workbook, reading a returned hub workbook)."""
