"""Limits the importer enforces before and while reading a workbook (so a hostile or broken file is refused
early, with one clear message, and nothing is written)."""
from __future__ import annotations

# Sum of the uncompressed sizes in the zip directory. A 100,000-row, 15-column register is ~150 MB of XML.
MAX_UNCOMPRESSED_BYTES = 1_000 * 1024 * 1024
# A member this much larger than its compressed size, and bigger than MIN_BOMB_BYTES, is a zip bomb.
MAX_COMPRESSION_RATIO = 1_000
MIN_BOMB_BYTES = 50 * 1024 * 1024
# Excel's own limit for the text in one cell.
MAX_CELL_CHARS = 32_767
# Stop reading a sheet after this many empty rows in a row (formatted but empty rows run to a million).
MAX_EMPTY_RUN = 1_000
# Where the header row is looked for, and how many data rows are sampled to recognise columns by content.
HEADER_SCAN_ROWS = 30
CONTENT_SAMPLE_ROWS = 50
# Files larger than this on disk are not even opened.
MAX_FILE_BYTES = 500 * 1024 * 1024
