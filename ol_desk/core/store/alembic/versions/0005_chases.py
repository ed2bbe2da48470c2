"""Chasers: who was chased, when, for which items (chases, chase_items), and "last chased" on recommendations and
actions so the register shows and filters it from an index.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('chases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('how', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_chases_owner_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chases'))
    )
    with op.batch_alter_table('chases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chases_owner_id'), ['owner_id'], unique=False)

    op.create_table('chase_items',
    sa.Column('chase_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['chase_id'], ['chases.id'], name=op.f('fk_chase_items_chase_id_chases'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('chase_id', 'entity', 'entity_id', name=op.f('pk_chase_items'))
    )
    with op.batch_alter_table('chase_items', schema=None) as batch_op:
        batch_op.create_index('ix_chase_items_item', ['entity', 'entity_id'], unique=False)

    for table in ('recommendations', 'actions'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('last_chased_at', sa.DateTime(), nullable=True))
            batch_op.create_index(f'ix_{table}_last_chased', ['last_chased_at'], unique=False)


def downgrade() -> None:
    for table in ('actions', 'recommendations'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f'ix_{table}_last_chased')
            batch_op.drop_column('last_chased_at')
    with op.batch_alter_table('chase_items', schema=None) as batch_op:
        batch_op.drop_index('ix_chase_items_item')
    op.drop_table('chase_items')
    with op.batch_alter_table('chases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chases_owner_id'))
    op.drop_table('chases')
