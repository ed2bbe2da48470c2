"""The thematic briefing as a workbook: a theme page's figures, timeline, repeated concerns with their history,
and the evidence of learning embedded (OFFICIAL-SENSITIVE, printable)."""
