"""Shared fixtures: the project's reference data and reports, and warehouses built from them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT, apply_tool_environment

apply_tool_environment()

RAW_DIR = PROJECT_ROOT / "data" / "raw"
CORPUS_DIR = Path(__file__).parent / "corpus"
REFERENCE_REPORT = RAW_DIR / "xinjiang_online_retail_2024-h1_tianshannet.txt"


@pytest.fixture(scope="session")
def reference():
    from flows.reference import Reference

    return Reference(PROJECT_ROOT / "data" / "reference")


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A raw folder holding a copy of the bundled reference report."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(REFERENCE_REPORT, folder / REFERENCE_REPORT.name)
    return folder


RUN_SETTINGS = {"release_cadence_months": "3", "release_lag_days": "45"}


def build_database(raw: Path, database: Path, sources: tuple = ()) -> Path:
    """Extract, load and transform without Prefect or GX: the star schema in a plain file
    (sources: flows.ingest.sources.Source, as if data/sources.csv listed them)."""
    from flows.discover import find_reports
    from flows.extract import extract_reports
    from flows.reference import Reference
    from flows.staging import Fetched, load_staging
    from flows.transform import run_models

    reference_dir = PROJECT_ROOT / "data" / "reference"
    batch = extract_reports(find_reports(raw), Reference(reference_dir))
    fetched = Fetched(list(sources), [])
    load_staging(batch, database, reference_dir, database.with_name("none.duckdb"), RUN_SETTINGS, fetched)
    run_models(database, PROJECT_ROOT / "sql")
    return database


@pytest.fixture(scope="session")
def reference_warehouse(tmp_path_factory) -> Path:
    """The star schema built from the bundled reference report (read it, do not change it)."""
    folder = tmp_path_factory.mktemp("reference_warehouse")
    raw = folder / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_REPORT, raw / REFERENCE_REPORT.name)
    return build_database(raw, folder / "retail.duckdb")


BIN = Path(sys.executable).parent  # the environment's commands: prefect, retail-etl


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


@contextmanager
def running_prefect_server(
    home: Path, env: dict[str, str] | None = None
) -> Iterator[tuple[str, dict[str, str]]]:
    """A real Prefect server on 127.0.0.1 with its own home: (API URL, environment for its clients)."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **(env or os.environ),
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
    }
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(lambda: api(api_url, "/health") is True, 120, "the Prefect server")
        yield api_url, env
    finally:
        stop(server)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """A real Prefect server for the tests that schedule, kill or time real runs."""
    with running_prefect_server(tmp_path_factory.mktemp("prefect-home")) as server:
        yield server


class WebSite:
    """The routes of a real web server (tests/web_server.py) in its own process on 127.0.0.1."""

    def __init__(self, folder: Path, url: str) -> None:
        self.folder, self.url, self.routes = folder, url, {}
        self._write()

    def serve(self, path: str, body: bytes | str | None = None, **route) -> str:
        """Serve body (or route's behaviour) at path from now on; returns the page's address."""
        if body is not None:
            name = f"file{len(self.routes)}"
            (self.folder / name).write_bytes(body.encode() if isinstance(body, str) else body)
            route["file"] = name
        self.routes[path] = route
        self._write()
        return self.url + path

    def vanish(self, path: str) -> None:
        del self.routes[path]
        self._write()

    def hits(self) -> dict[str, int]:
        with urllib.request.urlopen(self.url + "/__hits", timeout=5) as response:
            return json.loads(response.read())

    def agents(self) -> list[str]:
        with urllib.request.urlopen(self.url + "/__agents", timeout=5) as response:
            return json.loads(response.read())

    def _write(self) -> None:
        (self.folder / "routes.json").write_text(json.dumps(self.routes), encoding="utf-8")


@pytest.fixture
def web_site(tmp_path: Path) -> Iterator[WebSite]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "routes.json").write_text("{}")
    port_file = tmp_path / "site.port"
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "web_server.py"), str(folder), str(port_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(lambda: port_file.exists() and port_file.read_text(), 30, "the test web server")
        yield WebSite(folder, f"http://127.0.0.1:{port_file.read_text()}")
    finally:
        stop(server)


def release_page(region: str, amount: str, growth: str, day: str = "2024-07-22") -> str:
    """A short release of our own writing: a region's first-half online retail sales and growth."""
    return (
        f"<html><head><title>{region} online retail up {growth}% in the first half</title>"
        f'<meta property="article:published_time" content="{day}"></head><body>'
        f"<h1>{region} online retail up {growth}% in the first half</h1>"
        f"<p>In the first half of 2024, online retail sales in {region} reached {amount} billion yuan, "
        f"up {growth} percent year on year.</p></body></html>"
    )


def rss_feed(site_url: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>release {p}</title><link>{site_url}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>releases</title>{items}</channel></rss>'
