"""The readable text of a saved web page: the article, without navigation, scripts or footers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that never hold the article, and class/id words that mark page chrome.
SKIPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "head",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
}
CHROME = re.compile(
    r"nav|menu|breadcrumb|crumb|header|footer|sidebar|related|share|social|comment|copyright|banner|advert"
    r"|recommend|toolbar|login|search|\blang|\blocation\b|\blogo\b|\bads?\b|\bside\b|\bhot\b|\brank",
    re.I,
)
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "figure",
    "figcaption",
    "br",
    "hr",
    "td",
    "title",
}
LINK_DENSITY = 0.6
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col"}


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.block: list[tuple[str, bool]] = []  # pieces of text, and whether each is link text
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)

    def _inside(self, tag: str) -> bool:
        return any(open_tag == tag for open_tag, _ in self.stack)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(piece for piece, _ in self.block).replace("\xa0", " ")).strip()
        linked = sum(len(piece.strip()) for piece, in_link in self.block if in_link)
        # A block that is mostly links is navigation or "related stories", not the article.
        if text and linked < LINK_DENSITY * len(text):
            self.blocks.append(text)
        self.block = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id", "role"))
        skipped = tag in SKIPPED_TAGS or bool(CHROME.search(marks.replace("-", " ").replace("_", " ")))
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not any(skipped for _, skipped in self.stack):
            self.block.append((data, self._inside("a")))


def looks_like_html(text: str) -> bool:
    return bool(re.match(r"\s*(?:<!doctype\s+html|<html\b)", text, re.I))


def html_text(html: str) -> str:
    """Paragraphs of the page's main text, separated by blank lines; whitespace inside collapsed."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks) + "\n"
