"""End to end: `retail-etl run` fetches from its sources (a real web server on 127.0.0.1), then runs
the whole Prefect flow; a second run finds nothing new, a changed page is a revision, a source that
cannot be reached is named while the rest is published."""

import duckdb
import pytest
from prefect.artifacts import Artifact
from prefect.testing.utilities import prefect_test_harness

from flows.cli import main
from tests.conftest import free_port, release_page, rss_feed

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def sources(tmp_path, monkeypatch, web_site):
    unreachable = f"http://127.0.0.1:{free_port()}/feed.xml"  # nothing listens there
    path = tmp_path / "sources.csv"
    path.write_text(
        "name,url,kind,pattern,region,language,enabled\n"
        f"site,{web_site.url}/feed.xml,feed,,,en,true\n"
        f"offline,{unreachable},feed,,,en,true\n"
        f"spare,{web_site.url}/other.xml,feed,,,en,false\n"
    )
    for name, value in {
        "RETAIL_SOURCES": path,
        "RETAIL_FETCH_PAUSE": 0,
        "RETAIL_FETCH_BACKOFF": 0.05,
    }.items():
        monkeypatch.setenv(name, str(value))
    return unreachable


def run(raw_dir, warehouse, capsys, *options):
    code = main(["--warehouse", str(warehouse), "run", "--raw-dir", str(raw_dir), *options])
    return code, capsys.readouterr().out


def test_runs_fetch_new_then_nothing_new_then_a_revision(web_site, sources, raw_dir, tmp_path, capsys):
    web_site.serve("/r/fujian.html", release_page("Fujian", "150.2", "12.5"), etag='"1"')
    web_site.serve("/feed.xml", rss_feed(web_site.url, ["/r/fujian.html"]), type="application/rss+xml")
    warehouse = tmp_path / "retail.duckdb"

    code, out = run(raw_dir, warehouse, capsys)
    assert code == 0, out
    assert "source site: 1 new, 0 changed, 0 unchanged" in out
    assert f"source failed: source offline: {sources}: cannot connect" in out
    assert "reports read:        2: 2 new" in out  # the report dropped in by hand, and the fetched one
    with duckdb.connect(str(warehouse), read_only=True) as con:
        fetched = con.sql(
            "select url, fetched_from, published_date::varchar from dim_report where url is not null"
        ).fetchall()
        fujian = con.sql(
            "select value, report_url from v_facts where region = 'Fujian' and metric_code = 'amount_cny'"
        ).fetchall()
    assert fetched == [(f"{web_site.url}/r/fujian.html", "site", "2024-07-22")]
    assert fujian == [(150.2e9, f"{web_site.url}/r/fujian.html")]
    artifact = Artifact.get("retail-warehouse-run").data
    assert "## Sources\n\n- site: 1 new, 0 changed, 0 unchanged" in artifact
    assert f"- source failed: source offline: {sources}: cannot connect" in artifact

    code, out = run(raw_dir, warehouse, capsys)
    assert code == 0 and "source site: nothing new (0 new, 0 changed, 1 unchanged)" in out
    assert "(nothing new)" in out.split("reports read:")[1].splitlines()[0]

    web_site.serve("/r/fujian.html", release_page("Fujian", "151.0", "12.9"), etag='"2"')
    code, out = run(raw_dir, warehouse, capsys)
    assert code == 0 and "source site: 0 new, 1 changed, 0 unchanged" in out
    assert "revised: site/" in out
    with duckdb.connect(str(warehouse), read_only=True) as con:
        amounts = con.sql("select value from v_facts where region = 'Fujian' and metric_code = 'amount_cny'")
        assert amounts.fetchall() == [(151.0e9,)]

    hits = web_site.hits()
    code, out = run(raw_dir, warehouse, capsys, "--offline")
    assert code == 0 and not [line for line in out.splitlines() if line.startswith("source")]
    assert web_site.hits() == hits  # nothing asked of any source
