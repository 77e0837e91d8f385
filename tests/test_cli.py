"""The command line: ingest, docs, show, log, eval, exit codes and user errors."""

from __future__ import annotations

import json
import subprocess
import sys

from builders import ARTICLE_HTML, write

EN = "[Harbor Ledger, March 22, 2023] The two presidents met in Moscow and signed a statement."


def annals(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annals", *args], input=stdin, capture_output=True, timeout=300
    )


def test_ingest_docs_show_log(tmp_path):
    db = str(tmp_path / "cli.db")
    write(tmp_path / "in/a.txt", EN)
    write(tmp_path / "in/b.html", ARTICLE_HTML)
    result = annals("ingest", str(tmp_path / "in"), "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failed"]) == (2, 0)

    listing = json.loads(annals("docs", "--db", db, "--json").stdout)
    assert {d["outlet"] for d in listing} == {"Harbor Ledger", "Example News"}
    ledger = next(d for d in listing if d["outlet"] == "Harbor Ledger")
    assert ledger["found"] == {
        "outlet": "dateline",
        "published": "dateline",
        "languages": "inferred",
    }
    assert ledger["languages"] == ["en"]

    shown = json.loads(annals("show", ledger["id"][:10], "--db", db, "--json").stdout)
    assert shown["text"] == EN
    table = annals("show", ledger["id"][:10], "--db", db).stdout.decode()
    assert "Harbor Ledger  (dateline)" in table and "signed a statement" in table

    log = json.loads(annals("log", "--db", db, "--json").stdout)
    assert sorted(r["status"] for r in log) == ["stored", "stored"]


def test_stdin_and_given_metadata(tmp_path):
    db = str(tmp_path / "cli.db")
    result = annals(
        "ingest",
        "-",
        "--db",
        db,
        "--outlet",
        "Wire",
        "--published",
        "2024-05-16",
        "--lang",
        "en",
        "--quiet",
        stdin=b"Leaders met in Beijing and agreed to talk.",
    )
    assert result.returncode == 0, result.stderr
    [doc] = json.loads(annals("docs", "--db", db, "--json").stdout)
    assert (doc["outlet"], doc["published"], doc["source"]) == ("Wire", "2024-05-16", "-")
    assert doc["found"] == {"outlet": "given", "published": "given", "languages": "given"}


def test_failures_name_the_file_and_set_the_exit_code(tmp_path):
    db = str(tmp_path / "cli.db")
    write(tmp_path / "good.txt", EN)
    write(tmp_path / "empty.txt", "")
    result = annals(
        "ingest",
        str(tmp_path / "good.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "missing.txt"),
        "--db",
        db,
    )
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "empty.txt: empty input" in stderr and "missing.txt: no such file or folder" in stderr
    assert "1 stored" in stderr and "Traceback" not in stderr


def test_user_errors_are_one_line_without_a_traceback(tmp_path):
    db = str(tmp_path / "cli.db")
    annals("ingest", "-", "--db", db, "--quiet", stdin=b"Some article text about talks.")
    result = annals("show", "zzzz", "--db", db)
    assert result.returncode == 4
    assert result.stderr.decode().strip() == "error: no document with id 'zzzz'"
    result = annals("ingest", "-", "--db", "postgresql://nobody@127.0.0.1:1/none", stdin=b"x")
    assert result.returncode == 4 and "Traceback" not in result.stderr.decode()
    assert "cannot open store" in result.stderr.decode()
    result = annals("--debug", "show", "zzzz", "--db", db)
    assert "Traceback" in result.stderr.decode()
