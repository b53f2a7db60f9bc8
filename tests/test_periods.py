from datetime import date

import pytest

from flows.periods import find_dates, find_periods, period_code

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
