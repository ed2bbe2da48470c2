"""People carry the server login they sign in with; outbox rows carry when they were written (trim by age).

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('login', sa.String(length=120), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_people_login'), ['login'])
    with op.batch_alter_table('search_outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('at', sa.DateTime(), nullable=True))
        batch_op.create_index('ix_search_outbox_at', ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('search_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_search_outbox_at')
        batch_op.drop_column('at')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_people_login'), type_='unique')
        batch_op.drop_column('login')
