"""What a run did, in a form both the flow's logs and the command line can print."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from time import perf_counter


class Stopwatch:
    """Seconds spent per step of a run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + perf_counter() - started


# Rejected files listed one by one; beyond, a count (a folder of 10,000 stray files is one line more).
LISTED = 50
PROBLEM_PREFIXES = ("error:", "held back:", "warning:", "failed check:", "NOT published", "source failed:")


@dataclass(frozen=True)
class RunSummary:
    reports_read: int
    rejected: list[str]  # one line per rejected file: "<path>: <reason>"
    observations_loaded: int
    facts_built: int
    checks_passed: int
    checks_failed: int
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    held_back: dict[str, list[str]] = field(default_factory=dict)  # report path -> failed checks
    review: dict[str, list[str]] = field(default_factory=dict)  # report path -> numbers not understood
    published: bool = False
    warehouse_path: Path | None = None
    build_path: Path | None = None
    docs_index: Path | None = None
    overview: Path | None = None
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # outside a backfill
    seconds: dict[str, float] = field(default_factory=dict)  # per step
    sources: list[str] = field(default_factory=list)  # per source fetched: what was new
    source_errors: list[str] = field(default_factory=list)  # a source line or a fetch that failed
    followed_regions: int = 0  # regions enabled sources follow: the freshness check expects releases
    newest_report: date | None = None

    @property
    def success(self) -> bool:
        return self.published and not self.rejected and not self.held_back

    @property
    def headline(self) -> str:
        if not self.published:
            return "not published"
        if self.success:
            return "published"
        return f"published without {len(self.held_back) + len(self.rejected)} report(s)"

    @property
    def nothing_new(self) -> bool:
        return not (self.new or self.changed or self.removed)

    def lines(self) -> list[str]:
        lines = [f"source {line}" for line in self.sources]
        # a source that cannot be fetched does not stop the run: the rest is published as usual
        lines += [f"source failed: {line}" for line in self.source_errors]
        lines += [
            f"reports read:        {self.reports_read}"
            + (" (nothing new)" if self.nothing_new else "")
            + f": {len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged"
            + (f", {len(self.removed)} removed" if self.removed else ""),
            f"reports rejected:    {len(self.rejected)}",
            f"observations loaded: {self.observations_loaded}",
            f"facts published:     {self.facts_built if self.published else 0}",
            f"reports held back:   {len(self.held_back)}",
            f"checks passed:       {self.checks_passed}",
            f"checks failed:       {self.checks_failed}",
        ]
        lines += [
            f"removed from the published facts: {path} (no longer in the raw folder)" for path in self.removed
        ]
        lines += [f"revised: {path} (new content; its facts replace the old ones)" for path in self.changed]
        lines += [f"skipped: {path} (outside the backfill's regions and periods)" for path in self.skipped]
        lines += [f"error: {line}" for line in self.rejected[:LISTED]]
        if len(self.rejected) > LISTED:
            lines.append(
                f"error: … and {len(self.rejected) - LISTED:,} more rejected files "
                '(all of them: retail-etl query "select * from stg_rejected_files")'
            )
        for path, reasons in self.held_back.items():
            lines.append(f"held back: {path}, failed {len(reasons)} critical check(s):")
            lines += [f"  {reason}" for reason in reasons]
        if not self.followed_regions and self.newest_report:
            # said plainly instead of a warning: nothing follows these reports, so none is overdue
            lines.append(
                f"freshness: not checked: no enabled source follows a region, so no release is due; "
                f"these are reports up to {self.newest_report:%Y-%m-%d}"
            )
        lines += [f"warning: {line}" for line in self.warnings]
        for path, items in self.review.items():
            lines.append(f"{len(items)} numbers not understood in {path}:")
            lines += [f"  {item}" for item in items]
        lines += [f"failed check: {line}" for line in self.failures]
        if self.published:
            lines.append(f"warehouse:           {self.warehouse_path}")
        else:
            lines.append(f"NOT published; the warehouse at {self.warehouse_path} is unchanged")
            if self.build_path and self.build_path.exists():
                lines.append(f"rejected build kept for inspection: {self.build_path}")
        if self.seconds:
            steps = ", ".join(f"{name} {seconds:.1f}" for name, seconds in self.seconds.items())
            lines.append(f"seconds per step:    {steps}")
        if self.overview:
            lines.append(f"overview:            {self.overview}")
        if self.docs_index:
            lines.append(f"data docs:           {self.docs_index}")
        return lines

    def problems(self) -> list[str]:
        """The summary's lines about what went wrong or needs a look, with their indented details."""
        problems, keep = [], False
        for line in self.lines():
            keep = line.startswith(PROBLEM_PREFIXES) or (keep and line.startswith("  "))
            if keep:
                problems.append(line)
        return problems

    def markdown(self) -> str:
        """The summary as a Prefect artifact: counts, problems, and seconds per step."""
        counts = [
            ("sources fetched", len(self.sources)),
            ("sources or releases failed", len(self.source_errors)),
            ("reports new", len(self.new)),
            ("reports changed", len(self.changed)),
            ("reports unchanged", len(self.unchanged)),
            ("reports removed", len(self.removed)),
            ("reports rejected", len(self.rejected)),
            ("reports held back", len(self.held_back)),
            ("observations loaded", self.observations_loaded),
            ("facts published", self.facts_built if self.published else 0),
            ("checks passed", self.checks_passed),
            ("checks failed", self.checks_failed),
        ]
        rows = "\n".join(f"| {name} | {value} |" for name, value in counts)
        steps = "\n".join(f"| {name} | {seconds:.2f} |" for name, seconds in self.seconds.items())
        problems = "\n".join(f"- {line}" for line in self.problems())
        sources = "\n".join(f"- {line}" for line in self.sources)
        return (
            f"# Retail warehouse run: {self.headline}\n\n| | |\n|---|---|\n{rows}\n\n"
            + (f"## Sources\n\n{sources}\n\n" if sources else "")
            + f"## Seconds per step\n\n| step | seconds |\n|---|---|\n{steps}\n\n"
            + (f"## Problems\n\n{problems}\n" if problems else "")
        )
