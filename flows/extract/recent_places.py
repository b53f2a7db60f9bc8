"""The places a sentence inherits from the sentences before it: the place of each kind named last
("the county"), unknown places the report named in full ("Yandianlou town", then "Yandianlou"), and
the place a paragraph opens with as its subject."""

from __future__ import annotations

from flows.extract.layout import Span
from flows.extract.places import opens, place_kinds, short_name
from flows.reference import Match, Reference


class RecentPlaces:
    """What a report's sentences have said so far about where."""

    def __init__(self) -> None:
        self.by_kind: dict[str, Match] = {}  # the place of each kind named last ("the county")
        self.learned: dict[str, str] = {}  # unknown places named in full, by their short name
        self.paragraph: Match | None = None  # the known place the paragraph opens with, its subject
        self.sentences_in_paragraph = 0

    def start_paragraph(self) -> None:
        self.paragraph = None
        self.sentences_in_paragraph = 0

    def after_sentence(self, sentence: Span, regions: list[Match], reference: Reference) -> None:
        """Remember the places a sentence just read named."""
        # "Shanghai witnessed the strongest consumption … The online retail sales volume reached …":
        # the known place a paragraph opens with is the subject of its sentences that name none
        if self.sentences_in_paragraph == 0 and regions and regions[0].code and opens(sentence, regions[0]):
            self.paragraph = regions[0]
        self.sentences_in_paragraph += 1
        for place in regions:
            for kind in place_kinds(place, reference):
                self.by_kind[kind] = place
            if name := short_name(place):
                self.learned[name] = place.text
            elif not place.code and place.text.endswith("poor counties"):
                self.learned["these counties"] = place.text
