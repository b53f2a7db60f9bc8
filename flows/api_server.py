"""A temporary Prefect API server for one run, started before the pipeline is imported.

Without an API address Prefect starts the same server itself, but only when the flow is called,
after every import: its ~5 s boot then adds to the run. Started here first, it boots on one core
while the pipeline and Great Expectations import on the other. It is the server Prefect would
start (uvicorn serving Prefect's app in ephemeral mode: no UI, no background services), stopped
when the process exits.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import prefect.settings

# Prefect's own ephemeral-server switches (prefect.server.api.server.SubprocessASGIServer)
EPHEMERAL_ENVIRONMENT = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
}


class TemporaryServer:
    """One uvicorn process serving Prefect's API on a free local port."""

    def __init__(self) -> None:
        self.port = _free_port()
        package_parent = Path(prefect.__file__).resolve().parent.parent
        command = [
            sys.executable, "-m", "uvicorn", "--app-dir", str(package_parent),
            "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, env={**os.environ, **EPHEMERAL_ENVIRONMENT})

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_until_ready(self) -> None:
        """Poll the health endpoint; raise with the exit code if the server died or never answered."""
        timeout = prefect.settings.get_current_settings().server.ephemeral.startup_timeout_seconds
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"the temporary Prefect server exited with code {self.process.returncode}"
                    )
                with contextlib.suppress(httpx.TransportError):
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                time.sleep(0.1)
        raise RuntimeError(f"the temporary Prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_temporary_server() -> TemporaryServer | None:
    """Start a temporary server when no Prefect API is configured (and Prefect would start one);
    the caller waits for it with wait_until_ready and runs its flows under temporary_settings.
    It stops at exit, after Prefect's log and event workers (registered later, run earlier) have
    sent what they hold."""
    current = prefect.settings.get_current_settings()
    if current.api.url or not current.server.ephemeral.enabled:
        return None
    server = TemporaryServer()
    atexit.register(server.stop)
    return server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
