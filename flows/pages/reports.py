"""A page per report: its text with each extracted figure marked and linked to its fact, the
numbers set aside (not figures, with why) and those held for review marked too, and beside the
text the facts, the derived facts and the numbers set aside, so that a reviewer checks a report in
a minute."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

import duckdb

from flows.extract.zh.script import is_chinese
from flows.pages.html import link, page, region_href, table

# Pages are written this many reports at a time: memory holds one part's rows, not every report's.
PAGE_CHUNK_REPORTS = 500


def write_report_pages(
    con: duckdb.DuckDBPyConnection, docs_dir: Path, changed: set[str] | None = None
) -> list[Path]:
    """reports/<report_id>.html for every report published: written for the changed reports (all
    when changed is None) and those without a page yet; a report's id is its content's hash and
    its rows are reused unchanged, so an unchanged report's page stays as it is. Pages of reports
    no longer published are removed. Returns the pages written."""
    folder = docs_dir / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    published = {report_id for (report_id,) in con.execute("select report_id from stg_reports").fetchall()}
    for stale in folder.glob("*.html"):
        if stale.stem not in published:
            stale.unlink()
    due = sorted(
        r for r in published if changed is None or r in changed or not (folder / f"{r}.html").exists()
    )
    written = []
    for first in range(0, len(due), PAGE_CHUNK_REPORTS):
        written += _write_report_pages(con, folder, due[first : first + PAGE_CHUNK_REPORTS])
    return written


def _write_report_pages(con: duckdb.DuckDBPyConnection, folder: Path, due: list[str]) -> list[Path]:
    """The pages of some reports, from one query per part of a page."""
    reports = con.execute(
        "select report_id, r.path, r.title, r.source, r.report_date, d.url, r.text "
        "from stg_reports r join dim_report d using (report_id) "
        "where report_id in (select unnest(?)) order by report_id",
        [due],
    ).fetchall()
    facts = _by_report(
        con,
        """
        select o.report_id, o.figure_start, o.figure_end, f.fact_id, f.region_code, v.region,
               v.segment, v.period, f.metric_code, f.value, f.origin, v.evidence
        from stg_observations o
        join fact_retail f
          on f.fact_id = md5(concat_ws('|', o.report_id, o.region_code, o.segment_code, o.period_code,
                                       o.metric_code))
        join v_facts v using (fact_id)
        where o.report_id in (select unnest(?))
        order by o.report_id, o.figure_start
        """,
        due,
    )
    derived = _by_report(
        con,
        "select report_id, region, segment, period, metric_code, value, derivation from v_facts "
        "where is_derived and report_id in (select unnest(?)) order by report_id, region, segment",
        due,
    )
    set_aside = _by_report(
        con,
        "select report_id, figure_start, figure_end, disposition, reason, text from stg_set_aside "
        "where report_id in (select unnest(?)) order by report_id, figure_start",
        due,
    )
    written = []
    for report_id, *report in reports:
        path = folder / f"{report_id}.html"
        page_html = _report_page(report, facts[report_id], derived[report_id], set_aside[report_id])
        path.write_text(page_html, encoding="utf-8")
        written.append(path)
    return written


def _by_report(con: duckdb.DuckDBPyConnection, sql: str, report_ids: list[str]) -> dict[str, list[tuple]]:
    """The query's rows (report_ids its one parameter) by their first column, a report id."""
    rows: dict[str, list[tuple]] = defaultdict(list)
    for report_id, *rest in con.execute(sql, [report_ids]).fetchall():
        rows[report_id].append(tuple(rest))
    return rows


def _report_page(report: list, facts: list[tuple], derived: list[tuple], set_aside: list[tuple]) -> str:
    path, title, source, report_date, url, text = report
    marks = [
        (start, end, "fact", f"fact-{fact_id}", f"{region}, {segment}, {period}, {metric}: {value:g}")
        for start, end, fact_id, _, region, segment, period, metric, value, _, _ in facts
        if start >= 0  # a hand correction's added figure is in no sentence
    ]
    marks += [
        (start, end, "review" if disposition == "needs_review" else "aside", None, reason)
        for start, end, disposition, reason, _ in set_aside
    ]
    fact_rows = [
        (
            link(f"#mark-{start}", "↑") if start >= 0 else "",
            link(region_href(code, 1), region),
            segment,
            period,
            metric,
            value,
            origin,
        )
        for start, _, _, code, region, segment, period, metric, value, origin, _ in facts
    ]
    # each fact row is the target its marked figure links to
    fact_table = table(
        ["", "region", "segment", "period", "measure", "value", "from"],
        fact_rows,
        {5},
        ids=[f"fact-{fact_id}" for _, _, fact_id, *_ in facts],
    )
    reviews = [(t, reason) for _, _, disposition, reason, t in set_aside if disposition == "needs_review"]
    asides = [(t, reason) for _, _, disposition, reason, t in set_aside if disposition != "needs_review"]
    side = (
        f"<h2>Facts ({len(facts)})</h2>{fact_table}"
        + (
            f"<h2>Derived ({len(derived)})</h2>"
            + table(["region", "segment", "period", "measure", "value", "derivation"], derived, {4})
            if derived
            else ""
        )
        + f"<h2>To review ({len(reviews)})</h2>"
        + table(["number", "why"], reviews)
        + f"<h2>Not figures ({len(asides)})</h2>"
        + table(["number", "why"], asides)
    )
    served = f" · <a href='{escape(url)}'>as served</a>" if url else ""
    body = (
        f"<h1>{escape(title or path)}</h1>"
        f"<p class='muted'>{escape(path)} · {escape(source or 'source unknown')} · "
        f"{escape(str(report_date or 'date unknown'))}{served}. "
        "<mark class='fact'>Figures</mark> link to their facts; "
        "<mark class='review'>numbers to review</mark> and <mark class='aside'>numbers that are no "
        "figure</mark> say why when pointed at.</p>"
        f"<div class='report'><div class='text'>{_marked(text, marks)}</div><div>{side}</div></div>"
    )
    return page(title or path, body, depth=1, lang="zh" if is_chinese(text) else "en", wide=True)


def _marked(text: str, marks: list[tuple]) -> str:
    """The text, escaped, with each marked span wrapped (overlapping spans: the first kept)."""
    out, at = [], 0
    for start, end, kind, target, note in sorted(marks, key=lambda m: (m[0], m[1])):
        if start < at or end > len(text):
            continue
        inner = escape(text[start:end])
        span = f"<a href='#{escape(target)}'>{inner}</a>" if target else inner
        out.append(escape(text[at:start]))
        out.append(f"<mark id='mark-{start}' class='{kind}' title='{escape(note)}'>{span}</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)
