"""End to end: the whole Prefect flow on real files, a real DuckDB file, real GX checks and docs."""

import duckdb
import pytest
from prefect.artifacts import Artifact
from prefect.testing.utilities import prefect_test_harness

from flows.cli import main
from flows.pipeline import retail_warehouse

pytestmark = pytest.mark.e2e

BAD_REPORT = """SITE › News

Online retail in Gansu

As released on October 20, 2025, online retail sales in Gansu Province grew 5000 percent year on year
in the first three quarters of this year.
"""


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def run(raw_dir, warehouse):
    state = retail_warehouse(
        raw_dir=str(raw_dir),
        warehouse=str(warehouse),
        docs_dir=str(warehouse.parent / "docs"),
        return_state=True,
    )
    return state, state.result(raise_on_failure=False)


def tables(warehouse) -> dict[str, list]:
    """Every table's rows, sorted, so that two runs can be compared."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [r[0] for r in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        return {name: sorted(con.execute(f"select * from {name}").fetchall(), key=repr) for name in names}


def test_flow_publishes_then_reruns_identically_then_holds_back_a_bad_report(raw_dir, tmp_path):
    warehouse = tmp_path / "warehouse" / "retail.duckdb"

    state, summary = run(raw_dir, warehouse)
    assert state.is_completed(), summary
    assert (summary.reports_read, summary.observations_loaded, summary.facts_built) == (1, 15, 19)
    assert summary.checks_passed > 0 and not summary.failures
    # the bundled report is from 2024 and no source follows a region: said plainly, not warned
    assert summary.checks_failed == 0 and summary.warnings == []
    assert (
        "freshness: not checked: no enabled source follows a region, so no release is due; "
        "these are reports up to 2024-07-19"
    ) in summary.lines()
    assert summary.docs_index.exists()
    first = tables(warehouse)
    assert len(first["fact_retail"]) == 19

    state, summary = run(raw_dir, warehouse)
    assert state.is_completed()
    assert tables(warehouse) == first  # no duplicates, nothing changed, loaded_at kept
    assert summary.nothing_new and "(nothing new)" in summary.lines()[0]
    # each run leaves a Prefect artifact with its summary and the seconds per step
    artifact = Artifact.get("retail-warehouse-run")
    assert "| reports unchanged | 1 |" in artifact.data and "| validate |" in artifact.data

    (raw_dir / "gansu_bad.txt").write_text(BAD_REPORT, encoding="utf-8")
    state, summary = run(raw_dir, warehouse)
    assert state.is_failed()  # the run says a report was held back
    assert summary.published
    (reasons,) = summary.held_back.values()
    assert list(summary.held_back) == ["gansu_bad.txt"]
    assert any("fact_retail" in reason and "value" in reason and "5000" in reason for reason in reasons), (
        reasons
    )
    after = tables(warehouse)
    # the published tables hold exactly the good report's facts, as before; the bad one is quarantined
    assert {name: rows for name, rows in after.items() if not name.startswith("quarantine")} == {
        name: rows for name, rows in first.items() if not name.startswith("quarantine")
    }
    (held,) = after["quarantine_reports"]
    assert held[1] == "gansu_bad.txt" and "fact_retail" in held[4][0]
    assert [row[6] for row in after["quarantine_facts"]] == [5000.0]
    assert "held back: gansu_bad.txt" in "\n".join(summary.lines())
    # the docs show the failed validation too
    assert "fact_retail" in summary.docs_index.read_text(encoding="utf-8")

    # fixing the report publishes it
    (raw_dir / "gansu_bad.txt").write_text(BAD_REPORT.replace("5000", "5.0"), encoding="utf-8")
    state, summary = run(raw_dir, warehouse)
    assert state.is_completed() and not summary.held_back
    assert len(tables(warehouse)["fact_retail"]) == 20


def test_a_bad_correction_line_holds_back_its_report_and_publishes_the_rest(raw_dir, tmp_path):
    warehouse = tmp_path / "retail.duckdb"
    (raw_dir / "gansu.txt").write_text(BAD_REPORT.replace("5000", "5.0"), encoding="utf-8")
    assert run(raw_dir, warehouse)[0].is_completed()
    xinjiang = next(p.name for p in raw_dir.iterdir() if p.name != "gansu.txt")
    (raw_dir / "corrections.csv").write_text(
        "report,action,region,segment,period,measure,value,unit,note\n"
        f"{xinjiang},fix,Xinjiang,services,2023-H1,yoy_growth_pct,1,percent,x\n"
        "none.txt,fix,Xinjiang,services,2024-H1,yoy_growth_pct,1,percent,x\n",
        encoding="utf-8",
    )
    state, summary = run(raw_dir, warehouse)
    assert state.is_failed() and summary.published  # published without the report held back
    assert summary.rejected == [
        f"corrections.csv line 2: no observation in {xinjiang} for 650000, services, 2023-H1, yoy_growth_pct",
        "corrections.csv line 3: no report 'none.txt' in the raw folder",
    ]
    assert summary.held_back == {xinjiang: [summary.rejected[0]]}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        regions = con.execute("select distinct region_code from fact_retail where not is_derived").fetchall()
        quarantined = con.execute("select path, failed_checks from quarantine_reports").fetchall()
    assert regions == [("620000",)]  # Gansu's facts only
    assert quarantined == [(xinjiang, [summary.rejected[0]])]


def test_extraction_progress_shows_in_the_log_and_an_artifact(tmp_path, monkeypatch, caplog):
    raw = tmp_path / "raw"
    raw.mkdir()
    for number in range(5):
        (raw / f"r{number}.txt").write_text(BAD_REPORT.replace("5000", f"{number + 1}"), encoding="utf-8")
    monkeypatch.setenv("RETAIL_EXTRACT_CHUNK_REPORTS", "2")
    state, summary = run(raw, tmp_path / "retail.duckdb")
    assert state.is_completed() and summary.facts_built == 5
    shown = [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith("extracted ") and "/" in r.getMessage()
    ]
    assert [line.split(" (")[0] for line in shown] == [
        "extracted 2/5 reports",
        "extracted 4/5 reports",
        "extracted 5/5 reports",
    ]
    assert Artifact.get("extraction-progress").data == 100.0  # the run's progress in the Prefect UI


def test_run_command_prints_the_summary(raw_dir, tmp_path, capsys):
    warehouse = tmp_path / "retail.duckdb"
    assert main(["--warehouse", str(warehouse), "run", "--raw-dir", str(raw_dir)]) == 0
    out = capsys.readouterr().out
    assert "observations loaded: 15" in out and "facts published:     19" in out
    assert "data docs:" in out


def test_run_command_rejects_an_undecodable_file_with_one_line(raw_dir, tmp_path, capsys):
    warehouse = tmp_path / "retail.duckdb"
    (raw_dir / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    assert main(["--warehouse", str(warehouse), "run", "--raw-dir", str(raw_dir)]) == 1
    out = capsys.readouterr().out
    assert "error: broken.txt: binary file, not report text" in out
    # every other report is published
    assert "facts published:     19" in out and warehouse.exists()


def test_run_command_exits_clearly_while_another_run_holds_the_lock(raw_dir, tmp_path, capsys):
    from flows.lock import acquire_run_lock

    warehouse = tmp_path / "retail.duckdb"
    with acquire_run_lock(warehouse):
        assert main(["--warehouse", str(warehouse), "run", "--raw-dir", str(raw_dir)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "another run is writing this warehouse" in errors[0]


def test_corrections_and_the_review_list_reach_the_warehouse_and_the_summary(raw_dir, tmp_path):
    warehouse = tmp_path / "retail.duckdb"
    report = next(raw_dir.iterdir()).name
    (raw_dir / "corrections.csv").write_text(
        "report,action,region,segment,period,measure,value,unit,note\n"
        f"{report},fix,Xinjiang,services,2024-H1,yoy_growth_pct,22.5,percent,typo in the release\n",
        encoding="utf-8",
    )
    (raw_dir / "gansu.txt").write_text(
        "Home › News\n\nGansu online retail\n\nReleased on March 10, 2025. In 2024 online retail sales "
        "in Gansu grew 8 percent. Sales were 7 percent.\n",
        encoding="utf-8",
    )
    state, summary = run(raw_dir, warehouse)
    assert state.is_completed(), summary
    assert summary.review == {
        "gansu.txt": ["'7 percent': percentage with no measure cue, in: Sales were 7 percent."]
    }
    assert "1 numbers not understood in gansu.txt:" in summary.lines()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(
            "select value, origin, note from fact_retail where segment_code = 'services' and metric_code = 'yoy_growth_pct' and region_code = '650000'"
        ).fetchall() == [(22.5, "correction", "typo in the release")]
        # the national figure derived from the corrected growth follows it: 22.5 - 5.6
        assert con.execute(
            "select value from fact_retail where segment_code = 'services' and region_code = '000000'"
        ).fetchall() == [(16.9,)]
        assert con.execute(
            "select count(*) from stg_set_aside where disposition = 'needs_review'"
        ).fetchall() == [(1,)]


def test_a_revised_report_supersedes_its_facts_and_a_removed_one_leaves(raw_dir, tmp_path):
    warehouse = tmp_path / "retail.duckdb"
    (report,) = raw_dir.iterdir()
    assert run(raw_dir, warehouse)[0].is_completed()

    report.write_text(
        report.read_text(encoding="utf-8").replace("a 16 percent increase", "a 17 percent increase"),
        encoding="utf-8",
    )
    state, summary = run(raw_dir, warehouse)
    assert state.is_completed() and summary.changed == [report.name] and not summary.nothing_new
    query = "select value, valid_to is null, superseded_because from fact_history where segment_code = 'agricultural' order by valid_from"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(
            "select value from fact_retail where segment_code = 'agricultural'"
        ).fetchall() == [(17.0,)]
        assert con.execute(query).fetchall() == [(16.0, False, "revised"), (17.0, True, None)]

    report.unlink()
    state, summary = run(raw_dir, warehouse)
    assert summary.removed == [report.name]
    assert f"removed from the published facts: {report.name} (no longer in the raw folder)" in summary.lines()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from fact_retail").fetchall() == [(0,)]
        assert con.execute(
            "select count(*) from fact_history where superseded_because = 'removed'"
        ).fetchall() == [(19,)]


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (OSError("disk busy"), True),
        (duckdb.IOException("Could not set lock on file"), True),
        (ValueError("bad"), False),
    ],
)
def test_only_io_failures_are_retried(error, retried):
    from prefect.states import Failed

    from flows.pipeline import transient_failure

    assert transient_failure(None, None, Failed(data=error)) is retried


def test_many_stray_files_are_counted_after_the_first_fifty(raw_dir, tmp_path):
    for n in range(60):
        (raw_dir / f"scan{n:02}.pdf").write_bytes(b"%PDF-1.4")
    state, summary = run(raw_dir, tmp_path / "warehouse" / "retail.duckdb")
    errors = [line for line in summary.lines() if line.startswith("error:")]
    assert len(summary.rejected) == 60 and len(errors) == 51
    assert errors[0] == "error: scan00.pdf: unsupported format (.pdf): reports are .txt, .html, .htm"
    assert errors[-1].startswith("error: … and 10 more rejected files")
    assert summary.facts_built == 19  # the report beside them is published
    with duckdb.connect(str(tmp_path / "warehouse" / "retail.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from stg_rejected_files").fetchone()[0] == 60
