"""Precision and recall of the extractor on the labelled corpus, per measure.

    python bench/extraction_quality.py [CORPUS_DIR] [--verbose]

A predicted figure is right when region, segment, period, measure and value all equal a key row's.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.extract import extract_file, key_rows  # noqa: E402
from flows.reference import Reference  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "corpus"
RAW_DIR = ROOT / "data" / "raw"
REPORT_SUFFIXES = (".txt", ".html")


def _row_key(row: dict) -> tuple:
    return (row["region"], row["segment"], row["period"], row["measure"], round(float(row["value"]), 6))


@dataclass
class Scores:
    expected: Counter = field(default_factory=Counter)  # per measure
    predicted: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, name: str, expected: Counter, predicted: Counter) -> Counter:
        """One report's key and predicted rows (region, segment, period, measure, value), tallied per
        measure; its misses and extras named; returns the rows it got right."""
        matched = expected & predicted
        for counter, target in (
            (expected, self.expected),
            (predicted, self.predicted),
            (matched, self.matched),
        ):
            for row, count in counter.items():
                target[row[3]] += count
        self.misses += [f"{name}: missed {row}" for row in (expected - predicted).elements()]
        self.extras += [f"{name}: extra  {row}" for row in (predicted - expected).elements()]
        return matched

    def precision(self, measure: str | None = None) -> float:
        return _ratio(self.matched, self.predicted, measure)

    def recall(self, measure: str | None = None) -> float:
        return _ratio(self.matched, self.expected, measure)

    def table(self) -> str:
        lines = [f"{'measure':<28}{'key':>6}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}"]
        for measure in sorted(set(self.expected) | set(self.predicted)):
            lines.append(self._line(measure, measure))
        lines.append(self._line("all", None))
        return "\n".join(lines)

    def _line(self, label: str, measure: str | None) -> str:
        pick = (lambda c: c[measure]) if measure else (lambda c: sum(c.values()))
        return (
            f"{label:<28}{pick(self.expected):>6}{pick(self.predicted):>7}{pick(self.matched):>7}"
            f"{self.precision(measure):>11.1%}{self.recall(measure):>8.1%}"
        )


def _ratio(numerator: Counter, denominator: Counter, measure: str | None) -> float:
    top = numerator[measure] if measure else sum(numerator.values())
    bottom = denominator[measure] if measure else sum(denominator.values())
    return top / bottom if bottom else 1.0


def corpus_reports(corpus_dir: Path) -> list[tuple[Path, Path]]:
    """(report, answer key) pairs: the corpus's reports, and the bundled ones in data/raw/."""
    reports = sorted(corpus_dir.iterdir()) + sorted(RAW_DIR.iterdir())
    return [
        (path, corpus_dir / f"{path.stem}.csv")
        for path in reports
        if path.suffix in REPORT_SUFFIXES and (corpus_dir / f"{path.stem}.csv").exists()
    ]


def score_corpus(corpus_dir: Path = CORPUS_DIR, reference: Reference | None = None) -> Scores:
    reference = reference or Reference(ROOT / "data" / "reference")
    scores = Scores()
    for report, key in corpus_reports(corpus_dir):
        with key.open(encoding="utf-8") as handle:
            expected = Counter(_row_key(row) for row in csv.DictReader(handle))
        _, extraction = extract_file(report.read_bytes(), report.name, reference)
        found = extraction.observations + extraction.review_candidates
        predicted = Counter(_row_key(row) for row in key_rows(found, reference))
        scores.add(report.name, expected, predicted)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", nargs="?", type=Path, default=CORPUS_DIR)
    parser.add_argument("--verbose", action="store_true", help="list every missed and extra figure")
    args = parser.parse_args()
    scores = score_corpus(args.corpus_dir)
    print(f"{len(corpus_reports(args.corpus_dir))} reports in {args.corpus_dir}")
    print(scores.table())
    if args.verbose:
        print("\n".join(scores.misses + scores.extras))
    return 0


if __name__ == "__main__":
    sys.exit(main())
