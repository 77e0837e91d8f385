"""Indexes for the event listing: each filter's index ends in the date the listing sorts by.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

REPLACED = {
    "ix_events_document": (["document_id"], ["document_id", "date"]),
    "ix_events_date": (["date"], ["date", "id"]),
    "ix_events_source_entity": (["source_entity"], ["source_entity", "date"]),
    "ix_events_target_entity": (["target_entity"], ["target_entity", "date"]),
}
ADDED = {
    "ix_events_source": ["source_code", "date"],
    "ix_events_target": ["target_code", "date"],
    "ix_events_cameo": ["cameo", "date", "id"],
}


def upgrade() -> None:
    for name, (_old, new) in REPLACED.items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", new)
    for name, columns in ADDED.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in ADDED:
        op.drop_index(name, table_name="events")
    for name, (old, _new) in REPLACED.items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", old)
