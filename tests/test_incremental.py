"""Only the work that changed: unchanged reports are reused as published, a full refresh extracts
everything, a backfill keeps to its regions and periods."""

import shutil

import duckdb
import pytest

from flows.discover import find_reports
from flows.incremental import RunScope, extract_batch
from tests.conftest import REFERENCE_REPORT, build_database

GANSU = "Home › News\n\nGansu online retail\n\nReleased on January 20, 2025. In 2024 online retail sales in Gansu grew 8 percent.\n"
HUNAN = "Home › News\n\nHunan online retail\n\nReleased on January 21, 2025. In 2024 online retail sales in Hunan grew 9 percent.\n"


@pytest.fixture
def published(tmp_path):
    """A raw folder with the reference report, and a warehouse built from it."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_REPORT, raw / "xinjiang.txt")
    return raw, build_database(raw, tmp_path / "retail.duckdb")


def batch_for(raw, warehouse, reference, scope: RunScope | None = None):
    return extract_batch(find_reports(raw), raw, reference, warehouse, scope or RunScope())


def test_an_unchanged_report_is_not_extracted_again(published, reference):
    raw, warehouse = published
    batch = batch_for(raw, warehouse, reference)
    assert batch.reports == [] and [r.path for r in batch.reused] == ["xinjiang.txt"]


def test_a_changed_or_new_report_is_extracted(published, reference):
    raw, warehouse = published
    (raw / "gansu.txt").write_text(GANSU, encoding="utf-8")
    report = raw / "xinjiang.txt"
    report.write_text(
        report.read_text(encoding="utf-8").replace("16 percent", "17 percent"), encoding="utf-8"
    )
    batch = batch_for(raw, warehouse, reference)
    assert sorted(r.raw.path for r in batch.reports) == ["gansu.txt", "xinjiang.txt"] and batch.reused == []


def test_a_full_refresh_extracts_everything(published, reference):
    raw, warehouse = published
    batch = batch_for(raw, warehouse, reference, RunScope(full_refresh=True))
    assert [r.raw.path for r in batch.reports] == ["xinjiang.txt"] and batch.reused == []


def test_a_corrected_report_is_extracted_again(published, reference):
    raw, warehouse = published
    (raw / "corrections.csv").write_text(
        "report,action,region,segment,period,measure,value,unit,note\n"
        "xinjiang.txt,fix,Xinjiang,services,2024-H1,yoy_growth_pct,22.5,percent,typo\n",
        encoding="utf-8",
    )
    batch = batch_for(raw, warehouse, reference)
    assert [r.raw.path for r in batch.reports] == ["xinjiang.txt"]


def test_a_backfill_keeps_to_its_regions_and_periods(published, reference):
    raw, warehouse = published
    (raw / "gansu.txt").write_text(GANSU, encoding="utf-8")
    (raw / "hunan.txt").write_text(HUNAN, encoding="utf-8")
    batch = batch_for(raw, warehouse, reference, RunScope(regions=("Gansu",)))
    assert [r.raw.path for r in batch.reports] == ["gansu.txt"]
    assert batch.skipped == ["hunan.txt"]
    assert [r.path for r in batch.reused] == ["xinjiang.txt"]  # outside the backfill: as published
    # a backfill of the published report's own period extracts it again
    again = batch_for(raw, warehouse, reference, RunScope(periods=("2024-H1",)))
    assert [r.raw.path for r in again.reports] == ["xinjiang.txt"]
    assert sorted(again.skipped) == ["gansu.txt", "hunan.txt"]


def test_extracting_in_chunks_gives_the_batch_of_one_pass(tmp_path, reference):
    from flows.cluster import chunks
    from flows.extract import ExtractedBatch, extract_reports
    from flows.incremental import finish_batch, plan_run

    raw = tmp_path / "raw"
    raw.mkdir()
    for number in range(7):
        (raw / f"r{number}.txt").write_text(
            GANSU.replace("8 percent", f"{number + 1} percent"), encoding="utf-8"
        )
    (raw / "empty.txt").write_text("")
    (raw / "copy.txt").write_text(GANSU, encoding="utf-8")  # r7's twin, rejected on discovery
    (raw / "r7.txt").write_text(GANSU, encoding="utf-8")
    whole = batch_for(raw, tmp_path / "none.duckdb", reference)
    to_extract, reused = plan_run(find_reports(raw), raw, reference, tmp_path / "none.duckdb", RunScope())
    parts = [ExtractedBatch([], to_extract.rejected)]
    parts += [extract_reports(part, reference) for part in reversed(chunks(to_extract, 3))]  # any order
    chunked = finish_batch(parts, reused, raw, reference, RunScope())
    assert [len(part.reports) for part in chunks(to_extract, 3)] == [3, 3, 3]
    assert [r.raw.path for r in chunked.reports] == [r.raw.path for r in whole.reports]
    assert chunked.reports == whole.reports
    assert sorted(r.reason for r in chunked.rejected) == sorted(r.reason for r in whole.rejected)
    assert len(whole.rejected) == 2


def test_finishing_staging_again_after_a_failure_adds_nothing_twice(tmp_path):
    """The load step retries on I/O errors: a failed attempt must leave nothing behind."""
    from flows.discover import Rejected
    from flows.staging import begin_staging, finish_staging
    from tests.conftest import PROJECT_ROOT

    staging = begin_staging(tmp_path / "build.duckdb", PROJECT_ROOT / "data" / "reference", tmp_path / "none")
    rejected = [Rejected("stray.pdf", "stray.pdf: unsupported format (.pdf)")]
    with pytest.raises(
        duckdb.ConstraintException
    ):  # after the rejected files went in: a setting without value
        finish_staging(staging, rejected, [], run_settings={"release_lag_days": None})
    counts = finish_staging(staging, rejected, [], run_settings={"release_lag_days": "45"})
    assert counts["stg_rejected_files"] == 1
