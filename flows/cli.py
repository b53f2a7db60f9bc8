"""The retail-etl command: fetch releases, run the pipeline, query the warehouse, find the docs,
schedule runs.

Only `run` and `serve` import Prefect (and, through the flow, GX); `fetch`, `query` and `docs` stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import signal
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from flows.settings import Settings, apply_tool_environment, load_settings
from flows.summary import RunSummary

DEFAULT_CRON = "0 6 * * *"


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `retail-etl query … | head` ends quietly
    parser = _parser()
    args = parser.parse_args(argv)
    settings = load_settings(getattr(args, "raw_dir", None), args.warehouse, getattr(args, "docs_dir", None))
    return args.command(args, settings)


def console() -> int:
    """The installed command: main, then an exit without the last collection."""
    code = main()
    # Frozen objects are left out of the collections at exit, which after a run walk every object
    # Prefect, GX and pandas created (~2 s); the files are closed by then.
    gc.freeze()
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="retail-etl", description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, help="the DuckDB file (default: $RETAIL_WAREHOUSE)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the pipeline once on the reports in the raw folder")
    run.add_argument("--raw-dir", type=Path, help="folder of report files (default: data/raw)")
    run.add_argument("--docs-dir", type=Path, help="where to build the data docs site")
    run.add_argument("--full-refresh", action="store_true", help="extract every report again")
    run.add_argument("--offline", action="store_true", help="do not fetch from the sources first")
    run.add_argument(
        "--dask-address", help="extract on this Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: local)"
    )
    run.add_argument("--region", action="append", help="backfill: only reports of this region (repeatable)")
    run.add_argument(
        "--period", action="append", help="backfill: only reports of periods starting so, e.g. 2024-H1"
    )
    run.set_defaults(command=run_command)

    fetch = commands.add_parser("fetch", help="fetch new releases from the enabled sources, only")
    fetch.add_argument("--raw-dir", type=Path, help="folder of report files (default: data/raw)")
    fetch.set_defaults(command=fetch_command)

    extract = commands.add_parser("extract", help="show what a report file yields, without loading it")
    extract.add_argument("file", type=Path, help="a report file (.txt or .html)")
    extract.add_argument("--format", choices=["text", "csv"], default="text")
    extract.set_defaults(command=extract_command)

    query = commands.add_parser("query", help="run SQL on the warehouse (read-only)")
    query.add_argument("sql", help='the SQL to run, e.g. "select * from v_facts limit 5"')
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--max-rows", type=int, default=200, help="rows shown in table format")
    query.add_argument("--write", action="store_true", help="open the warehouse for writing")
    query.set_defaults(command=query_command)

    docs = commands.add_parser("docs", help="say where the data docs are, or serve them")
    docs.add_argument("--docs-dir", type=Path, help="the data docs folder")
    docs.add_argument("--serve", action="store_true", help="serve them on http://127.0.0.1:PORT")
    docs.add_argument("--port", type=int, default=8000)
    docs.set_defaults(command=docs_command)

    serve = commands.add_parser("serve", help="register the flow on a Prefect server with a schedule")
    serve.add_argument("--cron", default=DEFAULT_CRON, help=f"schedule (default: daily, {DEFAULT_CRON!r})")
    serve.add_argument("--interval", type=int, help="run every N seconds instead of the cron schedule")
    serve.add_argument("--name", default="scheduled", help="deployment name")
    serve.add_argument("--raw-dir", type=Path, help="folder of report files (default: data/raw)")
    serve.set_defaults(command=serve_command)
    return parser


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    apply_tool_environment()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.api_server import start_temporary_server

    server = start_temporary_server()
    # imported while the temporary server boots on the other core
    from flows.pipeline import retail_warehouse
    from flows.validate import import_great_expectations

    import_great_expectations()
    api = {}
    if server is not None:
        server.wait_until_ready()
        api = {PREFECT_API_URL: server.api_url}
    with temporary_settings(updates=api):
        state = retail_warehouse(
            raw_dir=str(settings.raw_dir),
            warehouse=str(settings.warehouse_path),
            docs_dir=str(settings.docs_dir),
            full_refresh=args.full_refresh,
            regions=args.region,
            periods=args.period,
            fetch=not args.offline,
            dask_address=args.dask_address,
            return_state=True,
        )
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, RunSummary):  # the run stopped before it had a summary
        print(f"error: {state.message}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0 if summary.success else 1


def fetch_command(args: argparse.Namespace, settings: Settings) -> int:
    """Fetch each enabled source in turn, without Prefect: a line per source, one per failure."""
    from flows.ingest.fetch import fetch_releases, open_http
    from flows.ingest.sources import read_sources

    sources = read_sources(settings.sources_file)
    for error in sources.errors:
        print(f"source failed: {error}", file=sys.stderr)
    if not sources.enabled:
        print(f"no enabled sources in {settings.sources_file}")
    failed = bool(sources.errors)
    http = open_http(settings)
    try:
        for source in sources.enabled:
            report = fetch_releases(source, http, settings.raw_dir, settings.archive_dir)
            print(f"source {report.line}")
            for line in report.failed:
                print(f"source failed: {line}", file=sys.stderr)
            failed = failed or bool(report.failed)
    finally:
        http.close()
    return 1 if failed else 0


def extract_command(args: argparse.Namespace, settings: Settings) -> int:
    from flows.extract import KEY_COLUMNS, ReportError, extract_file, key_rows
    from flows.reference import Reference

    reference = Reference(settings.reference_dir)
    try:
        _, extraction = extract_file(args.file.read_bytes(), args.file.name, reference)
    except (OSError, ReportError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    rows = key_rows(extraction.observations, reference)
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=KEY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return 0
    dated = extraction.report_date
    when = f"{dated.value} (from the {dated.source.replace('_', ' ')})" if dated else "date unknown"
    print(f"{args.file}: {extraction.title!r}, {extraction.source}, {when}")
    print(f"\n{len(rows)} observations")
    for row, observation in zip(rows, extraction.observations, strict=True):
        qualifier = f"{row['qualifier']} " if row["qualifier"] else ""
        print(
            f"  {row['region']} | {row['segment']} | {row['period']} | {row['measure']} = "
            f"{qualifier}{row['value']:g} {row['unit']}"
        )
        print(f'      "{observation.figure_text}" in: {row["evidence"]}')
    for disposition, title in (("not_a_figure", "not figures"), ("needs_review", "to review")):
        items = [s for s in extraction.set_aside if s.disposition == disposition]
        print(f"\n{len(items)} {title}")
        for item in items:
            print(f'  "{item.text}": {item.reason}\n      in: {item.evidence}')
    return 0


def query_command(args: argparse.Namespace, settings: Settings) -> int:
    import duckdb

    path = settings.warehouse_path
    if not path.exists():
        print(f"error: no warehouse at {path}; run `make run` first", file=sys.stderr)
        return 1
    try:
        with duckdb.connect(str(path), read_only=not args.write) as con:
            relation = con.sql(args.sql)
            if relation is None:  # a statement without a result, e.g. with --write
                return 0
            if args.format == "table":
                relation.show(max_rows=args.max_rows, max_width=10_000)
                return 0
            columns, rows = relation.columns, relation.fetchall()
    except duckdb.Error as error:
        print(f"error: {path}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        json.dump(
            [dict(zip(columns, row, strict=True)) for row in rows],
            sys.stdout,
            default=_json_value,
            ensure_ascii=False,
            indent=2,
        )
        print()
    return 0


def _json_value(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def docs_command(args: argparse.Namespace, settings: Settings) -> int:
    index = settings.docs_index
    if not index.exists():
        print(f"error: no data docs at {index}; run `make run` first", file=sys.stderr)
        return 1
    print(index)
    if settings.overview.exists():
        print(settings.overview)
    if args.serve:
        import functools
        import http.server

        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(settings.docs_dir))
        with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
            print(f"serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
    return 0


def serve_command(args: argparse.Namespace, settings: Settings) -> int:
    apply_tool_environment()
    import os

    if not os.environ.get("PREFECT_API_URL"):
        print(
            "error: schedules need a running Prefect server: start one with `make server`, then "
            "set PREFECT_API_URL=http://127.0.0.1:4200/api",
            file=sys.stderr,
        )
        return 1
    from flows.pipeline import retail_warehouse

    schedule = {"interval": args.interval} if args.interval else {"cron": args.cron}
    retail_warehouse.serve(
        name=args.name,
        parameters={
            "raw_dir": str(settings.raw_dir),
            "warehouse": str(settings.warehouse_path),
            "docs_dir": str(settings.docs_dir),
        },
        limit=1,  # never two scheduled runs at once
        **schedule,
    )
    return 0


if __name__ == "__main__":
    sys.exit(console())
