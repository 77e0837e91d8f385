"""Benchmark the text stage: synthetic ~600-word articles in English, Chinese and Russian.

Run: ``python bench/text.py [--articles N]``. Prints articles per second on one core and the
peak memory (resident set) of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time

from annals.text import analyse

_EN = [
    "President {a} met {b} in {city} on {weekday}, the foreign ministry said in a statement.",
    "The two leaders signed a joint statement on {month} {day}, {year}, pledging closer ties.",
    "Mr. {a} told reporters that the U.S. would respond to any provocation by Gen. {b}.",
    "Trade between the two countries rose 12.5% last year to $190 billion, officials said.",
    '"We will never accept this," {a} said. "The West has failed."',
    "Earlier this year, {b} visited {city} for a three-day visit that ended on {month} {day}.",
    "Analysts said the meeting showed how far relations had moved since {year}.",
    "The talks followed a phone call two weeks ago and a summit in {month} {year}.",
    "Article 25 of the treaty allows both sides to extend it for five years.",
    "{a} is due to travel to {city} next month, according to people familiar with the plans.",
    "The ministry said both sides had agreed to deepen cooperation in energy, trade and finance.",
    "Officials in {city} declined to comment on the report, citing the sensitivity of the talks.",
    "Western governments have accused {city} of helping its partner evade sanctions.",
    "The statement called for dialogue and restraint and warned against outside interference.",
    "Critics say the partnership is driven more by shared grievances than shared interests.",
    "Both leaders stressed that their relationship was not directed against any third country.",
    "The deal covers gas supplies, grain exports and a new rail link across the border.",
    "Diplomats said the meeting was cordial but produced few concrete agreements.",
]
_ZH = [
    "国家主席{a}{m}月{d}日在{city}同{b}举行会谈。",
    "双方签署了联合声明，表示将进一步深化全面战略协作伙伴关系。",
    "外交部发言人上周表示，中方坚决反对任何形式的单边制裁。",
    "{y}年{m}月，两国元首在{city}会晤并发表联合声明。",
    "据新华社报道，{a}昨天会见了来访的{b}，双方就地区局势交换了意见。",
    "去年双边贸易额增长百分之十二，达到一千九百亿美元。",
    "上週，外交部長與對方通電話，討論烏克蘭局勢。",
    "分析人士认为，这次会晤显示两国关系在{y}年后持续升温。",
    "{b}将于下个月访问{city}，出席经济论坛。",
    "双方一致同意加强能源、贸易和金融领域的务实合作。",
    "中方愿同各方一道，推动政治解决危机。",
    "西方国家指责{city}帮助其伙伴规避制裁。",
    "声明呼吁各方保持克制，通过对话协商解决分歧。",
    "分析人士指出，两国关系更多建立在共同的不满之上。",
    "雙方強調，兩國關係不針對任何第三方。",
]
_RU = [
    "Президент {a} встретился с {b} в {city} {d} {mon}, сообщила пресс-служба Кремля.",
    "Стороны подписали совместное заявление, т.е. договорились о расширении сотрудничества.",
    "В прошлом году товарооборот вырос на 26% и достиг 240 млрд долларов.",
    "В четверг министр иностранных дел В. В. Лавров заявил, что Москва не примет ультиматумов.",
    "«Мы никогда не согласимся на это», — сказал {a}.",
    "В {y} году стороны продлили договор о добрососедстве ещё на пять лет.",
    "Накануне {b} провел телефонный разговор с коллегой, а на прошлой неделе посетил {city}.",
    "Визит продлится 16-17 {mon} {y} года, сообщили в МИД.",
    "Стороны договорились расширить сотрудничество в энергетике, торговле и финансах.",
    "Западные страны обвиняют Москву в помощи партнеру в обходе санкций.",
    "В заявлении содержится призыв к диалогу и сдержанности.",
    "Эксперты считают, что партнерство основано на общих обидах, а не на общих интересах.",
    "Лидеры подчеркнули, что их отношения не направлены против третьих стран.",
    "Соглашение охватывает поставки газа, экспорт зерна и строительство новой железной дороги.",
    "Дипломаты отметили, что встреча прошла в дружественной атмосфере.",
]
_NAMES = {
    "en": ["Xi Jinping", "Vladimir Putin", "Joe Biden", "Wang Yi", "Sergei Lavrov"],
    "zh": ["习近平", "普京", "王毅", "拜登", "拉夫罗夫"],
    "ru": ["Путин", "Си Цзиньпин", "Лавров", "Ван И", "Мишустин"],
}
_CITIES = {
    "en": ["Beijing", "Moscow", "Samarkand", "Astana", "Washington"],
    "zh": ["北京", "莫斯科", "撒马尔罕", "阿斯塔纳", "华盛顿"],
    "ru": ["Пекине", "Москве", "Самарканде", "Астане", "Вашингтоне"],
}
_MONTHS_EN = ["January", "March", "May", "June", "September", "October", "Feb.", "Nov."]
_MONTHS_RU = ["января", "марта", "мая", "июня", "сентября", "октября"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(lang: str, rng: random.Random, words: int = 600) -> str:
    """A synthetic news article of about ``words`` words (Chinese: characters) in ``lang``."""
    templates = {"en": _EN, "zh": _ZH, "ru": _RU}[lang]
    paragraphs, size = [], 0
    while size < (words * 1.6 if lang == "zh" else words):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            s = rng.choice(templates).format(
                a=rng.choice(_NAMES[lang]),
                b=rng.choice(_NAMES[lang]),
                city=rng.choice(_CITIES[lang]),
                weekday=rng.choice(_WEEKDAYS),
                month=rng.choice(_MONTHS_EN),
                mon=rng.choice(_MONTHS_RU),
                day=rng.randint(1, 28),
                d=rng.randint(1, 28),
                m=rng.randint(1, 12),
                year=rng.randint(2001, 2023),
                y=rng.randint(2001, 2023),
            )
            sentences.append(s)
            size += len(s) if lang == "zh" else len(s.split())
        paragraphs.append(("" if lang == "zh" else " ").join(sentences))
    return "\n\n".join(paragraphs)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600, help="articles to analyse")
    args = parser.parse_args()
    rng = random.Random(7)
    langs = ["en", "zh", "ru"]
    docs = [article(langs[i % 3], rng) for i in range(args.articles)]
    mixed = "\n\n".join([article("en", rng, 300), article("zh", rng, 200), article("ru", rng, 100)])
    docs[::10] = [mixed] * len(docs[::10])
    analyse(docs[0], "2024-05-17")  # load detectors and converters once, outside the timing
    started = time.process_time()
    times = sum(len(analyse(d, "2024-05-17").times) for d in docs)
    elapsed = time.process_time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = sum(len(d) if "年" in d[:200] else len(d.split()) for d in docs) / len(docs)
    print(f"{len(docs)} articles (~{words:.0f} words each, 1 in 10 mixed en/zh/ru)")
    print(f"{times / len(docs):.1f} time expressions per article")
    print(
        f"{len(docs) / elapsed:.0f} articles/s on one core ({elapsed:.2f} s CPU), "
        f"{len(docs) * words / 600 / elapsed:.0f} articles of 600 words/s"
    )
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    print(
        json.dumps(
            {
                "articles": len(docs),
                "articles_per_second": round(len(docs) / elapsed, 1),
                "articles_of_600_words_per_second": round(len(docs) * words / 600 / elapsed, 1),
                "peak_rss_mb": round(peak_mb),
            }
        )
    )


if __name__ == "__main__":
    main()
