"""Uploaded files into the store: size-limited, and their names never used as paths."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import HTTPException, UploadFile

from annals.ingest import IngestReport, ingest
from annals.store import Store


def safe_suffix(filename: str | None) -> str:
    """The format-telling suffix of an uploaded name (``.jsonl``, ``.warc.gz``), or ''.

    Only the last two suffixes of the base name are kept, and only when alphanumeric, so
    ``../../etc/passwd`` or ``a.txt/..`` can never steer where a file is written."""
    name = Path((filename or "").replace("\\", "/")).name
    suffix = "".join(Path(name).suffixes[-2:])[:16]
    return suffix if suffix.replace(".", "").isalnum() else ""


async def ingest_uploads(store: Store, files: list[UploadFile], max_bytes: int) -> IngestReport:
    """Write each upload to a private temporary folder under a generated name and ingest
    them; a file over ``max_bytes`` aborts with 413 before anything is stored."""
    with tempfile.TemporaryDirectory(prefix="annals-upload-") as tmp:
        for number, item in enumerate(files):
            data = await item.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise HTTPException(
                    413, f"{Path(item.filename or '').name!r} is over {max_bytes} bytes"
                )
            (Path(tmp) / f"upload-{number}{safe_suffix(item.filename)}").write_bytes(data)
        return ingest([tmp], store)
