"""Report text: decoding, page furniture, title, sentences and clauses, all with file offsets."""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass

from flows.extract.html import html_text, looks_like_html


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
SOURCE_LINE = re.compile(
    r"\bSource\s*[:：]\s*(?P<source>[A-Za-z][\w .,&'’-]{1,50}?)"
    r"(?=\s*(?:\||$|[A-Z][a-z]+\s*:|\s{2,}|[\u4e00-\u9fff]|\d{4}-))",
    re.I,
)
DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z ,.]*\d*\s*\((?P<source>[A-Z][\w ]{1,30})\)\s*[-—–]+")
GENERIC_SITE_NAMES = {"home", "homepage", "首页", "you are here:", "current location:"}
BYLINE = re.compile(r"^(?P<source>[^()\n]{3,80}?)\s*\((?:reporter|by)\b[^)]*\)\s*news:", re.I)


def decode(data: bytes, name: str) -> str:
    """Text of a raw file: UTF-16 with its byte-order mark, UTF-8 (with or without BOM), else GB18030."""
    if not data.strip():
        raise ReportError(f"{name}: file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):  # else a binary file that starts like one
            if "\x00" not in (text := data.decode("utf-16")):
                return text
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
    return read_report(data, name)[0]


def read_report(data: bytes, name: str) -> tuple[str, str | None]:
    """The report's text, and the page it was read from when it is a saved web page."""
    text = decode(data, name)
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        article = html_text(text)
        if not article.strip():
            raise ReportError(f"{name}: web page has no article text")
        return article, text
    return text, None


def paragraphs(text: str) -> list[Span]:
    """Paragraphs with their offsets. A blank line ends one; so does a single line break, unless
    the text is hard-wrapped at a fixed width (the line runs to near that width without closing
    punctuation) or the next line carries on in lower case. A page's title, photo caption,
    dateline and first paragraph on consecutive lines are four paragraphs."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1
    width = _wrap_width([line for line, _ in lines])
    spans: list[Span] = []
    start = end = None
    for index, (line, offset) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            start = end = _close(spans, text, start, end)
            continue
        if start is None:
            start = offset + len(line) - len(line.lstrip())
        end = offset + len(line.rstrip())
        following = lines[index + 1][0].lstrip() if index + 1 < len(lines) else ""
        wrapped = width and len(line.rstrip()) >= WRAPPED_SHARE * width and not stripped.endswith(CLOSING)
        carries_on = following[:1].islower() and not HEAD_METADATA.match(following)
        if not (following and (wrapped or carries_on)):
            start = end = _close(spans, text, start, end)
    _close(spans, text, start, end)
    return spans


CLOSING = (".", "!", "?", "。", "！", "？", ")", "”", '"', ":", "：")
WRAPPED_SHARE = 0.75  # a line this close to the wrap width was broken by the width, not the writer
MAX_WRAP_WIDTH = 100  # longer lines are whole paragraphs, not wrapped text


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text is wrapped at (most of its long lines end near it), else None."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 4 or lengths[-1] > MAX_WRAP_WIDTH:
        return None
    width = lengths[-1]
    near = sum(1 for n in lengths if n >= WRAPPED_SHARE * width)
    return width if near * 2 >= len(lengths) else None


def _close(spans: list[Span], text: str, start: int | None, end: int | None) -> None:
    """Ends the paragraph from start to end, if one is open."""
    if start is not None and end is not None and end > start:
        spans.append(Span(text[start:end], start, end))
    return None


@dataclass(frozen=True)
class Layout:
    """What a page is made of: the site breadcrumb, the title, and the body paragraphs."""

    breadcrumb: Span | None
    title: Span | None
    body: list[Span]
    furniture: list[Span]  # captions, copyright and other page furniture

    @property
    def head_lines(self) -> list[Span]:
        """Everything but the body: breadcrumb, title and furniture (date lines among them)."""
        return [span for span in (self.breadcrumb, self.title) if span] + self.furniture

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
    """The page's parts. Everything before the first paragraph of prose is the page's head: the
    breadcrumb, the title (of the short lines there, the one most like the article's opening),
    navigation, bylines and date lines. After it, captions and notices are furniture."""
    found = _split_date_marker(paragraphs(text))
    first = next((i for i, p in enumerate(found) if _is_prose(p.text)), len(found))
    head, rest = found[:first], found[first:]
    breadcrumb = next((p for p in head if BREADCRUMB.search(p.text)), None)
    title = _title(head, rest[:2])
    furniture = [p for p in head if p is not breadcrumb and p is not title]
    body: list[Span] = []
    after_furniture = False
    for paragraph in rest:
        # the items of a "Related:" list are furniture like their heading, and so is the footer
        is_furniture = bool(
            FURNITURE.match(paragraph.text)
            or CAPTION.search(paragraph.text)
            or (after_furniture and (LIST_ITEM.match(paragraph.text) or not _is_prose(paragraph.text)))
        )
        (furniture if is_furniture else body).append(paragraph)
        after_furniture = is_furniture
    return Layout(breadcrumb, title, body, furniture)


def _split_date_marker(found: list[Span]) -> list[Span]:
    """A saved page's first line may carry its date before its title ("date 2024-07-19 Title"):
    two parts of the page's head."""
    if found and (marker := DATE_MARKER.match(found[0].text)):
        head, rest = found[0], found[0].text[marker.end() :]
        return [
            Span(marker.group().strip(), head.start, head.start + len(marker.group().rstrip())),
            Span(rest, head.start + marker.end(), head.end),
            *found[1:],
        ]
    return found


DATE_MARKER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+(?=\S)")
LIST_ITEM = re.compile(r"^\s*[-•·*▪]\s")


# A photo caption, wherever it starts: "... Jan. 3, 2024. (Xinhua/Wei Peiquan)", "[Photo/Xinhua]"
CAPTION = re.compile(
    # "(Xinhua/Li Ming)" ends a photo's caption; "(记者/伍富)" signs a paragraph of a Chinese story
    r"\((?!记者|通讯员|作者)(?:[^()/\n]{2,40})/(?:[^()\n]{2,40})\)\s*\|?\s*$|"
    r"[\[(]\s*(?:photo|xinhua|file\s+photo)\s*(?:/|by\b|:)[^\])]*[\])]\s*$|\bphoto\s+taken\s+on\b"
    # "… Nov.14, 2018. Photo from People's Daily Online"
    r"|\.\s*(?:photo|file\s+photo)\s+(?:from|by|courtesy\s+of)\s+[^.\n]{2,60}$",
    re.I,
)
# A line of the page's head that dates or signs the article rather than titling it.
HEAD_METADATA = re.compile(
    r"(?:source|editor|updated?|date|published|release(?:\s+(?:time|date))?|views|author|reporter|font\s+size)\s*[:：]"
    r"|^\s*by\s|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|来源|发布时间|^\s*date\s+\d",
    re.I,
)
NAVIGATION = re.compile(r"\s(?:[|›»>]|>>)\s|\S\s{2,}\S|^(?:you\s+are\s+here|home|location)\b", re.I)
WORD = re.compile(r"[a-z]{3,}|[\u4e00-\u9fff]")


def _is_prose(text: str) -> bool:
    """A paragraph of the article: it ends a sentence (or is too long for a line of the page's
    head), and is not a caption or a notice."""
    ends_sentence = (
        text.rstrip().endswith((".", "!", "?", "。", "！", "？", "”", '"', ")", "]")) or len(text) >= 200
    )
    return ends_sentence and not FURNITURE.match(text) and not CAPTION.search(text)


def _title(head: list[Span], opening: list[Span]) -> Span | None:
    """The head's line that is most like the article's opening: titles repeat its words."""
    candidates = [
        p
        for p in head
        if len(p.text) < 200
        and not HEAD_METADATA.search(p.text)
        and not NAVIGATION.search(p.text)
        and not CAPTION.search(p.text)
        and not FURNITURE.match(p.text)
        and (len(p.text.split()) >= 3 or len(WORD.findall(p.text)) >= 6)
    ]
    if not candidates:
        return None
    words = {w for p in opening for w in WORD.findall(p.text.lower())}

    def likeness(span: Span) -> float:
        own = WORD.findall(span.text.lower())
        return sum(w in words for w in own) / len(own) if own else 0.0

    return max(candidates, key=lambda span: (likeness(span), -span.start))


def sentences(paragraph: Span) -> list[Span]:
    """Sentences with their offsets. A sentence longer than MAX_SENTENCE (a page without full
    stops) is cut at clause breaks, so that the work per sentence stays bounded."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(paragraph.text):
        if ABBREVIATION.search(paragraph.text[max(0, match.start() - 12) : match.start()].rstrip("\"”’'")):
            continue
        spans.append(_sub(paragraph, start, match.start()))
        start = match.end()
    spans.append(_sub(paragraph, start, len(paragraph.text)))
    return [piece for span in spans if span.text for piece in bounded(span)]


MAX_SENTENCE = 2000


def bounded(sentence: Span) -> list[Span]:
    if len(sentence.text) <= MAX_SENTENCE:
        return [sentence]
    pieces, start = [], 0
    while len(sentence.text) - start > MAX_SENTENCE:
        window = sentence.text[start : start + MAX_SENTENCE]
        cut = max((m.end() for m in CLAUSE_BREAK.finditer(window, MAX_SENTENCE // 2)), default=0)
        cut = cut or window.rfind(" ", MAX_SENTENCE // 2) + 1 or MAX_SENTENCE
        pieces.append(_sub(sentence, start, start + cut))
        start += cut
    pieces.append(_sub(sentence, start, len(sentence.text)))
    return [piece for piece in pieces if piece.text]


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
