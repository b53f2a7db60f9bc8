"""What every page shares: the page shell (inlined style, links between the pages), tables, and
values as text. Every value from a report is escaped: a report's `<script>` shows as text."""

from __future__ import annotations

from html import escape
from pathlib import Path

STYLE_FILE = Path(__file__).parent.parent / "static" / "overview.css"  # inlined: pages need no other file
PAGES = (("overview.html", "Overview"), ("coverage.html", "Coverage"), ("index.html", "Data Docs"))


def page(title: str, body: str, depth: int = 0, lang: str = "en", wide: bool = False) -> str:
    """A whole page; depth is how many folders below the docs folder it is written (for links)."""
    up = "../" * depth
    nav = " · ".join(f"<a href='{up}{href}'>{escape(name)}</a>" for href, name in PAGES)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{STYLE_FILE.read_text(encoding='utf-8')}</style></head>"
        f"<body{' class=wide' if wide else ''}><nav class='muted'>{nav}</nav>{body}</body></html>"
    )


class Markup(str):
    """HTML made here, from escaped parts: a table puts it in as it is."""


def link(href: str, label: str) -> Markup:
    return Markup(f"<a href='{escape(href)}'>{escape(label)}</a>")


def table(
    headers: list[str], rows: list[tuple], numeric: set[int] = frozenset(), ids: list[str] | None = None
) -> str:
    """ids: an anchor per row, for links to it."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    opening = [f"<tr id='{escape(i)}'>" for i in ids] if ids else ["<tr>"] * len(rows)
    body = "".join(
        tr + "".join(cell(v, i in numeric) for i, v in enumerate(row)) + "</tr>"
        for tr, row in zip(opening, rows, strict=True)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def cell(value: object, numeric: bool = False) -> str:
    if isinstance(value, Markup):
        return f"<td>{value}</td>"
    return f"<td class='num'>{number(value)}</td>" if numeric else f"<td>{escape(text(value))}</td>"


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(text(v) for v in value)
    return str(value)


def number(value: object) -> str:
    if value is None:
        return ""
    return f"{value:,.10g}" if isinstance(value, float | int) else escape(str(value))


def region_href(region_code: str, depth: int = 0) -> str:
    return f"{'../' * depth}regions/{region_code}.html"


def report_href(report_id: str, depth: int = 0) -> str:
    return f"{'../' * depth}reports/{report_id}.html"
