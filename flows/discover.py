"""Find the raw report files and read them, with their content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

REPORT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class RawReport:
    path: str  # relative to the raw folder, as shown to users
    data: bytes
    sha256: str

    @property
    def report_id(self) -> str:
        return self.sha256[:16]

    @property
    def size_bytes(self) -> int:
        return len(self.data)


def find_reports(raw_dir: Path) -> list[RawReport]:
    """Every report file under raw_dir, in a stable order."""
    paths = sorted(p for p in raw_dir.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
    reports = []
    for path in paths:
        data = path.read_bytes()
        reports.append(RawReport(str(path.relative_to(raw_dir)), data, hashlib.sha256(data).hexdigest()))
    return reports
