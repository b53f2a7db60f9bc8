"""Scheduling on a real Prefect server: `retail-etl serve` registers the flow on an interval
schedule, the server runs it, and the run completes. Starts a server on 127.0.0.1 with its own
home and stops every process it started. Slow: skip locally with `pytest -m "not integration"`."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(1)
    raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")


def api(url: str, path: str, body: dict | None = None):
    request = urllib.request.Request(
        url + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"},
        method="POST" if body is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read() or b"null")
    except OSError:
        return None


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_serve_runs_the_flow_on_its_schedule(raw_dir, tmp_path):
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
    }
    bin_dir = Path(sys.executable).parent
    server = subprocess.Popen(
        [str(bin_dir / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    served = None
    try:
        wait_for(lambda: api(api_url, "/health") is True, 120, "the Prefect server")
        warehouse = tmp_path / "retail.duckdb"
        served = subprocess.Popen(
            [
                str(bin_dir / "retail-etl"),
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
        completed = wait_for(
            lambda: api(
                api_url, "/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}
            ),
            240,
            "a scheduled run to complete",
        )
        assert completed[0]["deployment_id"] is not None  # run by the schedule, not by hand
        assert warehouse.exists()
    finally:
        if served:
            stop(served)
        stop(server)
    assert server.poll() is not None and (served is None or served.poll() is not None)
