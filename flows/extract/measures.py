"""What a figure measures: growth, a gap in points and to what, a share, an amount or a count,
with its sign; or why it is set aside instead."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from flows.extract.context import CUE_WINDOW, Context, distance
from flows.extract.layout import clauses
from flows.extract.patterns import (
    ABSOLUTE_CHANGE,
    ANAPHORA,
    APPOSITIVE,
    ATTRIBUTION,
    BELOW,
    COMPANY,
    CONTRIBUTION,
    CONTRIBUTION_SHARE,
    COUNT_GROWTH_BETWEEN,
    COUNT_NOUN_AFTER,
    COUNT_SUBJECT_BEFORE,
    COUNT_THRESHOLD,
    CROSS_BORDER_PART,
    CROSS_BORDER_WORD,
    DAYS_COUNTED,
    DELIVERY_TRADE,
    EARLIER_PERIOD_COMPARATOR,
    EARLIER_VALUE_TO,
    FASTER_THAN_BEFORE,
    FIRMS_AFTER,
    FOREIGN_PLACE,
    FROM_RATE,
    GAP_IN_PERCENT,
    GROUP_OF_FIRMS_AFTER,
    GROUP_SUBJECT,
    GROWTH_DOWN,
    GROWTH_UP,
    IN_REVENUE,
    LIST_JOINER,
    LIST_LINE,
    LIST_UNIT_AFTER,
    NAMED_COMPANY,
    NATIONAL,
    NOT_RETAIL,
    NUMBER_OF,
    OF_WHICH,
    ONE_DAY,
    ONE_SHOW_OR_SAMPLE,
    ONLINE_WORDS,
    OR_SHARE,
    OTHER_BASE,
    OWN_PLATFORMS,
    PER_DAY,
    PERIOD_WORD,
    PERSONAL,
    PHYSICAL_GOODS,
    PLATFORM,
    PLATFORM_EXAMPLES,
    PRE_SALE,
    PROFIT_AFTER,
    PROVINCE_COMPARATOR,
    REQUIREMENT,
    RESPECTIVELY,
    SALES_OF_BEFORE,
    SALES_WORD,
    SERVICES_RETAIL,
    SHARE_AFTER,
    SHARE_BEFORE,
    SHARE_OF_OTHER_WHOLE,
    STATISTIC_OF,
    TARGET,
    TARGET_AFTER,
    THAN,
    THAN_AN_AVERAGE,
    VERB_AUXILIARY,
    YEAR,
    YEAR_ON_YEAR,
    YEARS_SPANNED,
)
from flows.reference import Reference

NOT_RETAIL_REASON = "not a retail series"
UNRECOGNISED_COUNT = "count of an unrecognised quantity"
PLACE_COUNTS = frozenset({"taobao_villages", "taobao_towns"})
# the figures of a list before this one: "contributing 21% and " → "contributing "
LIST_BEFORE = re.compile(r"(?:-?\d[\d,.]*\s*(?:%|percent)\s*(?:,|and|,\s*and)\s*)+$", re.I)
# between a counted thing and its share: "… volume accounts for about 10%"
SHARE_SUBJECT_BETWEEN = re.compile(
    r"\s*(?:[\w’'-]+\s+){0,2}?(?:accounted|accounting|accounts|made|making|makes|represent\w*|constitut\w*)"
    r"(?:\s+(?:for|up))?\s+(?:about\s+|nearly\s+|over\s+|more\s+than\s+|around\s+|almost\s+|roughly\s+)?",
    re.I,
)
# "representing 26.2% growth from 2015": a growth, whatever verb stands before it
GROWTH_NOUN_AFTER = re.compile(r"^\s*(?:year[- ]on[- ]year\s+)?(?:growth|increase|rise|gain|jump)\b", re.I)
CONTRIBUTED_TO_SALES = re.compile(
    r"^\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:total\s+)?retail\s+sales\b(?!\s+growth)", re.I
)
GROWTH_AFTER_TO = re.compile(
    r"^(?:\s*(?:,|and|,\s*and)\s*-?\d[\d,.]*\s*(?:%|percent))*\s+(?:to|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}growth\b",
    re.I,
)
SHARE_WINDOW = 120  # "the proportion of rural e-commerce to the province's total online retail sales rose to"


@dataclass(frozen=True)
class Measure:
    metric: str
    value: float  # signed


@dataclass(frozen=True)
class Aside:
    disposition: str  # not_a_figure | needs_review
    reason: str


def read_measure(context: Context, reference: Reference) -> Measure | Aside:
    """The metric and signed value of a figure, or why it is not an observation."""
    quantity, before, after, previous = context.quantity, context.before, context.after, context.previous
    kind, value = quantity.kind, quantity.value
    if kind in ("percent", "points", "yuan", "count", "doubling") and (
        _not_retail(context, reference) or _all_channel_services(context)
    ):
        return Aside("not_a_figure", NOT_RETAIL_REASON)
    if kind == "yuan" and (_delivery_trade_amount(context, reference) or PROFIT_AFTER.match(after)):
        return Aside("not_a_figure", NOT_RETAIL_REASON)
    if kind in ("yuan", "percent") and _whole_of_online_part(context):
        return Aside("not_a_figure", NOT_RETAIL_REASON)
    if kind == "percent" and OTHER_SERIES_AFTER.match(after):  # "the 8.2% GDP growth rate"
        return Aside("not_a_figure", NOT_RETAIL_REASON)
    if aside := _not_a_statistic(context):
        return aside
    if kind == "percent" and (
        CONTRIBUTION_SHARE.search(context.clause.text[: quantity.start - context.clause.start])
        # "contributing 21% and 17.2% to the growth of …"
        or (CONTRIBUTION.search(LIST_BEFORE.sub("", before)) and GROWTH_AFTER_TO.match(after))
    ):
        return Aside("not_a_figure", "a contribution to growth")
    if kind == "percent":
        wide_before = context.clause.text[: quantity.start - context.clause.start][-SHARE_WINDOW:]
        in_sentence_before = context.sentence.text[: quantity.start - context.sentence.start][-CUE_WINDOW:]
        if not GROWTH_NOUN_AFTER.match(after) and (
            SHARE_BEFORE.search(wide_before)
            or SHARE_AFTER.match(after)
            or OR_SHARE.search(in_sentence_before)
            # "contributing 23.9 percent to China's retail sales of consumer goods": a share of a level
            or (CONTRIBUTION.search(before) and CONTRIBUTED_TO_SALES.match(after))
        ):
            if SHARE_OF_OTHER_WHOLE.match(after) or (  # "0.5 percent of the buyers", "25 percent of incomes"
                # "Jinhua's express business volume accounts for about 10% of China's": a count's share
                _counted_subject(context, reference, SHARE_SUBJECT_BETWEEN)
            ):
                return Aside(
                    "not_a_figure", "a share of people or of another whole (income, GDP), not of sales"
                )
            # "…, while over-40s accounted for 23.5 percent": of what the share before was of
            if not SHARE_AFTER.match(after) and (aside := _follows_dismissed(context)):
                return aside
            return Measure("share_pct", value)
        # "increased to 31.3 percent from 25.6 percent": the earlier value of the same measure
        if (
            FROM_RATE.search(before)
            and context.in_sentence
            and context.in_sentence.metric_code == "share_pct"
        ):
            return Measure("share_pct", value)
        if GAP_IN_PERCENT.match(after) and NATIONAL.search(after):  # "1.49% higher than the national average"
            return Measure("gap_vs_national_pp", -value if BELOW.search(after[:20]) else value)
        if faster := FASTER_THAN_BEFORE.match(after):
            return Measure(
                "growth_change_pp", -value if faster.group("way").lower() in ("slower", "lower") else value
            )
        if THAN_AN_AVERAGE.match(after):
            return Aside("not_a_figure", "a comparison with an average of others, not a growth")
        # "easing from 15 percent in H1": an earlier growth rate, stated as it was
        sign = 1 if FROM_RATE.search(before) else direction(before, after)
        last = context.previous or context.last_in_report
        if (
            sign is None
            and last
            and (LIST_LINE.match(before) or RANKED_WITH.search(before))
            and last.metric_code in ("share_pct", "yoy_growth_pct")
        ):
            # "2. Zhejiang 16.5%" in a ranked list after a share; "Lhokha ranked second, with 3.6 percent"
            return Measure(last.metric_code, value)
        if sign is None:
            return Aside("needs_review", "percentage with no measure cue")
        if counted := _counted_subject(context, reference, COUNT_GROWTH_BETWEEN):
            return Measure(f"{counted}_yoy_growth_pct", sign * value)
        if aside := _follows_dismissed(context):  # "675 million were handled on Nov. 11 alone, up 26 percent"
            return aside
        return Measure(_growth_metric(context), sign * value)
    if kind == "doubling":  # "livestreaming sessions doubled": the growth of what it follows
        counted = _counted_subject(context, reference, VERB_AUXILIARY)
        return Measure(f"{counted}_yoy_growth_pct" if counted else _growth_metric(context), value)
    if kind == "points":
        # "3.9, 1.8 and 1.6 percentage points higher than …": the list's comparator is every item's
        sentence_after = context.sentence.text[quantity.end - context.sentence.start :][:LIST_REACH]
        if listed := LIST_UNIT_AFTER.match(sentence_after):
            after = sentence_after[listed.end() :]
        if CONTRIBUTION.search(before):
            return Aside("not_a_figure", "a contribution to growth")
        if aside := _follows_dismissed(context):  # "18.6 percent of shoppers, up 1.1 points"
            return aside
        signed = -value if BELOW.search(after) or GROWTH_DOWN.search(after[:25]) else value
        if NATIONAL.search(before) or NATIONAL.search(after):
            return Measure("gap_vs_national_pp", signed)
        if PROVINCE_COMPARATOR.search(before) or PROVINCE_COMPARATOR.search(after):
            return Measure("gap_vs_province_pp", signed)
        if _compared_segment(context, reference):
            return Measure("gap_vs_segment_pp", signed)
        # "accounting for 25.2 percent …, an increase from the first quarter of 1.6 points": the
        # change of the share just stated, whatever it is compared with
        if context.in_sentence and context.in_sentence.metric_code == "share_pct":
            return Measure("share_change_pp", (direction(before, after) or 1) * value)
        if EARLIER_PERIOD_COMPARATOR.search(before) or EARLIER_PERIOD_COMPARATOR.search(after):
            return Measure("growth_change_pp", signed)
        if previous and previous.metric_code == "share_pct":
            return Measure("share_change_pp", (direction(before, after) or 1) * value)
        return Aside("needs_review", "percentage points with no comparator")
    if (
        kind in ("yuan", "count")
        and FROM_RATE.search(before)
        and (to := EARLIER_VALUE_TO.match(after))
        and not PERIOD_WORD.search(to.group("between"))
    ):  # "rose from 4 million yuan to 1.25 billion yuan": the earlier value, of no stated period
        return Aside("needs_review", "an earlier value ('from …') with no period of its own")
    if (kind in ("yuan", "count") and ABSOLUTE_CHANGE.search(before)) or (
        kind in ("count", "bare") and NEWLY_ADDED.match(after)
    ):  # "adding 133 new online stores"
        return Aside("not_a_figure", "a change in an amount, not the amount")
    # (firms taking part in an event are the group its sales are of; hosts joining it are a count)
    hosts = bool(quantity.noun and quantity.noun.code == "livestreamers")
    if (kind in ("count", "bare") and not hosts) and (
        GROUP_OF_FIRMS_AFTER.match(after) or (SALES_OF_BEFORE.search(before) and FIRMS_AFTER.match(after))
    ):
        return Aside("not_a_figure", "the size of the group a figure is of")
    if kind == "yuan":
        return Measure("amount_cny", value)
    if kind == "count" and quantity.noun and quantity.noun.code:
        if FIRMS_AFTER.match(after):  # "20 express delivery companies": firms, not parcels
            return Aside("needs_review", UNRECOGNISED_COUNT)
        return Measure(f"{quantity.noun.code}_count", value)
    if kind == "count" or (kind == "bare" and not YEAR.fullmatch(quantity.text) and value >= 10):
        counted = _counted(context, reference)
        if counted:
            return Measure(f"{counted}_count", value)
        # "2.97 billion parcels, of which 675 million were handled on Nov. 11": the same count
        if OF_WHICH.search(before) and previous and previous.metric_code.endswith("_count"):
            return Measure(previous.metric_code, value)
        # "592 million people shopped via mobile phones": shoppers, named by what they did
        if SHOPPED_AFTER.match(after):
            return Measure("buyers_count", value)
        # "online sales increased 36.5% to 2.24 trillion": sales, in yuan unsaid
        if kind == "count" and value >= SALES_SCALE and SALES_TO.search(before):
            return Measure("amount_cny", value)
        return Aside("needs_review", UNRECOGNISED_COUNT)
    if kind == "foreign_currency":
        return Aside("not_a_figure", "currency conversion")
    if YEAR.fullmatch(quantity.text):
        return Aside("not_a_figure", "a year")
    return Aside("needs_review", "number without a unit or measure")


def _follows_dismissed(context: Context) -> Aside | None:
    """A growth, change or share that only follows a figure set aside in its sentence is that
    figure's, and set aside too."""
    dismissed = context.last_dismissed
    if (
        dismissed
        and dismissed[0] > context.last_observed
        and not any(context.in_clause(m) for m in context.segments)
    ):
        return Aside("not_a_figure", f"follows a figure set aside ({dismissed[1]})")
    return None


def _not_a_statistic(context: Context) -> Aside | None:
    """A person's, a company's or a group's own figure, a target or forecast, or a figure per day."""
    sentence = ATTRIBUTION.sub("", context.sentence.text)
    sentence_before = context.sentence.text[: context.quantity.start - context.sentence.start]
    if (
        PERSONAL.search(sentence)
        or COMPANY.search(context.clause.text)
        or NAMED_COMPANY.search(sentence_before)
        or _company_subject(context)
    ):
        return Aside("not_a_figure", "a person's or a company's own figure")
    # "exports to the United States accounted for 34.2%", "The United States had 150 million online buyers"
    clause_before = context.clause.text[: context.quantity.start - context.clause.start]
    if FOREIGN_PLACE.search(clause_before):
        return Aside("not_a_figure", "a figure of another country")
    # a platform named in the figure's clause, or before it in its sentence but not as an aside
    # ("Zhejiang, home to Alibaba, …"); a sentence's first clause is no aside ("A report from Douyin")
    # (not where platforms are examples of where a place's firms sell: "… stores on platforms
    # including JD.com"; nor for Taobao villages, a count of places that Alibaba publishes)
    noun = context.quantity.noun.code if context.quantity.noun else None
    if noun not in PLACE_COUNTS and (
        _platform_named(context.clause.text)
        or any(
            _platform_named(clause.text)
            and not (APPOSITIVE.match(clause.text) and clause.start > context.sentence.start)
            for clause in clauses(context.sentence)
            if clause.end <= context.quantity.start
        )
    ):
        return Aside("not_a_figure", "a platform's own figure")
    if OWN_PLATFORMS.search(context.sentence.text):
        return Aside("not_a_figure", "a platform's own figure")
    if PRE_SALE.search(context.sentence.text):
        return Aside("not_a_figure", "a pre-sale figure")
    if TARGET.search(context.sentence.text[: context.quantity.start - context.sentence.start]) or (
        TARGET_AFTER.match(context.after)
    ):
        return Aside("not_a_figure", "a target or forecast")
    if ONE_SHOW_OR_SAMPLE.search(sentence_before):
        return Aside("not_a_figure", "a figure of one show, one platform or a sample of firms")
    if REQUIREMENT.search(context.sentence.text[: context.quantity.start - context.sentence.start]):
        return Aside("not_a_figure", "a requirement or threshold")
    if OTHER_BASE.search(context.sentence.text):
        return Aside("not_a_figure", "growth over an earlier month or quarter, not a year")
    clause_before = context.clause.text[: context.quantity.start - context.clause.start]
    groups = list(GROUP_SUBJECT.finditer(sentence_before))
    if GROUP_SUBJECT.search(clause_before) or (
        # the group is the subject of the sentence's later clauses too, until one names a series
        groups
        and not any(
            context.sentence.start + groups[-1].end() <= m.start < context.quantity.start
            for m in context.segments
        )
    ):
        return Aside("not_a_figure", "a figure of a counted group of firms or places")
    if _places_listed_before(context) >= 3 and not RESPECTIVELY.search(context.sentence.text):
        # "Zhejiang, Jiangsu, Fujian, Hebei and Shandong ranked the top five, accounting for 74%"
        return Aside("not_a_figure", "a figure of a group of places")
    if PER_DAY.search(context.clause.text):
        return Aside("not_a_figure", "a figure per day")
    if YEARS_SPANNED.search(context.sentence.text):
        return Aside("needs_review", "a figure for a span of years with no period of its own")
    # "sold goods worth 30 million yuan in nine days", "In the first eight days of the festival, sales …"
    if DAYS_COUNTED.search(context.clause.text) or DAYS_COUNTED.search(sentence_before):
        return Aside("needs_review", "a figure for a span of days with no period of its own")
    # (or "On June 18, the last day of the shopping event, sales grew 77%": the day named up front)
    if ONE_DAY.search(context.clause.text) or DAY_OF_EVENT.search(sentence_before):
        return Aside("not_a_figure", "a figure for one day of a period")
    return None


def _places_listed_before(context: Context) -> int:
    """How many places are named as one list ("A, B, C and D") before the figure in its sentence."""
    before = [r for r in context.regions if r.code and r.end <= context.quantity.start]
    longest = run = 1 if before else 0
    for left, right in itertools.pairwise(before):
        between = context.sentence.text[
            left.end - context.sentence.start : right.start - context.sentence.start
        ]
        run = run + 1 if LIST_JOINER.match(between) else 1
        longest = max(longest, run)
    return longest


def _platform_named(text: str) -> bool:
    """A platform named in text other than as an example of where sales are made."""
    return any(not PLATFORM_EXAMPLES.search(text, 0, m.start()) for m in PLATFORM.finditer(text))


def _company_subject(context: Context) -> bool:
    """A sentence whose subject is a name described as a company: "Tanboer, a local clothing firm,
    surpassed 54 million yuan in online sales"."""
    leading = [c for c in clauses(context.sentence) if c.end <= context.quantity.start][:2]
    return (
        len(leading) == 2
        and len(leading[0].text.split()) <= 4
        and bool(APPOSITIVE.match(leading[1].text))
        and bool(COMPANY.search(leading[1].text))
    )


def direction(before: str, after: str) -> int | None:
    """+1 for growth, -1 for decline, None without a cue; the cue nearest the number wins, and
    "year on year" counts only when no verb says which way."""
    cues = []
    for pattern, sign in ((GROWTH_UP, 1), (GROWTH_DOWN, -1)):
        cues += [(len(before) - m.end(), sign) for m in pattern.finditer(before)]
        cues += [(m.start(), sign) for m in pattern.finditer(after)]
    if not cues and (YEAR_ON_YEAR.search(before) or YEAR_ON_YEAR.search(after)):
        return 1
    return min(cues)[1] if cues else None


def _not_retail(context: Context, reference: Reference) -> bool:
    """The figure's subject is income, GDP, investment or trade: the nearest subject before it
    in its clause is such a series rather than a retail segment; or its clause only adds to
    such a figure ("foreign trade totaled 7.55 trillion yuan, up 10.5 percent")."""
    clause, quantity = context.clause, context.quantity
    text = clause.text[: quantity.start - clause.start]
    if cross_border_part(context, reference):
        return False
    series = [clause.start + m.end() for m in NOT_RETAIL.finditer(text)]
    if not series:
        if any(context.in_clause(m) and reference.segment_kind(m.code) != "scope" for m in context.segments):
            return False
        # "… revenue hit 1.81 billion yuan, and the business volume was 76 million parcels": a count
        # of a thing of the genre is its own figure, not a continuation of the one set aside
        if context.last_not_retail > context.last_observed and not (quantity.noun and quantity.noun.code):
            return True
        # the subject in an earlier clause: "Huzhou's consumer price index (CPI), the main gauge
        # of inflation, grew 3.3 percent"
        sentence = context.sentence
        before = sentence.text[: quantity.start - sentence.start]
        other = [sentence.start + m.end() for m in NOT_RETAIL.finditer(before)]
        named = [
            m.end
            for m in context.segments
            if m.start < quantity.start and reference.segment_kind(m.code) != "scope"
        ]
        return bool(other) and max(other) > max(named, default=-1)
    retail = [
        m.end
        for m in context.segments
        if clause.start <= m.start < quantity.start
        and reference.segment_kind(m.code) != "scope"
        # "the median total online shopping spending": a statistic of the series, not the series
        and not STATISTIC_OF.search(clause.text, 0, m.start - clause.start)
        # "searches for fresh produce soared", "the price of Gansu apples rose", "offline consumption
        # of physical goods reached": what was searched for, priced or bought in stores
        and not SEARCHED_OR_PRICED.search(clause.text, 0, m.start - clause.start)
    ]
    return max(series) > max(retail, default=-1)


SEARCHED_OR_PRICED = re.compile(
    r"\b(?:search(?:es|ed)?\s+for|prices?\s+of|offline\s+(?:consumption|sales|spending)\s+of)\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\boffline\s+$",
    re.I,
)


def _whole_of_online_part(context: Context) -> bool:
    """ "Total sales of Yanchi lamb topped 300 million yuan, of which online sales reached …": the
    all-channel whole that the online part is of."""
    sentence, quantity = context.sentence, context.quantity
    # (windows, not the whole sentence: a pathological one-sentence report stays linear)
    start = quantity.start - sentence.start
    before = sentence.text[max(0, start - SENTENCE_WINDOW) : start]
    return bool(
        ONLINE_PART_AFTER.match(sentence.text, quantity.end - sentence.start)
    ) and not ONLINE_WORDS.search(before)


DAY_OF_EVENT = re.compile(r"\b(?:last|first|final|peak)\s+day\s+of\b|\bsingle[\s-]day\b", re.I)
OTHER_SERIES_AFTER = re.compile(r"^\s*(?:GDP|gross\s+domestic\s+product|economic|income|CPI)\b", re.I)
SHOPPED_AFTER = re.compile(
    r"^\s*(?:(?:people|Chinese|consumers|residents|individuals|netizens)\s+)?(?:in\s+[A-Z][\w'’]*\s+)?"
    r"(?:have\s+|had\s+)?"
    r"(?:shopped|bought|purchased|made\s+purchases|used\s+(?:the\s+internet|[\w-]+)\s+(?:for\s+shopping|to\s+(?:purchase|buy|shop)))\b",
    re.I,
)
SALES_SCALE = 1e8  # a bare "2.24 trillion" of sales is yuan; smaller bare counts are not read as money
SALES_TO = re.compile(
    r"\bsales\b[^,;]{0,40}?\b(?:increased|rose|grew|jumped|climbed|surged)\b[^,;]{0,25}\bto\s+$", re.I
)
LIST_REACH = 160  # characters after a figure that can hold the rest of its list and their comparator
SENTENCE_WINDOW = 300  # characters of a sentence before a figure that can name its subject
ONLINE_PART_AFTER = re.compile(
    r"(?:\([^)]{0,60}\)|[^.;(]){0,80}?,\s*(?:of\s+which|among\s+which|among\s+them|including|with)"
    r"\s+(?:the\s+)?online\b",
    re.I,
)


def _all_channel_services(context: Context) -> bool:
    """ "Retail sales of services expanded 7.5 percent": the all-channel series, in a sentence that
    speaks neither of online sales nor of physical goods."""
    sentence = context.sentence.text
    return bool(
        SERVICES_RETAIL.search(sentence, 0, context.quantity.start - context.sentence.start)
        and not ONLINE_WORDS.search(sentence)
        and not PHYSICAL_GOODS.search(sentence)
    )


PARENTHESES = re.compile(r"\([^()]*\)")
RANKED_WITH = re.compile(
    r"\b(?:ranked|ranking|came|placed|followed\s+by)\b[^,;]{0,40}?,?\s*with\s+(?:about\s+|nearly\s+|over\s+)?$",
    re.I,
)
REVENUE_OF_BEFORE = re.compile(
    r"\b(?:revenues?|income)\s+of\s+(?:about\s+|over\s+|nearly\s+|more\s+than\s+|around\s+)?(?:rmb\s*|¥\s*)?$",
    re.I,
)
NEWLY_ADDED = re.compile(r"^\s*(?:newly[- ](?:added|registered|opened)|new)\b", re.I)


def _delivery_trade_amount(context: Context, reference: Reference) -> bool:
    """An amount whose subject is the delivery trade, not sales: no sales word between the trade's
    name and the amount in its clause, or "… yuan in revenue" in a sentence about deliveries."""
    clause_before = context.clause.text[: context.quantity.start - context.clause.start]
    # "(including express packages)": an aside, not the subject
    clause_before = PARENTHESES.sub(lambda m: " " * len(m.group()), clause_before)
    trade = list(DELIVERY_TRADE.finditer(clause_before))
    generic = reference.generic_segment_aliases
    if trade:
        start, end = context.clause.start + trade[-1].start(), context.clause.start + trade[-1].end()
        if (
            not SALES_WORD.search(clause_before, trade[-1].end())
            # no series named between the trade's name and the amount, nor before the name
            and not any(
                end <= m.start < context.quantity.start and m.text.casefold() not in generic
                for m in context.segments
            )
            and not any(m.end <= start and context.in_clause(m) for m in context.segments)
        ):
            return True
    # "… yuan in revenue", "generating a revenue of … yuan" in a sentence about deliveries
    revenue = IN_REVENUE.match(context.after) or REVENUE_OF_BEFORE.search(clause_before)
    return bool(revenue and DELIVERY_TRADE.search(context.sentence.text))


def _compared_segment(context: Context, reference: Reference) -> bool:
    """A gap against another segment: "... faster than physical goods"."""
    quantity = context.quantity
    than = THAN.search(context.after)
    if not than:
        return False
    position = quantity.end + than.end()
    return any(m.start == position and reference.segment_kind(m.code) != "scope" for m in context.segments)


def _counted(context: Context, reference: Reference) -> str | None:
    """What a count counts: a counted-thing phrase right after it ("2,600 Taobao stores"), or the
    subject it completes ("online merchants exceeded 650,000"); not any noun in its clause. The
    nearest such phrase wins."""
    clause, quantity = context.clause, context.quantity
    fitting = []
    for phrase in reference.count_phrase_matcher.find(clause.text, clause.start):
        # "40 branches of express delivery companies": the firms are counted, not their parcels
        if not phrase.code or FIRMS_AFTER.match(clause.text[phrase.end - clause.start :]):
            continue
        if phrase.start >= quantity.end:
            if COUNT_NOUN_AFTER.match(clause.text[quantity.end - clause.start : phrase.start - clause.start]):
                fitting.append(phrase)
        elif COUNT_SUBJECT_BEFORE.match(
            # "e-commerce enterprises with annual online sales of over 100 million yuan reached 412"
            COUNT_THRESHOLD.sub(" ", clause.text[phrase.end - clause.start : quantity.start - clause.start])
        ):
            fitting.append(phrase)
    return min(fitting, key=lambda m: distance(m, quantity)).code if fitting else None


def _counted_subject(context: Context, reference: Reference, between: re.Pattern) -> str | None:
    """The counted thing that is the subject of a figure: "sessions (have) doubled", "the number
    of parcels delivered surged 51 percent"; `between` is what may stand between them."""
    clause, quantity = context.clause, context.quantity
    for phrase in reference.count_phrase_matcher.find(clause.text, clause.start):
        text = clause.text[phrase.end - clause.start : quantity.start - clause.start]
        if (
            phrase.code
            and phrase.end <= quantity.start
            and between.fullmatch(text)
            # "agricultural products grew 11.7 percent": a series' name, not a count's
            and not any(m.start <= phrase.start and phrase.end <= m.end for m in context.segments)
            # "sales of department stores increased": one plain noun counts only as "the number of …"
            and (" " in phrase.text or NUMBER_OF.search(clause.text, 0, phrase.start - clause.start))
        ):
            return phrase.code
    return None


def _growth_metric(context: Context) -> str:
    """Growth of sales, unless the clause names no segment and follows a count:
    then it is the growth of the counted thing ("45,000 sessions, up 67 percent")."""
    previous = context.previous or (context.last_in_report if ANAPHORA.match(context.sentence.text) else None)
    if (
        not any(context.in_clause(m) for m in context.segments)
        and previous
        and previous.metric_code.endswith("_count")
    ):
        return previous.metric_code.removesuffix("_count") + "_yoy_growth_pct"
    return "yoy_growth_pct"


def cross_border_part(context: Context, reference: Reference) -> str | None:
    """ "Exports grew 35.3 percent" after a cross-border figure: the segment of that part (the
    nearest "exports" or "imports" before the figure)."""
    # (the figure before may end the paragraph before: "… according to Hangzhou Customs. ¶ Exports …")
    previous = context.in_sentence or context.previous or context.last_in_report
    if not previous or not previous.segment_code.startswith("cross_border"):
        return None
    if not (CROSS_BORDER_PART.match(context.sentence.text) or CROSS_BORDER_PART.match(context.clause.text)):
        return None
    before = context.sentence.text[: context.quantity.start - context.sentence.start]
    parts = CROSS_BORDER_WORD.findall(before)
    return f"cross_border_{parts[-1].lower()}s" if parts else None


def unit_of(metric: str, segment: str, reference: Reference) -> str:
    """The unit a figure is in: a share is a percent of its segment's whole."""
    if metric == "share_pct":
        parent = reference.segments[segment]["parent_code"]
        return f"percent of {reference.segments[parent]['full_name']}" if parent else "percent"
    if metric.endswith("_count"):
        return reference.quantities[metric.removesuffix("_count")]["unit"]
    if metric.endswith("_growth_pct"):
        return "percent"
    return reference.metrics[metric]["unit"]
