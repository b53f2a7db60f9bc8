"""Each release kept as it was served, under data/raw/<source>/, at a name that stays the same for
its address (so that a changed page is a revision of the same report); the copy it replaces moves
to the archive folder; a manifest line per fetch says how and when it was fetched."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

from flows.ingest.http import Answer

MANIFEST = "manifest.jsonl"  # in each source's folder under data/raw/
EXTENSIONS = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}


@dataclass(frozen=True)
class Fetch:
    """One manifest line: a release as fetched."""

    url: str
    final_url: str
    fetched_at: str  # ISO 8601, UTC
    status: int
    etag: str | None
    last_modified: str | None
    sha256: str
    published: str | None  # the page's own publication date, YYYY-MM-DD, when it states one
    path: str  # relative to the raw folder, as the pipeline names reports
    outcome: str  # new, changed or unchanged
    redirects: list[str] = field(default_factory=list)


def release_path(source: str, url: str, content_type: str) -> str:
    """A stable file name for a release's address: its last path segment, made safe, and a short
    hash of the whole address (two releases may end alike)."""
    segment = urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", segment.rsplit(".", 1)[0]).strip("-")[:60] or "release"
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    return f"{source}/{stem}-{digest}{EXTENSIONS.get(content_type, '.html')}"


class Manifest:
    """A source's manifest: every fetch, and the latest per address (for conditional requests)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST
        self.every: list[Fetch] = []
        if self.path.exists():
            lines = self.path.read_text(encoding="utf-8").splitlines()
            self.every = [Fetch(**json.loads(line)) for line in lines if line.strip()]
        self.latest = {fetch.url: fetch for fetch in self.every}

    def append(self, fetch: Fetch) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as file:
            file.write(json.dumps(asdict(fetch), ensure_ascii=False) + "\n")
        self.every.append(fetch)
        self.latest[fetch.url] = fetch


def keep(answer: Answer, source: str, raw_dir: Path, archive_dir: Path, manifest: Manifest) -> Fetch:
    """Save a release as served (unless the copy kept is current) and note the fetch in the manifest."""
    before = manifest.latest.get(answer.url)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if answer.not_modified and before:
        fetch = Fetch(**{**asdict(before), "fetched_at": now, "status": 304, "outcome": "unchanged"})
        manifest.append(fetch)
        return fetch
    sha256 = hashlib.sha256(answer.body).hexdigest()
    path = before.path if before else release_path(source, answer.url, answer.content_type)
    target = raw_dir / path
    outcome = "new" if before is None or not target.exists() else "changed"
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
        outcome = "unchanged"
    elif outcome == "changed":  # the copy it replaces is kept, by its content hash
        earlier = archive_dir / source / f"{before.sha256[:16]}{target.suffix}"
        earlier.parent.mkdir(parents=True, exist_ok=True)
        target.replace(earlier)
    if outcome != "unchanged":
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.part")  # hidden: never read as a report
        partial.write_bytes(answer.body)
        partial.replace(target)  # a run that stops mid-write leaves no half release in data/raw
    fetch = Fetch(
        url=answer.url,
        final_url=answer.final_url,
        fetched_at=now,
        status=answer.status,
        etag=answer.etag,
        last_modified=answer.last_modified,
        sha256=sha256,
        # the same bytes state the same date: htmldate reads only what is new
        published=before.published if outcome == "unchanged" and before else _published(answer),
        path=path,
        outcome=outcome,
        redirects=answer.redirects,
    )
    manifest.append(fetch)
    return fetch


def _published(answer: Answer) -> str | None:
    """The page's own publication date (its metadata, else its text), read by htmldate."""
    if not answer.content_type.endswith("html"):
        return None
    from htmldate import find_date  # imported here: only fetching needs it

    html = answer.body.decode("utf-8", errors="replace")
    return find_date(html, original_date=True, extensive_search=False)


def read_manifests(raw_dir: Path) -> list[dict]:
    """Every fetch noted in the raw folder's manifests, with its source (the folder's name)."""
    rows = []
    for path in sorted(raw_dir.glob(f"*/{MANIFEST}")):
        source = path.parent.name
        rows += [{"source": source, **asdict(fetch)} for fetch in Manifest(path.parent).every]
    return rows
