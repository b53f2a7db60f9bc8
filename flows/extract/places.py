"""Which place a figure is about: the places a sentence names (known ones with their code, unknown
ones for review), which of them only locate another, and the subject of each figure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from flows.extract.context import Context
from flows.extract.layout import Span
from flows.extract.model import Observation
from flows.extract.patterns import (
    AFTER_THAN,
    ANAPHORA,
    CLAUSE_LEAD,
    DATELINE_PLACE,
    LOCATOR_BETWEEN,
    NATION_BEFORE_PLACE,
    NATION_DESCRIBES,
    NATIONAL_FIGURE,
    NATIONAL_SOURCE,
    NOT_SUBJECT_AFTER,
    ORGANISATION_AFTER,
    PARK,
    PLACE,
    PLACE_AFTER_FIGURE,
    PLACE_OF,
    PRONOUN_SUBJECT,
    RANK_BEFORE,
    RANKED,
    SMALLER_PLACE,
)
from flows.reference import Match, Reference


def sentence_places(
    sentence: Span,
    reference: Reference,
    around: Match | None = None,
    learned: Mapping[str, str] | None = None,
) -> list[Match]:
    """Places named in the sentence, known ones with their code, unknown ones with code ''.
    A place after "than" is a comparator, not the subject. A name several places share is the one
    inside a place the sentence also names, or inside the report's place (`around`); else unknown.
    `learned`: unknown places the report named in full before ("Yandianlou town"), by their short
    name ("Yandianlou"), which then names them too."""
    # a dateline's place is where the story was written, not what it is about
    dateline = DATELINE_PLACE.match(sentence.text)
    skip_to = sentence.start + (dateline.end() if dateline else 0)
    found = [m for m in reference.region_matcher.find(sentence.text, sentence.start) if m.start >= skip_to]
    settled = [m.code for m in found if not m.alternatives and m.code != reference.nation_code] + (
        [around.code] if around and around.code and around.code != reference.nation_code else []
    )
    known = [_resolved(m, settled, reference) for m in found]
    unknown = (
        [
            Match("", m.group(), sentence.start + m.start(), sentence.start + m.end())
            for m in PLACE.finditer(sentence.text)
        ]
        + [
            Match("", m.group(), sentence.start + m.start(), sentence.start + m.end())
            for m in PARK.finditer(sentence.text)
        ]
        + [  # "the small village of Xieqiao"
            Match("", m.group("name"), sentence.start + m.start("name"), sentence.start + m.end("name"))
            for m in PLACE_OF.finditer(sentence.text)
        ]
    )
    # "Donghai Crystal City", "Ningbo Free Trade Zone": a place of its own that begins with a known
    # place's name (not "Yiwu City", the known place with its kind)
    wider = [u for u in unknown if _names_more(u, known)]
    known = [k for k in known if not any(w.start <= k.start and k.end <= w.end for w in wider)]
    unknown = [
        u
        for u in unknown
        if not any(k.start < u.end and u.start < k.end for k in known)
        and not HONORIFIC.search(u.text)  # "E-commerce Rural Comprehensive Demonstration County": a title
    ]
    # "the eastern and northeastern regions": the country's economic regions, each a place of its own
    unknown += [
        Match("", economic_region(d.group()), sentence.start + d.start(), sentence.start + d.end())
        for m in ECONOMIC_REGIONS.finditer(sentence.text)
        for d in DIRECTION_WORD.finditer(sentence.text, m.start(), m.end())
    ]
    # "832 poor counties", "these impoverished counties": a group of counties, not the nation
    unknown += [
        Match("", group_name(m), sentence.start + m.start(), sentence.start + m.end())
        for m in POOR_COUNTIES.finditer(sentence.text)
    ]
    if learned and "these counties" in learned:
        unknown += [
            Match("", learned["these counties"], sentence.start + m.start(), sentence.start + m.end())
            for m in THESE_COUNTIES.finditer(sentence.text)
        ]
    if learned:
        unknown += [
            Match("", learned[m.group()], sentence.start + m.start(), sentence.start + m.end())
            for m in re.finditer(r"\b[A-Z][a-z'’]+(?:[\s-][A-Z][a-z'’]+)*\b", sentence.text)
            if m.group() in learned
            and not any(
                r.start < sentence.start + m.end() and sentence.start + m.start() < r.end
                for r in known + unknown
            )
        ]
    nation = reference.nation_code
    text = sentence.text
    places: list[Match] = []
    last: Match | None = None  # the latest place kept, or the latest locator of it
    for r in sorted(known + unknown, key=lambda r: r.start):
        if AFTER_THAN.search(text[max(0, r.start - sentence.start - 40) : r.start - sentence.start]):
            continue
        # "home to some of the country's biggest platforms" does not make a figure national, nor
        # does "China's" before a place ("northwest China's Xinjiang")
        after = text[r.end - sentence.start : r.end - sentence.start + 60]
        if r.code and ORGANISATION_AFTER.match(after):
            continue
        before_place = NATION_BEFORE_PLACE.match(after)
        if r.code == nation and (
            NOT_SUBJECT_AFTER.match(after)
            or RANK_BEFORE.search(text[max(0, r.start - sentence.start - 40) : r.start - sentence.start])
            or NATION_DESCRIBES.match(after)
            or (before_place and any(k.start == r.end + before_place.end() for k in known))
        ):
            continue
        # "Shandong's Caoxian county": the province before the place inside it only locates it
        if (
            r.code
            and before_place
            and any(
                k.start == r.end + before_place.end() and k.code and reference.is_within(k.code, r.code)
                for k in known
            )
        ):
            continue
        # "Anxi County, Fujian province" / "Anxi County in southeast China's Fujian" / "Haiyan
        # county, Jiaxing, Zhejiang province": locators
        if last and _locates(last, r, text[last.end - sentence.start : r.start - sentence.start], reference):
            last = r
            continue
        if r.code == nation and (direction := DIRECTION_BEFORE.search(text[: r.start - sentence.start])):
            # "in eastern China": a part of the country, not the nation
            r = Match("", f"{direction.group(1)} {r.text}", sentence.start + direction.start(1), r.end)
        places.append(r)
        last = r
    return places


REGION_DIRECTIONS = {
    "east": "eastern",
    "eastern": "eastern",
    "central": "central",
    "west": "western",
    "western": "western",
    "northeast": "northeastern",
    "northeastern": "northeastern",
}
_DIRECTION = r"(?:north-?eastern|northeast|eastern|east|central|western|west)"
# "the eastern region", "the eastern and northeastern regions", "the East, Central, West and Northeast
# regions"
ECONOMIC_REGIONS = re.compile(
    rf"\bthe\s+{_DIRECTION}(?:\s*(?:,|,?\s+and)\s+{_DIRECTION})*\s+regions?\b", re.I
)
DIRECTION_WORD = re.compile(_DIRECTION, re.I)


def economic_region(direction: str) -> str:
    """The name an economic region of the country is kept under: "eastern region"."""
    return f"{REGION_DIRECTIONS[direction.lower().replace('-', '')]} region"


HONORIFIC = re.compile(r"\b(?:Demonstration|Comprehensive|Pilot|Model|Advanced)\b")
NO_CLAUSE_BREAK = re.compile(r"^(?:(?!\bthan\b)[^,;]){0,40}$")
POOR_COUNTIES = re.compile(
    r"(?<!these\s)\b(?:(?P<count>\d[\d,]*)\s+)?(?:national[- ]level\s+)?"
    r"(?:poor|impoverished|poverty[- ]stricken|poverty-hit)\s+counties\b",
    re.I,
)
THESE_COUNTIES = re.compile(
    r"\b(?:these|the)\s+(?:poor\s+|impoverished\s+|poverty[- ]stricken\s+)?counties(?:['’]|\b)", re.I
)
DIRECTION_BEFORE = re.compile(
    r"\b((?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?)\s+$", re.I
)


def group_name(m: re.Match) -> str:
    """The name a group of poor counties is kept under: "832 poor counties", or "poor counties"."""
    return f"{m.group('count')} poor counties" if m.group("count") else "poor counties"


def _resolved(match: Match, settled: list[str], reference: Reference) -> Match:
    """A shared name ("Gulou District") as the one place of its namesakes inside a settled place."""
    if not match.alternatives:
        return match
    inside = [
        code
        for code in (match.code, *match.alternatives)
        if any(code == other or reference.is_within(code, other) for other in settled)
    ]
    return Match(inside[0] if len(inside) == 1 else "", match.text, match.start, match.end)


def _locates(place: Match, other: Match, between: str, reference: Reference) -> bool:
    """Whether `other` only says where `place` is: a larger place that holds it, named right after
    it ("Xiamen, Fujian province"; an unknown place's province or city)."""
    if not LOCATOR_BETWEEN.match(between):
        return False
    if not other.code:
        # "Donggaozhuang village of Qinghe": a village's or town's county, even one whose name
        # several counties share
        return not place.code and bool(SMALL_PLACE_WORD.search(place.text))
    if not place.code:
        return reference.region_level(other.code) in ("nation", "province", "prefecture")
    return reference.is_within(place.code, other.code)


def main_region(title: Span | None, body: list[Span], reference: Reference) -> Match | None:
    """The region the report is about: the one its title names (a place the gazetteer does not
    know included, code ''), or a place inside it that the opening sentence names ("… in county in
    SE China's Fujian" opening "in Nanjing county, Zhangzhou city, …"); else the one the opening
    sentence names (not its dateline); else the province (or, failing that, the place) its text
    names most. Of places that only locate another ("Taizhou, East China's Zhejiang"), the located."""
    opening, in_title = _opening_and_title_places(title, body, reference)
    if in_title:
        # "China's textile hub Gaoyang …": the place the nation only describes is the subject
        between = title.text[in_title[0].end - title.start : in_title[-1].start - title.start]
        nation_first = len(in_title) > 1 and in_title[0].code == reference.nation_code
        if nation_first and NATION_AS_DESCRIPTOR.match(between):
            in_title = in_title[1:]
        # "… thrives in county in SE China's Fujian": the title says the subject is smaller
        inside = [p for p in opening if p.code and reference.is_within(p.code, in_title[0].code)]
        if inside and SMALLER_PLACE.search(title.text):
            return inside[0]
        # "Shandong's Caoxian county spurs …" opening "Yandianlou town in Caoxian county …": the
        # story is the town's, a place the gazetteer does not know, located in the title's place
        if opening and not opening[0].code and _located_in(opening[0], in_title[0], body, reference):
            return Match("", opening[0].text, 0, 0)
        return in_title[0]
    # a place the gazetteer does not know, named in the title ("Anxi's tea …") and in full in the
    # text ("Anxi County"): the report is about it
    if title:
        for sentence in body:
            for place in PLACE.finditer(sentence.text):
                if re.search(rf"\b{re.escape(place.group('name'))}\b", title.text):
                    return Match("", place.group(), 0, 0)
    if opening:
        # "Rural online retail sales increased by 16.3%" over a story opening in a village: a
        # headline stating a figure of no place is the nation's
        headline = title or (body[0] if body and not sentence_places(body[0], reference) else None)
        if not opening[0].code and headline and TITLE_FIGURE.search(headline.text):
            return Match(reference.nation_code, "", 0, 0)
        if not opening[0].code:
            return Match("", opening[0].text, 0, 0)
        return _named_most_inside(opening[0], body, reference) or opening[0]
    # no place in the opening, the figures of a national body: "the National Bureau of Statistics
    # said …"; places named further on are examples
    if any(NATIONAL_SOURCE.search(sentence.text) for sentence in body[:5]):
        return Match(reference.nation_code, "", 0, 0)
    counts = _named_counts(body, reference)
    for levels in (("province",), ("prefecture", "county")):
        candidates = [code for code, _ in counts.most_common() if reference.region_level(code) in levels]
        if candidates:
            return Match(candidates[0], "", 0, 0)
    # no region named, in a text that names the nation or its national total: the nation's report
    if reference.nation_code in counts or any(NATIONAL_WORD.search(sentence.text) for sentence in body):
        return Match(reference.nation_code, "", 0, 0)
    return None


def _named_counts(body: list[Span], reference: Reference) -> Counter[str]:
    """How often the text names each known place."""
    return Counter(
        match.code for sentence in body for match in sentence_places(sentence, reference) if match.code
    )


def _named_most_inside(place: Match, body: list[Span], reference: Reference) -> Match | None:
    """A place inside `place` that the text names at least three times and more often than `place`
    itself ("rural Shanxi … the county of Pingshun", then Pingshun throughout): the story's subject."""
    counts = _named_counts(body, reference)
    inside = [
        (count, code)
        for code, count in counts.items()
        if reference.is_within(code, place.code) and count >= 3 and count > counts[place.code]
    ]
    return Match(max(inside)[1], "", 0, 0) if inside else None


TITLE_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|percent|per\s+cent|pct|(?:[mb]illion|trillion)\s+yuan)", re.I)
NATIONAL_SUBJECT = re.compile(
    r"(?<!than\s)(?<!than\sthe\s)(?<!of\sthe\s)\b(?:national|nationwide)\s+(?:online\s+)?retail\s+sales\b",
    re.I,
)
NATION_AS_DESCRIPTOR = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){1,4}$")
NATIONAL_WORD = re.compile(
    r"\bnational\s+(?:total|level|average|figure|(?:online\s+)?retail\s+sales)|\bnationwide\b"
    r"|\bacross\s+the\s+country\b|\bthe\s+country['’]s\s+(?:total\s+)?(?:online\s+)?retail\b",
    re.I,
)


def settling_place(title: Span | None, body: list[Span], reference: Reference) -> Match | None:
    """The known place that settles which of several namesakes the report means: the title's, else
    the opening's (for a report whose subject is a place the gazetteer does not know)."""
    opening, in_title = _opening_and_title_places(title, body, reference)
    return next(iter(in_title + [p for p in opening if p.code]), None)


def _opening_and_title_places(
    title: Span | None, body: list[Span], reference: Reference
) -> tuple[list[Match], list[Match]]:
    """The places the opening names (the first of the first sentences that names one) and the
    known places the title names; a name several places share in the title ("Tongzhou") is the
    one the opening places in full."""
    first_places = [sentence_places(_without_dateline(s), reference) for s in body[:3]]
    opening = next((found for found in first_places if found), [])
    located = next((p for found in first_places for p in found if p.code), None)
    in_title = [p for p in sentence_places(title, reference, located) if p.code] if title else []
    return opening, in_title


def _located_in(place: Match, larger: Match, body: list[Span], reference: Reference) -> bool:
    """Whether the sentence naming an unknown place names the larger place right after it."""
    sentence = next((s for s in body if s.start <= place.start < s.end), None)
    if sentence is None:
        return False
    after = reference.region_matcher.find(sentence.text[place.end - sentence.start :][:80], place.end)
    return any(m.code == larger.code or reference.is_within(m.code, larger.code) for m in after[:1] if m.code)


def _without_dateline(sentence: Span) -> Span:
    """A sentence without its dateline ("LHASA, July 10 (Xinhua) --"): where it was written."""
    if m := DATELINE_PLACE.match(sentence.text):
        return Span(sentence.text[m.end() :], sentence.start + m.end(), sentence.end)
    return sentence


def figure_region(
    context: Context, metric: str, listed: Match | None, main: Match | None, reference: Reference
) -> Match | None:
    """The place a figure is about (None when nothing names one)."""
    if (
        NATIONAL_FIGURE.search(context.before) and metric == "yoy_growth_pct"
    ):  # "the national average of 7.2%"
        return Match(reference.nation_code, "", 0, 0)
    clause_before = context.clause.text[: context.quantity.start - context.clause.start]
    if NATIONAL_SUBJECT.search(clause_before) and not any(
        context.in_clause(r) and r.end <= context.quantity.start for r in context.regions
    ):  # "in 2025, national online retail sales reached …" in a city's report
        return Match(reference.nation_code, "", 0, 0)
    if listed:
        return listed
    regions = context.regions
    if metric == "share_pct":  # "Shenzhen … 33.1 percent of the provincial total"
        regions = [r for r in regions if r.end <= context.quantity.start]
    region = _named_or_inherited(context, regions, main, reference)
    # "… the highest among all cities in Zhejiang and 4.2 points above the provincial average":
    # a gap against the province is its city's or county's
    if (
        metric == "gap_vs_province_pp"
        and region
        and region.code
        and main
        and main.code
        and reference.is_within(main.code, region.code)
    ):
        return main
    # "…, with its online retail sales rising 10.4 percent": its = the sentence's subject,
    # else the paragraph's when this sentence names no place; "the county" = the county named last
    pronoun = PRONOUN_SUBJECT.search(context.clause.text) or _kind_referred_to_before(context)
    if pronoun and not any(context.in_clause(r) for r in regions):
        kind = (pronoun.group("kind") or "").lower()
        named = context.recent_places.get(kind)
        if context.in_sentence and not (named and named.code != context.in_sentence.region_code):
            return observed_place(context.in_sentence)
        if named and not (main and (main.code or main.text) == (named.code or named.text)):
            return named
        if context.previous and not any(r.start < context.quantity.start for r in regions):
            return observed_place(context.previous)
    return region


def _names_more(unknown: Match, known: list[Match]) -> bool:
    """Whether an unknown place's name holds known ones and capitalised words besides them and its kind."""
    inner = [k for k in known if unknown.start <= k.start and k.end <= unknown.end]
    if not inner:
        return False
    rest = unknown.text
    for k in sorted(inner, key=lambda k: k.start, reverse=True):
        rest = rest[: k.start - unknown.start] + " " + rest[k.end - unknown.start :]
    return bool(CAPITALISED_BESIDES_KIND.search(rest))


CAPITALISED_BESIDES_KIND = re.compile(
    r"\b(?!(?:County|District|City|Prefecture|Banner|League|Township|Town|Village|Autonomous|New)\b)[A-Z][a-z]+\b"
    r"(?!['’])"  # ("Shandong's Caoxian county": a possessive only locates)
)


def observed_place(observation: Observation) -> Match:
    """The place of a figure read before: known by its code, or unknown ("?Junpu village") by its name."""
    code = observation.region_code
    return Match("", code[1:], 0, 0) if code.startswith("?") else Match(code, "", 0, 0)


def short_name(place: Match) -> str | None:
    """The name an unknown place goes by without its kind: "Yandianlou" of "Yandianlou town"."""
    m = UNKNOWN_PLACE_KIND.match(place.text) if not place.code else None
    # "Taobao village" is a kind of village, not a place
    return m.group("name") if m and not re.match(r"taobao\b", m.group("name"), re.I) else None


UNKNOWN_PLACE_KIND = re.compile(
    r"^(?P<name>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})\s+(?:town|township|village|county|district)$", re.I
)


def _kind_referred_to_before(context: Context) -> re.Match | None:
    """ "… in the village, where 120 people have sold 120 million yuan": a village, town, county or
    park the sentence refers back to before the figure's clause."""
    before = context.sentence.text[: context.clause.start - context.sentence.start]
    found = [
        m for m in PRONOUN_SUBJECT.finditer(before) if (m.group("kind") or "").lower() in REFERRED_BACK_KINDS
    ]
    return found[-1] if found else None


REFERRED_BACK_KINDS = frozenset({"village", "town", "township", "county", "park", "zone"})
SMALL_PLACE_WORD = re.compile(r"\b(?:village|town|township)$", re.I)


def place_kinds(place: Match, reference: Reference) -> frozenset[str]:
    """What "the county", "the city" … can refer back to: a place's kind, from its full name
    ("Haiyan County", "Yiwu City"), its level, or, for an unknown place, its last word."""
    if not place.code:
        return frozenset({place.text.split()[-1].lower()}) if place.text else frozenset()
    if place.code == reference.nation_code:
        return frozenset()
    row = reference.regions[place.code]
    kinds = {row["full_name"].split()[-1].lower()}
    if row["level"] == "prefecture":
        kinds |= {"city", "prefecture"}
    return frozenset(kinds)


def _named_or_inherited(
    context: Context, regions: list[Match], main: Match | None, reference: Reference
) -> Match | None:
    """The place named in the figure's clause; else, for a clause that only adds to the figure
    before it ("…, up 5 percent"), that figure's place; else a place named up front in a clause
    of its own ("In Guangdong, …"); else the report's region."""
    clause, quantity, in_sentence = context.clause, context.quantity, context.in_sentence
    in_clause = [m for m in regions if context.in_clause(m)]
    after = [
        m
        for m in in_clause
        if m.start >= quantity.end
        and not (m.code == reference.nation_code and RANKED.search(clause.text[: m.start - clause.start]))
        # "grew 5 percent in Guangdong", not "… as dark tea from Anhua county became a hit"
        and (
            PLACE_AFTER_FIGURE.match(clause.text[quantity.end - clause.start : m.start - clause.start])
            # "1.08 billion parcels were collected nationwide"
            or (
                m.text.casefold() == "nationwide"
                and quantity.kind in ("count", "yuan")
                and NO_CLAUSE_BREAK.match(clause.text[quantity.end - clause.start : m.start - clause.start])
            )
        )
    ]
    before = [m for m in in_clause if m.end <= quantity.start]
    if before or after:
        return before[-1] if before else after[0]
    topics = [
        m
        for m in regions
        if m.end <= quantity.start
        and not any(s <= m.start < e for s, e in context.figure_clauses)
        and not any(s <= m.start < e for s, e in context.appositive_clauses)
    ]
    # "…, while online tourism bookings in Heilongjiang, home to Harbin's …, totaled …"
    fresh = [m for m in topics if in_sentence and m.start > in_sentence.figure_end]
    if fresh:
        return fresh[0]
    if in_sentence:  # the sentence's subject carries on: "…, with online retail sales hitting …"
        return observed_place(in_sentence)
    # "This marks a 39.4 percent increase …": the figure before's place
    if not topics and context.previous and ANAPHORA.match(context.sentence.text):
        return observed_place(context.previous)
    if topics:
        return topics[-1]
    # (not where the sentence speaks of the wider place: "online stores across the region rose …")
    if context.paragraph_place and not THE_WIDER_PLACE.search(context.sentence.text):
        return context.paragraph_place
    return main


THE_WIDER_PLACE = re.compile(
    r"\bthe\s+(?:whole\s+|entire\s+)?(?:region|province|country|nation|municipality)\b", re.I
)


def opens(sentence: Span, place: Match) -> bool:
    """Whether a sentence opens with the place as its subject ("Shanghai witnessed …")."""
    return bool(CLAUSE_LEAD.fullmatch(sentence.text[: place.start - sentence.start]))
