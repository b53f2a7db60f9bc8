"""Which segment a figure is about: the name before it in its clause, else one named earlier in
its sentence, else the one it inherits; physical goods or services within a scope ("rural")."""

from __future__ import annotations

import re

from flows.extract.context import Context, distance
from flows.extract.layout import Span
from flows.extract.measures import cross_border_part
from flows.extract.patterns import (
    AFTER_THAN,
    ANAPHORA,
    CLAUSE_LEAD,
    COUNT_CONTINUATION,
    EXAMPLES_BEFORE,
    FROM_RATE,
    ONLINE_WORDS,
    SALES_WORD,
    WHOLE_BEFORE,
    WHOLE_OF_SHARE,
)
from flows.reference import Match, Reference


def figure_segment(context: Context, metric: str, reference: Reference) -> str | None:
    """The segment a figure is about: named in its clause (the subject before the figure first),
    else earlier in its sentence, else inherited; a share is of the subject before it. None when
    nothing says the figure is about a retail series: a number is not online retail by default.
    Online retail of enterprises above the designated size is a series of its own."""
    clause_before = context.clause.text[: context.quantity.start - context.clause.start]
    before = context.previous or context.last_in_report
    if before and THESE_SALES.search(clause_before):
        return before.segment_code  # "These online sales accounted for 23.9 percent": the sales just stated
    code = _named_segment(context, metric, reference)
    sentence_before = context.sentence.text[: context.quantity.start - context.sentence.start]
    if code == "total" and ABOVE_SIZE.search(sentence_before):
        return ABOVE_SIZE_SEGMENT
    if code in ("total", None) and SPENT.search(clause_before) and ON_ONLINE_SHOPPING.match(context.after):
        return "online_consumption"  # "Harbin residents spent 1.29 million yuan on online purchases"
    # (in the clause, or before it when it names nothing: "Trade volume from e-commerce, according to
    # Ge, reached …")
    named_here = any(context.in_clause(m) for m in context.segments)
    turnover_text = clause_before if named_here else sentence_before[-TURNOVER_REACH:]
    if code in ("total", None) and E_COMMERCE_TURNOVER.search(turnover_text):
        return "online_transactions"  # "the city's e-commerce sector posted a total turnover of …"
    # "Rural online retail sales reached …. Among these, physical goods …": within the scope before
    if code and before and AMONG_THEM.match(context.sentence.text):
        scope = reference.segments[before.segment_code]["scope_code"] or before.segment_code
        return reference.scoped_segments.get((scope, code), code)
    return code


def _named_segment(context: Context, metric: str, reference: Reference) -> str | None:
    sentence, clause, quantity = context.sentence, context.clause, context.quantity
    generic = reference.generic_segment_aliases
    kind = reference.segment_kind
    named = [
        m
        for m in context.segments
        if m.text.casefold() not in generic
        and not _gloss(m, context.segments, sentence)
        and not _after_than(m, sentence.text, sentence.start)
        and not _an_example(m, sentence)
        # "notching up retail sales of 1.1 billion yuan" in a sentence on e-commerce, or "In
        # breakdown, retail sales in the fourth quarter …" after an online figure: online sales
        and not (
            m.text.casefold() == "retail sales"
            and (ONLINE_WORDS.search(sentence.text) or _breaks_down(context))
        )
    ]
    wholes: list[Match] = []
    if metric == "share_pct":  # "X accounted for 30 percent of Y": the share is X's
        wholes = [m for m in context.segments if _whole_of_share(m, sentence) or m.start >= quantity.end]
        named = [m for m in named if m.end <= quantity.start or kind(m.code) == "scope"]
        named = [m for m in named if not _whole_of_share(m, sentence)]
    is_count = metric.endswith("_count")
    # "home to 14,000 children's wear firms and 8,000 e-commerce companies": a name before another
    # count is that count's
    in_clause = [
        m
        for m in named
        if context.in_clause(m)
        and not (is_count and m.end <= quantity.start and _counted_before(m, sentence))
    ]
    before = [m for m in in_clause if m.end <= quantity.start]
    earlier = [m for m in named if m.end <= quantity.start]
    in_sentence = context.in_sentence
    if (
        is_count
        and in_sentence
        and not (in_sentence.metric_code.endswith("_count") and COUNT_CONTINUATION.match(clause.text))
    ):
        in_sentence = None  # "… 9.6 million sessions, attracting 2.1 billion views": counts chain
    # a name after the sentence's previous figure starts a new subject: "tea grew 23.5 percent,
    # and household appliances, a pillar industry, rose 15.2 percent"
    fresh = [
        m
        for m in earlier
        if not in_sentence
        or (m.start > in_sentence.figure_end and not any(s <= m.start < e for s, e in context.figure_clauses))
    ]
    generic_in_clause = any(
        context.in_clause(m) and m.text.casefold() in generic and m not in wholes and m.end <= quantity.start
        for m in context.segments
    )
    online = _online_context(context, reference)
    own_segment = reference.quantities[metric.removesuffix("_count")]["segment"] if is_count else None
    if part := cross_border_part(context, reference):
        return part
    if FROM_RATE.search(context.before) and in_sentence and not before:
        return in_sentence.segment_code  # "rose 12.6 percent, easing from 15 percent in H1 as tourism …"
    if before or in_clause:
        base = (before[-1] if before else min(in_clause, key=lambda m: distance(m, quantity))).code
    elif fresh and not is_count:
        base = fresh[-1].code
    elif is_count and own_segment != "total":
        return own_segment  # "130,000 e-commerce livestreams": sessions are live-streaming's
    elif generic_in_clause:
        # "… 1,300 tea online shops, with online sales hitting 1.08 billion yuan": the online sales
        # of the category the sentence's figure before was of; else "…, of which online retail
        # sales reached 252 billion yuan": the total
        category_before = in_sentence and kind(in_sentence.segment_code) == "category"
        if category_before and not WHOLE_WORD.search(clause.text):
            return in_sentence.segment_code
        return "total"
    elif in_sentence:
        return in_sentence.segment_code
    elif any(m.text.casefold() in generic and m.end <= quantity.start for m in context.segments):
        return "total"
    elif earlier and not is_count:
        base = earlier[-1].code
    elif is_count:
        return reference.quantities[metric.removesuffix("_count")]["segment"] if online else None
    elif (inherited := context.previous or context.last_in_report) and ANAPHORA.match(sentence.text):
        return inherited.segment_code
    elif online and any(
        _leads_clause(m, context) for m in context.regions if m.code and m.end <= quantity.start
    ):
        return (
            "total"  # "Changsha contributed 17.42 billion yuan": a place's figure in a report on online sales
        )
    elif online and SALES_WORD.search(clause.text[: quantity.start - clause.start]):
        return "total"  # "Double 12 sales were up 20 percent", in a report on online sales
    elif later := [
        m for m in context.segments if m.start >= quantity.end and not _whole_of_share(m, sentence)
    ]:
        base = later[0].code  # "With a 13.3 percent increase, Xiamen's online retail sales soared …"
        if later[0].text.casefold() in generic:
            return "total"
    elif (
        metric == "share_pct"
        and wholes
        and context.previous
        and context.previous.segment_code != wholes[0].code
    ):
        # "… physical goods rose 18.7%. Accounting for 23.7% of total retail": the part goes on
        return context.previous.segment_code
    elif (counted := metric.removesuffix("_yoy_growth_pct")) in reference.quantities:
        # "the number of parcels delivered jumped 35.5 percent": the counted thing's segment
        return reference.quantities[counted]["segment"] if online else None
    elif metric == "share_pct" and wholes:
        return wholes[0].code  # "… accounting for 37.9 percent of the province's total online retail sales"
    else:
        return None
    if kind(base) == "category" and not online:  # "tea output", not online sales of tea
        return None
    series = [m for m in named if m.end <= quantity.start and kind(m.code) != "scope"]
    if kind(base) == "scope" and series and not reference.is_online(series[-1].code):
        return None  # "retail sales in rural areas grew 5.6 percent": all channels, not online
    # "China's total retail sales grew 10.8% …. Sales in rural areas increased 11.9%": all channels still
    before = context.previous or context.last_in_report
    if kind(base) == "scope" and not series and before and not reference.is_online(before.segment_code):
        return None
    return scoped(base, named, quantity.start, reference, anywhere=metric == "share_pct")


ABOVE_SIZE_SEGMENT = "online_retail_above_size"
WHOLE_WORD = re.compile(r"\b(?:total|overall|whole|all)\b", re.I)
# the turnover or scale of e-commerce as a whole (business-to-business included), not its retail sales
E_COMMERCE_TURNOVER = re.compile(
    r"\b(?:e-?commerce|e-business|electronic\s+(?:business|commerce))\b(?:(?!\b(?:sales|retail)\b)[^,;]){0,40}?"
    r"\b(?:turnover|transactions?|trade(?:\s+volume)?|scale|market|industry)\b"
    r"|\b(?:trade\s+volume|turnover|transactions?)\s+(?:from|of|in)\s+(?:the\s+)?e-?commerce\b",
    re.I,
)
SPENT = re.compile(r"\bsp(?:ent|end|ending)\b", re.I)
ON_ONLINE_SHOPPING = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:on|in|for)\s+(?:online\s+(?:shopping|purchases|consumption)|shopping\s+online)\b",
    re.I,
)
TURNOVER_REACH = 90  # characters before a figure within which e-commerce's turnover is its subject
THESE_SALES = re.compile(r"\b(?:these|such)\s+(?:online\s+)?(?:sales|purchases)\b", re.I)
AMONG_THEM = re.compile(r"^\s*(?:among|of)\s+(?:them|these|which|this|the\s+total)\b", re.I)
# "online retail sales of enterprises above designated size", "major retail and wholesale enterprises"
ABOVE_SIZE = re.compile(
    r"(?<!non\s)(?<!non-)\b(?:enterprises|firms|companies|businesses|stores|units)\s+above\s+(?:the\s+)?"
    r"(?:designated\s+size|scale)\b"
    r"|\babove[- ](?:the[- ])?(?:designated[- ]size|scale)\s+(?:[\w-]+\s+)?(?:enterprises|firms|companies)\b"
    r"|\bmajor\s+(?:retail|trading|wholesale)\b[^,;]{0,30}?\benterprises\b",
    re.I,
)


def _counted_before(match: Match, sentence: Span) -> bool:
    """A name right after another number: what that count counts ("14,000 children's wear firms")."""
    start = match.start - sentence.start
    return bool(NUMBER_JUST_BEFORE.search(sentence.text[max(0, start - 30) : start]))


NUMBER_JUST_BEFORE = re.compile(r"\d\s*(?:thousand|million|billion)?\s+$", re.I)


def _breaks_down(context: Context) -> bool:
    """A sentence that breaks the figure before down ("In breakdown, …") after an online figure."""
    before = context.previous
    return bool(BREAKDOWN.match(context.sentence.text) and before and before.segment_code == "total")


BREAKDOWN = re.compile(r"^\s*(?:in\s+breakdown|broken\s+down|by\s+quarter|of\s+this)\b", re.I)


def listed_segment(code: str, context: Context, reference: Reference) -> str | None:
    """The segment of a figure listed against names ("A, B and C grew 5, 7 and 9 percent"): the
    name's, within its scope; a category outside online trade is no retail series."""
    if reference.segment_kind(code) == "category" and not _online_context(context, reference):
        return None  # "cosmetics grew 60.8 percent" after all-channel retail sales
    return scoped(code, context.segments, context.quantity.start, reference)


def _leads_clause(match: Match, context: Context) -> bool:
    """A place that is its clause's subject: named first ("Changsha, the provincial capital, …")."""
    for clause in (context.clause, context.sentence):
        if clause.start <= match.start < clause.end:
            lead = clause.text[: match.start - clause.start]
            return bool(CLAUSE_LEAD.fullmatch(lead))
    return False


def _online_context(context: Context, reference: Reference) -> bool:
    """Whether the sentence is about online trade: it names a series (not only a category), says
    "online" or the like, or follows figures of online retail (not of all-channel retail sales)."""
    return (
        any(
            reference.segment_kind(m.code) != "category" and reference.is_online(m.code)
            for m in context.segments
        )
        or bool(ONLINE_WORDS.search(context.sentence.text))
        or any(
            seen is not None and reference.is_online(seen.segment_code)
            for seen in (context.previous, context.last_in_report)
        )
    )


def scoped(
    base: str, segments: list[Match], position: int, reference: Reference, anywhere: bool = False
) -> str:
    """physical goods or services within a scope named earlier ("rural ... services"); for a
    share, the scope may be the whole it is a share of ("… 88.6 percent of the rural total")."""
    kind = reference.segment_kind
    scopes = [m.code for m in segments if kind(m.code) == "scope" and (anywhere or m.start < position)]
    for scope in reversed(scopes):
        if (scope, base) in reference.scoped_segments:
            return reference.scoped_segments[(scope, base)]
    return base


def _whole_of_share(match: Match, sentence) -> bool:
    """A name that is the whole a share is of: "Of the total retail sales, …", "… to the
    province's total online retail sales rose to 35 percent"."""
    before = sentence.text[max(0, match.start - sentence.start - 40) : match.start - sentence.start]
    return bool(
        WHOLE_BEFORE.search(before) or WHOLE_OF_SHARE.search(before) or match.text.lower().startswith("total")
    )


def _gloss(match: Match, segments: list[Match], sentence: Span) -> bool:
    """A name in brackets right after another, glossing it: "online retail sales (B2C)"."""
    start = match.start - sentence.start
    window = max(0, start - 10)
    opening = GLOSS_OPENING.search(sentence.text, window, start)
    return bool(opening) and any(m.end - sentence.start == opening.start() for m in segments)


GLOSS_OPENING = re.compile(r"\s*\(\s*$")


def _an_example(match: Match, sentence) -> bool:
    """A name given as an example of the one before it ("… such as flour")."""
    start = match.start - sentence.start
    return bool(
        EXAMPLES_BEFORE.search(sentence.text[max(0, start - 50) : start])
        # "…, led by goji berries and Tan sheep mutton, soared": a whole aside of examples
        or EXAMPLES_ASIDE.search(sentence.text[max(0, start - 80) : start])
    )


EXAMPLES_ASIDE = re.compile(r",\s*(?:such\s+as|including|led\s+by|especially|notably)\s[^,;]*$", re.I)


def _after_than(match: Match, text: str, offset: int) -> bool:
    return bool(AFTER_THAN.search(text[max(0, match.start - offset - 40) : match.start - offset]))
