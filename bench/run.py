"""The pipeline's speed against its floors, as ratios (these machines are noisy; ratios less so).

    python bench/run.py [--sizes 1000 10000] [--repeats 3]

Each figure is the median of --repeats runs in fresh processes (the large builds run once each).
Prints one table; see README "Performance" for the latest one.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from tests.conftest import BIN, running_prefect_server  # noqa: E402

IMPORTS = "import prefect, great_expectations, duckdb, pandas"
# Prefect's own temporary server, started and stopped in a process that has imported it: the time
# its subprocess takes to answer, which no run with a temporary server can avoid.
SERVER_START = (
    "import time; from prefect.server.api.server import SubprocessASGIServer; "
    "server = SubprocessASGIServer(); started = time.perf_counter(); server.start(); "
    "print(time.perf_counter() - started); server.stop()"
)
TYPICAL_QUERY = (
    "select region, segment, period, regional_growth_pct, national_growth_pct "
    "from v_growth_vs_national where period like '2024%' order by region, segment"
)


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak RSS of the process tree's largest child (KiB), and output of one run."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command[:3]} failed: {done.stderr[-2000:]}")
    return seconds, peak, done.stdout + done.stderr


def median(command: list[str], repeats: int, env: dict[str, str] | None = None, before=None) -> float:
    runs = []
    for _ in range(repeats):
        if before:
            before()
        runs.append(timed(command, env)[0])
    return statistics.median(runs)


def run_command(raw: Path, warehouse: Path, *extra: str) -> list[str]:
    return [str(BIN / "retail-etl"), "--warehouse", str(warehouse), "run", "--raw-dir", str(raw), *extra]


def clean(warehouse: Path):
    return lambda: shutil.rmtree(warehouse.parent, ignore_errors=True)


def step_seconds(output: str) -> str:
    found = re.search(r"seconds per step:\s+(.*)", output)
    return found.group(1) if found else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="retail-bench-"))
    rows: list[tuple[str, str, str]] = []
    base_env = {
        **os.environ,
        "PREFECT_HOME": str(work / "prefect-home"),
    }
    try:
        floor = median([sys.executable, "-c", IMPORTS], args.repeats)
        rows.append(("import floor (prefect, GX, duckdb, pandas)", f"{floor:.2f} s", "1.00"))

        start_command = [sys.executable, "-c", SERVER_START]
        server_start = statistics.median(
            float(timed(start_command, base_env)[2].split()[0]) for _ in range(args.repeats)
        )
        rows.append(("temporary Prefect server's start alone", f"{server_start:.2f} s", ""))
        raw = ROOT / "data" / "raw"
        warehouse = work / "ref" / "retail.duckdb"
        ephemeral = median(run_command(raw, warehouse), args.repeats, base_env, clean(warehouse))
        bound = server_start + 1.2 * floor
        rows.append(
            (
                "reference run, temporary server / import floor",
                f"{ephemeral:.2f} s",
                f"{ephemeral / floor:.2f} (≤ 1.5, or ≤ server start + 1.2 × floor = {bound:.2f} s: "
                f"{'met' if ephemeral <= bound else 'not met'})",
            )
        )

        with running_prefect_server(work / "server-home", base_env) as (_, server_env):
            served = median(run_command(raw, warehouse), args.repeats, server_env, clean(warehouse))
            rows.append(
                (
                    "reference run, running server / import floor",
                    f"{served:.2f} s",
                    f"{served / floor:.2f} (≤ 1.2)",
                )
            )
            rows += scale(args.sizes, work, server_env, floor, served)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'time':>10}  ratio (target)")
    for name, value, ratio in rows:
        print(f"{name:<{width}}  {value:>10}  {ratio}")
    return 0


def scale(sizes: list[int], work: Path, env: dict[str, str], floor: float, reference: float) -> list[tuple]:
    rows = []
    seconds_by_size = {}
    for size in sizes:
        corpus = work / f"corpus-{size}"
        text_bytes = make_corpus(size, corpus)
        raw = work / f"raw-{size}"
        raw.mkdir()
        for report in corpus.glob("*.txt"):
            os.link(report, raw / report.name)
        warehouse = work / f"w-{size}" / "retail.duckdb"
        seconds, peak_kib, output = timed(run_command(raw, warehouse, "--full-refresh"), env)
        seconds_by_size[size] = seconds
        load_floor = csv_floor(corpus, work)
        rows.append(
            (
                f"full build, {size:,} reports / (CSV load floor + import floor)",
                f"{seconds:.1f} s",
                f"{seconds / (load_floor + floor):.2f} (≤ 3 at 10,000)",
            )
        )
        rows.append((f"  peak memory, {size:,} reports", f"{peak_kib / 1024:.0f} MiB", "(≤ 1024 MiB)"))
        rows.append((f"  seconds per step, {size:,} reports", "", step_seconds(output)))
        rows.append(
            (
                f"  extraction throughput, {size:,} reports",
                f"{text_bytes / 2**20:.1f} MB",
                extraction_rate(raw),
            )
        )
        if size == max(sizes):
            new = raw / "report_new.txt"
            shutil.copy(next(corpus.glob("*.txt")), new)
            new.write_text(
                new.read_text(encoding="utf-8").replace("Home ›", "Home › Update ›"), encoding="utf-8"
            )
            incremental = timed(run_command(raw, warehouse), env)[0]
            rows.append(
                (
                    f"one new report on top of {size:,} / reference run",
                    f"{incremental:.1f} s",
                    f"{incremental / reference:.2f} (≤ 1.2)",
                )
            )
            rows.append(query_ratio(warehouse))
    if len(seconds_by_size) >= 2:
        small, large = min(seconds_by_size), max(seconds_by_size)
        rows.append(
            (
                f"{large:,} vs {small:,} reports",
                "",
                f"{seconds_by_size[large] / seconds_by_size[small]:.1f}× (≤ {large / small * 1.1:.0f}×)",
            )
        )
    return rows


def csv_floor(corpus: Path, work: Path) -> float:
    """DuckDB loading the same observations (the answer keys) from one CSV file, in a fresh process."""
    combined = work / f"{corpus.name}-observations.csv"
    with combined.open("w", encoding="utf-8") as out:
        for number, key in enumerate(sorted(corpus.glob("*.csv"))):
            lines = key.read_text(encoding="utf-8").splitlines(keepends=True)
            out.writelines(lines if number == 0 else lines[1:])
    database = work / f"{corpus.name}-floor.duckdb"
    load = f"create table t as select * from read_csv({str(combined)!r})"
    code = f"import duckdb; duckdb.connect({str(database)!r}).execute({load!r})"
    return median([sys.executable, "-c", code], 1)


def extraction_rate(raw: Path) -> str:
    """MB of report text extracted per second of this process's CPU time (one core)."""
    from flows.discover import find_reports
    from flows.extract import extract_reports
    from flows.reference import Reference

    discovery = find_reports(raw)
    reference = Reference(ROOT / "data" / "reference")
    for matcher in (reference.region_matcher, reference.segment_matcher, reference.count_phrase_matcher):
        matcher.find("")  # built once, before the clock starts
    started = time.process_time()
    extract_reports(discovery, reference)
    seconds = time.process_time() - started
    megabytes = sum(report.size_bytes for report in discovery.reports) / 2**20
    return f"{megabytes / seconds:.2f} MB/s of text on one core"


def query_ratio(warehouse: Path) -> tuple[str, str, str]:
    cli = median(
        [str(BIN / "retail-etl"), "--warehouse", str(warehouse), "query", TYPICAL_QUERY, "--format", "csv"], 3
    )
    bare = median(
        [
            sys.executable,
            "-c",
            f"import duckdb; con = duckdb.connect({str(warehouse)!r}, read_only=True); "
            f"con.sql({TYPICAL_QUERY!r}).fetchall()",
        ],
        3,
    )
    return ("retail-etl query / bare duckdb query", f"{cli:.2f} s", f"{cli / bare:.2f} (≤ 1.5)")


if __name__ == "__main__":
    sys.exit(main())
