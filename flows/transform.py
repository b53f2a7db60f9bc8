"""Build the star schema: run the SQL models in sql/ in dependency order."""

from __future__ import annotations

import re
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

# What each layer's models become; a model reads staging tables and the models it names. Audits
# are tables: built once per run, then counted, checked and shown without being computed again.
LAYERS = {"stg": "table", "dim": "table", "fact": "table", "v": "view", "chk": "table"}
MODEL_NAME = re.compile(r"(?P<layer>[a-z]+)_[a-z0-9_]+")


def models(sql_dir: Path) -> list[Path]:
    """The SQL model files, each after the models it reads (ties: by layer, then name)."""
    found = {}
    for path in sql_dir.glob("*.sql"):
        match = MODEL_NAME.fullmatch(path.stem)
        if not match or match.group("layer") not in LAYERS:
            raise ValueError(f"{path}: model files are named <layer>_<name>.sql, layers {list(LAYERS)}")
        found[path.stem] = path
    order = list(LAYERS)
    key = {name: (order.index(name.split("_")[0]), name) for name in found}
    graph = TopologicalSorter()
    for name, path in sorted(found.items(), key=lambda item: key[item[0]]):
        sql = path.read_text(encoding="utf-8")
        graph.add(
            name,
            *sorted(
                (other for other in found if other != name and re.search(rf"\b{other}\b", sql)), key=key.get
            ),
        )
    graph.prepare()
    ordered: list[str] = []
    while graph.is_active():
        ready = sorted(graph.get_ready(), key=key.get)
        ordered += ready
        graph.done(*ready)
    return [found[name] for name in ordered]


def run_models(database: Path, sql_dir: Path) -> dict[str, int]:
    """Create each model as a table or view named after its file; returns rows per table (a view
    is not counted: that would compute it once more)."""
    counts = {}
    with duckdb.connect(str(database)) as con:
        for path in models(sql_dir):
            kind = LAYERS[path.stem.split("_")[0]]
            con.execute(f"create or replace {kind} {path.stem} as\n{path.read_text(encoding='utf-8')}")
            if kind == "table":
                counts[path.stem] = con.execute(f"select count(*) from {path.stem}").fetchone()[0]
        con.execute("checkpoint")
    return counts
