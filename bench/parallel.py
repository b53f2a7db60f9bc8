"""Extraction on every core: the extract step of a full build in one process against the same on a
local Dask cluster (a worker process per core), as a ratio; and, for the bound the machine sets,
the same reports extracted by bare processes (no Prefect, no Dask), one against one per core.

    python bench/parallel.py [--reports 4000]

Both runs use a running Prefect server (as schedules do), so neither pays for a temporary one.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from bench.run import run_command, timed  # noqa: E402
from flows.discover import Discovery, find_reports  # noqa: E402
from flows.extract import extract_reports  # noqa: E402
from flows.reference import Reference  # noqa: E402
from tests.conftest import running_prefect_server  # noqa: E402


def extract_seconds(output: str) -> float:
    found = re.search(r"seconds per step:.*?extract ([\d.]+)", output)
    if not found:
        raise RuntimeError(f"no extract step in the run's output: {output[-2000:]}")
    return float(found.group(1))


def extract_part(part: Discovery) -> int:
    return len(extract_reports(part, Reference(ROOT / "data" / "reference")).reports)


def bare_seconds(raw: Path, processes: int) -> float:
    """Seconds for plain worker processes to extract every report in raw, split evenly."""
    reports = find_reports(raw).reports
    parts = [Discovery(reports[i::processes], []) for i in range(processes)]
    started = perf_counter()
    with ProcessPoolExecutor(processes) as pool:
        extracted = sum(pool.map(extract_part, parts))
    if extracted != len(reports):
        raise RuntimeError(f"{extracted} of {len(reports)} reports extracted")
    return perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=4000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="retail-parallel-"))
    try:
        corpus, raw = work / "corpus", work / "raw"
        make_corpus(args.reports, corpus)
        raw.mkdir()
        for report in corpus.glob("*.txt"):
            os.link(report, raw / report.name)
        with running_prefect_server(work / "prefect-home") as (_, env):
            seconds = {}
            for name, least in (("one process", str(10**9)), ("Dask, every core", "1")):
                warehouse = work / name.replace(" ", "-") / "retail.duckdb"
                _, _, output = timed(
                    [*run_command(raw, warehouse, "--offline")], {**env, "RETAIL_PARALLEL_MIN_REPORTS": least}
                )
                seconds[name] = extract_seconds(output)
        bare = {processes: bare_seconds(raw, processes) for processes in (1, os.cpu_count() or 1)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    single, parallel = seconds["one process"], seconds["Dask, every core"]
    print(f"extract step, {args.reports:,} reports, {os.cpu_count()} cores")
    print(f"  one process       {single:7.1f} s")
    print(
        f"  Dask, every core  {parallel:7.1f} s   speed-up {single / parallel:.2f}x (target ≥ 1.7x, 2 cores)"
    )
    cores = max(bare)
    print("the machine's bound: bare processes, no Prefect, no Dask")
    print(f"  one process       {bare[1]:7.1f} s")
    print(f"  {cores} processes       {bare[cores]:7.1f} s   speed-up {bare[1] / bare[cores]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
