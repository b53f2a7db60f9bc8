"""Precision and recall of the extractor on real published articles, scored strictly.

    python bench/real_quality.py [--lang en] [--batch ABCD] [--verbose] [--undated] [--check]

Per article, bench/real/<lang>/labels/<id>.csv lists the facts a person labelled by hand from the
saved text bench/real/texts/<lang>/<id>.txt (git-ignored: other people's writing). A predicted
figure is right only when region, segment, period, measure and value all equal a label's. A place
the gazetteer does not hold is labelled "?Name" and matches a figure held for review with that
place. "Place right" counts, among predicted figures that state a labelled figure (its measure
and value), those whose place is the label's. --check validates the labels' vocabulary.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction_quality import Scores  # noqa: E402
from flows.extract import ReportError, extract_file  # noqa: E402
from flows.extract.periods import PERIOD_CODE  # noqa: E402
from flows.reference import Reference  # noqa: E402

REAL_DIR = ROOT / "bench" / "real"
PLACE_WORDS = re.compile(r"\s+(?:town|township|village|county|district|city|subdistrict|park)\b", re.I)


@dataclass(frozen=True)
class Article:
    id: str
    meta: dict[str, str]
    labels: list[dict[str, str]]
    text_path: Path


def articles(lang: str, batches: str = "") -> list[Article]:
    """The labelled articles of every manifest `articles-<batch>.csv`, or of the batches named."""
    folder = REAL_DIR / lang
    found = []
    for manifest in sorted(folder.glob("articles-*.csv")):
        if batches and manifest.stem.removeprefix("articles-") not in batches:
            continue
        with manifest.open(encoding="utf-8", newline="") as handle:
            for meta in csv.DictReader(handle):
                with (folder / "labels" / f"{meta['id']}.csv").open(encoding="utf-8", newline="") as labels:
                    rows = list(csv.DictReader(labels))
                found.append(Article(meta["id"], meta, rows, REAL_DIR / "texts" / lang / f"{meta['id']}.txt"))
    return sorted(found, key=lambda a: a.id)


def _place(code: str, name: str) -> str:
    """A known place by its code; an unknown one by its name without "Town", "Village" …"""
    return code if code else "?" + PLACE_WORDS.sub("", name.removeprefix("?")).strip().casefold()


FIELDS = ("place", "segment", "period", "measure")


def _key(place: str, segment: str, period: str, measure: str, value: float) -> tuple:
    return (place, segment, period, measure, round(value, 4))


@dataclass
class ArticleScore:
    id: str
    expected: int
    predicted: int
    matched: int


@dataclass
class RealScores(Scores):
    articles: list[ArticleScore] = field(default_factory=list)
    placed: int = 0  # predicted figures that state a labelled figure
    placed_right: int = 0  # … with the label's place
    missing_texts: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    # why figures are wrong: a missed and an extra figure of one value are one figure with wrong
    # fields ("wrong period"); the rest were not found, or are not labelled
    causes: Counter = field(default_factory=Counter)

    def cause_table(self) -> str:
        lines = [f"{'what is wrong':<40}{'figures':>8}"]
        lines += [f"{cause:<40}{count:>8}" for cause, count in self.causes.most_common()]
        return "\n".join(lines)

    def article_table(self) -> str:
        lines = [f"{'article':<48}{'key':>5}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}"]
        for a in self.articles:
            precision = a.matched / a.predicted if a.predicted else 1.0
            recall = a.matched / a.expected if a.expected else 1.0
            lines.append(
                f"{a.id:<48}{a.expected:>5}{a.predicted:>7}{a.matched:>7}{precision:>11.1%}{recall:>8.1%}"
            )
        return "\n".join(lines)

    @property
    def place_accuracy(self) -> float:
        return self.placed_right / self.placed if self.placed else 1.0


def score(
    lang: str = "en", reference: Reference | None = None, dated: bool = True, batches: str = ""
) -> RealScores:
    reference = reference or Reference(ROOT / "data" / "reference")
    segment_names = {code: row["segment_name"] for code, row in reference.segments.items()}
    scores = RealScores()
    for article in articles(lang, batches):
        if not article.text_path.exists():
            scores.missing_texts.append(f"{article.id}: {article.meta['url']}")
            continue
        expected = Counter(
            _key(
                _place(r["region_code"], r["region"]),
                r["segment"],
                r["period"],
                r["measure"],
                float(r["value"]),
            )
            for r in article.labels
        )
        # saved as a user would name it: with its publication date, the date source of last resort
        name = (
            f"{article.meta['published']}_{article.id}.txt"
            if dated and article.meta["published"]
            else f"{article.id}.txt"
        )
        try:
            _, extraction = extract_file(article.text_path.read_bytes(), name, reference)
        except ReportError as error:
            scores.rejected.append(str(error))
            extraction = None
        found = (extraction.observations + extraction.review_candidates) if extraction else []
        predicted = Counter(
            _key(
                _place("" if o.region_code.startswith("?") else o.region_code, o.region_code),
                segment_names[o.segment_code],
                o.period_code,
                o.metric_code,
                o.value,
            )
            for o in found
        )
        _tally(scores, article, expected, predicted)
    return scores


def _tally(scores: RealScores, article: Article, expected: Counter, predicted: Counter) -> None:
    matched = scores.add(article.id, expected, predicted)
    figures = {(row[3], row[4]) for row in expected}
    places = {(row[3], row[4], row[0]) for row in expected}
    for row, count in predicted.items():
        if (row[3], row[4]) in figures:
            scores.placed += count
            scores.placed_right += count * ((row[3], row[4], row[0]) in places)
    missed, extra = list((expected - predicted).elements()), list((predicted - expected).elements())
    for row in missed:
        twin = next((e for e in extra if e[4] == row[4]), None)
        if twin is None:
            scores.causes["not found"] += 1
            continue
        extra.remove(twin)
        fields = [name for name, a, b in zip(FIELDS, row, twin, strict=False) if a != b]
        scores.causes["wrong " + " and ".join(fields)] += 1
    scores.causes["not labelled (extra)"] += len(extra)
    scores.articles.append(
        ArticleScore(article.id, sum(expected.values()), sum(predicted.values()), sum(matched.values()))
    )


def check_labels(lang: str, reference: Reference) -> list[str]:
    """Labels that use words outside the vocabulary without saying so: one line each, naming the
    article."""
    problems = []
    segments = {row["segment_name"] for row in reference.segments.values()}
    for article in articles(lang):
        for number, r in enumerate(article.labels, start=2):
            where = f"{article.id}.csv line {number}"
            if r["region_code"] and r["region_code"] not in reference.regions:
                problems.append(f"{where}: unknown region code {r['region_code']} ({r['region']})")
            if not r["region_code"] and not r["region"].startswith("?"):
                problems.append(f"{where}: a place without a code is written '?Name'")
            # a word the vocabulary lacks is labelled on purpose when its note says so (README)
            if r["segment"] not in segments and "new segment" not in r["note"]:
                problems.append(f"{where}: unknown segment {r['segment']!r} (not noted as a new segment)")
            if r["measure"] not in reference.metric_codes and "new quantity" not in r["note"]:
                problems.append(f"{where}: unknown measure {r['measure']!r} (not noted as a new quantity)")
            if not PERIOD_CODE.fullmatch(r["period"]):
                problems.append(f"{where}: bad period {r['period']!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "zh"])
    parser.add_argument("--verbose", action="store_true", help="list every missed and extra figure")
    parser.add_argument("--check", action="store_true", help="only check the labels' vocabulary")
    parser.add_argument(
        "--undated", action="store_true", help="name the texts without their publication date"
    )
    parser.add_argument(
        "--batch", default="", help="score only these batches, e.g. ABCD (the manifests' letters)"
    )
    args = parser.parse_args()
    reference = Reference(ROOT / "data" / "reference")
    if args.check:
        problems = check_labels(args.lang, reference)
        print("\n".join(problems) or "labels use the vocabulary")
        return 1 if problems else 0
    scores = score(args.lang, reference, dated=not args.undated, batches=args.batch)
    if args.verbose:
        print(scores.article_table(), end="\n\n")
        print("\n".join(scores.misses + scores.extras), end="\n\n")
    scored = len(scores.articles)
    print(f"{scored} real articles ({args.lang}), {sum(scores.expected.values())} labelled figures")
    print(scores.table())
    print(f"place right: {scores.placed_right} of {scores.placed} ({scores.place_accuracy:.1%})")
    print(scores.cause_table())
    for line in scores.rejected:
        print(f"rejected: {line}")
    if scores.missing_texts:
        print(f"{len(scores.missing_texts)} saved texts missing (collect them again):")
        print("\n".join(f"  {line}" for line in scores.missing_texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
