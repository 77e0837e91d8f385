"""The gazetteer data: schema validation, breadth, and Russian case forms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annals.actors.gazetteer import DATA, GazetteerError, gazetteer, load, russian_forms


def test_the_shipped_gazetteer_is_broad():
    stats = gazetteer().stats()
    print("gazetteer:", stats)
    assert stats["states"] >= 197  # UN members, observers, Taiwan, Kosovo
    assert stats["people"] >= 1000
    assert stats["organisations"] >= 300
    assert all(stats["aliases"][lang] >= 3000 for lang in ("en", "zh", "ru"))


def test_every_un_member_has_names_in_three_languages():
    import pycountry

    states = {e.code: e for e in gazetteer().entities.values() if e.kind == "state"}
    for code in ("TWN", "XKX", "PSE", "VAT"):
        assert code in states
    assert len([c for c in pycountry.countries if c.alpha_3 in states]) >= 195
    langs: dict[str, set[str]] = {}
    for alias in gazetteer().aliases:
        entity = gazetteer().entities.get(alias.target)
        if entity is not None and entity.kind == "state" and alias.form == "name":
            langs.setdefault(entity.code, set()).add(alias.lang)
    missing = [code for code, seen in langs.items() if seen != {"en", "zh", "ru"}]
    assert not missing, missing


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


@pytest.mark.parametrize(
    ("file", "entry", "message"),
    [
        ("states.yaml", "- id: BAD ID\n  code: XXX\n  names: {en: [Nowhere]}\n", "id must be"),
        ("states.yaml", "- id: nowhere\n  code: X1\n  names: {en: [Nowhere]}\n", "code must be"),
        ("states.yaml", "- id: nowhere\n  code: NWH\n", r"missing 'names'"),
        (
            "people/extra.yaml",
            "- id: someone\n  names: {en: [Some One]}\n  roles:\n"
            "    - {role: emperor, country: RUS, start: 2000-01-01, end: null}\n",
            "role must be",
        ),
        (
            "people/extra.yaml",
            "- id: someone\n  names: {en: [Some One]}\n  roles:\n"
            "    - {role: president, country: RUS, start: 2010-01-01, end: 2000-01-01}\n",
            "ends before it starts",
        ),
        ("organisations.yaml", "- id: chn\n  code: CHN\n  names: {en: [Dup]}\n", "duplicate id"),
        (
            "organisations.yaml",
            "- id: thing\n  code: CHN\n  sector: XYZ\n  names: {en: [T]}\n",
            "unknown sector",
        ),
        ("states.yaml", "- id: nowhere\n  code: NWH\n  names: {fr: [Nulle part]}\n", "languages"),
    ],
)
def test_a_malformed_entry_fails_to_load(data_copy, file, entry, message):
    path = data_copy / file
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(existing + "\n" + entry, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load(data_copy)


def test_broken_yaml_names_the_file(data_copy):
    (data_copy / "roles.yaml").write_text(
        "- role: president\n  words: [unclosed\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match=r"roles\.yaml"):
        load(data_copy)


def test_russian_case_forms():
    assert "Владимира Путина" in set(russian_forms("Владимир Путин"))
    assert "Си Цзиньпином" in set(russian_forms("Си Цзиньпин"))
    assert {"Китая", "Китаем", "Китае"} <= set(russian_forms("Китай"))
    assert "российского" in set(russian_forms("российский"))
    assert set(russian_forms("Моди")) == {"Моди"}  # indeclinable foreign names stay as they are
