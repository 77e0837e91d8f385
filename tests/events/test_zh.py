"""Chinese event extraction, end to end: analyse -> find_mentions -> extract."""

from __future__ import annotations

from pathlib import Path

import pytest

from annals.actors.matcher import find_mentions
from annals.events import extract
from annals.records import Event
from annals.text import analyse

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def events_of(text: str, published: str = "2023-03-22") -> list[Event]:
    analysis = analyse(text, published)
    return extract(text, analysis.sentences, find_mentions(text, analysis.sentences))


def keys(events: list[Event]) -> set[tuple[str, str, str, bool]]:
    """(source country, target country, CAMEO root, negated) of each event."""
    return {(e.source.code or "", e.target.code or "", e.root, e.negated) for e in events}


# (text, expected (source, target, root, negated) -- all must be found)
CASES = [
    # meetings
    (
        "国家主席习近平在北京会见来访的巴西总统卢拉。",
        {("CHN", "BRA", "04", False), ("BRA", "CHN", "04", False)},
    ),
    (
        "英国首相苏纳克会晤乌克兰总统泽连斯基。",
        {("GBR", "UKR", "04", False), ("UKR", "GBR", "04", False)},
    ),
    ("拜登与岸田文雄在白宫举行会谈。", {("USA", "JPN", "04", False), ("JPN", "USA", "04", False)}),
    (
        "美國總統拜登與日本首相岸田文雄舉行會談。",
        {("USA", "JPN", "04", False), ("JPN", "USA", "04", False)},
    ),
    ("王毅同布林肯通电话。", {("CHN", "USA", "04", False), ("USA", "CHN", "04", False)}),
    (
        "中国国家主席习近平同美国总统拜登举行视频会晤。",
        {("CHN", "USA", "04", False), ("USA", "CHN", "04", False)},
    ),
    # visits
    ("日本首相岸田文雄访问乌克兰。", {("JPN", "UKR", "04", False)}),
    ("普京對中國進行國事訪問。", {("RUS", "CHN", "04", False)}),
    (
        "习近平先后对哈萨克斯坦和乌兹别克斯坦进行国事访问。",
        {("CHN", "KAZ", "04", False), ("CHN", "UZB", "04", False)},
    ),
    # signing, 两国 and 双方
    ("中方与俄方签署了多项合作协议。", {("CHN", "RUS", "05", False), ("RUS", "CHN", "05", False)}),
    ("中俄两国元首签署联合声明。", {("CHN", "RUS", "05", False), ("RUS", "CHN", "05", False)}),
    (
        "习近平同普京举行会谈。双方签署了关于深化全面战略协作伙伴关系的联合声明。",
        {("CHN", "RUS", "04", False), ("CHN", "RUS", "05", False), ("RUS", "CHN", "05", False)},
    ),
    # praise, support
    ("普京赞扬中国在乌克兰问题上的立场。", {("RUS", "CHN", "05", False)}),
    ("俄罗斯外交部表示支持中方的和平倡议。", {("RUS", "CHN", "05", False)}),
    # criticism
    (
        "美国国务卿布林肯谴责俄罗斯对乌克兰的入侵。",
        {("USA", "RUS", "11", False), ("RUS", "UKR", "19", False)},
    ),
    ("中国外交部发言人汪文斌批评美方歪曲事实。", {("CHN", "USA", "11", False)}),
    ("七国集团指责中国破坏地区稳定。", {("G7", "CHN", "11", False)}),
    ("俄罗斯外长拉夫罗夫抨击北约东扩。", {("RUS", "NATO", "11", False)}),
    ("中国对美国众议院议长访台表示强烈不满。", {("CHN", "USA", "11", False)}),
    # refusal and negation
    ("中国拒绝谴责俄罗斯。", {("CHN", "RUS", "11", True)}),
    ("中國拒絕譴責俄羅斯入侵烏克蘭。", {("CHN", "RUS", "11", True), ("RUS", "UKR", "19", False)}),
    ("印度总理莫迪没有谴责俄罗斯。", {("IND", "RUS", "11", True)}),
    # appeals, threats, warnings
    ("联合国秘书长古特雷斯呼吁俄罗斯立即停火。", {("UN", "RUS", "02", False)}),
    ("中方敦促美方停止向台湾出售武器。", {("CHN", "USA", "02", False)}),
    ("朝鲜警告美国不要挑衅。", {("PRK", "USA", "13", False)}),
    ("俄罗斯威胁对乌克兰发动更大规模的袭击。", {("RUS", "UKR", "13", False)}),
    # sanctions
    ("欧盟对俄罗斯实施新一轮制裁。", {("EU", "RUS", "16", False)}),
    ("美國宣布對中國實施制裁。", {("USA", "CHN", "16", False)}),
    # military drills
    (
        "俄罗斯与白俄罗斯举行联合军事演习。",
        {("RUS", "BLR", "06", False), ("BLR", "RUS", "06", False)},
    ),
    ("中国人民解放军在台湾周边举行军事演习。", {("CHN", "TWN", "15", False)}),
    # aid
    ("美国向乌克兰提供军事援助。", {("USA", "UKR", "07", False)}),
    ("中國向土耳其提供緊急人道主義援助。", {("CHN", "TUR", "07", False)}),
    # reported speech
    ("外交部发言人汪文斌表示，中方坚决反对美方对中国企业实施制裁。", {("CHN", "USA", "11", False)}),
    ("外交部发言人毛宁表示，美方应停止对中国的无端指责。", {("CHN", "USA", "10", False)}),
    (
        "普京表示：“我们高度赞赏中国朋友在乌克兰危机问题上的平衡立场。”",
        {("RUS", "CHN", "05", False)},
    ),
    (
        "普京同时表示，俄方坚定恪守一个中国原则，谴责美国在台湾海峡的挑衅行为。",
        {("RUS", "USA", "11", False)},
    ),
]

# (text, (source, target, root, negated) that must NOT be found)
ABSENT = [
    ("习近平出席开幕式并发表讲话。", None),  # one actor: no event
    ("专家批评美国的对华政策。", None),  # a commentator is never a source
    ("分析人士认为，美国将对中国实施新的制裁。", None),  # nor do their speculations count
    ("中方不会对俄罗斯实施制裁。", ("CHN", "RUS", "13", False)),  # negated, not a threat
    ("俄罗斯计划与中国举行联合军演。", ("CHN", "RUS", "03", False)),  # one side's intent
    ("美国总统拜登警告俄罗斯，如果入侵乌克兰将面临严厉制裁。", ("USA", "UKR", "19", False)),
    ("外交部发言人表示，美方应停止对中国的无端指责。", ("USA", "CHN", "11", False)),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_sentence(text: str, expected: set[tuple[str, str, str, bool]]) -> None:
    found = keys(events_of(text))
    assert expected <= found, f"missing {expected - found}; found {found}"


@pytest.mark.parametrize(("text", "unwanted"), ABSENT, ids=[c[0][:12] for c in ABSENT])
def test_no_event(text: str, unwanted: tuple[str, str, str, bool] | None) -> None:
    found = keys(events_of(text))
    if unwanted is None:
        assert not found
    else:
        assert unwanted not in found


def test_modality_recodes() -> None:
    by_code = {(e.source.code, e.target.code): e for e in events_of("习近平将于下月出访俄罗斯。")}
    assert by_code[("CHN", "RUS")].cameo == "036"  # an announced visit is intent to meet
    appeal = events_of("中方敦促美方停止向台湾出售武器。")[0]
    assert appeal.modality == "appeal"


def test_spans_place_and_traditional() -> None:
    text = "英國首相蘇納克在倫敦會見烏克蘭總統澤連斯基。"
    events = events_of(text)
    assert events, "no event from a traditional-character sentence"
    for event in events:
        assert text[event.start : event.end] == event.text
        assert "會見" in event.text
        assert event.predicate == "會見"
        assert event.place == "倫敦"
        assert event.confidence >= 0.8
        assert event.lang == "zh"


def test_pronoun_carries_person() -> None:
    text = "普京抵达北京。他在人民大会堂会见了中国国家主席习近平。"
    assert ("RUS", "CHN", "04", False) in keys(events_of(text))


def test_demo_corpus_loosely() -> None:
    samarkand = events_of(
        (CORPUS / "07-samarkand-meeting.txt").read_text(encoding="utf-8"), "2022-09-16"
    )
    meetings = {(e.source.code, e.target.code) for e in samarkand if e.root == "04"}
    assert {("CHN", "RUS"), ("RUS", "CHN")} <= meetings
    assert all(not e.source.commentator for e in samarkand)
    assert any(
        e.source.code == "RUS" and e.target.code == "CHN" and e.root == "05" for e in samarkand
    )

    aukus = events_of((CORPUS / "04-aukus-reaction.txt").read_text(encoding="utf-8"), "2021-09-17")
    assert any(e.source.code == "CHN" and e.target.code in {"USA", "GBR", "AUS"} for e in aukus)
    # the analysts' paragraph yields nothing
    analysts = [e for e in aukus if "分析人士" in (e.text or "")]
    assert not analysts
