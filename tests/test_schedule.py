"""Scheduling on a real Prefect server: `retail-etl serve` registers the flow on an interval
schedule, the server runs it, each run fetches from its sources (a real web server on 127.0.0.1),
and a release that appears between two runs is published by the next; every process started is
stopped. Slow: skip locally with `pytest -m "not integration"`."""

import subprocess

import duckdb
import pytest

from tests.conftest import BIN, api, release_page, rss_feed, stop, wait_for

pytestmark = pytest.mark.integration


def fetched_urls(warehouse) -> set[str] | None:
    """The addresses of the fetched reports the published warehouse holds (None while unreadable)."""
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return {url for (url,) in con.sql("select url from dim_report where url is not null").fetchall()}
    except (duckdb.Error, OSError):
        return None


def test_scheduled_runs_fetch_and_publish_a_release_that_appears_between_them(
    prefect_server, raw_dir, tmp_path, web_site
):
    api_url, env = prefect_server
    warehouse = tmp_path / "retail.duckdb"
    first = web_site.serve("/r/fujian.html", release_page("Fujian", "150.2", "12.5"))
    web_site.serve("/feed.xml", rss_feed(web_site.url, ["/r/fujian.html"]), type="application/rss+xml")
    sources = tmp_path / "sources.csv"
    sources.write_text(f"name,url,kind,enabled\nsite,{web_site.url}/feed.xml,feed,true\n")
    served = subprocess.Popen(
        [
            str(BIN / "retail-etl"),
            "--warehouse",
            str(warehouse),
            "serve",
            "--interval",
            "5",
            "--raw-dir",
            str(raw_dir),
            "--name",
            "integration",
        ],
        env={**env, "RETAIL_SOURCES": str(sources), "RETAIL_FETCH_PAUSE": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        (deployment,) = wait_for(
            lambda: api(api_url, "/deployments/filter", {"deployments": {"name": {"any_": ["integration"]}}}),
            120,
            "the deployment to be registered",
        )
        scheduled_runs = {
            "flow_runs": {
                "state": {"type": {"any_": ["COMPLETED"]}},
                "deployment_id": {"any_": [deployment["id"]]},
            }
        }
        wait_for(
            lambda: api(api_url, "/flow_runs/filter", scheduled_runs), 240, "a scheduled run to complete"
        )
        assert fetched_urls(warehouse) == {first}

        second = web_site.serve("/r/hubei.html", release_page("Hubei", "90.1", "8.0"))
        feed = rss_feed(web_site.url, ["/r/fujian.html", "/r/hubei.html"])
        web_site.serve("/feed.xml", feed, type="application/rss+xml")
        wait_for(lambda: fetched_urls(warehouse) == {first, second}, 240, "the new release to be published")
    finally:
        stop(served)
    assert served.poll() is not None
