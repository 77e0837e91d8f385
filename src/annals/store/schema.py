"""Table definitions (SQLAlchemy Core). Changes here need an Alembic migration."""

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
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


def _document_fk() -> Column:
    return Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )


sentences = Table(
    "sentences",
    metadata,
    _document_fk(),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("lang", String(8), nullable=False),
    Column("script", String(5)),
    Column("paragraph", Integer, nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(5)),
    Column("date_source", String(10)),
)
Index("ix_sentences_document", sentences.c.document_id, sentences.c.idx, unique=True)

time_expressions = Table(
    "time_expressions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(10)),
    Column("precision", String(5)),
    Column("end_value", String(10)),
)
Index("ix_time_expressions_document", time_expressions.c.document_id)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("entity_id", String(100)),
    Column("name", Text, nullable=False),
    Column("code", String(8)),
    Column("sector", String(8)),
    Column("kind", String(20), nullable=False),
    Column("how", String(10), nullable=False),
    Column("commentator", Boolean, nullable=False),
)
Index("ix_mentions_document", mentions.c.document_id)
Index("ix_mentions_entity", mentions.c.entity_id)


def _actor_columns(side: str) -> list[Column]:
    return [
        Column(f"{side}_entity", String(100)),
        Column(f"{side}_name", Text, nullable=False),
        Column(f"{side}_code", String(8), nullable=False),
        Column(f"{side}_sector", String(8)),
        Column(f"{side}_kind", String(20), nullable=False),
        Column(f"{side}_start", Integer, nullable=False),
        Column(f"{side}_end", Integer, nullable=False),
    ]


events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("cameo", String(4), nullable=False),
    Column("root", String(2), nullable=False),
    Column("plover", String(20), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("modality", String(10)),
    Column("date", String(10)),
    Column("date_precision", String(5)),
    Column("place", Text),
    Column("confidence", Float, nullable=False),
    Column("predicate", Text, nullable=False),
    Column("lang", String(8), nullable=False),
)
# The listing orders by (date, id): each filter's index ends in date, so a page of a filtered
# listing is read in order from one index without sorting; a range of CAMEO codes is sorted,
# from the index alone (migration 0004).
Index("ix_events_document", events.c.document_id, events.c.date)
Index("ix_events_dyad", events.c.source_code, events.c.target_code, events.c.date)
Index("ix_events_root", events.c.root, events.c.date)
Index("ix_events_date", events.c.date, events.c.id)
Index("ix_events_source", events.c.source_code, events.c.date)
Index("ix_events_target", events.c.target_code, events.c.date)
Index("ix_events_cameo", events.c.cameo, events.c.date, events.c.id)
Index("ix_events_source_entity", events.c.source_entity, events.c.date)
Index("ix_events_target_entity", events.c.target_entity, events.c.date)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker_name", Text, nullable=False),
    Column("speaker_id", String(100)),
    Column("speaker_code", String(8)),
    Column("direct", Boolean, nullable=False),
    Column("cue", Text, nullable=False),
    Column("lang", String(8), nullable=False),
    Column("event_ids", Text, nullable=False, comment="comma-separated events it supports"),
)
Index("ix_quotes_document", quotes.c.document_id)
Index("ix_quotes_speaker", quotes.c.speaker_id)
