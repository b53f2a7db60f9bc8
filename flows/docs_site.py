"""Make the GX Data Docs site work offline: point its CDN scripts and styles at vendored copies
(flows/static/vendor/), and drop the ones its pages do not need (charts, icon fonts, themes)."""

from __future__ import annotations

import functools
import os
import re
import shutil
from pathlib import Path

VENDOR_DIR = Path(__file__).parent / "static" / "vendor"
# CDN file name -> vendored file
VENDORED = {
    "jquery-3.7.1.min.js": "jquery.min.js",
    "popper.min.js": "popper.min.js",
    "bootstrap.min.js": "bootstrap.min.js",
    "bootstrap.min.css": "bootstrap.min.css",
    "bootstrap-table.min.css": "bootstrap-table.min.css",
    "bootstrap-table.min.js": "bootstrap-table.min.js",
    "bootstrap-table-filter-control.css": "bootstrap-table-filter-control.min.css",
    "bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control.min.css",
    "bootstrap-table-filter-control.min.js": "bootstrap-table-filter-control.min.js",
    "bootstrap-datepicker.min.css": "bootstrap-datepicker.min.css",
    "bootstrap-datepicker.min.js": "bootstrap-datepicker.min.js",
    "all.min.css": "fontawesome/css/all.min.css",  # the status icons
}
# where GX's site builder writes its pages, beside index.html
GX_PAGE_FOLDERS = ("expectations", "validations", "static")
REMOTE_SCRIPT = re.compile(r'<script[^>]*\ssrc="(?:https?:)?//[^"]*"[^>]*>\s*</script>', re.I)
REMOTE_STYLE = re.compile(r'<link[^>]*\shref="(?:https?:)?//[^"]*\.css[^"]*"[^>]*/?>', re.I)
URL = re.compile(r'(?:src|href)="((?:https?:)?//[^"]*)"', re.I)
GX_ASSET = re.compile(r"https://great-expectations-web-assets\.[^\"')\s]+")
SUBRESOURCE_ATTRIBUTES = re.compile(r'\s(?:integrity|crossorigin)="[^"]*"', re.I)


def make_offline(docs_dir: Path) -> int:
    """Rewrite every page GX wrote to use local assets; returns the number of pages. The folder's
    other pages (overview, reports, regions) are ours, offline already, and not read."""
    target = docs_dir / "static" / "vendor"
    shutil.copytree(VENDOR_DIR, target, dirs_exist_ok=True)
    pages = [docs_dir / "index.html"] if (docs_dir / "index.html").is_file() else []
    for folder in GX_PAGE_FOLDERS:
        pages += sorted((docs_dir / folder).rglob("*.html"))
    for page in pages:
        prefix = Path(os.path.relpath(target, page.parent)).as_posix()
        logo = Path(os.path.relpath(docs_dir / "static" / "images" / "logo-long.png", page.parent)).as_posix()
        html = page.read_text(encoding="utf-8")
        localise = functools.partial(_local, prefix=prefix)
        html = REMOTE_STYLE.sub(localise, REMOTE_SCRIPT.sub(localise, html))
        html = GX_ASSET.sub(logo, html)
        page.write_text(SUBRESOURCE_ATTRIBUTES.sub("", html), encoding="utf-8")
    return len(pages)


def _local(match: re.Match[str], prefix: str) -> str:
    """The tag pointing at its vendored copy, or nothing for an asset the site can do without."""
    tag = match.group()
    url = URL.search(tag).group(1)
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    if name not in VENDORED:
        return ""
    return tag.replace(url, f"{prefix}/{VENDORED[name]}")
