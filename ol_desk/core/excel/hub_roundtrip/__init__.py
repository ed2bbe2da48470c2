"""The hub round trip: a hub's workbook of its open items, sent out and read back as updates."""
