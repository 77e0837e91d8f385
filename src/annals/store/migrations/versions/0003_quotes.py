"""Quotes: direct quotations and reported speech with their speakers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker_name", sa.Text, nullable=False),
        sa.Column("speaker_id", sa.String(100)),
        sa.Column("speaker_code", sa.String(8)),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("event_ids", sa.Text, nullable=False),
    )
    op.create_index("ix_quotes_document", "quotes", ["document_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_id"])


def downgrade() -> None:
    op.drop_table("quotes")
