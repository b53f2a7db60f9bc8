"""Publish a checked build as the warehouse in one atomic step."""

from __future__ import annotations

import os
from pathlib import Path


def publish(build_path: Path, warehouse_path: Path) -> Path:
    """Replace the published file with the build. Readers of the old file keep their snapshot;
    new connections see the new one. The build was checkpointed and closed, so it has no WAL."""
    if build_path.with_name(build_path.name + ".wal").exists():
        raise RuntimeError(f"{build_path}: build still has a write-ahead log; it was not closed")
    os.replace(build_path, warehouse_path)
    return warehouse_path
