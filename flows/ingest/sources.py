"""The sources a run checks, read from a CSV file that needs no Python to extend: each line a release
page, a feed (RSS/Atom) or a listing page whose links matching a pattern are releases."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

KINDS = ("page", "feed", "listing")
COLUMNS = ("name", "url", "kind", "pattern", "region", "language", "enabled")
NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")  # a source's name is also its folder under data/raw/


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    kind: str  # page, feed or listing
    pattern: str = ""  # listing pages: a regular expression a release's address matches
    region: str = ""  # a hint: the region the source publishes for
    language: str = ""  # a hint: en or zh
    enabled: bool = True


@dataclass(frozen=True)
class SourceList:
    sources: list[Source]
    errors: list[str]  # one line per line of the file that is no source, naming the file and line

    @property
    def enabled(self) -> list[Source]:
        return [s for s in self.sources if s.enabled]


def read_sources(path: Path) -> SourceList:
    """The sources in a CSV file; a missing file is no sources, a bad line one error and skipped."""
    if not path.exists():
        return SourceList([], [])
    sources: list[Source] = []
    errors: list[str] = []
    with path.open(newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file)
        missing = [c for c in ("name", "url", "kind") if c not in (reader.fieldnames or [])]
        if missing:
            return SourceList([], [f"{path}: no column {', '.join(missing)} in its header"])
        for line, row in enumerate(reader, start=2):
            source, error = _source(row)
            if error:
                errors.append(f"{path} line {line}: {error}")
            elif source.name in {s.name for s in sources}:
                errors.append(f"{path} line {line}: the name {source.name!r} is used by an earlier line")
            else:
                sources.append(source)
    return SourceList(sources, errors)


def _source(row: dict[str, str | None]) -> tuple[Source, str | None]:
    values = {c: (row.get(c) or "").strip() for c in COLUMNS}
    source = Source(
        name=values["name"],
        url=values["url"],
        kind=values["kind"],
        pattern=values["pattern"],
        region=values["region"],
        language=values["language"],
        enabled=values["enabled"].lower() not in ("false", "no", "0"),
    )
    if not NAME.fullmatch(source.name):
        return source, f"name {source.name!r} is not lower-case letters, digits, - and _"
    address = urlparse(source.url)
    if address.scheme not in ("http", "https") or not address.netloc:
        return source, f"{source.name}: url {source.url!r} is not an http(s) address"
    if source.kind not in KINDS:
        return source, f"{source.name}: kind {source.kind!r} is not one of {', '.join(KINDS)}"
    if source.kind == "listing":
        if not source.pattern:
            return source, f"{source.name}: a listing needs a pattern for its releases' addresses"
        try:
            re.compile(source.pattern)
        except re.error as error:
            return source, f"{source.name}: pattern {source.pattern!r} is no regular expression: {error}"
    if values["enabled"].lower() not in ("", "true", "false", "yes", "no", "1", "0"):
        return source, f"{source.name}: enabled {values['enabled']!r} is not true or false"
    return source, None
