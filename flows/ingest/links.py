"""The releases a feed or a listing page points to: a feed's entries (RSS or Atom, read by
feedparser), a listing page's links whose absolute address matches the source's pattern."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin

import feedparser


class NotAFeed(ValueError):
    """The body is no RSS or Atom feed."""


def feed_links(body: bytes, base_url: str) -> list[str]:
    """The addresses of a feed's entries, in the feed's order, each once."""
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise NotAFeed(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    return _unique(urljoin(base_url, entry.get("link", "")) for entry in parsed.entries if entry.get("link"))


def listing_links(body: bytes, base_url: str, pattern: str) -> list[str]:
    """The addresses linked from a listing page that match pattern, in page order, each once."""
    parser = _Links()
    parser.feed(body.decode("utf-8", errors="replace"))
    parser.close()
    wanted = re.compile(pattern)
    return _unique(
        address
        for href in parser.hrefs
        if wanted.search(address := urldefrag(urljoin(base_url, href.strip())).url)
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def _unique(addresses) -> list[str]:
    return list(dict.fromkeys(addresses))
