"""Source documents carry their area (a coroner area, an inspected force) and their addressees (a PFD report's
"Sent to": the other bodies that received it), until now kept as text in the notes.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('area', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('addressees', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('addressees')
        batch_op.drop_column('area')
