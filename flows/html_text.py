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
    r"\b(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|side|related|share|social|comments?"
    r"|copyright|banner|ads?|advert\w*|recommend\w*|toolbar|login|search|hot|rank\w*)\b",
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
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col"}


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag in VOID_TAGS:
            return
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id", "role"))
        skipped = tag in SKIPPED_TAGS or bool(CHROME.search(marks.replace("-", " ").replace("_", " ")))
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return bool(re.match(r"\s*(?:<!doctype\s+html|<html\b)", text, re.I))


def html_text(html: str) -> str:
    """Paragraphs of the page's main text, separated by blank lines; whitespace inside collapsed."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    blocks = re.split(r"\n\s*\n", "".join(parser.parts))
    paragraphs = [re.sub(r"\s+", " ", block.replace("\xa0", " ")).strip() for block in blocks]
    return "\n\n".join(p for p in paragraphs if p) + "\n"
