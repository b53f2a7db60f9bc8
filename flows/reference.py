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


class AliasMatcher:
    """Finds aliases in text, longest first, case-insensitively, on word boundaries.

    Chinese aliases match without word boundaries because Chinese text has no spaces.
    """

    def __init__(self, aliases: dict[str, str]) -> None:
        self._codes = {alias.casefold(): code for alias, code in aliases.items()}
        parts = []
        for alias in sorted(aliases, key=len, reverse=True):
            escaped = re.escape(alias)
            parts.append(escaped if _is_cjk(alias) else rf"(?<![\w-]){escaped}(?![\w-])")
        self._pattern = re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)

    def find(self, text: str, offset: int = 0) -> list[Match]:
        return [
            Match(self._codes[m.group().casefold()], m.group(), m.start() + offset, m.end() + offset)
            for m in self._pattern.finditer(text)
        ]


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


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
        return AliasMatcher({row["alias"]: row["region_code"] for row in rows})

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

    def region_level(self, code: str) -> str:
        return self.regions[code]["level"]
