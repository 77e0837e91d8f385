"""Near-duplicate documents with MinHash LSH."""

from __future__ import annotations

from annals.stories import near_duplicates

WIRE = (
    "Chinese President Xi Jinping and Russian President Vladimir Putin met on Thursday in the "
    "Uzbek city of Samarkand on the sidelines of a regional summit, their first meeting in person "
    "since February. The two leaders discussed trade, energy supplies and the security situation "
    "in Europe and Asia, and agreed to keep in close contact, officials on both sides said after "
    "the talks, which lasted about an hour and a half."
)
OTHER = (
    "The foreign ministers of India and Australia signed an agreement on critical minerals in "
    "Canberra on Monday, and said they would expand naval exercises in the Indian Ocean next year. "
    "The deal covers lithium and rare earths, and follows months of negotiations between the two "
    "governments over investment rules and export licences."
)
ZH = (
    "中国国家主席习近平周四在乌兹别克斯坦撒马尔罕会见俄罗斯总统普京，这是两国元首今年二月以来首次"
    "面对面会晤。双方就双边关系以及共同关心的国际和地区问题深入交换了意见，同意继续保持密切沟通。"
)


def test_syndicated_copy_is_one_family():
    copy = "By Staff Writers (Reuters) - " + WIRE.replace("said after", "said after").replace(
        "about an hour and a half", "about 90 minutes"
    )
    families = near_duplicates([("b-copy", copy), ("a-wire", WIRE), ("c-other", OTHER)])
    assert families == {"a-wire": "a-wire", "b-copy": "a-wire", "c-other": "c-other"}


def test_traditional_and_simplified_copies_are_one_family():
    traditional = (
        "中國國家主席習近平週四在烏茲別克斯坦撒馬爾罕會見俄羅斯總統普京，這是兩國元首今年二月以來首次"
        "面對面會晤。雙方就雙邊關係以及共同關心的國際和地區問題深入交換了意見，同意繼續保持密切溝通。"
    )
    families = near_duplicates([("zh-s", ZH), ("zh-t", traditional), ("en", WIRE)])
    assert families["zh-t"] == families["zh-s"] == "zh-s"
    assert families["en"] == "en"


def test_different_chinese_reports_stay_apart():
    other = (
        "外交部发言人周一表示，中方愿同各方一道，推动政治解决危机，并呼吁有关国家停止向冲突地区运送武器。"
        "发言人还介绍了即将举行的上海合作组织外长会议的安排。"
    )
    assert near_duplicates([("a", ZH), ("b", other)]) == {"a": "a", "b": "b"}


def test_repeated_ids_and_empty_text():
    assert near_duplicates([("a", ""), ("a", WIRE), ("b", ""), ("c", WIRE)]) == {
        "a": "a",
        "b": "b",
        "c": "c",
    }
