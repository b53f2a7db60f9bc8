"""Reference data (gazetteer, segments, metrics, counted quantities) and matchers over it.

Everything the extractor knows about names lives in CSV files under data/reference/;
this module only loads them and finds their aliases in text.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Match:
    code: str
    text: str
    start: int
    end: int
    alternatives: tuple[str, ...] = ()  # other codes the same name has ("Gulou District": several cities)


TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
HAN = re.compile("[\u4e00-\u9fff]")  # a Han character, as the Chinese rules read them


class AliasMatcher:
    """Finds aliases in text, longest first, case-insensitively, on word boundaries.

    Latin aliases are matched token by token (a dictionary lookup per position, however many
    aliases there are); Chinese aliases, which have no spaces around them, by a regular expression,
    and only in text that holds Chinese.
    """

    def __init__(self, aliases: dict[str, str] | list[tuple[str, str]]) -> None:
        self._by_tokens: dict[tuple[str, ...], tuple[str, ...]] = {}
        cjk: dict[str, tuple[str, ...]] = {}
        for alias, code in aliases.items() if isinstance(aliases, dict) else aliases:
            table, key = (cjk, alias) if HAN.search(alias) else (self._by_tokens, _tokens(alias))
            if code not in table.get(key, ()):  # a name several places share keeps every code
                table[key] = (*table.get(key, ()), code)
        # the alias lengths (in tokens) that start with each first token: most tokens start none
        self._lengths: dict[str, list[int]] = {}
        for tokens in self._by_tokens:
            self._lengths.setdefault(tokens[0], []).append(len(tokens))
        for first, lengths in self._lengths.items():
            self._lengths[first] = sorted(set(lengths), reverse=True)
        self._cjk_codes = cjk
        pattern = "|".join(re.escape(alias) for alias in sorted(cjk, key=len, reverse=True))
        self._cjk = re.compile(pattern) if pattern else None

    def find(self, text: str, offset: int = 0) -> list[Match]:
        tokens = [(m.group().casefold(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        found = []
        i = 0
        while i < len(tokens):
            for length in self._lengths.get(tokens[i][0], ()):
                if i + length > len(tokens):
                    continue
                codes = self._by_tokens.get(tuple(t[0] for t in tokens[i : i + length]))
                if codes is not None:
                    start, end = tokens[i][1], tokens[i + length - 1][2]
                    found.append(Match(codes[0], text[start:end], start + offset, end + offset, codes[1:]))
                    i += length
                    break
            else:
                i += 1
        if self._cjk and HAN.search(text):  # a text without Han characters names no Chinese alias
            found += [
                Match(codes[0], m.group(), m.start() + offset, m.end() + offset, codes[1:])
                for m in self._cjk.finditer(text)
                for codes in [self._cjk_codes[m.group()]]
            ]
            found.sort(key=lambda match: match.start)
        return found


def _tokens(alias: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in TOKEN.findall(alias))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Reference:
    """The reference data in one object, loaded from a folder of CSV files."""

    directory: Path

    @cached_property
    def regions(self) -> dict[str, dict[str, str]]:
        return {row["region_code"]: row for row in read_csv(self.directory / "regions.csv")}

    @cached_property
    def segments(self) -> dict[str, dict[str, str]]:
        return {row["segment_code"]: row for row in read_csv(self.directory / "segments.csv")}

    @cached_property
    def metrics(self) -> dict[str, dict[str, str]]:
        return {row["metric_code"]: row for row in read_csv(self.directory / "metrics.csv")}

    @cached_property
    def quantities(self) -> dict[str, dict[str, str]]:
        return {row["quantity"]: row for row in read_csv(self.directory / "quantities.csv")}

    @cached_property
    def region_matcher(self) -> AliasMatcher:
        rows = read_csv(self.directory / "region_aliases.csv")
        return AliasMatcher([(row["alias"], row["region_code"]) for row in rows])

    @cached_property
    def _segment_alias_rows(self) -> list[dict[str, str]]:
        return read_csv(self.directory / "segment_aliases.csv")

    @cached_property
    def segment_matcher(self) -> AliasMatcher:
        return AliasMatcher({row["alias"]: row["segment_code"] for row in self._segment_alias_rows})

    @cached_property
    def generic_segment_aliases(self) -> frozenset[str]:
        """Aliases such as 'online retail' that name the total only when nothing else is named."""
        return frozenset(
            row["alias"].casefold() for row in self._segment_alias_rows if row["is_generic"] == "true"
        )

    @cached_property
    def count_phrase_matcher(self) -> AliasMatcher:
        rows = read_csv(self.directory / "count_phrases.csv")
        return AliasMatcher({row["phrase"]: row["quantity"] for row in rows})

    @cached_property
    def scoped_segments(self) -> dict[tuple[str, str], str]:
        """(scope, base) -> combined segment, e.g. (rural, services) -> rural_services."""
        return {
            (row["scope_code"], row["base_code"]): code
            for code, row in self.segments.items()
            if row["scope_code"]
        }

    @cached_property
    def metric_codes(self) -> frozenset[str]:
        """Every measure: the stated ones, and a count and its growth per counted quantity."""
        counted = {f"{q}{suffix}" for q in self.quantities for suffix in ("_count", "_yoy_growth_pct")}
        return frozenset(self.metrics) | counted

    @cached_property
    def nation_code(self) -> str:
        return next(code for code, row in self.regions.items() if row["level"] == "nation")

    def segment_kind(self, code: str) -> str:
        return self.segments[code]["kind"]

    def is_online(self, code: str) -> bool:
        """Whether a segment is sold online (not all-channel retail sales of consumer goods)."""
        return self.segments[code]["channel"] == "online"

    def region_level(self, code: str) -> str:
        return self.regions[code]["level"]

    def is_within(self, code: str, other: str) -> bool:
        """Whether region `code` lies inside region `other` (the nation holds every region)."""
        seen = 0
        while code and seen < 5:
            code = self.regions[code]["parent_code"] if code in self.regions else ""
            if code == other:
                return True
            seen += 1
        return False
