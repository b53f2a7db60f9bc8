"""What a run did, in a form both the flow's logs and the command line can print."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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

    def lines(self) -> list[str]:
        lines = [
            f"reports read:        {self.reports_read}",
            f"reports rejected:    {len(self.rejected)}",
            f"observations loaded: {self.observations_loaded}",
            f"facts published:     {self.facts_built if self.published else 0}",
            f"reports held back:   {len(self.held_back)}",
            f"checks passed:       {self.checks_passed}",
            f"checks failed:       {self.checks_failed}",
        ]
        lines += [f"error: {line}" for line in self.rejected]
        for path, reasons in self.held_back.items():
            lines.append(f"held back: {path}, failed {len(reasons)} critical check(s):")
            lines += [f"  {reason}" for reason in reasons]
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
        if self.overview:
            lines.append(f"overview:            {self.overview}")
        if self.docs_index:
            lines.append(f"data docs:           {self.docs_index}")
        return lines
