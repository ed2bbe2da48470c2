"""The `ol-desk` command line. Each commands module adds its subcommands; main.py wires them together."""
