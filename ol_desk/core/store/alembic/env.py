"""Alembic environment: always driven from code with a live connection (see ol_desk.core.store.migrations)."""
from alembic import context

from ol_desk.core.model import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - we never run alembic from its own CLI without a connection
    raise RuntimeError("ol-desk runs its migrations from code: open the database with ol_desk.core.store")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
