"""Fetch one source: its page, or the releases its feed or listing page points to (one level), each
kept as served. A failure is one line naming the source and the cause; the source's other releases,
and the other sources, go on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flows.ingest.archive import Manifest, keep
from flows.ingest.http import Answer, FetchError, HostPause, Http
from flows.ingest.links import NotAFeed, feed_links, listing_links
from flows.ingest.sources import Source
from flows.settings import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("xml", "rss", "atom")


@dataclass
class SourceReport:
    """What fetching one source gave: paths (under the raw folder) by outcome, and failures."""

    source: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line each, naming the source

    @property
    def line(self) -> str:
        """ "gov-a: 2 new, 0 changed, 5 unchanged", or "gov-a: nothing new (…)"."""
        counts = f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged"
        counts += f", {len(self.failed)} failed" if self.failed else ""
        news = self.new or self.changed
        return f"{self.source}: {counts}" if news else f"{self.source}: nothing new ({counts})"


def fetch_releases(source: Source, http: Http, raw_dir: Path, archive_dir: Path) -> SourceReport:
    report = SourceReport(source.name)
    manifest = Manifest(raw_dir / source.name)
    try:
        if source.kind == "page":
            release_urls = [source.url]
        else:
            index = http.get(source.url)  # feeds and listings are read whole each time: they are small
            if source.kind == "feed":
                _expect(index, FEED_TYPES + ("text/html",), "a feed")
                release_urls = feed_links(index.body, index.final_url)
            else:
                _expect(index, HTML_TYPES, "a listing page")
                release_urls = listing_links(index.body, index.final_url, source.pattern)
    except FetchError as error:  # its message names the address
        report.failed.append(f"source {source.name}: {error}")
        return report
    except NotAFeed as error:
        report.failed.append(f"source {source.name}: {source.url}: {error}")
        return report
    for url in release_urls:
        try:
            kept = manifest.latest.get(url)
            current = kept is not None and (raw_dir / kept.path).exists()
            answer = http.get(url, kept.etag if current else None, kept.last_modified if current else None)
            if not answer.not_modified:
                _expect(answer, HTML_TYPES, "a release page")
            fetch = keep(answer, source.name, raw_dir, archive_dir, manifest)
        except FetchError as error:
            report.failed.append(f"source {source.name}: {error}")
            continue
        getattr(report, fetch.outcome).append(fetch.path)
    return report


def open_http(settings: Settings) -> Http:
    """The HTTP client of a run, as set (timeouts, size limit, pause per host, retries)."""
    return Http(
        timeout=settings.fetch_timeout,
        max_bytes=settings.max_report_bytes,
        retries=settings.fetch_retries,
        backoff=settings.fetch_backoff,
        pause=HostPause(settings.fetch_pause),
    )


def _expect(answer: Answer, types: tuple[str, ...], what: str) -> None:
    if not any(t in answer.content_type for t in types):
        served = answer.content_type or "no content type"
        raise FetchError(f"{answer.url}: {served} where {what} was expected")
