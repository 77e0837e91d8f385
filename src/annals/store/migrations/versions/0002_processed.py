"""Sentences, time expressions, actor mentions and events of processed documents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _document_fk() -> sa.Column:
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    )


def _actor(side: str) -> list[sa.Column]:
    return [
        sa.Column(f"{side}_entity", sa.String(100)),
        sa.Column(f"{side}_name", sa.Text, nullable=False),
        sa.Column(f"{side}_code", sa.String(8), nullable=False),
        sa.Column(f"{side}_sector", sa.String(8)),
        sa.Column(f"{side}_kind", sa.String(20), nullable=False),
        sa.Column(f"{side}_start", sa.Integer, nullable=False),
        sa.Column(f"{side}_end", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "sentences",
        _document_fk(),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("script", sa.String(5)),
        sa.Column("paragraph", sa.Integer, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(5)),
        sa.Column("date_source", sa.String(10)),
    )
    op.create_index("ix_sentences_document", "sentences", ["document_id", "idx"], unique=True)
    op.create_table(
        "time_expressions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_fk(),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.String(10)),
        sa.Column("precision", sa.String(5)),
        sa.Column("end_value", sa.String(10)),
    )
    op.create_index("ix_time_expressions_document", "time_expressions", ["document_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_fk(),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("entity_id", sa.String(100)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.String(8)),
        sa.Column("sector", sa.String(8)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("how", sa.String(10), nullable=False),
        sa.Column("commentator", sa.Boolean, nullable=False),
    )
    op.create_index("ix_mentions_document", "mentions", ["document_id"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_fk(),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        *_actor("source"),
        *_actor("target"),
        sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("root", sa.String(2), nullable=False),
        sa.Column("plover", sa.String(20), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String(10)),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(5)),
        sa.Column("place", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("predicate", sa.Text, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
    )
    op.create_index("ix_events_document", "events", ["document_id"])
    op.create_index("ix_events_dyad", "events", ["source_code", "target_code", "date"])
    op.create_index("ix_events_root", "events", ["root", "date"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_source_entity", "events", ["source_entity"])
    op.create_index("ix_events_target_entity", "events", ["target_entity"])


def downgrade() -> None:
    for table in ("events", "mentions", "time_expressions", "sentences"):
        op.drop_table(table)
