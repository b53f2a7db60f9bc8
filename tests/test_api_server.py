"""The temporary Prefect server a run starts first, so that it boots while the pipeline imports."""

import json
import os
import socket
import subprocess
import urllib.request

import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import api_server
from tests.conftest import BIN

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory):
    """One Prefect home for the module: its database is created once (~10 s), not per test."""
    return tmp_path_factory.mktemp("prefect-home")


def test_no_server_is_started_when_an_api_is_configured():
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert api_server.start_temporary_server() is None


def test_a_temporary_server_answers_then_stops(prefect_home, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        server = api_server.start_temporary_server()
    assert server is not None
    try:
        server.wait_until_ready()
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert json.loads(response.read()) is True
    finally:
        server.stop()
    assert server.process.returncode is not None


def test_a_server_that_cannot_start_is_named_with_its_exit_code(prefect_home, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setattr(api_server, "_free_port", lambda: taken.getsockname()[1])
        server = api_server.TemporaryServer()
        try:
            with pytest.raises(RuntimeError, match="temporary Prefect server exited with code"):
                server.wait_until_ready()
        finally:
            server.stop()


def test_the_run_command_uses_its_own_server_and_stops_it_after_the_logs_are_sent(
    raw_dir, tmp_path, prefect_home
):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(prefect_home)
    warehouse = tmp_path / "retail.duckdb"
    command = [str(BIN / "retail-etl"), "--warehouse", str(warehouse), "run", "--raw-dir", str(raw_dir)]
    servers_before = api_servers()
    done = subprocess.run([*command, "--offline"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "facts published:     19" in done.stdout
    assert "Starting temporary server" not in done.stderr  # Prefect did not start a second one
    # the server outlived the run's log and event workers: nothing failed to reach it
    assert "Error logging to API" not in done.stderr + done.stdout
    assert "All connection attempts failed" not in done.stderr + done.stdout
    assert api_servers() <= servers_before  # and it is gone


def api_servers() -> set[str]:
    """Process ids of the Prefect API servers running on this machine."""
    found = subprocess.run(
        ["pgrep", "-f", "prefect.server.api.server:create_app"], capture_output=True, text=True
    )
    return set(found.stdout.split())
