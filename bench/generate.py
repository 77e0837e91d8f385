"""Generated news-like articles in English, Chinese and Russian for benchmarks.

Sentences are assembled from templates over a small set of actors and acts, so articles are
distinct (different content hashes) and realistic enough in length and script mix.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

ACTORS = {
    "en": [
        "Russian President Vladimir Putin",
        "Chinese President Xi Jinping",
        "the Kremlin",
        "U.S. Secretary of State Antony Blinken",
        "NATO",
        "the European Union",
        "Beijing",
        "Indian Prime Minister Narendra Modi",
        "Ukraine's foreign ministry",
        "Tokyo",
    ],
    "zh": [
        "俄罗斯总统普京",
        "国家主席习近平",
        "外交部发言人",
        "美国国务卿布林肯",
        "北约",
        "欧盟",
        "印度总理莫迪",
        "乌克兰外交部",
        "日本政府",
    ],
    "ru": [
        "Президент России Владимир Путин",
        "Председатель КНР Си Цзиньпин",
        "Кремль",
        "госсекретарь США Энтони Блинкен",
        "НАТО",
        "Евросоюз",
        "Пекин",
        "МИД Украины",
    ],
}
ACTS = {
    "en": [
        "met {b} in {p} on {d} and held talks on trade",
        "criticised {b} over the sanctions",
        "signed an agreement with {b} on energy cooperation",
        "urged {b} to resume talks",
        "praised {b} for its balanced position",
        "warned {b} against further escalation",
        "said it was ready to work with {b} on security issues",
    ],
    "zh": [
        "在{p}会见了{b}，双方就经贸合作交换了意见",
        "强烈谴责{b}的单边制裁",
        "同{b}签署了能源合作协议",
        "呼吁{b}尽快恢复谈判",
        "赞扬{b}的客观公正立场",
    ],
    "ru": [
        "встретился с {b} в {p} и провёл переговоры о торговле",
        "осудил {b} за санкции",
        "подписал соглашение с {b} о сотрудничестве в энергетике",
        "призвал {b} вернуться к переговорам",
    ],
}
PLACES = {
    "en": ["Moscow", "Beijing", "Geneva", "New Delhi"],
    "zh": ["北京", "莫斯科", "日内瓦"],
    "ru": ["Москве", "Пекине", "Женеве"],
}
FILLER = {
    "en": "Officials from both sides described the discussions as frank and constructive, and "
    "analysts said the meeting reflected a broader shift in relations between the capitals.",
    "zh": "双方一致认为，两国关系保持健康稳定发展势头，各领域务实合作取得积极成果。",
    "ru": "Стороны отметили, что отношения между странами развиваются по восходящей линии, а "
    "практическое сотрудничество приносит ощутимые результаты.",
}


def article(rng: random.Random, lang: str, words: int = 600) -> tuple[str, str]:
    """(text, publication date) of one generated article of about ``words`` words."""
    published = date(2021, 1, 1) + timedelta(days=rng.randrange(1400))
    parts = [f"[Bench Wire, {published:%B} {published.day}, {published.year}]"]
    size = 0
    target = words * (2 if lang == "zh" else 1)
    while size < target:
        a, b = rng.sample(ACTORS[lang], 2)
        act = rng.choice(ACTS[lang]).format(b=b, p=rng.choice(PLACES[lang]), d="Thursday")
        sentence = f"{a} {act}." if lang != "zh" else f"{a}{act}。"
        sentence += " " + FILLER[lang] if rng.random() < 0.5 else ""
        sentence += f" ({rng.randrange(10**9)})"
        parts.append(sentence)
        size += len(sentence.split()) if lang != "zh" else len(sentence) // 1
    return "\n\n".join(parts), published.isoformat()


def articles(n: int, seed: int = 7, words: int = 600) -> list[tuple[str, str, str]]:
    """``n`` articles as (language, text, publication date), languages in turn."""
    rng = random.Random(seed)
    langs = ["en", "zh", "ru"]
    return [(langs[i % 3], *article(rng, langs[i % 3], words)) for i in range(n)]
