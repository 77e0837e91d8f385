"""Datelines, bylines and inferred dates found in article text."""

from datetime import date

import pytest

from annals.ingest.metadata import (
    clean_outlet,
    find_written_date,
    latest_year,
    read_text_metadata,
    written_date,
)

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


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published: Oct 16, 2023", "2023-10-16"),
        ("Sunday 17 December 2023 17:23, UK", "2023-12-17"),
        ("Updated on December 13, 2023 1:23 PM", "2023-12-13"),
        ("8:41 PM on Feb. 9th, 2024", "2024-02-09"),
        ("Last updated: 2023/12/19 at 9:01 PM", "2023-12-19"),
        ("12/22/2023 05:00 AM EST", "2023-12-22"),
        ("13/02/2023", "2023-02-13"),
        ("22 декабря 2023 года", "2023-12-22"),
        ("2023年12月22日 星期五", "2023-12-22"),
        ("Posted: Dec 20, 2023 | Last Updated: Dec 21, 2023", "2023-12-20"),
        ("05/12/2023", None),  # May 12 or 5 December
        ("Posted Dec 31, 10:19 PM", None),  # no year
        ("4 days ago", None),
        ("The May 2023 report", None),
        ("February 30, 2023", None),
    ],
)
def test_written_date(text, iso):
    assert written_date(text) == iso


def test_a_date_without_its_year_takes_the_year_nearest_a_timestamp():
    assert find_written_date("Posted Dec 31, 10:19 PM", date(2020, 1, 1)) == (7, "2019-12-31")
    assert find_written_date("Posted Nov 18, 8:19 PM", date(2019, 11, 19)) == (7, "2019-11-18")
