"""The warehouse overview: a static HTML page beside the Data Docs, written by every run.

Reports with their sources and dates, facts per report, derived facts with their derivation,
conflicts, revisions and held-back reports with reasons, and a chart of regional growth against
the national growth by segment for the latest period. No scripts, no fonts, no network: every
value from a report is escaped, so a report's `<script>` shows as text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from pathlib import Path

import duckdb

from flows.pages.html import link, page, report_href, table

OVERVIEW_FILE = "overview.html"
SHOWN = 200  # rows per table: a page for people; the views hold them all


def first_rows(con: duckdb.DuckDBPyConnection, sql: str, view: str) -> tuple[list[tuple], int, str]:
    """The query's first SHOWN rows, how many there are, and a line saying where the rest are."""
    total = con.execute(f"select count(*) from ({sql})").fetchone()[0]
    rows = con.execute(f"{sql} limit {SHOWN}").fetchall()
    more = (
        f"<p class='muted'>The first {SHOWN} of {total:,}; all of them: "
        f'<code>retail-etl query "select * from {view}"</code>.</p>'
        if total > SHOWN
        else ""
    )
    return rows, total, more


def write_overview(warehouse_path: Path, docs_dir: Path, run_notes: list[str] | None = None) -> Path:
    """Write docs_dir/overview.html from the published warehouse; returns its path."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    sections = [_run_notes(run_notes or [])]
    if warehouse_path.exists():
        with duckdb.connect(str(warehouse_path), read_only=True) as con:
            sections += [
                _reports(con),
                _held_back(con),
                _chart(con),
                _derived(con),
                _conflicts(con),
                _revisions(con),
                _checks(con),
            ]
    else:
        sections.append("<p>No warehouse has been published yet.</p>")
    body = (
        "<h1>Online retail warehouse: overview</h1>"
        f"<p class='muted'>Written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from "
        f"{escape(str(warehouse_path))}. The checks behind it: <a href='index.html'>Data Docs</a>; "
        "which figures the warehouse holds: <a href='coverage.html'>coverage</a>.</p>" + "".join(sections)
    )
    path = docs_dir / OVERVIEW_FILE
    path.write_text(page("Warehouse overview", body), encoding="utf-8")
    return path


def _run_notes(notes: list[str]) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return f"<div class='note'><strong>Last run</strong><ul>{items}</ul></div>"


def _reports(con: duckdb.DuckDBPyConnection) -> str:
    rows, total, more = first_rows(
        con,
        """
        select r.report_id, r.path, r.title, r.source, r.report_date,
               count(f.fact_id) filter (where not f.is_derived) as stated,
               count(f.fact_id) filter (where f.is_derived) as derived
        from dim_report r left join fact_retail f using (report_id)
        group by all order by r.report_date desc, r.path
        """,
        "dim_report",
    )
    # each file name links to the report's page: its text with every figure marked
    listed = [(link(report_href(report_id), path), *rest) for report_id, path, *rest in rows]
    linked = table(["file", "title", "source", "date", "stated facts", "derived facts"], listed, {4, 5})
    return f"<h2>Reports loaded ({total})</h2>{linked}{more}"


def _held_back(con: duckdb.DuckDBPyConnection) -> str:
    rows = con.execute(
        "select path, title, report_date, failed_checks from quarantine_reports order by path"
    ).fetchall()
    facts = con.execute("select count(*) from quarantine_facts").fetchone()[0]
    if not rows:
        return "<h2>Held back</h2><p class='ok'>No report failed a critical check.</p>"
    listed = table(["file", "title", "date", "critical checks failed"], rows)
    return f"<h2 class='bad'>Held back ({len(rows)} reports, {facts} facts in quarantine_facts)</h2>{listed}"


def _chart(con: duckdb.DuckDBPyConnection) -> str:
    """Grouped horizontal bars: each region and segment's growth beside the national growth."""
    rows = con.execute(
        """
        with latest as (
            select g.period from v_growth_vs_national g join dim_period p on p.period_code = g.period
            where g.national_growth_pct is not null
            order by p.end_date desc, p.start_date desc limit 1
        )
        select
            g.region, g.segment, g.period, g.regional_growth_pct, g.national_growth_pct,
            g.national_is_derived, g.region_zh, g.segment_zh
        from v_growth_vs_national g join dim_report r using (report_id)
        where g.period = (select period from latest) and g.national_growth_pct is not null
        -- one bar pair per region and segment: the latest report's
        qualify row_number() over (partition by g.region, g.segment order by r.report_date desc) = 1
        order by g.region, g.segment limit 24
        """
    ).fetchall()
    if not rows:
        return "<h2>Regional growth against the national average</h2><p>No period has both figures yet.</p>"
    period = rows[0][2]
    label_width, bar_width, row_height = 360, 560, 46
    largest = max(max(abs(r[3]), abs(r[4])) for r in rows) or 1
    scale = bar_width / largest
    parts = []
    for i, (region, segment, _, regional, national, derived, region_zh, segment_zh) in enumerate(rows):
        y = i * row_height + 10
        label = escape(f"{region} {region_zh or ''} · {segment} {segment_zh or ''}")
        parts.append(f"<text x='0' y='{y + 14}' font-size='13'>{label}</text>")
        for offset, value, colour, name in (
            (0, regional, "#2680c2", escape(region)),
            (18, national, "#9aa5b1", "China" + (" (derived)" if derived else "")),
        ):
            width = max(abs(value) * scale, 1)
            parts.append(
                f"<rect x='{label_width}' y='{y + offset}' width='{width:.1f}' height='15' "
                f"fill='{colour}'>"
                f"<title>{name}: {value:g}%</title></rect>"
                f"<text x='{label_width + width + 6:.1f}' y='{y + offset + 12}' font-size='12'>"
                f"{value:g}%</text>"
            )
    height = len(rows) * row_height + 20
    legend = (
        "<p class='muted'><span style='color:#2680c2'>■</span> region &nbsp; "
        "<span style='color:#9aa5b1'>■</span> national (stated, or derived from the region's gap)</p>"
    )
    svg = (
        f"<svg role='img' aria-label='Regional against national growth, {escape(period)}' "
        f"width='{label_width + bar_width + 80}' height='{height}' xmlns='http://www.w3.org/2000/svg'>"
        + "".join(parts)
        + "</svg>"
    )
    return f"<h2>Regional growth against the national average, {escape(period)}</h2>{legend}{svg}"


def _derived(con: duckdb.DuckDBPyConnection) -> str:
    rows, total, more = first_rows(
        con,
        "select region, region_zh, segment, segment_zh, period, metric, value, derivation from v_facts "
        "where is_derived order by period, region, segment",
        "v_facts where is_derived",
    )
    headers = ["region", "地区", "segment", "类别", "period", "metric", "value", "derivation"]
    return f"<h2>Derived facts ({total})</h2>{table(headers, rows, {6})}{more}"


def _conflicts(con: duckdb.DuckDBPyConnection) -> str:
    between_reports, between_total, more_between = first_rows(
        con,
        "select path, other_path, region_code, segment_code, period_code, metric_code, value, other_value, "
        "evidence, other_evidence from chk_cross_report_conflicts",
        "chk_cross_report_conflicts",
    )
    national, national_total, more_national = first_rows(
        con,
        "select segment_code, period_code, derived_pct, stated_pct, derivation, stated_evidence "
        "from chk_national_vs_derived",
        "chk_national_vs_derived",
    )
    if not between_reports and not national:
        return "<h2>Conflicts</h2><p class='ok'>No two reports disagree beyond rounding.</p>"
    html = f"<h2 class='bad'>Conflicts ({between_total + national_total})</h2>"
    if between_reports:
        html += (
            table(
                [
                    "report",
                    "other report",
                    "region",
                    "segment",
                    "period",
                    "metric",
                    "value",
                    "other value",
                    "sentence",
                    "other sentence",
                ],
                between_reports,
                {6, 7},
            )
            + more_between
        )
    if national:
        html += (
            "<p>National growth derived from a regional report against a national report:</p>"
            + table(["segment", "period", "derived", "stated", "derivation", "stated in"], national, {2, 3})
            + more_national
        )
    return html


def _revisions(con: duckdb.DuckDBPyConnection) -> str:
    rows, total, more = first_rows(
        con,
        "select region_code, segment_code, period_code, metric_code, earlier_value, revised_value, "
        "earlier_report_date, revised_report_date, source from v_revisions",
        "v_revisions",
    )
    if not rows:
        return ""
    headers = [
        "region",
        "segment",
        "period",
        "metric",
        "earlier",
        "revised",
        "earlier date",
        "revised date",
        "source",
    ]
    return f"<h2>Revisions ({total})</h2>{table(headers, rows, {4, 5})}{more}"


def _checks(con: duckdb.DuckDBPyConnection) -> str:
    audits = [
        name
        for (name,) in con.execute(
            "select table_name from duckdb_tables() where table_name like 'chk_%' order by 1"
        ).fetchall()
    ]
    rows = [(name, con.execute(f"select count(*) from {name}").fetchone()[0]) for name in audits]
    listed = table(["audit view", "rows it flags"], rows, {1})
    return f"<h2>Audits</h2><p class='muted'>Each returns the rows that break its rule.</p>{listed}"
