"""Excel import and export (openpyxl, no Qt). Importers and exporters are plain functions taking
`(path, session, progress, cancel)` so the GUI, the CLI and tests call them the same way."""
