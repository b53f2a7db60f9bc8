"""Report text: decoding, page furniture, title, sentences and clauses, all with file offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.html_text import html_text, looks_like_html


class ReportError(Exception):
    """A raw report that cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


BREADCRUMB = re.compile(r"\s(?:[›»>]|>>)\s")
# Paragraphs that belong to the page, not the report: captions, copyright, reprint notices.
FURNITURE = re.compile(
    r"^\(?\s*(photo\b|file photo|a photo|\(?xinhua/|editor:|source:|copyright|all rights reserved"
    r"|a written permission|related\b|share\b|print\b)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9\u4e00-\u9fff])")
# A full stop after these ends an abbreviation, not a sentence: "Jan. 22", "No. 1", "U.S. dollars".
ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Mr|Mrs|Ms|Dr|Prof|St|Co|Ltd|Inc"
    r"|approx|vs|etc|e\.g|i\.e)|\b[A-Z]\.[A-Z])\.$"
)
CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+[-–—]+\s+|，|；")
PARAGRAPH = re.compile(r'(?:[^\n]|\n(?![ \t]*\n)(?<![.!?。！？)”"\n]\n))+')
SOURCE_LINE = re.compile(
    r"\bSource\s*[:：]\s*(?P<source>[A-Za-z][\w .,&'’-]{1,50}?)"
    r"(?=\s*(?:\||$|[A-Z][a-z]+\s*:|\s{2,}|[\u4e00-\u9fff]|\d{4}-))",
    re.I,
)
DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z ,.]*\d*\s*\((?P<source>[A-Z][\w ]{1,30})\)\s*[-—–]+")
GENERIC_SITE_NAMES = {"home", "homepage", "首页", "you are here:", "current location:"}
BYLINE = re.compile(r"^(?P<source>[^()\n]{3,80}?)\s*\((?:reporter|by)\b[^)]*\)\s*news:", re.I)


def decode(data: bytes, name: str) -> str:
    """Text of a raw file: UTF-8 (with or without BOM), else GB18030."""
    if not data.strip():
        raise ReportError(f"{name}: file is empty")
    if b"\x00" in data:
        raise ReportError(f"{name}: binary file, not report text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes almost any bytes: what it makes of another encoding is mostly odd characters
        if encoding != "gb18030" or sum(ch.isascii() or _is_cjk(ch) for ch in text) >= 0.8 * len(text):
            return text
    raise ReportError(f"{name}: cannot decode as UTF-8 or GB18030 text")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def report_text(data: bytes, name: str) -> str:
    """The text a report's figures are read from: the decoded file, or a web page's article."""
    text = decode(data, name)
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        text = html_text(text)
        if not text.strip():
            raise ReportError(f"{name}: web page has no article text")
    return text


def paragraphs(text: str) -> list[Span]:
    """Paragraphs with their offsets: a line break ends one after closing punctuation or before a
    blank line; other line breaks are hard wraps inside a paragraph."""
    spans = []
    for match in PARAGRAPH.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            spans.append(Span(stripped, start, start + len(stripped)))
    return spans


@dataclass(frozen=True)
class Layout:
    """What a page is made of: the site breadcrumb, the title, and the body paragraphs."""

    breadcrumb: Span | None
    title: Span | None
    body: list[Span]
    furniture: list[Span]  # captions, copyright and other page furniture

    @property
    def source(self) -> str | None:
        """The publisher: a "Source:" line, a byline, a "(Xinhua) --" dateline, else the site the
        breadcrumb starts with (unless that is just "Home")."""
        for paragraph in self.furniture + self.body[:4]:
            if found := SOURCE_LINE.search(paragraph.text) or BYLINE.match(paragraph.text):
                return found.group("source").strip()
            if found := DATELINE_AGENCY.match(paragraph.text):
                return found.group("source")
        if self.breadcrumb:
            site = BREADCRUMB.split(self.breadcrumb.text)[0].strip()
            return None if site.casefold() in GENERIC_SITE_NAMES or len(site) > 40 else site
        return None


def layout(text: str) -> Layout:
    breadcrumb = title = None
    body, furniture = [], []
    for paragraph in paragraphs(text):
        if breadcrumb is None and title is None and BREADCRUMB.search(paragraph.text):
            breadcrumb = paragraph
        elif title is None and not paragraph.text.endswith((".", "。")) and len(paragraph.text) < 200:
            title = paragraph
        elif FURNITURE.match(paragraph.text):
            furniture.append(paragraph)
        else:
            body.append(paragraph)
    return Layout(breadcrumb, title, body, furniture)


def sentences(paragraph: Span) -> list[Span]:
    spans, start = [], 0
    for match in SENTENCE_END.finditer(paragraph.text):
        if ABBREVIATION.search(paragraph.text[: match.start()].rstrip("\"”’'")):
            continue
        spans.append(_sub(paragraph, start, match.start()))
        start = match.end()
    spans.append(_sub(paragraph, start, len(paragraph.text)))
    return [span for span in spans if span.text]


def clauses(sentence: Span) -> list[Span]:
    spans, start = [], 0
    for match in CLAUSE_BREAK.finditer(sentence.text):
        spans.append(_sub(sentence, start, match.start()))
        start = match.end()
    spans.append(_sub(sentence, start, len(sentence.text)))
    return spans


def _sub(parent: Span, start: int, end: int) -> Span:
    piece = parent.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Span(piece, parent.start + start + lead, parent.start + start + lead + len(piece))
