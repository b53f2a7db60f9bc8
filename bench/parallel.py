"""Extraction on every core: the extract step of a full build in one process against the same on a
local Dask cluster (a worker process per core), as a ratio.

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from bench.run import run_command, timed  # noqa: E402
from tests.conftest import running_prefect_server  # noqa: E402


def extract_seconds(output: str) -> float:
    found = re.search(r"seconds per step:.*?extract ([\d.]+)", output)
    if not found:
        raise RuntimeError(f"no extract step in the run's output: {output[-2000:]}")
    return float(found.group(1))


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
    finally:
        shutil.rmtree(work, ignore_errors=True)
    single, parallel = seconds["one process"], seconds["Dask, every core"]
    print(f"extract step, {args.reports:,} reports, {os.cpu_count()} cores")
    print(f"  one process       {single:7.1f} s")
    print(
        f"  Dask, every core  {parallel:7.1f} s   speed-up {single / parallel:.2f}x (target ≥ 1.7x, 2 cores)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
