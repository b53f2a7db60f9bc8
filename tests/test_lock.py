import pytest

from flows.lock import RunLockedError, acquire_run_lock


def test_a_second_run_cannot_take_the_lock_until_the_first_releases_it(tmp_path):
    warehouse = tmp_path / "retail.duckdb"
    first = acquire_run_lock(warehouse)
    with pytest.raises(RunLockedError, match="another run is writing"):
        acquire_run_lock(warehouse)
    first.close()
    acquire_run_lock(warehouse).close()
