"""Tests for the CAMEO codebook loader and the event lexicon/cue data files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from annals.events.codebook import (
    CAMEO_CSV,
    DATA_DIR,
    PLOVER_CSV,
    CameoCode,
    Codebook,
    CodebookError,
    load_codebook,
    quad_class_of,
)

LANGS = ("en", "zh", "ru")
ROOTS = [f"{i:02d}" for i in range(1, 21)]


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


# --- codebook -------------------------------------------------------------------------------


def test_known_values(codebook: Codebook) -> None:
    assert codebook.get("042").goldstein == pytest.approx(1.9)
    assert codebook.get("111").goldstein == pytest.approx(-2.0)
    assert codebook.get("190").goldstein == pytest.approx(-10.0)
    assert codebook.get("042").name == "Make a visit"
    assert codebook.get("0211").root == "02"


def test_quad_classes(codebook: Codebook) -> None:
    assert codebook.get("042").quad_class == 1
    assert codebook.get("057").quad_class == 1
    assert codebook.get("061").quad_class == 2
    assert codebook.get("0841").quad_class == 2
    assert codebook.get("111").quad_class == 3
    assert codebook.get("130").quad_class == 3
    assert codebook.get("163").quad_class == 4
    assert codebook.get("190").quad_class == 4
    assert [quad_class_of(r) for r in ("01", "05", "06", "08", "09", "13", "14", "20")] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_plover(codebook: Codebook) -> None:
    assert codebook.get("042").plover_type == "CONSULT"
    assert codebook.get("042").plover_mode == "visit"
    assert codebook.get("163").plover_type == "COERCE"
    assert codebook.get("091").plover_context == "crime;corruption"
    assert codebook.get("0253").plover_type == "REQUEST"  # appeals mirror demands
    assert codebook.get("010").plover_type == "NONE"  # statements are not coded in PLOVER
    assert all(c.plover_type for c in codebook)


def test_structure(codebook: Codebook) -> None:
    codes = [c.code for c in codebook]
    assert len(codes) == len(set(codes)) == len(codebook) == 312
    assert [r.code for r in codebook.roots()] == ROOTS
    for c in codebook:
        assert isinstance(c, CameoCode)
        assert re.fullmatch(r"\d{2,4}", c.code)
        assert c.root == c.code[:2] and c.root in codebook
        assert c.parent is None or c.parent in codebook
        assert -10 <= c.goldstein <= 10
    assert [c.code for c in codebook.children("04")] == [f"04{i}" for i in range(7)]


def test_lookup(codebook: Codebook) -> None:
    assert "042" in codebook
    assert "42" not in codebook
    assert 42 not in codebook
    assert codebook["042"] is codebook.get("042")
    with pytest.raises(KeyError, match="unknown CAMEO code '999'"):
        codebook.get("999")
    with pytest.raises(KeyError, match="zero-padded"):
        codebook.get("42")


def test_cached() -> None:
    assert load_codebook() is load_codebook()
    assert load_codebook(CAMEO_CSV) is load_codebook()


def _copy(tmp_path: Path, cameo_text: str | None = None, plover_text: str | None = None) -> Path:
    """Write a codebook pair into tmp_path, optionally replacing one file's text."""
    cameo = tmp_path / "cameo.csv"
    if cameo_text is None:
        shutil.copy(CAMEO_CSV, cameo)
    else:
        cameo.write_text(cameo_text, encoding="utf-8")
    plover = tmp_path / "plover.csv"
    if plover_text is None:
        shutil.copy(PLOVER_CSV, plover)
    else:
        plover.write_text(plover_text, encoding="utf-8")
    return cameo


def test_load_from_path(tmp_path: Path) -> None:
    cb = load_codebook(_copy(tmp_path))
    assert cb.get("042").goldstein == pytest.approx(1.9)


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


CAMEO_TEXT = CAMEO_CSV.read_text(encoding="utf-8")
PLOVER_TEXT = PLOVER_CSV.read_text(encoding="utf-8")


VISIT = "042,04,Make a visit,1.9,1"


def _visit(row: str) -> str:
    """The packaged cameo.csv with the row for 042 replaced."""
    return _edit(CAMEO_TEXT, VISIT, row)


@pytest.mark.parametrize(
    ("cameo_text", "plover_text", "message"),
    [
        (_visit("042,04,Make a visit,11.5,1"), None, "-10..10"),
        (_visit("042,04,Make a visit,high,1"), None, "number"),
        (_visit("042,04,Make a visit,1.9,7"), None, "1..4"),
        (_visit("042,04,Make a visit,1.9,3"), None, "expected 1"),
        (_visit("042,04,Make a visit,1.9"), None, "fields"),
        (_visit("4a2,04,Make a visit,1.9,1"), None, "zero-padded"),
        (_visit("042,04,,1.9,1"), None, "no name"),
        (_visit("042,05,Make a visit,1.9,1"), None, "does not match"),
        (_edit(CAMEO_TEXT, "04,04,Consult,1,1\n", ""), None, "root '04'"),
        (_edit(CAMEO_TEXT, "code,root,", "kode,root,"), None, "header"),
        (None, _edit(PLOVER_TEXT, "042,CONSULT,visit,\n", ""), "no PLOVER mapping for CAMEO code"),
        (None, _edit(PLOVER_TEXT, "042,CONSULT,visit,", "042,,visit,"), "empty plover_type"),
        (None, PLOVER_TEXT + "999,CONSULT,,\n", "'999' is not in the codebook"),
    ],
)
def test_malformed_raises(
    tmp_path: Path, cameo_text: str | None, plover_text: str | None, message: str
) -> None:
    cameo = _copy(tmp_path, cameo_text, plover_text)
    with pytest.raises(CodebookError, match=re.escape(message)) as info:
        load_codebook(cameo)
    assert re.search(r"(cameo|plover)\.csv:\d+", str(info.value))  # names file and row
    assert str(tmp_path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="cannot read"):
        load_codebook(tmp_path / "nope.csv")


# --- lexicons and cues ----------------------------------------------------------------------

ENTRY_KEYS = {"phrase", "pos", "code", "target", "symmetric", "negated", "reverse"}


def _lexicon(lang: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA_DIR / f"lexicon_{lang}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_entries(lang: str, codebook: Codebook) -> None:
    seen: set[tuple[str, str | None]] = set()
    for entry in _lexicon(lang):
        assert isinstance(entry, dict), entry
        assert set(entry) <= ENTRY_KEYS, entry
        assert isinstance(entry.get("phrase"), str) and entry["phrase"].strip(), entry
        assert entry["phrase"] == " ".join(entry["phrase"].split()), entry
        code = entry.get("code")
        assert isinstance(code, str), f"{lang}: code must be a quoted string: {entry}"
        assert code in codebook, f"{lang}: unknown CAMEO code {code!r} in {entry}"
        if lang == "zh":
            assert "pos" not in entry, entry
        else:
            assert entry.get("pos") in ("VERB", "NOUN"), entry
        if "target" in entry:
            assert isinstance(entry["target"], str) and entry["target"], entry
        for flag in ("symmetric", "negated", "reverse"):
            assert entry.get(flag, True) is True, entry
        key = (entry["phrase"], entry.get("pos"))
        assert key not in seen, f"{lang}: duplicate entry {key}"
        seen.add(key)


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_covers_every_root(lang: str) -> None:
    roots = {e["code"][:2] for e in _lexicon(lang)}
    assert set(ROOTS) <= roots, f"{lang}: no entries for roots {sorted(set(ROOTS) - roots)}"


def test_lexicon_known_codings() -> None:
    en = {(e["phrase"], e["pos"]): e for e in _lexicon("en")}
    assert en["sign", "VERB"]["code"] == "057"
    assert en["condemn", "VERB"]["code"] == "111"
    assert en["impose sanction", "VERB"]["code"] == "163"
    assert en["meet", "VERB"]["symmetric"] is True
    zh = {e["phrase"]: e for e in _lexicon("zh")}
    assert zh["谴责"]["code"] == "111" and zh["制裁"]["code"] == "163"
    ru = {(e["phrase"], e["pos"]): e for e in _lexicon("ru")}
    assert ru["подписать", "VERB"]["code"] == "057"
    assert ru["ввести санкция", "VERB"]["code"] == "163"


MODALITIES = {"intent", "future", "appeal", "demand", "threaten", "possible"}


def test_cues(codebook: Codebook) -> None:
    cues = yaml.safe_load((DATA_DIR / "cues.yaml").read_text(encoding="utf-8"))
    for lang in LANGS:
        block = cues[lang]
        assert set(block) == {"negation", "refusal", "modality", "speech"}, lang
        for key in ("negation", "refusal", "speech"):
            words = block[key]
            assert words and all(isinstance(w, str) and w for w in words), (lang, key)
            assert len(words) == len(set(words)), (lang, key)
        seen: set[str] = set()
        for m in block["modality"]:
            assert set(m) == {"cue", "modality", "code"}, m
            assert m["modality"] in MODALITIES, m
            assert m["cue"] not in seen, (lang, m)
            seen.add(m["cue"])
            if m["modality"] == "possible":
                assert m["code"] is None, m
            else:
                assert m["code"] in codebook, m
        assert {m["modality"] for m in block["modality"]} >= MODALITIES - {"future"}, lang
    assert "refuse" in cues["en"]["refusal"] and "拒绝" in cues["zh"]["refusal"]
    assert "не" in cues["ru"]["negation"] and "according to" in cues["en"]["speech"]

    tables = cues["modality_codes"]
    assert set(tables) == {"intent", "appeal", "demand", "threaten"}
    for name, table in tables.items():
        for prefix, code in table.items():
            assert prefix == "default" or prefix in codebook, (name, prefix)
            assert code in codebook, (name, prefix, code)
    expected_root = {"intent": "03", "appeal": "02", "demand": "10", "threaten": "13"}
    for name, table in tables.items():
        assert {code[:2] for code in table.values()} == {expected_root[name]}, name
    assert tables["intent"]["04"] == "036"
    assert tables["threaten"]["163"] == "1312"
