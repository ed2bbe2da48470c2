"""Read-side queries shared by the CLI, the GUI and the exporters (derived facts are computed here, in SQL)."""
