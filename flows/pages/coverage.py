"""The coverage matrix: regions × periods, how many questions (segment × measure) the warehouse
answers for each, where reports conflict and where figures are only derived."""

from __future__ import annotations

from html import escape
from pathlib import Path

import duckdb

from flows.pages.html import page, region_href

COVERAGE_FILE = "coverage.html"


def write_coverage(con: duckdb.DuckDBPyConnection, docs_dir: Path) -> Path:
    cells = con.execute(
        """
        select s.region_code, s.region, s.region_zh, s.period,
               count(*) as questions,
               count(*) filter (where s.is_derived) as derived,
               count(*) filter (where not s.reports_agree) as conflicts
        from v_series s
        group by all
        """
    ).fetchall()
    periods = [
        code
        for (code,) in con.execute(
            "select period_code from dim_period where period_code in (select distinct period from v_series) "
            "order by end_date, start_date, period_code"
        ).fetchall()
    ]
    regions = sorted({(c[0], c[1], c[2]) for c in cells})
    held = {(c[0], c[3]): c[4:] for c in cells}
    head = "<th>region</th>" + "".join(f"<th>{escape(p)}</th>" for p in periods)
    rows = []
    for code, name, name_zh in regions:
        row = f"<th><a href='{region_href(code)}'>{escape(name)}</a> {escape(name_zh or '')}</th>"
        for period in periods:
            row += _cell(held.get((code, period)))
        rows.append(f"<tr>{row}</tr>")
    body = (
        "<h1>Coverage: which figures the warehouse holds</h1>"
        "<p class='muted'>Each cell counts the questions (segment × measure) answered for a region and "
        "period, one value each as in v_series. <span class='conflict'>Red</span>: reports disagree "
        "beyond rounding on some; <span class='derived'>italic</span>: some are only derived "
        "(e.g. national growth from a region's gap).</p>"
        f"<div class='wide'><table class='matrix'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    path = docs_dir / COVERAGE_FILE
    path.write_text(page("Warehouse coverage", body), encoding="utf-8")
    return path


def _cell(counts: tuple[int, int, int] | None) -> str:
    if counts is None:
        return "<td></td>"
    questions, derived, conflicts = counts
    classes = " ".join(c for c, on in (("conflict", conflicts), ("derived", derived)) if on)
    notes = [f"{questions} answered"]
    notes += [f"{derived} derived"] if derived else []
    notes += [f"{conflicts} in conflict"] if conflicts else []
    return f"<td class='{' '.join(['num', classes]).strip()}' title='{', '.join(notes)}'>{questions}</td>"
