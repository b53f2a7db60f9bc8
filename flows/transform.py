"""Build the star schema: run the SQL models in sql/ in dependency order."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

# Layers run in this order; within a layer, models must not depend on each other.
LAYERS = {"stg": "table", "dim": "table", "fact": "table", "v": "view", "chk": "view"}
MODEL_NAME = re.compile(r"(?P<layer>[a-z]+)_[a-z0-9_]+")


def models(sql_dir: Path) -> list[Path]:
    """The SQL model files in run order: by layer, then by name."""
    found = []
    for path in sql_dir.glob("*.sql"):
        match = MODEL_NAME.fullmatch(path.stem)
        if not match or match.group("layer") not in LAYERS:
            raise ValueError(f"{path}: model files are named <layer>_<name>.sql, layers {list(LAYERS)}")
        found.append(path)
    order = list(LAYERS)
    return sorted(found, key=lambda p: (order.index(p.stem.split("_")[0]), p.stem))


def run_models(database: Path, sql_dir: Path) -> dict[str, int]:
    """Create each model as a table or view named after its file; returns rows per model."""
    counts = {}
    with duckdb.connect(str(database)) as con:
        for path in models(sql_dir):
            kind = LAYERS[path.stem.split("_")[0]]
            con.execute(f"create or replace {kind} {path.stem} as\n{path.read_text(encoding='utf-8')}")
            counts[path.stem] = con.execute(f"select count(*) from {path.stem}").fetchone()[0]
        con.execute("checkpoint")
    return counts
