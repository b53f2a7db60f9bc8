"""Fetching releases from sources served by a real web server on 127.0.0.1 (tests/web_server.py):
feeds, listing pages, conditional requests, retries, timeouts, redirects, limits, revisions."""

import json
import time

import pytest

from flows.cli import main
from flows.discover import find_reports
from flows.ingest.archive import MANIFEST, read_manifests
from flows.ingest.fetch import fetch_releases
from flows.ingest.http import USER_AGENT, HostPause, Http
from flows.ingest.sources import Source, read_sources
from tests.conftest import release_page, rss_feed


@pytest.fixture
def http():
    client = Http(timeout=1.0, max_bytes=10 * 2**20, retries=2, backoff=0.05, pause=HostPause(0))
    yield client
    client.close()


@pytest.fixture
def folders(tmp_path):
    return tmp_path / "raw", tmp_path / "archive"


def fetch(source: Source, http: Http, folders):
    return fetch_releases(source, http, *folders)


def test_a_feed_of_three_releases_then_nothing_new(web_site, http, folders):
    paths = ["/r/fujian.html", "/r/hubei.html", "/r/hunan.html"]
    for path, region in zip(paths, ["Fujian", "Hubei", "Hunan"], strict=True):
        web_site.serve(path, release_page(region, "150.2", "12.5"), etag=f'"{region}-1"')
    feed = web_site.serve("/feed.xml", rss_feed(web_site.url, paths), type="application/rss+xml")
    source = Source("gov-feed", feed, "feed")

    first = fetch(source, http, folders)
    assert (len(first.new), first.changed, first.unchanged, first.failed) == (3, [], [], [])
    raw = folders[0]
    assert sorted(p.read_bytes() for p in (raw / "gov-feed").glob("*.html")) == sorted(
        release_page(r, "150.2", "12.5").encode() for r in ["Fujian", "Hubei", "Hunan"]
    )  # kept byte for byte

    second = fetch(source, http, folders)
    assert (second.new, second.changed, len(second.unchanged)) == ([], [], 3)
    assert second.line == "gov-feed: nothing new (0 new, 0 changed, 3 unchanged)"
    manifest = read_manifests(raw)
    assert [m["status"] for m in manifest] == [200, 200, 200, 304, 304, 304]  # asked conditionally
    assert {m["published"] for m in manifest} == {"2024-07-22"}  # the page's own date


def test_a_listing_page_is_followed_one_level_to_the_links_that_match(web_site, http, folders):
    web_site.serve("/news/2024/fujian.html", release_page("Fujian", "150.2", "12.5"))
    web_site.serve("/news/2024/more.html", '<a href="/news/2024/deeper.html">deeper</a>')
    web_site.serve("/news/2024/deeper.html", release_page("Hubei", "90.1", "8.0"))
    listing = web_site.serve(
        "/news/",
        '<a href="2024/fujian.html">Fujian</a> <a href="/about.html">about</a> '
        '<a href="/news/2024/more.html#top">more</a> <a href="2024/fujian.html">again</a>',
    )
    report = fetch(Source("gov-list", listing, "listing", pattern=r"/news/\d{4}/"), http, folders)
    assert len(report.new) == 2 and not report.failed
    hits = web_site.hits()
    assert "/about.html" not in hits and "/news/2024/deeper.html" not in hits  # one level only
    assert hits["/news/2024/fujian.html"] == 1  # each release once


def test_a_server_error_is_retried_and_a_missing_page_is_not(web_site, http, folders):
    flaky = web_site.serve("/flaky.html", release_page("Fujian", "150.2", "12.5"), fail_first=1)
    missing = web_site.url + "/missing.html"
    assert len(fetch(Source("flaky", flaky, "page"), http, folders).new) == 1
    report = fetch(Source("gone", missing, "page"), http, folders)
    assert report.failed == [f"source gone: {missing}: HTTP 404 Not Found"]
    assert web_site.hits() == {"/flaky.html": 2, "/missing.html": 1}


def test_server_errors_that_persist_fail_after_the_retries(web_site, http, folders):
    broken = web_site.serve("/broken.html", release_page("Fujian", "150.2", "12.5"), fail_first=99)
    report = fetch(Source("broken", broken, "page"), http, folders)
    assert report.failed == [f"source broken: {broken}: HTTP 500 (after 3 attempts)"]
    assert web_site.hits() == {"/broken.html": 3}


def test_a_timeout_is_one_line_and_the_other_releases_go_on(web_site, http, folders):
    paths = ["/slow.html", "/fast.html"]
    web_site.serve("/slow.html", release_page("Fujian", "150.2", "12.5"), delay=3)
    web_site.serve("/fast.html", release_page("Hubei", "90.1", "8.0"))
    feed = web_site.serve("/feed.xml", rss_feed(web_site.url, paths), type="application/rss+xml")
    report = fetch(Source("mixed", feed, "feed"), http, folders)
    assert report.failed == [f"source mixed: {web_site.url}/slow.html: timed out (after 3 attempts)"]
    assert len(report.new) == 1


def test_a_redirect_is_followed_and_recorded(web_site, http, folders):
    web_site.serve("/new.html", release_page("Fujian", "150.2", "12.5"))
    old = web_site.serve("/old.html", redirect="/new.html")
    assert len(fetch(Source("moved", old, "page"), http, folders).new) == 1
    (fetched,) = read_manifests(folders[0])
    assert (fetched["url"], fetched["final_url"]) == (old, web_site.url + "/new.html")
    assert fetched["redirects"] == [old]


def test_an_oversized_body_is_cut_off_at_the_limit(web_site, http, folders):
    huge = web_site.serve("/huge.html", zeros=50 * 2**20)
    report = fetch(Source("huge", huge, "page"), http, folders)
    assert report.failed == [f"source huge: {huge}: more than 10.0 MB, larger than a release can be"]
    assert not folders[0].exists() or not list(folders[0].rglob("*.html"))


@pytest.mark.parametrize(("kind", "body"), [("application/pdf", b"%PDF-1.7"), ("image/png", b"\x89PNG")])
def test_a_body_that_is_no_web_page_fails_with_its_type(web_site, http, folders, kind, body):
    url = web_site.serve("/release", body, type=kind)
    report = fetch(Source("binary", url, "page"), http, folders)
    assert report.failed == [f"source binary: {url}: {kind} where a release page was expected"]


def test_a_changed_page_is_a_revision_and_the_earlier_copy_is_kept(web_site, http, folders):
    first, second = release_page("Fujian", "150.2", "12.5"), release_page("Fujian", "151.0", "12.9")
    url = web_site.serve("/fujian.html", first, etag='"1"')
    source = Source("fj", url, "page")
    (path,) = fetch(source, http, folders).new
    web_site.serve("/fujian.html", second, etag='"2"')
    report = fetch(source, http, folders)
    assert report.changed == [path]  # the same report, a new revision
    raw, archive = folders
    assert (raw / path).read_text() == second
    assert [p.read_text() for p in (archive / "fj").iterdir()] == [first]


def test_a_page_that_vanished_keeps_its_saved_copy(web_site, http, folders):
    url = web_site.serve("/fujian.html", release_page("Fujian", "150.2", "12.5"))
    source = Source("fj", url, "page")
    (path,) = fetch(source, http, folders).new
    web_site.vanish("/fujian.html")
    report = fetch(source, http, folders)
    assert report.failed == [f"source fj: {url}: HTTP 404 Not Found"]
    assert (folders[0] / path).exists()
    assert [r.path for r in find_reports(folders[0]).reports] == [path]


def test_a_feed_that_is_no_feed(web_site, http, folders):
    url = web_site.serve("/feed.xml", "<html><body>no feed here</body></html>")
    report = fetch(Source("nofeed", url, "feed"), http, folders)
    assert len(report.failed) == 1 and report.failed[0].startswith(
        f"source nofeed: {url}: not an RSS or Atom feed"
    )


def test_the_manifest_is_one_line_per_fetch(web_site, http, folders):
    url = web_site.serve("/fujian.html", release_page("Fujian", "150.2", "12.5"), etag='"1"')
    fetch(Source("fj", url, "page"), http, folders)
    fetch(Source("fj", url, "page"), http, folders)
    lines = (folders[0] / "fj" / MANIFEST).read_text().splitlines()
    assert [json.loads(line)["outcome"] for line in lines] == ["new", "unchanged"]


def test_a_page_served_again_without_validators_is_unchanged_by_its_content(web_site, http, folders):
    url = web_site.serve("/fujian.html", release_page("Fujian", "150.2", "12.5"))  # no ETag, no date
    source = Source("fj", url, "page")
    fetch(source, http, folders)
    report = fetch(source, http, folders)
    assert (report.new, report.changed, len(report.unchanged)) == ([], [], 1)
    assert [m["status"] for m in read_manifests(folders[0])] == [200, 200]


def test_requests_name_the_project_and_pause_per_host(web_site, folders):
    paced = Http(timeout=1.0, retries=0, pause=HostPause(0.4))
    paths = ["/a.html", "/b.html", "/c.html"]
    for path in paths:
        web_site.serve(path, release_page("Fujian", "150.2", "12.5"))
    feed = web_site.serve("/feed.xml", rss_feed(web_site.url, paths), type="application/rss+xml")
    started = time.monotonic()
    fetch(Source("paced", feed, "feed"), paced, folders)
    paced.close()
    assert time.monotonic() - started >= 3 * 0.4  # four requests to one host: three pauses at least
    assert web_site.agents() == [USER_AGENT]


def test_the_fetch_command_fetches_only(web_site, tmp_path, monkeypatch, capsys):
    url = web_site.serve("/fujian.html", release_page("Fujian", "150.2", "12.5"))
    sources = tmp_path / "sources.csv"
    sources.write_text(f"name,url,kind\nfj,{url},page\ngone,{web_site.url}/gone.html,page\n")
    monkeypatch.setenv("RETAIL_SOURCES", str(sources))
    monkeypatch.setenv("RETAIL_FETCH_PAUSE", "0")
    raw = tmp_path / "raw"
    assert main(["--warehouse", str(tmp_path / "w.duckdb"), "fetch", "--raw-dir", str(raw)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "source fj: 1 new, 0 changed, 0 unchanged",
        "source gone: nothing new (0 new, 0 changed, 0 unchanged, 1 failed)",
    ]
    assert err.splitlines() == [f"source failed: source gone: {web_site.url}/gone.html: HTTP 404 Not Found"]
    assert len(list((raw / "fj").glob("*.html"))) == 1 and not (tmp_path / "w.duckdb").exists()


def test_source_lines_that_are_no_source_are_named_by_line(tmp_path):
    sources = tmp_path / "sources.csv"
    sources.write_text(
        "name,url,kind,pattern,region,language,enabled\n"
        "good,https://example.org/feed.xml,feed,,,en,true\n"
        "Bad Name,https://example.org/,page,,,,true\n"
        "nolink,ftp://example.org/,page,,,,true\n"
        "odd,https://example.org/,rss,,,,true\n"
        "list,https://example.org/,listing,,,,true\n"
        "good,https://example.org/other,page,,,,false\n"
        "off,https://example.org/p.html,page,,,,false\n"
    )
    found = read_sources(sources)
    assert [s.name for s in found.sources] == ["good", "off"]
    assert [s.name for s in found.enabled] == ["good"]
    assert [e.split(": ", 1)[0].rsplit(" ", 1)[-1] for e in found.errors] == ["3", "4", "5", "6", "7"]
    assert "kind 'rss' is not one of page, feed, listing" in found.errors[2]


def test_the_bundled_sources_are_real_and_disabled():
    from flows.settings import PROJECT_ROOT

    found = read_sources(PROJECT_ROOT / "data" / "sources.csv")
    assert found.errors == [] and len(found.sources) >= 3
    assert found.enabled == []  # `make run` needs no network
    assert {s.kind for s in found.sources} == {"page", "feed", "listing"}
