"""Datelines, bylines and inferred dates found in article text."""

from datetime import date

import pytest

from annals.ingest.metadata import clean_outlet, latest_year, read_text_metadata

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "outlet", "published", "precision", "how"),
    [
        (
            "[The Daily Example, October 23, 2022](reporter) Text follows.",
            "The Daily Example",
            "2022-10-23",
            "day",
            "dateline",
        ),
        (
            "[Example TV, Beijing time, May 25, 2023]Leaders met.",
            "Example TV",
            "2023-05-25",
            "day",
            "dateline",
        ),
        (
            "• HARBOR LEDGER\n\n\nThe minister said in 2022 that ...",
            "Harbor Ledger",
            "2022",
            "year",
            "inferred",
        ),
        (
            "MOSCOW, May 16. /TASS/. The talks in 2024 went on.",
            "TASS",
            "2024-05-16",
            "day",
            "inferred",
        ),
        (
            "WASHINGTON, Nov 15 (Reuters) - The two leaders met in 2023.",
            "Reuters",
            "2023-11-15",
            "day",
            "inferred",
        ),
        (
            "Headline Here About Talks\n\nThe president ended his visit on Wednesday (March 22, "
            "2023) and left.",
            None,
            "2023-03-22",
            "day",
            "dateline",
        ),
        (
            "2023年3月22日 东方观察报讯 两国领导人举行会谈。",
            "东方观察报",
            "2023-03-22",
            "day",
            "dateline",
        ),
        (
            "新华社北京2023年3月22日电 国家主席会见来访的总理。",
            "新华社",
            "2023-03-22",
            "day",
            "dateline",
        ),
        ("16 мая 2024 года\nПрезидент прибыл в Пекин.", None, "2024-05-16", "day", "dateline"),
        (
            "An essay that mentions 1991, 2013 and 2021 but has no dateline.",
            None,
            "2021",
            "year",
            "inferred",
        ),
        (
            "On June 28, the leaders held a call. The treaty of 2001 was extended in 2021.",
            None,
            "2021",
            "year",
            "inferred",
        ),
        ("Nothing dated here at all.", None, None, None, None),
    ],
)
def test_datelines(text, outlet, published, precision, how):
    found = read_text_metadata(text, TODAY)
    assert found.outlet == outlet
    if published is None:
        assert found.published is None
    else:
        assert (found.published.value, found.published.precision, found.published.how) == (
            published,
            precision,
            how,
        )


def test_future_years_are_not_publication_years():
    assert latest_year("Plans for 2035 and 2040 were set out in 2024.", TODAY) == 2024


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("REUTERS", "Reuters"),
        ("TASS", "TASS"),
        ("HARBOR LEDGER", "Harbor Ledger"),
        (" The Epoch Times ", "The Epoch Times"),
        ("", None),
    ],
)
def test_outlet_names(raw, clean):
    assert clean_outlet(raw) == clean


def test_title_is_a_short_first_line_before_a_blank_line():
    assert read_text_metadata("Leaders Meet in Moscow\n\nThe two met.").title == (
        "Leaders Meet in Moscow"
    )
    assert read_text_metadata("The two leaders met in Moscow on Monday.\n\nMore.").title is None
