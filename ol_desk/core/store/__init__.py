"""Storage: engine and sessions, SQLite pragmas, migrations run at open."""
from .database import Database, open_database
from .location import ENV_VAR, default_data_dir, describe, resolve_url

__all__ = ["Database", "ENV_VAR", "default_data_dir", "describe", "open_database", "resolve_url"]
