"""Where a figure stands: its sentence and clause, the names they hold, and the sentence's figures
so far. Place, segment and measure rules read it; the assembly builds it per figure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flows.extract.layout import Span
from flows.extract.model import Observation
from flows.extract.quantities import Quantity
from flows.reference import Match


@dataclass(frozen=True)
class Context:
    sentence: Span
    clause: Span
    quantity: Quantity
    segments: list[Match]
    regions: list[Match]
    figure_clauses: list[tuple[int, int]]  # clauses that state a figure of their own
    appositive_clauses: list[tuple[int, int]]  # "a pillar industry of Hefei", "led by Yantai apples"
    previous: Observation | None  # the paragraph's latest observation
    in_sentence: Observation | None  # the sentence's latest observation, if it has one yet
    last_in_report: Observation | None = None  # the report's latest observation, any paragraph
    last_not_retail: int = -1  # start of the sentence's latest figure set aside as not retail
    last_observed: int = -1  # start of the sentence's latest observation
    # the sentence's latest figure set aside as no figure (a one-day count, a company's): start, why
    last_dismissed: tuple[int, str] | None = None
    # the place of each kind ("county", "city", "village" …) the report named last before this sentence
    recent_places: Mapping[str, Match] = field(default_factory=dict)
    paragraph_place: Match | None = None  # the known place the paragraph opens with

    @property
    def before(self) -> str:
        """The clause before the figure, up to the cue window."""
        return self.clause.text[: self.quantity.start - self.clause.start][-CUE_WINDOW:]

    @property
    def after(self) -> str:
        return self.clause.text[self.quantity.end - self.clause.start :][:CUE_WINDOW]

    def in_clause(self, match: Match) -> bool:
        return self.clause.start <= match.start < self.clause.end


CUE_WINDOW = 60  # characters either side of a figure that hold its cue ("up", "accounting for")


def distance(match: Match, quantity: Quantity) -> int:
    return quantity.start - match.end if match.end <= quantity.start else match.start - quantity.end
