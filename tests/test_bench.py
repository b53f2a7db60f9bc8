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
    rows = scale([3, 5], tmp_path, env, floor=1.0, reference=1.0)
    names = [row[0] for row in rows]
    assert "full build, 5 reports / (CSV load floor + import floor)" in names
    assert "one new report on top of 5 / reference run" in names
    assert "retail-etl query / bare duckdb query" in names
    assert all(row[2] for row in rows)


def test_the_real_labels_use_the_vocabulary_and_one_file_per_article(reference):
    from bench.real_quality import REAL_DIR, articles, check_labels

    assert check_labels("en", reference) == []
    found = articles("en")
    assert len(found) >= 100 and len({a.id for a in found}) == len(found)
    labels = {p.stem for p in (REAL_DIR / "en" / "labels").glob("*.csv")}
    assert labels == {a.id for a in found}


def test_the_real_score_is_strict(tmp_path, reference, monkeypatch):
    """One labelled article, its text written here: a figure is right only when every field is."""
    import bench.real_quality as real

    (tmp_path / "en" / "labels").mkdir(parents=True)
    (tmp_path / "texts" / "en").mkdir(parents=True)
    (tmp_path / "en" / "articles-Z.csv").write_text(
        "id,url,outlet,published,place,level,dateline,event,cut,notes\n"
        "z-test,https://example.org/a,Test,2025-03-10,Gansu,province,full,,no,\n"
    )
    (tmp_path / "en" / "labels" / "z-test.csv").write_text(
        "region_code,region,segment,period,measure,value,qualifier,note\n"
        "620000,Gansu,online retail (total),2024,yoy_growth_pct,9.5,,\n"
        "620000,Gansu,online retail (total),2024,amount_cny,8000000000,,\n"
    )
    (tmp_path / "texts" / "en" / "z-test.txt").write_text(
        "Gansu's online sales\n\nIn 2024, Gansu's online retail sales reached 8 billion yuan, up 9.6 percent.\n"
    )
    monkeypatch.setattr(real, "REAL_DIR", tmp_path)
    scores = real.score("en", reference)
    counts = (sum(scores.expected.values()), sum(scores.predicted.values()), sum(scores.matched.values()))
    assert counts == (2, 2, 1)
    assert scores.causes == {"not found": 1, "not labelled (extra)": 1}
