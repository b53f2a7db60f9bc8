"""One writer at a time: a run holds an exclusive lock beside the warehouse file while it works.

The lock is an OS file lock, so it is released when the process ends, even when it is killed.
"""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import IO


class RunLockedError(Exception):
    """Another run is already building this warehouse."""


def acquire_run_lock(warehouse_path: Path) -> IO[str]:
    """The open, locked lock file; close it to release. Raises RunLockedError if held."""
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse_path.with_name(warehouse_path.name + ".lock")
    handle = lock_path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise RunLockedError(
            f"{warehouse_path}: another run is writing this warehouse; try again later"
        ) from None
    return handle
