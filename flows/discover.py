"""Find the raw report files and read them, with their content hash; files that cannot be reports
(too large, unreadable, a copy of another, of a format not read, a link out of the raw folder) are
rejected with a one-line reason."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

REPORT_SUFFIXES = (".txt", ".html", ".htm")
# files in the raw folder that are no reports and are read elsewhere: hand corrections, fetch manifests
KNOWN_FILES = ("corrections.csv", "manifest.jsonl")


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
    """Every report file under raw_dir, in a stable order, each content once. Hidden files (a fetch's
    partial download, an editor's swap file) are not looked at."""
    reports: list[RawReport] = []
    rejected: list[Rejected] = []
    first_path: dict[str, str] = {}
    root = raw_dir.resolve()
    for path in _files(raw_dir):
        name = str(path.relative_to(raw_dir))
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            rejected.append(
                Rejected(name, f"{name}: a link to {path.resolve()}, outside the raw folder: not followed")
            )
            continue
        if path.is_dir():  # a linked folder within the raw folder: its files are read where they are
            continue
        if path.suffix.lower() not in REPORT_SUFFIXES:
            if path.name not in KNOWN_FILES:
                reads = ", ".join(REPORT_SUFFIXES)
                rejected.append(
                    Rejected(
                        name,
                        f"{name}: unsupported format ({path.suffix or 'no extension'}): reports are {reads}",
                    )
                )
            continue
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


def _files(raw_dir: Path) -> list[Path]:
    """The files under raw_dir, links included but not followed into folders, hidden ones left out."""
    found = []
    for folder, folders, files in os.walk(raw_dir):  # os.walk does not descend into linked folders
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        here = Path(folder)
        found += [here / f for f in files if not f.startswith(".")]
        found += [here / f for f in folders if (here / f).is_symlink()]
    return sorted(found)
