"""Table definitions (SQLAlchemy Core). Changes here need an Alembic migration."""

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True, comment="SHA-256 of the normalised text"),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("outlet", String(200)),
    Column("published", String(10), comment="ISO date at published_precision"),
    Column("published_precision", String(5)),
    Column("languages", String(100), nullable=False, default="", comment="comma-separated"),
    Column("url", Text),
    Column("source", Text, comment="path, path:line or path#record it was read from"),
    Column("format", String(20), nullable=False),
    Column("found", Text, nullable=False, default="{}", comment="JSON: field -> how found"),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("pipeline_version", String(40), comment="version of the stages that processed it"),
)
Index("ix_documents_outlet", documents.c.outlet)
Index("ix_documents_published", documents.c.published)

ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("source", Text, nullable=False),
    Column("status", String(10), nullable=False, comment="stored, duplicate, skipped, failed"),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="SET NULL")),
    Column("reason", Text),
)
Index("ix_ingest_log_run", ingest_log.c.run_id)
