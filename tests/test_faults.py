"""Faults and concurrency with real processes against a real Prefect server: runs killed with
SIGKILL before, during and after publishing, two runs at once, and an analyst holding the
warehouse open through a run. Slow: skip locally with `pytest -m "not integration"`."""

import hashlib
import os
import signal
import subprocess
import time

import duckdb
import pytest

from tests.conftest import BIN, wait_for

pytestmark = pytest.mark.integration


def start_run(env, raw_dir, warehouse) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "retail-etl"), "--warehouse", str(warehouse), "run", "--raw-dir", str(raw_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def kill_when(process: subprocess.Popen, condition, seconds: float = 120) -> None:
    """SIGKILL the run (and anything it started) as soon as the condition holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, "the run ended before the moment to kill it"
        assert time.monotonic() < deadline, "the moment to kill never came"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def agricultural_growth(warehouse) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select value from fact_retail where segment_code = 'agricultural'").fetchall()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def published(prefect_server, raw_dir, tmp_path):
    """A warehouse published once from the reference report, and a revised report waiting."""
    _, env = prefect_server
    warehouse = tmp_path / "warehouse" / "retail.duckdb"
    assert finish(start_run(env, raw_dir, warehouse))[0] == 0
    (report,) = raw_dir.iterdir()
    report.write_text(
        report.read_text(encoding="utf-8").replace("a 16 percent increase", "a 17 percent increase"),
        encoding="utf-8",
    )
    return env, raw_dir, warehouse


@pytest.mark.parametrize("moment", ["at start", "while building"])
def test_a_run_killed_before_publishing_leaves_the_warehouse_as_it_was(published, moment):
    env, raw_dir, warehouse = published
    before = digest(warehouse)
    build = warehouse.with_name(warehouse.name + ".build")
    started = time.monotonic()
    run = start_run(env, raw_dir, warehouse)
    kill_when(run, (lambda: time.monotonic() - started > 1.0) if moment == "at start" else build.exists)
    assert digest(warehouse) == before and agricultural_growth(warehouse) == [(16.0,)]
    # the next run cleans up what the killed one left and publishes
    code, output = finish(start_run(env, raw_dir, warehouse))
    assert code == 0, output
    assert agricultural_growth(warehouse) == [(17.0,)]
    assert not build.exists() and not build.with_name(build.name + ".wal").exists()


def test_a_run_killed_right_after_publishing_leaves_the_new_warehouse_whole(published):
    env, raw_dir, warehouse = published
    inode = warehouse.stat().st_ino
    run = start_run(env, raw_dir, warehouse)
    kill_when(run, lambda: warehouse.stat().st_ino != inode)
    assert agricultural_growth(warehouse) == [(17.0,)]
    assert finish(start_run(env, raw_dir, warehouse))[0] == 0


def test_two_runs_at_once_never_write_together(published):
    env, raw_dir, warehouse = published
    (report,) = raw_dir.iterdir()
    text = report.read_text(encoding="utf-8")
    for n in range(400):  # work enough that the first run still holds the lock when the second asks
        (raw_dir / f"copy{n}.txt").write_text(f"{text}\nCopy number {n}.\n", encoding="utf-8")
    first = start_run(env, raw_dir, warehouse)
    wait_for(lambda: run_lock_held(warehouse), 120, "the first run to take the lock")
    second = start_run(env, raw_dir, warehouse)
    second_code, second_output = finish(second)
    first_code, first_output = finish(first)
    assert first_code == 0, first_output[-2000:]
    assert second_code == 1 and "another run is writing this warehouse" in second_output
    assert "Traceback" not in second_output


def run_lock_held(warehouse) -> bool:
    """Whether a process holds the warehouse's run lock, seen in /proc/locks (not by taking it)."""
    lock = warehouse.with_name(warehouse.name + ".lock")
    if not lock.exists():
        return False
    inode = f":{os.stat(lock).st_ino} "
    with open("/proc/locks", encoding="ascii") as locks:
        return any(inode in line for line in locks)


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB file system: room to build and publish one warehouse, and then to fill up."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def run_on(env, raw_dir, warehouse, **extra_env) -> tuple[int, str]:
    process = subprocess.Popen(
        [
            str(BIN / "retail-etl"),
            "--warehouse",
            str(warehouse),
            "run",
            "--raw-dir",
            str(raw_dir),
            "--full-refresh",
        ],
        env={**env, **extra_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return finish(process)


def test_a_full_disk_gives_a_clear_error_and_leaves_the_warehouse_intact(
    prefect_server, raw_dir, tmp_path, small_disk
):
    _, env = prefect_server
    elsewhere = {"RETAIL_DOCS_DIR": str(tmp_path / "docs"), "RETAIL_GX_DIR": str(tmp_path / "gx")}
    warehouse = small_disk / "retail.duckdb"
    code, output = run_on(env, raw_dir, warehouse, **elsewhere)
    assert code == 0, output
    before = digest(warehouse)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk)
    filler.write_bytes(
        b"\0" * max(free.f_bavail * free.f_frsize - 512 * 1024, 0)
    )  # leave too little room for a build
    code, output = run_on(env, raw_dir, warehouse, **elsewhere)
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cannot write the warehouse" in errors[0], output
    assert digest(warehouse) == before


def test_a_warehouse_folder_that_cannot_be_written_gives_a_clear_error(prefect_server, raw_dir, tmp_path):
    _, env = prefect_server
    folder = tmp_path / "warehouse"
    warehouse = folder / "retail.duckdb"
    assert run_on(env, raw_dir, warehouse)[0] == 0
    before = digest(warehouse)
    locked = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if locked.returncode != 0:
        pytest.skip(f"cannot make a folder read-only here: {locked.stderr.decode().strip()}")
    try:
        code, output = run_on(env, raw_dir, warehouse)
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cannot write the warehouse" in errors[0], output
    assert digest(warehouse) == before
