"""A page per region: its growth by period for each segment as a line chart (with the national
line where known), its amounts by period, and every figure the warehouse holds for it (v_series:
one value per question, with how many reports state it and whether they agree)."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

import duckdb

from flows.pages.charts import Line, line_chart
from flows.pages.html import link, page, report_href, table

NATION = "000000"


def write_region_pages(con: duckdb.DuckDBPyConnection, docs_dir: Path) -> list[Path]:
    """regions/<code>.html for every region with figures; returns the pages written."""
    rows = con.execute(
        """
        select s.region_code, s.region, s.region_zh, s.segment, s.period, s.metric_code, s.value,
               s.is_derived, s.reports_stating, s.reports_agree, s.source, s.report_id,
               p.end_date, p.start_date
        from v_series s join dim_period p on p.period_code = s.period
        order by s.region_code, s.segment, p.end_date, p.start_date, s.period
        """
    ).fetchall()
    by_region: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        by_region[row[0]].append(row)
    national_growth = {(r[3], r[4]): r[6] for r in by_region.get(NATION, []) if r[5] == "yoy_growth_pct"}
    folder = docs_dir / "regions"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for code, figures in by_region.items():
        path = folder / f"{code}.html"
        path.write_text(_region_page(figures, national_growth), encoding="utf-8")
        written.append(path)
    return written


def _region_page(figures: list[tuple], national_growth: dict[tuple[str, str], float]) -> str:
    code, name, name_zh = figures[0][:3]
    growth: dict[str, dict[str, float]] = defaultdict(dict)
    amounts: dict[str, dict[str, float]] = defaultdict(dict)
    for _, _, _, segment, period, metric, value, *_ in figures:
        if metric == "yoy_growth_pct":
            growth[segment][period] = value
        elif metric == "amount_cny":
            amounts[segment][period] = value / 1e9
    # every period of the region in date order (the rows are in date order only within a segment)
    periods = [period for *_, period in sorted({(f[12], f[13], f[4]) for f in figures})]
    charts = []
    for segment, points in growth.items():
        lines = [Line(name, points)]
        national = {p: national_growth[(segment, p)] for p in points if (segment, p) in national_growth}
        if code != NATION and national:
            lines.append(Line("China", national, dashed=True))
        shown = [p for p in periods if p in points or p in national]
        charts.append(line_chart(f"{segment}: year-on-year growth by period", shown, lines))
    for segment, points in amounts.items():
        shown = [p for p in periods if p in points]
        charts.append(
            line_chart(f"{segment}: amount by period, billion yuan", shown, [Line(name, points)], "")
        )
    listed = [
        (
            segment,
            period,
            metric,
            value,
            "derived" if derived else "",
            stating,
            agree_text(agree),
            source,
            link(report_href(report_id, 1), "report"),
        )
        for _, _, _, segment, period, metric, value, derived, stating, agree, source, report_id, *_ in figures
    ]
    headers = ["segment", "period", "measure", "value", "", "reports stating", "agree", "source", ""]
    body = (
        f"<h1>{escape(name)} {escape(name_zh or '')}</h1>"
        f"<p class='muted'>Region {escape(code)}: one value per question, chosen as in v_series "
        "(stated over derived, official over news, later over earlier).</p>"
        + "".join(charts)
        + f"<h2>Every figure ({len(figures)})</h2>"
        + table(headers, listed, {3, 5})
    )
    return page(f"{name}: online retail", body, depth=1)


def agree_text(agree: bool) -> str:
    return "yes" if agree else "NO: see the other figures in v_series"
