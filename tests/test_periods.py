from datetime import date

import pytest

from flows.extract.periods import find_dates, find_periods, period_code

REPORTED = date(2024, 7, 19)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("in the first half of this year", "2024-H1"),
        ("in H1", "2024-H1"),
        ("in the first quarter", "2024-Q1"),
        ("in Q2 2023", "2023-Q2"),
        ("from January to May", "2024-YTD05"),
        ("in the first three quarters", "2023-YTD09"),  # not yet over on the report date
        ("in 2022", "2022"),
        ("in the first half of 2023", "2023-H1"),
    ],
)
def test_period_phrases_resolve_against_the_report_date(phrase, code):
    (found,) = find_periods(phrase)
    assert period_code(found, REPORTED) == code


def test_dates_in_several_styles():
    text = "On July 19, 2024, 4 April 2024, 2024-03-01 and 2024年5月6日."
    assert [d.value for d in find_dates(text)] == [
        date(2024, 7, 19),
        date(2024, 4, 4),
        date(2024, 3, 1),
        date(2024, 5, 6),
    ]


@pytest.mark.parametrize(
    ("phrase", "reported", "code"),
    [
        ("Last year, online retail sales rose", date(2025, 1, 20), "2024"),
        ("in the first five months", REPORTED, "2024-YTD05"),
        ("from January to May 2023", REPORTED, "2023-YTD05"),
        ("in Jan-Sept", date(2024, 10, 20), "2024-YTD09"),
        ("in October", date(2024, 11, 15), "2024-M10"),
        ("in March 2025", REPORTED, "2025-M03"),
        ("during the whole year", date(2025, 1, 10), "2024"),
        ("during the Spring Festival holiday", date(2025, 2, 6), "2025-EV-spring_festival"),
        ("during this year's Double 11 shopping spree", date(2024, 11, 12), "2024-EV-double_11"),
        ("the 618 shopping festival", date(2024, 6, 20), "2024-EV-618"),
        ("the National Day holiday", date(2024, 10, 8), "2024-EV-national_day"),
    ],
)
def test_months_years_and_named_events(phrase, reported, code):
    (found,) = find_periods(phrase)
    assert period_code(found, reported) == code


def test_last_year_as_a_comparison_base_is_not_a_period():
    assert find_periods("up 5 percent from last year, compared with the same period last year") == []
