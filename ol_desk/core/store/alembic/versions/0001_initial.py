"""Initial schema: the domain model, the audit chain, the search outbox, import batches and profiles.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 13:42:33.205955
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('hmicfrs', 'pfd', 'iopc', 'public_inquiry', 'independent_review', 'professional_standards', 'gold_group', 'internal_review', 'other', name='sourcekind', native_enum=False, length=32), nullable=False),
    sa.Column('issuing_body', sa.String(length=200), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('date_issued', sa.Date(), nullable=True),
    sa.Column('link', sa.Text(), nullable=False),
    sa.Column('original_response_due', sa.Date(), nullable=True),
    sa.Column('response_due', sa.Date(), nullable=True),
    sa.Column('response_sent_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_kind_reference', ['kind', 'reference'], unique=False)
        batch_op.create_index('ix_documents_response_due', ['response_due'], unique=False)

    op.create_table('hubs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('bcu', 'ocu', 'central', name='hubkind', native_enum=False, length=32), nullable=False),
    sa.Column('boroughs', sa.Text(), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hubs')),
    sa.UniqueConstraint('code', name=op.f('uq_hubs_code')),
    sa.UniqueConstraint('name', name=op.f('uq_hubs_name'))
    )
    op.create_table('import_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    op.create_table('import_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('header_signature', sa.String(length=64), nullable=False),
    sa.Column('mapping', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_profiles')),
    sa.UniqueConstraint('name', name=op.f('uq_import_profiles_name'))
    )
    with op.batch_alter_table('import_profiles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_profiles_header_signature'), ['header_signature'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('search_outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_search_outbox')),
    sqlite_autoincrement=True
    )
    op.create_table('themes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_themes')),
    sa.UniqueConstraint('code', name=op.f('uq_themes_code')),
    sa.UniqueConstraint('name', name=op.f('uq_themes_name'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('verb', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_audit_events_batch_id_import_batches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_events_hash')),
    sa.UniqueConstraint('prev_hash', name=op.f('uq_audit_events_prev_hash'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_batch', ['batch_id'], unique=False)
        batch_op.create_index('ix_audit_events_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.Enum('cpic', 'hub_officer', 'gold_lead', 'board', 'viewer', name='role', native_enum=False, length=32), nullable=False),
    sa.Column('hub_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['hub_id'], ['hubs.id'], name=op.f('fk_people_hub_id_hubs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_hub_id'), ['hub_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_name'), ['name'], unique=False)

    op.create_table('actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('hub_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'complete', 'cancelled', name='actionstatus', native_enum=False, length=32), nullable=False),
    sa.Column('original_due_date', sa.Date(), nullable=True),
    sa.Column('current_due_date', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('completion_note', sa.Text(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('embedded', sa.Boolean(), nullable=False),
    sa.Column('embedded_on', sa.Date(), nullable=True),
    sa.Column('embedded_note', sa.Text(), nullable=False),
    sa.Column('percent_complete', sa.Integer(), nullable=True),
    sa.Column('last_update_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['hub_id'], ['hubs.id'], name=op.f('fk_actions_hub_id_hubs')),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_actions_owner_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actions'))
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.create_index('ix_actions_due', ['current_due_date'], unique=False)
        batch_op.create_index('ix_actions_hub_status_due', ['hub_id', 'status', 'current_due_date'], unique=False)
        batch_op.create_index('ix_actions_last_update', ['status', 'last_update_on'], unique=False)
        batch_op.create_index('ix_actions_owner', ['owner_id'], unique=False)
        batch_op.create_index('ix_actions_status_due', ['status', 'current_due_date'], unique=False)

    op.create_table('recommendations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('finding_type', sa.Enum('cause_of_concern', 'recommendation', 'area_for_improvement', 'matter_of_concern', 'learning_point', name='findingtype', native_enum=False, length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('response_position', sa.Enum('pending', 'accepted', 'accepted_in_part', 'not_accepted', name='responseposition', native_enum=False, length=32), nullable=False),
    sa.Column('response_rationale', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('new', 'assigned', 'in_progress', 'delivered', 'evidence_accepted', 'closed', 'not_accepted', 'superseded', 'reopened', name='recstatus', native_enum=False, length=32), nullable=False),
    sa.Column('original_target_date', sa.Date(), nullable=True),
    sa.Column('current_target_date', sa.Date(), nullable=True),
    sa.Column('superseded_by_id', sa.Integer(), nullable=True),
    sa.Column('board_decision_on', sa.Date(), nullable=True),
    sa.Column('board_minute_ref', sa.String(length=80), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('last_update_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_recommendations_document_id_documents')),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_recommendations_owner_id_people')),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['recommendations.id'], name=op.f('fk_recommendations_superseded_by_id_recommendations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendations')),
    sa.UniqueConstraint('document_id', 'reference', 'position', name='uq_recommendations_identity')
    )
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.create_index('ix_recommendations_last_update', ['status', 'last_update_on', 'created_at'], unique=False)
        batch_op.create_index('ix_recommendations_owner', ['owner_id'], unique=False)
        batch_op.create_index('ix_recommendations_slipped', ['current_target_date'], unique=False,
                              sqlite_where=sa.text('current_target_date > original_target_date'))
        batch_op.create_index('ix_recommendations_status_target', ['status', 'current_target_date'], unique=False)
        batch_op.create_index('ix_recommendations_superseded_by', ['superseded_by_id'], unique=False)
        batch_op.create_index('ix_recommendations_target', ['current_target_date'], unique=False)

    op.create_table('action_recommendations',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_action_recommendations_action_id_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_action_recommendations_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', 'recommendation_id', name=op.f('pk_action_recommendations'))
    )
    with op.batch_alter_table('action_recommendations', schema=None) as batch_op:
        batch_op.create_index('ix_action_recommendations_rec', ['recommendation_id', 'action_id'], unique=False)

    op.create_table('date_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('recommendation_id', sa.Integer(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('old_date', sa.Date(), nullable=True),
    sa.Column('new_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('changed_by', sa.String(length=120), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(CASE WHEN document_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN recommendation_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN action_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_date_changes_one_parent')),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_date_changes_action_id_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_date_changes_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_date_changes_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_date_changes'))
    )
    with op.batch_alter_table('date_changes', schema=None) as batch_op:
        batch_op.create_index('ix_date_changes_action', ['action_id'], unique=False)
        batch_op.create_index('ix_date_changes_doc', ['document_id'], unique=False)
        batch_op.create_index('ix_date_changes_rec', ['recommendation_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('file', 'link', name='evidencekind', native_enum=False, length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('original_name', sa.String(length=260), nullable=False),
    sa.Column('stored_path', sa.String(length=400), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=True),
    sa.Column('added_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(recommendation_id IS NULL) != (action_id IS NULL)', name=op.f('ck_evidence_one_parent')),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_evidence_action_id_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_evidence_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_action', ['action_id'], unique=False)
        batch_op.create_index('ix_evidence_rec', ['recommendation_id'], unique=False)

    op.create_table('learning_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation', sa.String(length=200), nullable=False),
    sa.Column('incident_date', sa.Date(), nullable=True),
    sa.Column('gold_lead', sa.String(length=120), nullable=False),
    sa.Column('learning', sa.Text(), nullable=False),
    sa.Column('suggested_owner', sa.String(length=120), nullable=False),
    sa.Column('suggested_hub_id', sa.Integer(), nullable=True),
    sa.Column('triage_outcome', sa.Enum('pending', 'no_action', 'converted', 'merged', name='triageoutcome', native_enum=False, length=32), nullable=False),
    sa.Column('triage_reason', sa.Text(), nullable=False),
    sa.Column('triaged_by', sa.String(length=120), nullable=False),
    sa.Column('triaged_on', sa.Date(), nullable=True),
    sa.Column('recommendation_id', sa.Integer(), nullable=True),
    sa.Column('captured_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_learning_entries_recommendation_id_recommendations')),
    sa.ForeignKeyConstraint(['suggested_hub_id'], ['hubs.id'], name=op.f('fk_learning_entries_suggested_hub_id_hubs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_entries'))
    )
    with op.batch_alter_table('learning_entries', schema=None) as batch_op:
        batch_op.create_index('ix_learning_entries_outcome', ['triage_outcome', 'incident_date'], unique=False)
        batch_op.create_index('ix_learning_entries_rec', ['recommendation_id'], unique=False)

    op.create_table('progress_updates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=120), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(recommendation_id IS NULL) != (action_id IS NULL)', name=op.f('ck_progress_updates_one_parent')),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_progress_updates_action_id_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_progress_updates_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_updates'))
    )
    with op.batch_alter_table('progress_updates', schema=None) as batch_op:
        batch_op.create_index('ix_progress_updates_action', ['action_id', 'written_on'], unique=False)
        batch_op.create_index('ix_progress_updates_rec', ['recommendation_id', 'written_on'], unique=False)

    op.create_table('recommendation_hubs',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('hub_id', sa.Integer(), nullable=False),
    sa.Column('is_lead', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['hub_id'], ['hubs.id'], name=op.f('fk_recommendation_hubs_hub_id_hubs')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_hubs_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'hub_id', name=op.f('pk_recommendation_hubs'))
    )
    with op.batch_alter_table('recommendation_hubs', schema=None) as batch_op:
        batch_op.create_index('ix_recommendation_hubs_hub', ['hub_id', 'is_lead', 'recommendation_id'], unique=False)

    op.create_table('recommendation_themes',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_themes_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['themes.id'], name=op.f('fk_recommendation_themes_theme_id_themes')),
    sa.PrimaryKeyConstraint('recommendation_id', 'theme_id', name=op.f('pk_recommendation_themes'))
    )
    with op.batch_alter_table('recommendation_themes', schema=None) as batch_op:
        batch_op.create_index('ix_recommendation_themes_theme', ['theme_id', 'recommendation_id'], unique=False)

    op.create_table('related_links',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('related_id', sa.Integer(), nullable=False),
    sa.Column('linked_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('recommendation_id < related_id', name=op.f('ck_related_links_ordered')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_related_links_recommendation_id_recommendations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['related_id'], ['recommendations.id'], name=op.f('fk_related_links_related_id_recommendations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recommendation_id', 'related_id', name=op.f('pk_related_links'))
    )
    with op.batch_alter_table('related_links', schema=None) as batch_op:
        batch_op.create_index('ix_related_links_related', ['related_id', 'recommendation_id'], unique=False)

    _audit_append_only()


def _audit_append_only() -> None:
    """The audit log is append-only: the database itself refuses UPDATE and DELETE on it (SQLite)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


def downgrade() -> None:
    with op.batch_alter_table('related_links', schema=None) as batch_op:
        batch_op.drop_index('ix_related_links_related')

    op.drop_table('related_links')
    with op.batch_alter_table('recommendation_themes', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendation_themes_theme')

    op.drop_table('recommendation_themes')
    with op.batch_alter_table('recommendation_hubs', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendation_hubs_hub')

    op.drop_table('recommendation_hubs')
    with op.batch_alter_table('progress_updates', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_updates_rec')
        batch_op.drop_index('ix_progress_updates_action')

    op.drop_table('progress_updates')
    with op.batch_alter_table('learning_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_entries_rec')
        batch_op.drop_index('ix_learning_entries_outcome')

    op.drop_table('learning_entries')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_evidence_rec')
        batch_op.drop_index('ix_evidence_action')

    op.drop_table('evidence')
    with op.batch_alter_table('date_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_date_changes_rec')
        batch_op.drop_index('ix_date_changes_doc')
        batch_op.drop_index('ix_date_changes_action')

    op.drop_table('date_changes')
    with op.batch_alter_table('action_recommendations', schema=None) as batch_op:
        batch_op.drop_index('ix_action_recommendations_rec')

    op.drop_table('action_recommendations')
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.drop_index('ix_recommendations_target')
        batch_op.drop_index('ix_recommendations_superseded_by')
        batch_op.drop_index('ix_recommendations_status_target')
        batch_op.drop_index('ix_recommendations_owner')
        batch_op.drop_index('ix_recommendations_slipped')
        batch_op.drop_index('ix_recommendations_last_update')

    op.drop_table('recommendations')
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_index('ix_actions_status_due')
        batch_op.drop_index('ix_actions_owner')
        batch_op.drop_index('ix_actions_last_update')
        batch_op.drop_index('ix_actions_hub_status_due')
        batch_op.drop_index('ix_actions_due')

    op.drop_table('actions')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_name'))
        batch_op.drop_index(batch_op.f('ix_people_hub_id'))

    op.drop_table('people')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_entity')
        batch_op.drop_index('ix_audit_events_batch')

    op.drop_table('audit_events')
    op.drop_table('themes')
    op.drop_table('search_outbox')
    op.drop_table('meta')
    with op.batch_alter_table('import_profiles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_profiles_header_signature'))

    op.drop_table('import_profiles')
    op.drop_table('import_batches')
    op.drop_table('hubs')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_response_due')
        batch_op.drop_index('ix_documents_kind_reference')

    op.drop_table('documents')
