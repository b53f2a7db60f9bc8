"""Extraction throughput by the shape of the input, in MB of text per second on one core.

    python bench/extraction_speed.py [--mb 3]

Three inputs, all built here from the labelled corpus (tests/corpus/), so the words are those of
real releases: ordinary reports one after another; one report of --mb MB written as a single
paragraph; one report with 10,000 numbers. Cost must grow linearly with the text, whatever its
shape: the last two are reported as ratios to the first (target: within 3x). The same three shapes
in Chinese, from sentences of the genre written here, as ratios to ordinary Chinese reports.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.extract import extract, report_text  # noqa: E402
from flows.reference import Reference  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def corpus_texts() -> list[str]:
    return [
        report_text(p.read_bytes(), p.name) for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".html")
    ]


def one_paragraph(texts: list[str], size: int) -> str:
    """A report whose body is one paragraph of `size` characters: every line break removed."""
    body = " ".join(" ".join(t.split()) for t in texts)
    return "Title of a long report\n\n" + (body * (size // len(body) + 1))[:size] + "\n"


def many_numbers(count: int) -> str:
    """A report stating `count` figures, in paragraphs of ten sentences."""
    sentences = [
        f"Online retail sales in Hunan grew {i % 90 + 1}.{i % 10} percent to {i + 10}.5 billion yuan"
        " in the first half of 2024."
        for i in range(count // 2)
    ]
    paragraphs = [" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]
    return "A report with many figures\n\n" + "\n\n".join(paragraphs) + "\n"


PROVINCES = ["江西省", "湖南省", "四川省", "河北省", "山东省", "甘肃省", "云南省", "浙江省"]


def chinese_sentence(i: int) -> str:
    """A sentence of the genre in Chinese, written for this benchmark."""
    return (
        f"2024年上半年,{PROVINCES[i % len(PROVINCES)]}网络零售额{i % 900 + 100}.{i % 10}亿元,"
        f"同比增长{i % 30 + 1}.{i % 10}%,高于全国平均水平{i % 5}.{i % 10}个百分点。"
    )


def chinese_reports(count: int) -> list[str]:
    """Ordinary Chinese reports: a title and three paragraphs of three sentences."""
    return [
        "网络零售持续增长\n\n"
        + "\n\n".join("".join(chinese_sentence(r * 9 + p * 3 + s) for s in range(3)) for p in range(3))
        + "\n"
        for r in range(count)
    ]


def chinese_paragraph(size: int) -> str:
    """One Chinese report of `size` characters in a single paragraph with no full stop at all."""
    body = "".join(chinese_sentence(i).replace("。", ",") for i in range(200))
    return "网络零售持续增长\n\n" + (body * (size // len(body) + 1))[:size] + "\n"


def rate(texts: list[str], reference: Reference) -> tuple[float, float]:
    """(MB of text, MB per second) over the texts."""
    size = sum(len(t.encode()) for t in texts) / 2**20
    started = time.perf_counter()
    for text in texts:
        extract(text, reference, "bench.txt")
    return size, size / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="size of the single-paragraph report")
    parser.add_argument("--numbers", type=int, default=10_000)
    args = parser.parse_args()
    reference = Reference(ROOT / "data" / "reference")
    texts = corpus_texts()
    rate(texts[:3], reference)  # warm the reference data's matchers
    normal_size, normal = rate(texts * 20, reference)
    paragraph_size, paragraph = rate([one_paragraph(texts, int(args.mb * 2**20))], reference)
    numbers_size, numbers = rate([many_numbers(args.numbers)], reference)
    print(f"{'input':<44}{'MB':>8}{'MB/s':>9}{'slower by':>11}")
    rows = [
        ("ordinary reports", normal_size, normal),
        ("one report, a single paragraph", paragraph_size, paragraph),
        (f"one report with {args.numbers:,} numbers", numbers_size, numbers),
    ]
    for label, size, speed in rows:
        print(f"{label:<44}{size:>8.2f}{speed:>9.3f}{normal / speed:>10.2f}x")
    chinese_size, chinese = rate(chinese_reports(300), reference)
    long_size, long = rate([chinese_paragraph(int(args.mb * 2**20 / 3))], reference)  # 3 bytes a character
    figures_size, figures = rate(
        ["很多数字\n\n" + "".join(chinese_sentence(i) for i in range(args.numbers // 3))], reference
    )
    for label, size, speed in (
        ("Chinese reports", chinese_size, chinese),
        ("one Chinese report, one paragraph, no full stop", long_size, long),
        (f"one Chinese report with {args.numbers:,} numbers", figures_size, figures),
    ):
        print(f"{label:<44}{size:>8.2f}{speed:>9.3f}{chinese / speed:>10.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
