"""Figures given as lists in Chinese text: "A、B和C分别增长1%、2%和3%" pairs names and figures in order;
"156.6和50.6个百分点" shares the unit that ends the list."""

from __future__ import annotations

import dataclasses

from flows.extract.zh.cues import LIST_SEPARATOR
from flows.extract.zh.numbers import Figure
from flows.extract.zh.subjects import PLACES, Named


def listed(named: list[Named], text: str, figure: Figure, earlier: list[Figure]) -> Named | None:
    """In "A、B和C分别增长1%、2%和3%", the name of the figure's place or series in its list; a later
    "分别" without names of its own ("比一季度分别加快…") lists the same names again. The list is
    the nearest run of two or more names of one kind joined by 、和及 before "分别", a few words apart
    ("拉萨市、山南市位居前三,零售额占比分别为…")."""
    split = text.rfind("分别", 0, figure.start)
    if split < 0:
        return None
    position = sum(1 for f in earlier if f.start > split and f.kind == figure.kind)
    while split >= 0:
        names = _nearest_run(named, text, split)
        if names:
            return names[position] if position < len(names) else None
        split = text.rfind("分别", 0, split)
    return None


NEAR = 24  # characters between a list of names and its "分别"


def _nearest_run(named: list[Named], text: str, split: int) -> list[Named]:
    run: list[Named] = []
    for n in reversed([n for n in named if n.end <= split and not n.is_object]):
        if run and _group(n) == _group(run[-1]) and LIST_SEPARATOR.match(text[n.end : run[-1].start]):
            run.append(n)
            continue
        if len(run) > 1:
            break
        if split - n.end > NEAR:
            return []
        run = [n]
    return list(reversed(run)) if len(run) > 1 else []


def _group(name: Named) -> str:
    return "place" if name.kind in PLACES else "series"


def with_shared_units(figures: list[Figure]) -> list[Figure]:
    """ "156.6和50.6个百分点": a bare number in a list takes the unit of the figure that ends it."""
    shared = list(figures)
    for i in range(len(shared) - 2, -1, -1):
        here, after = shared[i], shared[i + 1]
        if here.kind == "bare" and after.kind not in ("bare", "not_a_figure") and after.start - here.end <= 2:
            shared[i] = dataclasses.replace(here, kind=after.kind, unit=after.unit)
    return shared
