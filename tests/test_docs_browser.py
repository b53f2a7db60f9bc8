"""The overview page and the Data Docs in a real browser (Debian's headless Chromium): they load
offline without console errors and show the expected headings and numbers. Skipped, saying why,
where Chromium is not installed (.ci/run installs it)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flows.docs_site import make_offline
from flows.pages import write_pages
from flows.pages.overview import write_overview
from flows.settings import PROJECT_ROOT
from flows.validate import build_data_docs, validate_warehouse
from tests.conftest import REFERENCE_REPORT, build_database

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = PROJECT_ROOT / "data" / "warehouse" / "screenshots"
SCREENSHOT = SCREENSHOTS / "overview.png"
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
    write_pages(database, folder / "docs", ["warning: chk_freshness: the newest report is old"])
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


def shown_and_shot(page: Path, tmp_path: Path, name: str) -> str:
    """The page's DOM as the browser builds it (no console errors), and its screenshot, written."""
    shown = chromium(page, tmp_path, "--dump-dom")
    assert not CONSOLE_ERROR.findall(shown.stderr), shown.stderr
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chromium(page, tmp_path, f"--screenshot={SCREENSHOTS / name}")
    assert (SCREENSHOTS / name).stat().st_size > 10_000
    return shown.stdout


def test_coverage_page_in_the_browser(site, tmp_path):
    dom = shown_and_shot(site / "coverage.html", tmp_path, "coverage.png")
    assert "Coverage: which figures the warehouse holds" in dom
    # Xinjiang and China, 2024-H1; the hostile copy states the same figures: no conflict
    assert '<a href="regions/650000.html">Xinjiang</a>' in dom and 'title="3 answered, 3 derived"' in dom


def test_region_page_in_the_browser(site, tmp_path):
    dom = shown_and_shot(site / "regions" / "650000.html", tmp_path, "region.png")
    assert "Xinjiang 新疆维吾尔自治区" in dom
    assert "physical goods: year-on-year growth by period" in dom and "China, 2024-H1: 9%" in dom


def test_report_page_in_the_browser(site, tmp_path):
    pages = sorted((site / "reports").glob("*.html"), key=lambda p: "pwned" in p.read_text(encoding="utf-8"))
    dom = shown_and_shot(pages[-1], tmp_path, "report.png")
    assert "document.title='pwned'" in dom and "<title>pwned</title>" not in dom  # shown, never run
    assert dom.count('class="fact" title=') == 15 and "Facts (15)" in dom  # the legend's has no title


def test_data_docs_index_in_the_browser_offline(site, tmp_path):
    shown = chromium(site / "index.html", tmp_path, "--dump-dom")
    assert not CONSOLE_ERROR.findall(shown.stderr), shown.stderr
    # the table of validation results is drawn by the (vendored) scripts: not in the file, in the page
    assert "fixed-table-container" not in (site / "index.html").read_text(encoding="utf-8")
    assert "fixed-table-container" in shown.stdout
    for suite in ("fact_retail", "chk_gap_consistency", "dim_region"):
        assert f">{suite}<" in shown.stdout, suite
    assert "cdn" not in shown.stdout.lower() and "unpkg" not in shown.stdout


# A Chinese release, written for this test.
CHINESE_TITLE = "广西2024年网上零售额同比增长12.5%"
CHINESE_RELEASE = (
    f"{CHINESE_TITLE}\n\n发布时间:2025年1月27日\n\n"
    "记者从自治区商务厅获悉,2024年广西网上零售额1183.6亿元,同比增长12.5%,高于全国平均水平5.3个百分点。\n"
)
HAN = re.compile(r"[\u4e00-\u9fff]")
NO_BREAKS = "* { white-space: nowrap !important; word-break: keep-all !important; }"


def test_a_chinese_report_title_is_drawn_not_boxes(tmp_path):
    """Han characters are drawn with a CJK font: the page differs from the same page whose Han characters
    are swapped for code points no font draws (all boxes). Without a CJK font both are boxes, alike."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025-01-27_guangxi.txt").write_text(CHINESE_RELEASE, encoding="utf-8")
    database = build_database(raw, tmp_path / "retail.duckdb")
    docs = tmp_path / "docs"
    docs.mkdir()
    page = write_overview(database, docs)
    shown = chromium(page, tmp_path, "--dump-dom")
    assert CHINESE_TITLE in shown.stdout and "广西" in shown.stdout
    # both pages laid out alike: no line may break between Han characters, which boxes would not allow
    unbroken = page.read_text(encoding="utf-8").replace("</head>", f"<style>{NO_BREAKS}</style></head>")
    drawn, boxes = docs / "drawn.html", docs / "boxes.html"
    drawn.write_text(unbroken, encoding="utf-8")
    boxes.write_text(HAN.sub(lambda m: chr(0xE000 + ord(m.group()) % 0x1000), unbroken), encoding="utf-8")
    shots = []
    for shown in (drawn, boxes):
        shot = tmp_path / f"{shown.stem}.png"
        chromium(shown, tmp_path, f"--screenshot={shot}")
        shots.append(shot.read_bytes())
    drawn_differs = shots[0] != shots[1]
    assert drawn_differs, "Han characters are drawn as boxes: install a CJK font (fonts-wqy-microhei)"
