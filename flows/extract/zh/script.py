"""Chinese text as the rules read it: simplified script, half-width digits and punctuation, without the
pinyin some converters leave in brackets after each character ("网(wǎng)"). Offsets into the read text
map back to the original, so that evidence is the sentence as published."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from opencc import OpenCC

from flows.extract.layout import Span, bounded
from flows.reference import HAN

# pinyin a converter left after a character: "網(wǎng)", "络(luò)"
PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\(\s?[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}\s?\)")
SENTENCE_END = re.compile(r"[。！？；!?;]+[”」』\"]?|\n+")
# variant characters the converter leaves as they are, met in real pages (陜西 for 陕西)
VARIANTS = str.maketrans({"陜": "陕"})
CHINESE_SHARE = 0.3  # a text is read as Chinese when this share of its characters (spaces aside) is Han


@cache
def _converter() -> OpenCC:
    return OpenCC("hk2s")  # traditional (Hong Kong forms included) to simplified


def is_chinese(text: str) -> bool:
    text = PINYIN.sub("", text)
    letters = sum(not ch.isspace() for ch in text)
    return bool(letters) and len(HAN.findall(text)) >= CHINESE_SHARE * letters


@dataclass(frozen=True)
class ReadText:
    """A span's text as the rules read it, with the original offset of each of its characters."""

    text: str
    origins: tuple[int, ...]  # origins[i]: offset in the report of text[i]; one past the end last

    def origin(self, index: int) -> int:
        return self.origins[min(index, len(self.origins) - 1)]


def read_text(span: Span) -> ReadText:
    kept: list[str] = []
    origins: list[int] = []
    dropped = {i for m in PINYIN.finditer(span.text) for i in range(m.start(), m.end())}
    for i, ch in enumerate(span.text):
        if i in dropped:
            continue
        folded = unicodedata.normalize("NFKC", ch) if ch != "\u3000" else " "
        for part in folded:  # NFKC may give more than one character ("㎡"): each maps to the original
            kept.append(part)
            origins.append(span.start + i)
    origins.append(span.end)
    text = "".join(kept)
    simplified = _converter().convert(text)
    if len(simplified) != len(text):  # a phrase converted to another length: character by character
        simplified = "".join(_converter().convert(ch) for ch in text)
    # "網路" (Taiwan and Hong Kong usage) is the mainland's "网络", character for character
    return ReadText(simplified.replace("网路", "网络").translate(VARIANTS), tuple(origins))


def zh_sentences(paragraph: Span) -> list[Span]:
    """A Chinese paragraph's sentences: each ends at 。！？； or a line break; one longer than the
    layout's bound (a page without full stops) is cut at clause breaks."""
    found, start = [], 0
    for m in SENTENCE_END.finditer(paragraph.text):
        _add(found, paragraph, start, m.end())
        start = m.end()
    _add(found, paragraph, start, len(paragraph.text))
    return [piece for sentence in found for piece in bounded(sentence)]


def _add(found: list[Span], paragraph: Span, start: int, end: int) -> None:
    text = paragraph.text[start:end]
    stripped = text.strip()
    if stripped:
        offset = start + len(text) - len(text.lstrip())
        found.append(Span(stripped, paragraph.start + offset, paragraph.start + offset + len(stripped)))
