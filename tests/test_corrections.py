import shutil

import pytest

from flows.corrections import correct_batch, read_corrections
from flows.discover import find_reports
from flows.extract import extract_reports
from tests.conftest import REFERENCE_REPORT

HEADER = "report,action,region,segment,period,measure,value,unit,note\n"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(REFERENCE_REPORT, folder / "xj.txt")
    return folder


def corrected(raw, reference, lines: str):
    (raw / "corrections.csv").write_text(HEADER + lines, encoding="utf-8")
    batch = extract_reports(find_reports(raw), reference)
    return correct_batch(batch, raw, reference)


def grain_values(batch) -> dict[tuple, tuple]:
    return {
        (o.segment_code, o.metric_code): (o.value, o.origin, o.note)
        for o in batch.reports[0].extraction.observations
    }


def test_fix_add_and_suppress_show_as_hand_corrections(raw, reference):
    batch = corrected(
        raw,
        reference,
        "xj.txt,fix,Xinjiang,services,2024-H1,yoy_growth_pct,22.5,percent,typo in the release\n"
        "xj.txt,add,Xinjiang,online retail (total),2024-H1,amount_cny,38500000000,yuan,from the PDF table\n"
        "xj.txt,suppress,Xinjiang,live-streaming,2024-H1,viewers_count,,,double counted\n",
    )
    assert batch.rejected == []
    values = grain_values(batch)
    assert values[("services", "yoy_growth_pct")] == (22.5, "correction", "typo in the release")
    assert values[("total", "amount_cny")] == (38.5e9, "correction", "from the PDF table")
    assert ("live_streaming", "viewers_count") not in values
    assert values[("physical", "yoy_growth_pct")] == (12.0, "text", None)
    suppressed = [s for s in batch.reports[0].extraction.set_aside if s.reason.startswith("suppressed")]
    assert [(s.text, s.reason) for s in suppressed] == [
        ("500 million individuals", "suppressed by hand: double counted")
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "xj.txt,replace,Xinjiang,services,2024-H1,yoy_growth_pct,1,percent,x\n",
            "line 2: action must be one of",
        ),
        (
            "xj.txt,fix,Atlantis,services,2024-H1,yoy_growth_pct,1,percent,x\n",
            "line 2: unknown region 'Atlantis'",
        ),
        (
            "xj.txt,fix,Xinjiang,services,2024-H1,yoy_growth_pct,lots,percent,x\n",
            "line 2: value 'lots' is not a number",
        ),
        (
            "xj.txt,fix,Xinjiang,services,H1,yoy_growth_pct,1,percent,x\n",
            "line 2: period 'H1' is not a period code",
        ),
        (
            "xj.txt,fix,Xinjiang,services,2024-H1,happiness,1,percent,x\n",
            "line 2: unknown measure 'happiness'",
        ),
        (
            "missing.txt,fix,Xinjiang,services,2024-H1,yoy_growth_pct,1,percent,x\n",
            "line 2: no report 'missing.txt'",
        ),
        (
            "xj.txt,fix,Xinjiang,services,2023-H1,yoy_growth_pct,1,percent,x\n",
            "line 2: no observation in xj.txt",
        ),
    ],
)
def test_a_bad_line_is_rejected_alone_and_holds_back_its_report(raw, reference, line, message):
    shutil.copy(REFERENCE_REPORT, raw / "other.txt")
    (raw / "other.txt").write_bytes(REFERENCE_REPORT.read_bytes() + b"\n")  # another report
    good = "other.txt,fix,Xinjiang,services,2024-H1,yoy_growth_pct,22.5,percent,typo\n"
    batch = corrected(raw, reference, line + good)
    (rejected,) = batch.rejected
    assert rejected.path == "corrections.csv"
    assert rejected.reason.startswith("corrections.csv ") and message in rejected.reason
    assert "\n" not in rejected.reason
    by_path = {r.raw.path: r for r in batch.reports}
    xj = {(o.segment_code, o.metric_code): o.value for o in by_path["xj.txt"].extraction.observations}
    assert xj[("services", "yoy_growth_pct")] == 22.0  # not corrected, and held back instead
    named = line.split(",")[0]
    assert batch.held == ({named: [rejected.reason]} if named == "xj.txt" else {})
    other = {(o.segment_code, o.metric_code): o.value for o in by_path["other.txt"].extraction.observations}
    assert other[("services", "yoy_growth_pct")] == 22.5  # the good line still applies


def test_no_corrections_file_means_no_corrections(raw, reference):
    assert read_corrections(raw, reference) == ([], [])


def test_a_corrections_file_without_its_columns_rejects_each_line(raw, reference):
    (raw / "corrections.csv").write_text("report,value\nxj.txt,1\n", encoding="utf-8")
    batch = correct_batch(extract_reports(find_reports(raw), reference), raw, reference)
    assert [r.reason for r in batch.rejected] == [
        "corrections.csv line 2: the file has no column action, region, segment, period, measure, unit, note"
    ]
    assert list(batch.held) == ["xj.txt"]


def test_a_path_in_a_corrections_file_reaches_no_file(raw, reference):
    batch = corrected(
        raw, reference, "../../../etc/passwd,fix,Xinjiang,services,2024-H1,yoy_growth_pct,1,percent,x\n"
    )
    (rejected,) = batch.rejected
    assert rejected.reason == "corrections.csv line 2: no report '../../../etc/passwd' in the raw folder"


def test_every_bad_line_naming_a_report_is_among_its_reasons(raw, reference):
    batch = corrected(
        raw,
        reference,
        "xj.txt,replace,Xinjiang,services,2024-H1,yoy_growth_pct,1,percent,x\n"
        "xj.txt,fix,Xinjiang,services,2024-H1,happiness,1,percent,x\n",
    )
    assert batch.held == {"xj.txt": [r.reason for r in batch.rejected]}
    assert [r.reason.split(":")[0] for r in batch.rejected] == [
        "corrections.csv line 2",
        "corrections.csv line 3",
    ]
