"""Scheduling on a real Prefect server: `retail-etl serve` registers the flow on an interval
schedule, the server runs it, and the run completes; every process started is stopped.
Slow: skip locally with `pytest -m "not integration"`."""

import subprocess

import pytest

from tests.conftest import BIN, api, stop, wait_for

pytestmark = pytest.mark.integration


def test_serve_runs_the_flow_on_its_schedule(prefect_server, raw_dir, tmp_path):
    api_url, env = prefect_server
    warehouse = tmp_path / "retail.duckdb"
    served = subprocess.Popen(
        [
            str(BIN / "retail-etl"),
            "--warehouse",
            str(warehouse),
            "serve",
            "--interval",
            "5",
            "--raw-dir",
            str(raw_dir),
            "--name",
            "integration",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        (deployment,) = wait_for(
            lambda: api(api_url, "/deployments/filter", {"deployments": {"name": {"any_": ["integration"]}}}),
            120,
            "the deployment to be registered",
        )
        scheduled_runs = {
            "flow_runs": {
                "state": {"type": {"any_": ["COMPLETED"]}},
                "deployment_id": {"any_": [deployment["id"]]},
            }
        }
        wait_for(
            lambda: api(api_url, "/flow_runs/filter", scheduled_runs), 240, "a scheduled run to complete"
        )
        assert warehouse.exists()
    finally:
        stop(served)
    assert served.poll() is not None
