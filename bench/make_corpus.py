"""Write N realistic online-retail reports with their answer keys, deterministically for a seed.

    python bench/make_corpus.py N OUT_DIR [--seed 7]

Each report is a press release for one region and period, drawn from the phrasings of the
extraction corpus (growth, declines, gaps to the national average, amounts, shares, counts),
with consistent figures; OUT_DIR gets <name>.txt and <name>.csv (the answer key's columns).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY_COLUMNS = ["region", "segment", "period", "measure", "value", "unit", "qualifier", "evidence"]
PERIODS = [  # (phrase, code suffix, month the report comes out)
    ("in the first quarter", "-Q1", 4),
    ("in the first half of the year", "-H1", 7),
    ("in the first three quarters", "-YTD09", 10),
    ("from January to May", "-YTD05", 6),
    ("in the whole year of {year}", "", 13),
]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SOURCES = ["Xinhua", "China Daily", "Provincial Department of Commerce", "Local Daily"]


def regions() -> list[str]:
    with (ROOT / "data" / "reference" / "regions.csv").open(encoding="utf-8") as handle:
        return [row["region_name"] for row in csv.DictReader(handle) if row["level"] == "province"]


def report(rng: random.Random, region: str) -> tuple[str, list[dict]]:
    phrase, suffix, month = rng.choice(PERIODS)
    year = rng.randint(2019, 2025)
    published = (
        date(year + 1, 1, rng.randint(10, 28)) if month == 13 else date(year, month, rng.randint(10, 28))
    )
    period = f"{year}{suffix}"
    phrase = phrase.format(year=year)
    total = round(rng.uniform(-5, 25), 1)
    physical = round(total - rng.uniform(0.5, 4), 1)
    services = round(total + rng.uniform(0.5, 8), 1)
    gap = round(rng.uniform(-3, 5), 1)
    amount = round(rng.uniform(5, 900), 1)
    share = round(rng.uniform(60, 85), 1)
    sessions = rng.randint(1_000, 90_000)
    session_growth = rng.randint(5, 90)
    rural = round(rng.uniform(-2, 30), 1)
    keys: list[dict] = []

    def key(segment: str, measure: str, value: float, unit: str, evidence: str, qualifier: str = "") -> str:
        keys.append(
            dict(
                region=region,
                segment=segment,
                period=period,
                measure=measure,
                value=value,
                unit=unit,
                qualifier=qualifier,
                evidence=evidence,
            )
        )
        return evidence

    up = "rose" if total >= 0 else "fell"
    sentences = [
        f"Online retail sales in {region} reached {amount} billion yuan {phrase}, "
        + key(
            "online retail (total)",
            "yoy_growth_pct",
            total,
            "percent",
            f"{up} {abs(total)} percent year on year",
        )
        + ", "
        + key(
            "online retail (total)",
            "gap_vs_national_pp",
            gap,
            "percentage points",
            f"{abs(gap)} percentage points {'higher' if gap >= 0 else 'lower'} than the national average",
        )
        + ".",
        "Online retail sales of physical goods "
        + key(
            "physical goods",
            "yoy_growth_pct",
            physical,
            "percent",
            f"{'grew' if physical >= 0 else 'declined'} {abs(physical)} percent",
        )
        + ", "
        + key("physical goods", "share_pct", share, "percent", f"accounting for {share} percent of the total")
        + ", while service-oriented online retail sales "
        + key(
            "services",
            "yoy_growth_pct",
            services,
            "percent",
            f"{'increased by' if services >= 0 else 'decreased by'} {abs(services)} percent",
        )
        + ".",
        "Rural online retail sales "
        + key(
            "rural",
            "yoy_growth_pct",
            rural,
            "percent",
            f"{'rose' if rural >= 0 else 'fell'} {abs(rural)} percent",
        )
        + ".",
        "The region held "
        + key(
            "live-streaming",
            "sessions_count",
            float(sessions),
            "sessions",
            f"{sessions:,} live-streaming sessions",
        )
        + ", "
        + key(
            "live-streaming",
            "sessions_yoy_growth_pct",
            float(session_growth),
            "percent",
            f"up {session_growth} percent",
        )
        + ".",
    ]
    keys.insert(
        0,
        dict(
            region=region,
            segment="online retail (total)",
            period=period,
            measure="amount_cny",
            value=amount * 1e9,
            unit="yuan",
            qualifier="",
            evidence=f"{amount} billion yuan",
        ),
    )
    text = (
        f"Home › News › Economy\n\n{region}'s online retail sales {up} {abs(total)} pct\n\n"
        f"Source: {rng.choice(SOURCES)} | Updated: {published.isoformat()}\n\n"
        f"As released on {MONTH_NAMES[published.month - 1]} {published.day}, {published.year}, "
        + " ".join(sentences)
        + "\n"
    )
    return text, keys


def make_corpus(count: int, out_dir: Path, seed: int = 7) -> int:
    """Write `count` reports and their keys into out_dir; returns the bytes of report text written."""
    rng = random.Random(seed)
    places = regions()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(count):
        text, keys = report(rng, rng.choice(places))
        name = f"report_{number:06d}"
        data = text.encode("utf-8")
        (out_dir / f"{name}.txt").write_bytes(data)
        with (out_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=KEY_COLUMNS)
            writer.writeheader()
            writer.writerows(keys)
        written += len(data)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    written = make_corpus(args.count, args.out_dir, args.seed)
    print(f"wrote {args.count} reports ({written / 2**20:.1f} MB) and their answer keys to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
