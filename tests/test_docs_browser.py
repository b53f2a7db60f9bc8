"""The overview page and the Data Docs in a real browser (Debian's headless Chromium): they load
offline without console errors and show the expected headings and numbers. Skipped, saying why,
where Chromium is not installed (.ci/run installs it)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flows.docs_site import make_offline
from flows.overview import write_overview
from flows.settings import PROJECT_ROOT
from flows.validate import build_data_docs, validate_warehouse
from tests.conftest import REFERENCE_REPORT, build_database

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOT = PROJECT_ROOT / "data" / "warehouse" / "screenshots" / "overview.png"
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)
# Console messages Chromium logs with --enable-logging=stderr; errors and failed loads are the problem.
CONSOLE_ERROR = re.compile(r"CONSOLE\(\d+\)\].*(?:Uncaught|Error|Failed to load|not a function)", re.I)


def chromium(page: Path, tmp_path: Path, *mode: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1300,2000",
            "--virtual-time-budget=3000",
            *mode,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Docs and overview for the reference report plus a report whose title holds a script tag."""
    folder = tmp_path_factory.mktemp("site")
    raw = folder / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_REPORT, raw / REFERENCE_REPORT.name)
    hostile = (
        REFERENCE_REPORT.read_text(encoding="utf-8")
        .replace(
            "Online retail sales in Xinjiang maintains",
            "<script>document.title='pwned'</script> Xinjiang maintains",
        )
        .replace("July 19, 2024", "July 20, 2024")
    )
    (raw / "hostile.txt").write_text(hostile, encoding="utf-8")
    database = build_database(raw, folder / "retail.duckdb")
    validate_warehouse(database, PROJECT_ROOT / "expectations", folder / "gx")
    build_data_docs(folder / "gx", folder / "docs")
    make_offline(folder / "docs")
    write_overview(database, folder / "docs", ["warning: chk_freshness: the newest report is old"])
    return folder / "docs"


def test_overview_page_in_the_browser(site, tmp_path):
    shown = chromium(site / "overview.html", tmp_path, "--dump-dom")
    assert not CONSOLE_ERROR.findall(shown.stderr), shown.stderr
    dom = shown.stdout
    assert "<title>Warehouse overview</title>" in dom  # the report's script never ran
    assert "Reports loaded (2)" in dom and "Derived facts (8)" in dom
    assert "Regional growth against the national average, 2024-H1" in dom and "16.4%" in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    chromium(site / "overview.html", tmp_path, f"--screenshot={SCREENSHOT}")
    assert SCREENSHOT.stat().st_size > 10_000


def test_data_docs_index_in_the_browser_offline(site, tmp_path):
    shown = chromium(site / "index.html", tmp_path, "--dump-dom")
    assert not CONSOLE_ERROR.findall(shown.stderr), shown.stderr
    # the table of validation results is drawn by the (vendored) scripts: not in the file, in the page
    assert "fixed-table-container" not in (site / "index.html").read_text(encoding="utf-8")
    assert "fixed-table-container" in shown.stdout
    for suite in ("fact_retail", "chk_gap_consistency", "dim_region"):
        assert f">{suite}<" in shown.stdout, suite
    assert "cdn" not in shown.stdout.lower() and "unpkg" not in shown.stdout
