"""Excel import and export (openpyxl, no Qt), one subpackage per job:

    register_import/   a force's register read into ol-desk (header detection, mapping, plan, write)
    board_pack/        the register exported as the Organisational Learning Board's pack
    hub_roundtrip/     a hub's workbook of its open items, sent out and read back as updates

and what they share: workbook_reader (opening a file safely), value_parsing (dates, names, words), safe_cells and
limits (what a cell may hold). Importers and exporters are plain functions taking `(path, session, progress,
cancel)` so the GUI, the CLI and tests call them the same way."""
