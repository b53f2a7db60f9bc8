"""Extraction on a real Dask cluster given by address: a `dask scheduler` and two `dask worker`
processes on 127.0.0.1, reporting to a real Prefect server; the flow extracts on them and loads,
transforms and checks here. The result equals a run in one process. Every process started is
stopped. Slow: skip locally with `pytest -m "not integration"`."""

import subprocess

import duckdb
import pytest

from bench.make_corpus import make_corpus
from tests.conftest import BIN, free_port, stop, wait_for

pytestmark = pytest.mark.integration


def facts(warehouse) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select fact_id, report_id, region_code, segment_code, period_code, metric_code, value "
            "from fact_retail order by fact_id"
        ).fetchall()


def run(raw, warehouse, env, *options) -> subprocess.CompletedProcess:
    command = [
        str(BIN / "retail-etl"),
        "--warehouse",
        str(warehouse),
        "run",
        "--offline",
        "--raw-dir",
        str(raw),
    ]
    return subprocess.run([*command, *options], env=env, capture_output=True, text=True, timeout=600)


def test_extraction_on_a_cluster_given_by_address_equals_a_local_run(prefect_server, tmp_path):
    _, env = prefect_server
    corpus, raw = tmp_path / "corpus", tmp_path / "raw"
    make_corpus(40, corpus, seed=11)
    raw.mkdir()
    for report in corpus.glob("*.txt"):
        report.rename(raw / report.name)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    started = [
        subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    ]
    logs = [tmp_path / f"worker{i}.log" for i in (1, 2)]
    try:
        for log in logs:
            with log.open("w") as handle:
                started.append(
                    subprocess.Popen(
                        [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard"],
                        env=env,
                        stdout=handle,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        wait_for(lambda: all("Registered to" in log.read_text() for log in logs), 120, "two Dask workers")
        chunked = {**env, "RETAIL_EXTRACT_CHUNK_REPORTS": "5"}  # 8 tasks for the 2 workers
        on_cluster = run(raw, tmp_path / "cluster" / "retail.duckdb", chunked, "--dask-address", address)
        assert on_cluster.returncode == 0, on_cluster.stdout + on_cluster.stderr
        assert "extracted 40/40 reports" in on_cluster.stdout + on_cluster.stderr
        worked = [log for log in logs if "extract_chunk" in log.read_text()]
        assert worked, "no Dask worker ran an extraction task"
    finally:
        for process in reversed(started):
            stop(process)
    assert all(process.poll() is not None for process in started)
    local = run(raw, tmp_path / "local" / "retail.duckdb", env)
    assert local.returncode == 0, local.stdout + local.stderr
    assert facts(tmp_path / "cluster" / "retail.duckdb") == facts(tmp_path / "local" / "retail.duckdb")
    assert len(facts(tmp_path / "local" / "retail.duckdb")) > 300
