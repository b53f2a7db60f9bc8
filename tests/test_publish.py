import duckdb

from flows.publish import publish


def make_db(path, value: int):
    with duckdb.connect(str(path)) as con:
        con.execute("create table t as select ? as v", [value])


def test_publish_replaces_the_warehouse_while_a_reader_keeps_its_snapshot(tmp_path):
    warehouse, build = tmp_path / "w.duckdb", tmp_path / "w.duckdb.build"
    make_db(warehouse, 1)
    make_db(build, 2)
    with duckdb.connect(str(warehouse), read_only=True) as reader:
        publish(build, warehouse)
        assert reader.execute("select v from t").fetchall() == [(1,)]
    with duckdb.connect(str(warehouse), read_only=True) as fresh:
        assert fresh.execute("select v from t").fetchall() == [(2,)]
    assert not build.exists()
