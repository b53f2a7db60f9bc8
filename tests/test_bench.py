"""The benchmark's code on a tiny corpus, so that it cannot rot (no timings are asserted)."""

import pytest

from bench.extraction_quality import score_corpus
from bench.make_corpus import make_corpus
from bench.run import scale


def test_the_corpus_is_deterministic_and_readable(tmp_path, reference):
    make_corpus(20, tmp_path / "a", seed=3)
    make_corpus(20, tmp_path / "b", seed=3)
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files) == 40
    assert all((tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes() for name in files)
    scores = score_corpus(tmp_path / "a", reference)
    assert scores.recall() >= 0.95 and scores.precision() >= 0.95, scores.table()


@pytest.mark.integration
def test_the_scale_measurements_run(prefect_server, tmp_path):
    _, env = prefect_server
    rows = scale([3, 5], tmp_path, {**env, "RETAIL_MAX_REPORT_AGE_DAYS": "100000"}, floor=1.0, reference=1.0)
    names = [row[0] for row in rows]
    assert "full build, 5 reports / (CSV load floor + import floor)" in names
    assert "one new report on top of 5 / reference run" in names
    assert "retail-etl query / bare duckdb query" in names
    assert all(row[2] for row in rows)
