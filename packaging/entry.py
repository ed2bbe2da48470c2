"""Bundle entry point (PyInstaller needs a script, not a console-script entry)."""
from ol_desk.cli.main import main

raise SystemExit(main())
