"""The retail-etl commands other than `run` (which tests/test_pipeline.py covers)."""

import csv
import io
import json
import os
import subprocess
import sys
import urllib.request

import pytest

from flows.cli import main


@pytest.fixture
def warehouse_args(reference_warehouse):
    return ["--warehouse", str(reference_warehouse)]


def test_query_prints_a_table(warehouse_args, capsys):
    assert (
        main([*warehouse_args, "query", "select region, value from v_facts order by value desc limit 1"]) == 0
    )
    out = capsys.readouterr().out
    assert "region" in out and "Xinjiang" in out and "500000000" in out


def test_query_csv_and_json_for_piping(warehouse_args, capsys):
    sql = (
        "select segment, national_growth_pct from v_growth_vs_national "
        "where national_growth_pct is not null order by 1"
    )
    main([*warehouse_args, "query", sql, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["segment"], float(r["national_growth_pct"])) for r in rows] == [
        ("physical goods", 9.0),
        ("rural", 14.2),
        ("services", 16.4),
    ]
    main([*warehouse_args, "query", "select report_date, title from dim_report", "--format", "json"])
    (report,) = json.loads(capsys.readouterr().out)
    assert report["report_date"] == "2024-07-19"


def test_query_is_read_only_by_default(warehouse_args, capsys):
    assert main([*warehouse_args, "query", "delete from fact_retail"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "read-only" in err and len(err.strip().splitlines()) == 1


def test_query_without_a_warehouse_says_how_to_make_one(tmp_path, capsys):
    assert main(["--warehouse", str(tmp_path / "none.duckdb"), "query", "select 1"]) == 1
    assert "make run" in capsys.readouterr().err


def test_query_imports_neither_prefect_nor_great_expectations(reference_warehouse):
    code = (
        "import sys; from flows.cli import main; "
        f"main(['--warehouse', {str(reference_warehouse)!r}, 'query', 'select 1', '--format', 'csv']); "
        "heavy = [m for m in ('prefect', 'great_expectations') if m in sys.modules]; "
        "sys.exit(f'imported {heavy}' if heavy else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_docs_prints_the_index_path(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<html></html>")
    assert main(["docs", "--docs-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "index.html")
    assert main(["docs", "--docs-dir", str(tmp_path / "missing")]) == 1


def test_serve_without_a_server_explains_what_to_start(monkeypatch, capsys):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve"]) == 1
    assert "prefect server" in capsys.readouterr().err.lower()


def test_docs_serve_serves_the_site_on_localhost(tmp_path):
    (tmp_path / "index.html").write_text("<html><title>Data Docs</title></html>")
    server = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "docs", "--docs-dir", str(tmp_path), "--serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == str(tmp_path / "index.html")
        url = server.stdout.readline().split()[2]  # "serving on http://127.0.0.1:PORT/ ..."
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "index.html", timeout=10) as response:
            assert "<title>Data Docs</title>" in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_extract_shows_observations_non_figures_and_review_without_a_warehouse(tmp_path, capsys):
    report = tmp_path / "gansu.txt"
    report.write_text(
        "Home › News\n\nGansu online retail\n\nReleased on March 10, 2025. In 2024 online retail sales in "
        "Gansu grew 8 percent, and in Shaxian District 18 percent. Sales were 7 percent.\n",
        encoding="utf-8",
    )
    assert main(["--warehouse", str(tmp_path / "none.duckdb"), "extract", str(report)]) == 0
    out = capsys.readouterr().out
    assert (
        "1 observations" in out and "Gansu | online retail (total) | 2024 | yoy_growth_pct = 8 percent" in out
    )
    assert "not figures" in out and "part of a date" in out
    assert "2 to review" in out and '"7 percent": percentage with no measure cue' in out
    assert not (tmp_path / "none.duckdb").exists()


def test_extract_shows_a_chinese_release_with_its_chinese_sentence(tmp_path, capsys):
    report = tmp_path / "2025-01-27_guangxi.txt"
    sentence = "2024年,廣西網上零售額1183.6億元,同比增長12.5%。"  # traditional script, as published
    report.write_text(f"廣西網上零售額增長\n\n{sentence}\n", encoding="utf-8")
    assert main(["--warehouse", str(tmp_path / "none.duckdb"), "extract", str(report)]) == 0
    out = capsys.readouterr().out
    assert "Guangxi | online retail (total) | 2024 | yoy_growth_pct = 12.5 percent" in out
    assert f'"12.5%" in: {sentence}' in out


def test_extract_csv_has_the_answer_key_columns(capsys):
    from tests.conftest import REFERENCE_REPORT

    assert main(["extract", str(REFERENCE_REPORT), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == [
        "region",
        "segment",
        "period",
        "measure",
        "value",
        "unit",
        "qualifier",
        "evidence",
    ]
    assert len(rows) == 15 and rows[0]["region"] == "Xinjiang"


def test_extract_names_an_unreadable_file_in_one_line(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt")]) == 1
    assert capsys.readouterr().err == "error: empty.txt: file is empty\n"


def test_fetch_imports_neither_prefect_nor_great_expectations(tmp_path):
    sources = tmp_path / "sources.csv"
    sources.write_text("name,url,kind,enabled\nnone,https://example.org/feed.xml,feed,false\n")
    code = (
        "import sys; from flows.cli import main; "
        f"main(['fetch', '--raw-dir', {str(tmp_path / 'raw')!r}]); "
        "heavy = [m for m in ('prefect', 'great_expectations') if m in sys.modules]; "
        "sys.exit(f'imported {heavy}' if heavy else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "RETAIL_SOURCES": str(sources)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"no enabled sources in {sources}"
