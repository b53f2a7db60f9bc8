"""The periods a sentence inherits from the sentences before it: the scene's period ("Meanwhile,
the sector expanded during the first half of the year."), the period a paragraph stated in a
sentence without figures, and the period named last ("… during the period")."""

from __future__ import annotations

from flows.extract.context import Context
from flows.extract.layout import Span
from flows.extract.measures import NOT_RETAIL_REASON
from flows.extract.model import ReportDate, SetAside
from flows.extract.patterns import ONLINE_WORDS, THE_PERIOD
from flows.extract.periods import PeriodPhrase, subject_periods
from flows.reference import Reference

SCENE_REASONS = ("part of a date", "a year")


class RecentPeriods:
    """What a report's sentences have stated so far about when."""

    def __init__(self, dated: ReportDate | None) -> None:
        self.dated = dated
        self.scene: PeriodPhrase | None = None  # the latest period a scene-setting sentence stated
        self.last_stated: PeriodPhrase | None = None  # the latest period any earlier sentence stated
        self.last_named: PeriodPhrase | None = None  # the same, history included ("In 2019, …")
        # the latest period stated by a sentence of the paragraph that yielded no observation
        self.paragraph: PeriodPhrase | None = None

    def start_paragraph(self) -> None:
        self.paragraph = None

    def after_sentence(
        self, sentence: Span, observed_any: bool, asides_here: list[SetAside], reference: Reference
    ) -> None:
        """Remember what a sentence just read stated."""
        # "now", "at present" speak for their own sentence only; the sentences after keep the period before
        named = [p for p in subject_periods(sentence) if not p.current]
        stated = [p for p in named if not historical(p, self.dated)]
        self.last_stated = stated[-1] if stated else self.last_stated
        self.last_named = named[-1] if named else self.last_named
        if stated and not observed_any:
            self.paragraph = stated[-1]
        # a sentence without figures (dates aside) that sets the scene's period: "Meanwhile, the
        # e-commerce sector expanded steadily during the first half of the year."; or whose
        # figures are of other series ("In 2017, the city's merchandise trade rose 12 percent")
        reasons = (*SCENE_REASONS, NOT_RETAIL_REASON)
        if (
            not observed_any
            and all(s.reason in reasons for s in asides_here)
            and (
                any(s.reason == NOT_RETAIL_REASON for s in asides_here)
                or ONLINE_WORDS.search(sentence.text)
                or reference.segment_matcher.find(sentence.text)
            )
        ):
            periods = [p for p in stated if not p.days]
            self.scene = periods[-1] if periods else self.scene

    def for_figure(self, context: Context) -> PeriodPhrase | None:
        """The period a figure inherits when its sentence states none."""
        sentence, quantity = context.sentence, context.quantity
        recent = self.scene
        if self.paragraph and (not recent or self.paragraph.start > recent.start):
            # "In Q1-Q3 the postal industry's revenue rose 9.9 percent. Parcels reached 2.9 billion."
            recent = self.paragraph
        if self.last_named and (
            THE_PERIOD.search(context.clause.text)
            or THE_PERIOD.search(sentence.text[: quantity.start - sentence.start])
        ):
            # "… during the May Day holiday. Online sales surged during the period"; "In 2019, the
            # county began training. In that year, online sales reached …" (history or not)
            recent = self.last_named
        return recent


def historical(phrase: PeriodPhrase, dated: ReportDate | None) -> bool:
    """A year well before the report's ("it opened its first store in 2007"): history, not its period."""
    return bool(dated and phrase.explicit_year and phrase.explicit_year < dated.value.year - 1)
