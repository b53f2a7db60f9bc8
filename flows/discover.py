"""Find the raw report files and read them, with their content hash; files that cannot be reports
(too large, unreadable, a copy of another) are rejected with a one-line reason."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Rejected:
    path: str
    reason: str  # one line, naming the file


@dataclass(frozen=True)
class Discovery:
    reports: list[RawReport]
    rejected: list[Rejected] = field(default_factory=list)


def find_reports(raw_dir: Path, max_bytes: int = 10 * 2**20) -> Discovery:
    """Every report file under raw_dir, in a stable order, each content once."""
    paths = sorted(p for p in raw_dir.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
    reports: list[RawReport] = []
    rejected: list[Rejected] = []
    first_path: dict[str, str] = {}
    for path in paths:
        name = str(path.relative_to(raw_dir))
        try:
            size = path.stat().st_size
            if size > max_bytes:
                limit = f"{max_bytes / 2**20:g} MB"
                rejected.append(
                    Rejected(name, f"{name}: {size / 2**20:.1f} MB, larger than a report can be ({limit})")
                )
                continue
            data = path.read_bytes()
        except OSError as error:
            rejected.append(Rejected(name, f"{name}: cannot be read: {error.strerror or error}"))
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in first_path:
            rejected.append(Rejected(name, f"{name}: same content as {first_path[sha256]}, loaded once"))
            continue
        first_path[sha256] = name
        reports.append(RawReport(name, data, sha256))
    return Discovery(reports, rejected)
