"""Language runs, scripts and the simplified-Chinese view."""

import itertools

from annals.text import analyse, language_runs, normalise
from annals.text.normalise import han_script


def test_mixed_document_runs() -> None:
    text = (
        "Putin met Xi on Thursday in Samarkand, Uzbekistan, the Kremlin said.\n\n"
        "普京周四在撒马尔罕会见了习近平。\n\n"
        "Путин встретился с Си Цзиньпином в четверг в Самарканде.\n"
    )
    runs = language_runs(text)
    assert [r.lang for r in runs] == ["en", "zh", "ru"]
    assert runs[0].start == 0 and runs[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(runs))
    assert runs[1].script == "Hans"
    assert set(analyse(text, "2022-09-15").languages) == {"en", "zh", "ru"}


def test_short_foreign_names_stay_in_their_run() -> None:
    text = "王小明(John Smith)曾在《北方晨報》擔任駐外記者多年。"
    runs = language_runs(text)
    assert [(r.lang, r.script) for r in runs] == [("zh", "Hant")]


def test_other_languages_are_labelled() -> None:
    text = (
        "Die Bundesregierung hat am Donnerstag neue Sanktionen gegen Russland beschlossen.\n"
        "Le gouvernement français a annoncé de nouvelles mesures contre la Russie jeudi.\n"
        "Україна отримала нову партію зброї від західних партнерів цього тижня.\n"
        "日本政府は木曜日、ロシアに対する新たな制裁を発表した。\n"
        "한국 정부는 목요일 새로운 제재를 발표했다.\n"
    )
    assert [r.lang for r in language_runs(text)] == ["de", "fr", "uk", "ja", "ko"]
    # No English, Russian or Chinese date rules run on them.
    assert analyse(text, "2024-05-17").times == ()


def test_scripts() -> None:
    assert han_script("中国外交部发言人表示") == "Hans"
    assert han_script("中國外交部發言人表示") == "Hant"
    assert han_script("中国外交部发言人表示\n中國外交部發言人表示") == "mixed"


def test_normalise_keeps_length_and_offsets() -> None:
    text = "上週，外交部長王毅與俄羅斯外長通電話。「乾隆」 and English stay."
    out = normalise(text)
    assert len(out) == len(text)
    assert out.startswith("上周，外交部长王毅与俄罗斯外长通电话。")
    assert out.endswith(" and English stay.")
    sentence = analyse(text, "2024-05-17").sentences[0]
    assert sentence.normalised == "上周，外交部长王毅与俄罗斯外长通电话。"
    assert sentence.script == "Hant"
