"""The phrasing of the genre, as tables of patterns: how figures, units, measures, comparators
and non-figures are written. The extractor (flows/extract.py) applies them; names of places,
segments and counted things live in data/reference/ instead."""

import re

# (a number may follow a currency's code with no space: "RMB2.05 trillion")
NUMBER = re.compile(
    r"(?:(?<![\w.])|(?<=RMB)|(?<=rmb)|(?<=Rmb)|(?<=CNY)|(?<=USD))(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])"
)
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# "six billion yuan", "twenty-five million parcels": a number in words before a scale word (alone,
# "two villages" is left to the digits' rules: written out, small numbers are rarely figures)
WORD_NUMBER = re.compile(
    rf"(?<!\d\s)\b(?P<num>(?:{_TENS})(?:[\s-](?:{_UNITS}))?|{_UNITS}|(?:{_UNITS})\s+hundred)(?=\s+(?:thousand|million|billion|trillion)\b)",
    re.I,
)
SCALES = {
    "trillion": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    # machine translations of 万 and 亿: "nearly 20 ten thousand yuan", "5 hundred million yuan"
    "ten thousand": 1e4,
    "hundred million": 1e8,
}
COMPOUND_YUAN = re.compile(
    r"\s*(?P<big>trillion|billion)\s+and\s+(?P<rest>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<small>billion|million|ten\s+thousand|thousand)\s*(?:yuan|rmb|renminbi|cny)\b",
    re.I,
)
_SCALE = r"(?:\s*(?P<scale>ten\s+thousand|hundred\s+million|trillion|billion|million|thousand|bn|b|m)\b)?"
UNIT_AFTER = [
    ("points", re.compile(r"\s*(?:percentage|pct\.?)\s+points?\b|\s*points?\b", re.I)),
    ("percent", re.compile(r"\s*-?\s*(?:percent\b|per\s+cent\b|pct\b|%)", re.I)),
    ("yuan", re.compile(_SCALE + r"\s*(?:yuan|rmb|renminbi|cny)\b", re.I)),
    (
        "foreign_currency",
        re.compile(
            _SCALE + r"\s*(?:u\.?s\.?\s+dollars?|(?:hong\s+kong\s+|hk\s*)?dollars?|usd|hkd|euros?|yen"
            r"|patacas?|mop)\b",
            re.I,
        ),
    ),
    (
        "count",
        re.compile(
            r"\s*(?P<scale>ten\s+thousand|hundred\s+million|trillion|billion|million|thousand|bn|mn)\b", re.I
        ),
    ),
]
CURRENCY_BEFORE = [
    ("yuan", re.compile(r"(?:rmb|cny|¥)\s*$", re.I)),
    ("foreign_currency", re.compile(r"(?:us\s*)?\$\s*$|\busd\s*$|\beur\s*$|€\s*$", re.I)),
]
# "went up by 29.3, 21.4 and 20.9 percent respectively": the rest of a list whose last number has the unit
YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
LIST_UNIT_AFTER = re.compile(
    r"^(?:\s*,\s*-?\d[\d.]*)*\s*,?\s*(?:and|or)\s+-?\d[\d.]*\s*"
    r"(?P<unit>percent\b|per\s+cent\b|%|percentage\s+points?\b|points?\b)",
    re.I,
)
QUALIFIER = re.compile(
    r"\b(?P<q>about|around|approximately|nearly|almost|over|more than|less than|close to|roughly"
    r"|at least|up to)\s+(?:rmb\s*|¥|\$)?$",
    re.I,
)
YEAR = re.compile(r"(?:19|20)\d{2}")

SHARE_BEFORE = re.compile(
    r"\b(?:accounted\s+for|accounting\s+for|accounts?\s+for|made\s+up|making\s+up|makes\s+up"
    r"|represent(?:ed|ing|s)?|constitut(?:ed|ing)|equivalent\s+to|equal(?:ling|ing)?\s+to"
    r"|tak(?:ing|es)\s+up|took\s+up|captur(?:ing|ed)\s+(?:market\s+)?shares?\s+of|contribut(?:ed|ing)\s+to"
    r"|(?:share|proportion)\b[^,;]{0,120}?"
    r"\b(?:was|is|of|reached|reach|hit|stood\s+at|rose\s+to|to))\s+(?:about\s+|nearly\s+|over\s+"
    r"|more\s+than\s+|around\s+|almost\s+|roughly\s+)?$",
    re.I,
)
# "N percent of …" is always a share; a growth is "of N percent".
SHARE_AFTER = re.compile(r"^\s*of\s+(?!which\b)", re.I)
# "the national average of 7.2 percent": the nation's own growth, stated in passing.
NATIONAL_FIGURE = re.compile(
    r"(?:national|nationwide|country's|China's)\s+(?:average|growth|level|rate|figure)(?:\s+(?:growth|rate))*"
    r"\s+(?:of|at|was|stood\s+at)\s+$",
    re.I,
)
GROWTH_UP = re.compile(
    r"\b(?:increase[sd]?|increasing|increment|growth|gr[eo]w(?:s|n|ing)?|rose|ris(?:e|es|ing)"
    r"|up|upticks?|upswing|surged?|surging|jump(?:ed|s)?|climb(?:ed|s)?|expand(?:ed|s|ing)?|gain(?:ed|s)?"
    r"|soar(?:ed|s|ing)?|leap(?:t|ed|s)?|boom(?:ed|s)?|spik(?:ed|es?)|advanc(?:ed|es?)|hit|reached|posted"
    r"|registered|higher|more\s+(?:compared\s+(?:to|with)|in\s+annual\s+terms|year[- ]on[- ]year)"
    r"|more\s+than\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|the\s+(?:number|figure|volume|amount)\s+of\b"
    r"|the\s+same\s+(?:day|period|time|month|quarter|holiday)(?:\s+(?:of\s+)?last\s+year)?))\b",
    re.I,
)
# "year on year" says a growth is over a year, not which way: a cue only when no other is near.
YEAR_ON_YEAR = re.compile(r"\b(?:yoy|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year)\b", re.I)
GROWTH_DOWN = re.compile(
    r"\b(?:decrease[sd]?|decreasing|declin(?:e|ed|es|ing)|fell|fall(?:s|en)?|down|drop(?:ped|s)?"
    r"|dip(?:ped|ping|s)?|slip(?:ped|ping|s)?|eas(?:ed|ing)|shr[au]nk|contract(?:ed|ion)|slid|slump(?:ed)?|lower"
    r"|plung(?:ed|es?)|plummet(?:ed|s)?|tumbl(?:ed|es?)|sank|sink|reduc(?:ed|tion))\b",
    re.I,
)
NATIONAL = re.compile(
    r"national\s+average|national\s+level|national\s+growth|nationwide\s+average|average\s+(?:nationwide|national)"
    r"|national\s+record"
    r"|(?:that|those)\s+of\s+the\s+(?:country|nation|whole\s+country)"
    r"|(?:country|nation)'?s\s+(?:average|growth|level|rate|figure)|national\s+(?:figure|rate)",
    re.I,
)
BELOW = re.compile(r"\b(?:lower|below|slower|less|under)\b", re.I)
# (not "look no further than Zhouquan village", which names the subject)
# what may stand between "than" and the thing compared: "than that of", "than the growth rate of"
_THAN_OF = r"that\s+of\s+|those\s+of\s+|the\s+growth(?:\s+rate)?\s+of\s+"
AFTER_THAN = re.compile(rf"(?<!further\s)\bthan\s+(?:{_THAN_OF})?(?:the\s+)?$", re.I)

# Numbers inside these spans are not figures, whatever follows them: (reason, pattern).
NOT_FIGURES: list[tuple[str, re.Pattern[str]]] = [
    (
        "a time of day",
        re.compile(
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b", re.I
        ),
    ),
    ("an age", re.compile(r"\b\d{1,3}-year-old\b|\baged\s+\d{1,3}\b|\b\d{1,3}\s+years\s+old\b", re.I)),
    (
        "a rank or ordinal",
        re.compile(
            r"\bNo\.\s*\d+\b|\b(?:top|ranked|ranking|ranks|rank)\s+(?:the\s+|No\.\s*)?\d+(?:st|nd|rd|th)?\b"
            r"|\b\d+(?:st|nd|rd|th)\b",
            re.I,
        ),
    ),
    (
        "a phone number",
        re.compile(
            r"(?:\+?86[\s-]?)?\b0?\d{2,4}[\s-]\d{3,4}[\s-]?\d{4}\b|\b400[\s-]?\d{3}[\s-]?\d{4}\b"
            r"|\b1[3-9]\d{9}\b|\b\d{5,6}\s+(?:hotline|service\s+line)",
            re.I,
        ),
    ),
    (
        "an average over years",
        re.compile(
            r"\baverage\s+annual\s+(?:growth|increase)(?:\s+rate)?\s+of\s+(?:over\s+|about\s+|nearly\s+)?[\d.]+",
            re.I,
        ),
    ),
    (
        "a threshold",
        re.compile(
            # ("At least 331 million packages were handled …" opening a sentence is a qualifier)
            r"\b(?:(?-i:at)\s+least|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of)\s+(?:RMB\s*|¥)?\d[\d,.]*"
            r"(?:\s*(?:trillion|billion|million))?(?:\s*(?:yuan|percent|%))?",
            re.I,
        ),
    ),
    (
        "a threshold",
        re.compile(
            r"\b(?:mark|threshold|milestone|level)s?\s+of\s+(?:RMB\s*|¥)?\d[\d,.]*\s*(?:trillion|million|billion)?\s*yuan"
            r"(?:\s*(?:,|and|,\s*and)\s*(?:RMB\s*|¥)?\d[\d,.]*\s*(?:trillion|million|billion)?\s*yuan)*"
            r"|\d[\d,.]*\s*(?:trillion|million|billion)?[- ]yuan\s+(?:mark|threshold|milestone)",
            re.I,
        ),
    ),
    (
        "a threshold",
        re.compile(
            # ("…, with online sales exceeding 30 billion yuan" after a comma is a figure of its own)
            r"(?<!,\s)\bwith\s+(?:annual\s+)?(?:online\s+)?(?:retail\s+)?(?:main\s+business\s+)?(?:sales|revenues?|turnover|income)?"
            r"\s*(?:of\s+)?(?:over|more\s+than|above|exceeding|at\s+least)\s+(?:RMB\s*|¥)?\d[\d,.]*\s*(?:million|billion)?\s*yuan"
            r"|\b(?:RMB\s*|¥)?\d[\d,.]*\s*(?:million|billion)?\s*yuan\s+or\s+(?:more|above)\b"
            r"|\beach\s+(?:exceeded|exceeding|topped|surpassed)\s+(?:RMB\s*|¥)?\d[\d,.]*\s*(?:million|billion)?\s*yuan"
            # "both exceeded 1 trillion yuan in 2019, registering 1.35 trillion and 1.23 trillion"
            r"|\bboth\s+(?:exceeded|topped|surpassed|passed)\s+(?:RMB\s*|¥)?\d[\d,.]*\s*(?:million|billion|trillion)?\s*yuan"
            r"(?=[^.;]{0,30},\s*(?:registering|reaching|recording|at)\s+\d)"
            r"|\b(?:over|more\s+than|above)\s+(?:RMB\s*|¥)?\d[\d,.]*\s*(?:million|billion)?\s*yuan\s+each\b",
            re.I,
        ),
    ),
    (
        "an address",
        re.compile(r"\b(?:No\.\s*)?\d+\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Avenue|Street|Rd|St|Lu)\b"),
    ),
    ("an identifier", re.compile(r"\b\d{9,}\b")),
    (
        "a price",
        re.compile(
            r"\d[\d,.]*\s*(?:yuan|rmb)\s*(?:/|per\s+)(?:kg|kilogram|jin|ton|tonne|piece|unit|box|bottle|litre|liter)\b",
            re.I,
        ),
    ),
    (
        "a count of training",
        re.compile(
            r"\b\d[\d,]*\s+(?:training|study|learning)\s+(?:sessions|courses|classes)\b"
            r"|\btrain(?:ed|ing)\s+(?:for\s+|to\s+)?(?:over\s+|more\s+than\s+|about\s+|nearly\s+)?\d[\d,]*",
            re.I,
        ),
    ),
    (
        "product listings",
        re.compile(
            r"\b\d[\d,.]*\s*(?:million\s+|thousand\s+)?(?:types|kinds|categories|varieties)\s+of\s+(?:products|goods)\b"
            r"|\b(?:brought\s+together|featuring|featured|listed|showcased|involving)\s+(?:[^,;]{0,40}?\s)?"
            r"(?:over\s+|more\s+than\s+|about\s+|nearly\s+)?\d[\d,]*\s+(?:\w+\s+)?(?:products|goods|commodities)\b"
            # "more than 70 million products were showcased through live commerce"
            r"|\b\d[\d,.]*\s*(?:million\s+|billion\s+|thousand\s+)?(?:products|goods|commodities|items)\s+"
            r"(?:were|was|are|have\s+been)\s+(?:showcased|listed|displayed|on\s+display|on\s+sale|available)\b",
            re.I,
        ),
    ),
    ("a screen size", re.compile(r"\b\d{3,4}\s*[×x*]\s*\d{3,4}\b")),
    ("a page view counter", re.compile(r"\b(?:views|clicks|hits|visits|reads)\s*[:：]\s*[\d,]+", re.I)),
    (
        "a licence or registration number",
        re.compile(r"ICP\S*?\d+\S*|备\s*\d+\s*号|\blicen[cs]e\s+No\.?\s*\S+", re.I),
    ),
    (
        "a duration",
        re.compile(r"\b\d+\s+(?:consecutive\s+)?(?:years?|months?|weeks?|days?|hours?)\b(?!\s+old)", re.I),
    ),
]
# Series in the same articles that are not retail at all: their figures are set aside.
NOT_RETAIL = re.compile(
    r"\bGDP\b|gross\s+domestic\s+product|disposable\s+income|per[- ]capita\s+income|\bincomes?\b"
    r"|fixed[- ]asset\s+investment|\binvestment\b|industrial\s+output|industrial\s+added\s+value"
    r"|added\s+value|foreign\s+trade|\bimports?\b|\bexports?\b|\bCPI\b|consumer\s+prices?|price\s+index|\bwages?\b"
    r"|(?:merchandise|international|goods|services)\s+trade|trade\s+(?:surplus|deficit|in\s+goods)"
    r"|\bpenetration\b|internet\s+users|digital\s+economy"
    r"|tax\s+revenue|fiscal\s+revenue|\bdeposits\b|\bloans\b|\bpopulation\b|\bemploy\w*"
    r"|(?<!online\sand\s)\boffline\s+(?:consumption|sales|retail|spending|stores?)\b|\bvouchers?\b|\bcoupons?\b|\bsubsid(?:y|ies)\b|\bdiscounts?\b|\bmedian\b|per\s+(?:capita|person|shopper)"
    r"|government\s+services?|(?<!online\ssales\sin\sthe\s)catering\s+(?:revenue|income|industry|sector)"
    r"|revenue\s+of\s+(?:the\s+)?catering"
    r"|restaurant\s+(?:business|industry|sector|revenue)|\bprofits?\b|\bcinemas?\b|box\s+office"
    r"|\bprices?\b|\bfor\s+every\s+\d|\bper\s+[\d,]+\s+(?:residents|people|persons|households)\b"
    r"|(?<!online\s)\bsales\s+in\s+(?:physical\s+|brick-and-mortar\s+)?stores\b|\bin-store\s+sales\b"
    r"|\bsearch(?:es|\s+volumes?)\b"  # "searches for fresh produce soared 2,800%": interest, not sales
    r"|\bnon[- ]stores?\b"  # non-store retail: a format of all-channel retail, not a series here
    r"|(?<!digital\s)(?<!online\s)(?<!internet\s)\beconomy\b"  # "the economy, which grew 6.9 percent": GDP
    r"|\bexchange\s+of\s+[^,;]{0,80}?\bbetween\b"  # "the exchange of … between urban and rural areas"
    r"|auto(?:mobile)?\s+(?:companies|enterprises|makers|dealers)|vehicle\s+sales|car\s+sales"
    r"|(?:sales|turnover|revenue)\s+of\s+the\s+(?:[\w-]+\s+){0,3}(?:festival|event|fair|promotion|campaign)",
    re.I,
)
# An amount of the delivery trade itself (its revenue, its "business volume" in yuan), not of sales:
# "the postal industry's revenue reached 29 billion yuan", "express firms earned 2.7 billion yuan
# in revenue", "the city's express delivery raked in 28 billion yuan".
DELIVERY_TRADE = re.compile(r"\b(?:postal|express|courier|logistics|delivery)\b", re.I)
# "retail sales of services expanded 7.5 percent" (NBS): all channels, unless the sentence is on
# online sales or pairs them with physical goods
SERVICES_RETAIL = re.compile(r"\bretail\s+sales\s+of\s+services\b|\bservices?\s+retail\s+sales\b", re.I)
PHYSICAL_GOODS = re.compile(r"\bphysical\s+(?:goods|commodit(?:y|ies)|products)\b", re.I)
# "80 million yuan of profit": an amount that is not sales
PROFIT_AFTER = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:of|in)\s+(?:net\s+)?profits?\b", re.I)
IN_REVENUE = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:in\s+)?(?:business\s+)?(?:revenues?|income)\b", re.I)
# Comparators of a gap in points, other than the national average.
PROVINCE_COMPARATOR = re.compile(
    r"provincial\s+(?:average|level|growth|rate|figure)|(?:that|those)\s+of\s+the\s+(?:whole\s+)?"
    r"(?:province|region|autonomous\s+region)|(?:the\s+)?(?:province|region)'s\s+(?:average|growth|level)"
    r"|(?:the\s+)?whole\s+(?:province|region)|regional\s+(?:average|level|growth|rate|figure)",
    re.I,
)
EARLIER_PERIOD_COMPARATOR = re.compile(
    r"than\s+(?:that\s+|those\s+)?(?:in|of|for|during)\s+|than\s+(?:that\s+)?(?:in|of|during|for)\s+(?:the\s+)?(?:first|second|third|fourth|previous|last|same)"
    r"|than\s+(?:the\s+)?(?:previous|preceding|last|first|second|third|same)\s+(?:quarter|month|half|year|period)"
    r"|(?:from|over|compared\s+with|compared\s+to)\s+(?:the\s+)?(?:first|second|third|fourth|previous"
    r"|preceding)\s+(?:quarter|half|month|three\s+quarters)|\baccelerat\w*|\bdecelerat\w*|\bquicken\w*"
    r"|\bslowed\b|growth\s+(?:rate\s+)?(?:was\s+)?(?:up|down)|than\s+(?:in\s+)?(?:19|20)\d{2}\b"
    r"|from\s+(?:that|those)\s+(?:of|in)\s+(?:19|20)\d{2}\b"
    # "up 2.7 percentage points compared with July", "from January-August", "than the previous two months"
    r"|(?:from|over|compared\s+(?:with|to)|than)\s+(?:that\s+(?:of|in)\s+|the\s+rate\s+of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun"
    r"|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|(?:previous|preceding|last|first)\s+(?:two|three|four|five|six)\s+months",
    re.I,
)
# "faster than", "higher than" … followed by a segment's name: a gap between two segments.
THAN = re.compile(rf"\bthan\s+(?:{_THAN_OF}|for\s+)?(?:the\s+)?", re.I)
# A place the gazetteer may not know: a capitalised name followed by an administrative word.
PLACE = re.compile(
    r"\b(?!(?:The|This|That|These|Its|Each|Every|Our|Their|A|An|One|Another|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Additionally|Meanwhile|However|Moreover"
    r"|Furthermore|Besides|Overall|Currently|Today|Now|Last|Next|Since|Taobao|At|In|On|From|For|By|With|Of)\b)"
    r"(?P<name>(?:[A-Z][a-z'’]+[\s-]){0,2}[A-Z][a-z'’]+)(?:\s+(?:Autonomous\s+)?"
    r"(?i:County|District|City|Prefecture|Banner|League|Township|Town|Village)\b"
    # "Yiwu, a county-level city in …": the name alone, told to be a place by what follows it
    r"|(?=,\s+(?:a|the)\s+(?:county-level\s+|prefecture-level\s+)?(?:city|county|district|town|township)"
    r"(?:\s+(?:in|of|under|known|famous|located|administered|renowned|dubbed)\b|,)))"
)
# An industrial park or zone named in capitals: "Hetao E-commerce Industrial Park", "Zhengzhou Airport
# Economy Zone": its figures are its own, not its county's or city's.
PARK = re.compile(
    r"\b(?!(?:The|This|That|These|Its|A|An)\b)(?:[A-Z][\w'’-]*\s+(?:and\s+)?){1,5}(?:Park|Zone|Base)\b"
)
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_FIGURE = re.compile(r"\d[\d.,]*\s*(?:万亿元|亿元|万元|元|%|％|个百分点|亿件|万件|亿单|万单)")
# Between the figures of a list: "12 percent, 15 percent and 20 percent".
LIST_JOINER = re.compile(
    r"^\s*(?:,|;|and|,\s*and|as\s+well\s+as|or|,?\s*along\s+with|,?\s*together\s+with|,?\s*followed\s+by)\s*$",
    re.I,
)
# An aside between two names of a list: "Cixi, a county-level city of Ningbo, along with Beilun".
LIST_ASIDE = re.compile(r",\s*(?:a|an|the)\s+[^,]{1,60}?(?=,)", re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# Words that may stand between the names of a list: "physical goods and sales of services".
SALES_OF = re.compile(r"\b(?:online\s+)?(?:retail\s+)?sales\s+of\b", re.I)
# A period phrase after these words is what a figure is compared with, not when it is for.
COMPARED_PERIOD = re.compile(
    r"(?:(?<!more\s)(?<!less\s)(?<!fewer\s)\bthan\b[^,;]{0,30}|compared\s+(?:with|to)\s+(?:the\s+)?|from\s+(?:the\s+)?(?=\S*$)"
    r"|(?:over|against|versus)\s+(?:the\s+)?|\bsame\s+(?:period|time|months?|quarter|holiday)\s+"
    r"|\bfrom\s+(?:the\s+)?(?:figure|level|volume|number|amount|total|period|holiday(?:\s+period)?)\s+"
    r"|\bfrom\s+(?:that|those)\s+)$",
    re.I,
)
# "Its online sales grew …": the figure is about the place the previous one was about.
PRONOUN_SUBJECT = re.compile(
    r"\b(?:its|the\s+(?P<kind>city|prefecture|county|district|town|township|village|park|zone)(?:'s|\b))",
    re.I,
)
# After "the country's": words that make it the subject of a retail figure ("China's online sales").
NOT_SUBJECT_AFTER = re.compile(
    r"['’]?s\s+(?:biggest|largest|leading|top|first|most|major|main|key|best|famous|\w+est)\b", re.I
)
# "Shanghai Cooperation Organization", "China Post Group": a place's name inside an organisation's.
ORGANISATION_AFTER = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){0,3}(?:Organi[sz]ation|Association|Group|Company|Corporation|Bank|University"
    r"|Daily|Post|Airlines|Exchange|Federation|Chamber|Institute|Academy|Radio|Television|TV|News|Media|Times"
    r"|Network)\b"
)
# "China's Xinjiang", "northwest China's": the nation before a place only locates the place.
NATION_BEFORE_PLACE = re.compile(
    r"['’]s\s+(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?\s+)?", re.I
)
# "12.5 percent in the second quarter": a period phrase this close after a figure is its period.
PERIOD_BINDING = re.compile(
    # "18.1 percent, 19.7 percent and 31 percent respectively as of the end of July": a list's period
    r"^(?:\s*+,?\s*+(?:and\s+)?-?\d[\d,.]*+\s*+(?:percent|%|(?:[mb]illion\s+)?yuan)?)*+(?:\s*,?\s*respectively)?"
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?:expansion|growth|increase|rise|gain)\s+)?"
    r"(?:(?:racked\s+up|registered|recorded|generated|achieved|made|posted|reached|seen)\s+)?"
    r"(?:in|during|for|over|of|throughout|as\s+of|(?:at|by)\s+the\s+end(?:\s+of)?)?\s*(?:the\s+)?$",
    re.I,
)
FROM_RATE = re.compile(r"\bfrom\s+(?:the\s+)?(?:about\s+|around\s+)?$", re.I)
# Clauses that describe a name rather than state a subject: places in them are not the subject.
APPOSITIVE = re.compile(
    r"(?:a|an|home\s+to|one\s+of|led\s+by|including|such\s+as|mainly|especially|particularly|known\s+as"
    r"|famous\s+for|the\s+(?:provincial|regional)\s+capital)\b",
    re.I,
)
# Between a place and the next: the next only locates the first ("Anxi County, Fujian province").
_DIRECTION = r"(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?\s+)"
# Between a place and a larger one that only says where it is: "Xiamen, Fujian province", "Caoxian
# county in Heze city", "Jilin, northeast China", "Yiwu in east China's Zhejiang", "a city of Ningbo".
LOCATOR_BETWEEN = re.compile(
    rf"^(?:\s*(?:county|city|district|town|township|village|prefecture|banner)?\s*)"
    rf"(?:,\s*(?:(?:a|the)\s+(?:\S+\s+){{0,3}}?(?:in|of)\s+)?|\s+(?:in|of|under)\s+)(?:the\s+)?{_DIRECTION}?"
    r"(?:China['’]s\s+)?$",
    re.I,
)
# A count's clause that only continues the count before it: "…sessions, attracting 2.1 billion views".
COUNT_CONTINUATION = re.compile(
    r"(?:attracting|drawing|generating|receiving|involving|with|and\s+attracting)\b", re.I
)
RANKED = re.compile(r"\b(?:rank\w*|placed|place|top)\b", re.I)
# A year after these words is when something began, not the period of a figure.
NOT_PERIOD_BEFORE = re.compile(
    r"(?:launched|started|introduced|established|set\s+up|founded|built|opened|began|since|before|after)\s+(?:the\s+)?$",
    re.I,
)

# A sentence that carries on the figure before it: "The growth rate was …", "It accounted for …"
ANAPHORA = re.compile(
    r"^(?:(?:in|during|for|over)\s+(?:the\s+)?(?:same\s+)?(?:period|month|quarter|year)\s*,\s*)?"
    r"(?:however,\s*)?(?:the\s+|its\s+|this\s+|that\s+)?(?:better-than-expected\s+)?"
    r"(?:growth(?:\s+rate)?|rate|figure|number(?!\s+of)|sales|volume|amount|total|increase|pace|expansion"
    r"|proportion|share|it|this|that|they|these|those|of\s+(?:this|these|which|them)|among\s+them|among\s+which"
    r"|within\s+this\s+total|specifically|in\s+particular|of\s+the\s+total)\b",
    re.I,
)
# Words that put a sentence in online trade, whatever it names.
ONLINE_WORDS = re.compile(
    r"\bonline\b|e-?commerce|\binternet\b|live-?stream|\bweb\b|\bdigital\b|\bplatforms?\b|\bexpress\b"
    r"|\bcourier|\bparcels?\b|\bpackages?\b|\bdeliver|\be-stores?\b|\bbroadcasters?\b|\btaobao\b"
    r"|\bvia\s+(?:their\s+)?mobile\s+phones?\b|\bmobile\s+(?:shopping|shoppers)\b",
    re.I,
)

# "contributing 7.2 percentage points to the growth": a contribution to growth, not a gap.
CONTRIBUTION = re.compile(r"\b(?:contribut\w*|driv\w*|pull\w*|boost\w*)\s+(?:\w+\s+){0,2}$", re.I)
# "2.4% faster growth rate than the previous year": a change of growth written in percent.
FASTER_THAN_BEFORE = re.compile(
    r"^\s*(?P<way>faster|higher|quicker|slower|lower)\s+"
    r"(?:(?:growth\s+(?:rate\s+)?)?than\s+(?:that\s+of\s+)?(?:the\s+)?"
    r"(?:previous|last|preceding|same\s+period\s+(?:of\s+)?last)\s+(?:year|quarter|month|period)"
    # "0.2% lower than the first quarter of 2015": a change of growth on an earlier part of the year
    r"|than\s+(?:that\s+(?:of|in)\s+)?(?:the\s+)?(?:first|second|third)\s+(?:quarter|half)\b)",
    re.I,
)
# "20% higher than the city average": a comparison with an average of others, not a growth.
THAN_AN_AVERAGE = re.compile(
    r"^\s*(?:higher|lower|more|less|above|below)\s+than\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}average\b", re.I
)
# "the online retail sales of 336 Yichang enterprises", "419 key trade enterprises achieved …": the
# size of the group a figure is of, not a count of e-commerce enterprises.
GROUP_OF_FIRMS_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:enterprises|companies|firms)\s+(?:in\s+[^,;]{1,30}?\s+)?"
    r"(?:achieved|reached|recorded|generated|posted|realized|realised|registered|saw|reported)\b"
    # "with over 260 e-commerce enterprises participating": those taking part in an event
    r"|^\s*(?:(?:[\w'’-]+\s+){0,3}?(?:enterprises|companies|firms|brands|merchants)\s+)?"
    r"(?:participating|participated|taking\s+part|took\s+part|joined|joining)\b",
    re.I,
)
SALES_OF_BEFORE = re.compile(r"\b(?:sales|turnover|revenue)\s+of\s+$", re.I)
FIRMS_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:enterprises|companies|firms|outlets|branches|stations|points|centers|centres)\b",
    re.I,
)
# "1.49% higher than the national average": a gap written in percent.
GAP_IN_PERCENT = re.compile(
    r"^\s*(?:higher|lower|more|less|faster|slower|above|below)\s+than\s+(?:the\s+)?", re.I
)
# ", or 18.6 percent" right after an amount: the amount's share of the whole named before it.
OR_SHARE = re.compile(r"\d[^,;]*\b(?:yuan|rmb)\b[^,;]{0,20},\s*or\s+(?:about\s+|nearly\s+)?$", re.I)
# Before a name that is the whole of a share, not its part: "… to the province's total online sales".
WHOLE_OF_SHARE = re.compile(r"\bto\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# Figures that are not statistics of a place: a person's or a company's own, a target, a forecast.
# (not a government's "our province" of a translated release; "Her livestreaming rooms" opening a
# sentence is personal, "He Yadong, a spokesman" is a surname)
PERSONAL = re.compile(
    r"(?:\b(?:I|we|my|our|he|she|his|her|me|us)\b|^\s*(?:My|Our|Her|His|We|She)\b)"
    r"(?!\s+(?:province|city|county|region|country|district|municipality|prefecture)\b)"
)
COMPANY = re.compile(
    r"\bCo\.,?\s|\bLtd\b|\bInc\.?(?:\s|$)|\b(?:the|a|its|one)\s+(?:[\w-]+\s+){0,2}(?:company|firm|brand|seller)\b"
    r"|\bcompany['’]s\b|\bfirm['’]s\b|\b[A-Z][a-z]+['’]s\s+(?:company|firm|store|shop|livestream(?:ing)?)\b"
    r"|\b(?:one|a\s+single)\s+(?:livestream(?:ing)?\s+)?(?:session|store|shop|host|livestream)\b",
    re.I,
)
# A company named before a figure in its sentence: "The company's promotion … with 5,000 anchors".
# Other countries and regions of the world: their figures are not China's (trade partners, markets compared).
FOREIGN_PLACE = re.compile(
    r"\b(?:the\s+)?(?:United\s+States|U\.S\.(?!\s+dollars?)|America|United\s+Kingdom|Britain|Germany|France|Japan"
    r"|South\s+Korea|Russia|Australia|Canada|Italy|Spain|India|Brazil|Singapore|Malaysia|Thailand|Vietnam"
    r"|Indonesia|Philippines|Netherlands|Mexico|Saudi\s+Arabia|European\s+Union|ASEAN|Africa|Europe"
    r"|Latin\s+America|the\s+Middle\s+East)\b"
)
NAMED_COMPANY = re.compile(
    r"\bCo\.,?\s|\bLtd\b|\bInc\.?(?:\s|$)|\b(?:the|a)\s+company['’]s\b"
    # "Ren, the first business owner to tap into e-commerce, made 7,000 yuan": one person's
    r"|,\s*(?:the|a|one)\s+(?:[\w-]+\s+){0,2}(?:business|shop|store)\s+owner\b(?!s)"
    r"|,\s*(?:the|a|one)\s+(?:[\w-]+\s+){0,2}(?:farmer|villager|entrepreneur|vendor|shopkeeper)\b(?!s)"
    # "the sales of the "Singular Home" fruit online store run by …": one store's
    r"|\bthe\s+(?:[^\s,;.]+\s+){0,3}?online\s+(?:store|shop)\b(?!s)",
    re.I,
)
TARGET = re.compile(
    r"\b(?:will|would|might|(?:is|are)\s+likely\s+to|is\s+(?:set|expected|projected|forecast|estimated)\s+to|are\s+(?:set|expected|projected)\s+to"
    r"|set\s+to|expected\s+to|aims?\s+to|aiming\s+to|plans?\s+to|planned|target(?:s|ed)?|goal|forecast|projected"
    r"|predict\w*|strive\w*\s+to)\b",
    re.I,
)
# "handled daily", "the average daily delivery volume"; not "daily necessities" nor "China Daily"
# Figures of one show, one named platform or a sample of firms, stated before the figure in its
# sentence: "During Jiangbei District's one-hour livestream show, the views exceeded 220,000",
# "The platform of 'Wulong Flavor' … racking up 29,600 orders", "a sample survey of 200 businesses".
ONE_SHOW_OR_SAMPLE = re.compile(
    r"\b(?:one|two|three|\d+)-hour\s+(?:live-?stream(?:ing)?|live\s+broadcast)(?:\s+(?:show|session|event))?\b"
    r"|\bthe\s+platform\s+of\b|\bsample\s+(?:survey\s+)?of\s+\d|\bsurveyed\s+(?:stores|enterprises|businesses|companies)\b"
    r"|\bkey\s+samples?\b",
    re.I,
)
# "to be labelled a Taobao village, it must reach 10 million yuan": a requirement, not a statistic
REQUIREMENT = re.compile(r"\b(?:must|should|(?:is|are)\s+required\s+to|needs?\s+to)\b", re.I)
PER_DAY = re.compile(
    r"(?i:\b(?:every|each|per|a)\s+(?:day|hour|minute|second|month)\b)"
    r"|(?:\bdaily|^\s*Daily)\b"
    r"(?![\s-]+(?i:necessit|use|chemical|goods|commodit|consumer|life|living|products|supplies|essentials))",
)
# "an increase of 14,236 parcels", "up by 2 billion yuan": a change in an amount, not the amount.
ABSOLUTE_CHANGE = re.compile(
    r"\b(?:(?:an?\s+)?(?:increase|rise|growth|jump|gain|decrease|drop|decline|reduction)\s+of"
    r"|(?:up|down|increased|rose|grew|decreased|fell|dropped|declined)\s+by|added|adding|(?:an?\s+)?addition\s+of)\s+"
    r"(?:\d[\d,.]*\s+(?:[\w-]+\s+){0,3}(?:and|,)\s+)?"  # "adding 133 new online stores and 126 …"
    r"(?:about\s+|nearly\s+|over\s+|more\s+than\s+|around\s+|some\s+)?(?:rmb\s*|¥\s*)?$",
    re.I,
)
# A platform's own figure ("Tmall's orders", "sales on JD.com"), not a region's statistic.
PLATFORM = re.compile(
    r"\b(?:Alibaba|Tmall|Taobao(?!\s+(?:villages?|towns?))|JD(?:\.com)?|Jingdong|Pinduoduo|Douyin|Kuaishou|Meituan|Suning|Vipshop|UnionPay"
    r"|Freshippo|Ele\.me|Dianping)\b"
)
# "The southern China city's sales": the nation describing the place, not the subject.
NATION_DESCRIBES = re.compile(
    r"^\s*(?:city|province|region|county|town|metropolis|municipality|port)\b", re.I
)
# "…," he said: an attribution, which does not make the figure a person's own.
ATTRIBUTION = re.compile(
    r"\b(?:he|she|they|we)\s+(?:said|added|noted|told|explained|stated|says|adds)\b"
    r"|\baccording\s+to\s+(?:him|her)\b",
    re.I,
)
# The dateline that opens a story: "LHASA, July 10 (Xinhua) --", "BEIJING —", "NANJING, Feb. 5 --"
DATELINE_PLACE = re.compile(
    # "Xinhua News Agency, Beijing, March 15 (…)", "China News Service, Xining, February 6"
    r"^(?:[A-Z][\w.]*\s+){1,4}(?:Agency|Service|client),\s*[A-Z][a-z]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\b(?:\s*\([^)]{1,60}\))?\s*|"
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d{2})?)?"
    r"\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-|:(?=\s))\s*|"
    # "LHASA, (UrduPoint / Pakistan Point News - 15th Mar, 2024)"; "China News Service Shiyan, May 14"
    r"^[A-Z][A-Z .'’-]{2,40},\s*\([^)]{1,80}\)\s*|"
    r"^(?:[A-Z][\w.]*\s+){1,4}(?:Agency|Service|client)\s+[A-Z][a-z]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\b\s*|"
    # "HAIKOU, July 20. /TASS/. Express delivery services …" (after the search tool's date marker, if any)
    r"^(?:\s*date\s+\d{4}-\d{2}-\d{2}\s+)?[A-Z][A-Z .'’-]{2,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.\s*"
    r"/[A-Za-z]+/\.?\s*|"
    # "China Radio and Television Jinan May 12 (Reporter Liu Haikui) Busy people …"
    r"^(?:[A-Z][\w.]*\s+(?:and\s+)?){1,5}?[A-Z][a-z]+\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}\s*\([^)]{1,80}\)\s*"
)
# Names after these words are examples of what comes before, not the subject: "grain and oil
# products such as flour, noodles and sesame oil grew 13.6 percent".
EXAMPLES_BEFORE = re.compile(
    r"\b(?:such\s+as|including|(?:which|that)\s+includes?|like|e\.g\.|for\s+example|especially|led\s+by)"
    r"\s+(?:\S+\s+){0,3}$"
    # "home to Alibaba and JD": examples; "home to 150,000 cross-border e-commerce firms": a count's
    r"|\bhome\s+(?:of|to)\s+(?:[^\s\d]+\s+){0,3}$",
    re.I,
)
# "at present", "currently": a count as it stands in the report's year.
CURRENTLY = re.compile(
    r"\b(?:currently|at\s+present|presently|at\s+the\s+moment|so\s+far|to\s+date|up\s+to\s+now"
    # "is now home to", "there are now": a count as it stands
    r"|(?:is|are|has|have)\s+now|now\s+(?:has|have|is|are|boasts?|hosts?|houses?|counts?|home\s+to)"
    r"|(?:is|are)\s+home\s+to"
    # "generating over 3 billion yuan a year", "annual sales of 260 million yuan": as things stand
    r"|(?:(?<=yuan\s)|(?<=\)\s))(?:a|per|each)\s+year(?![\s-]+(?:earlier|ago|before|on|over|-))|annually"
    r"|(?<![^\W\d_])now(?=,))\b",
    re.I,
)
# "during the Online New Year's Shopping Festival": an event of its own that has no period code.
OTHER_EVENT = re.compile(
    r"\b(?i:during|in|at|for)\s+the\s+[\"“]?(?:(?:\d{4}\s+)?[A-Z][\w'’-]*\s+){1,6}(?:Shopping\s+)?"
    r"(?:Festival|Carnival|Season|Week|Month|Gala|Fair|Expo)\b[\"”’']?(?:\s+(?i:in|of)\s+(?:19|20)\d{2}\b)?"
)
# Ranks place a region among others: "ranked first in China" does not make the figure national.
RANK_BEFORE = re.compile(
    r"\b(?:rank\w*|placed|place|top|first|second|third|leading|largest|biggest|highest|fastest|best|most)\b"
    r"[^,;]{0,30}$",
    re.I,
)
# The parts of cross-border e-commerce retail, after a cross-border figure: "Exports grew 35 percent".
CROSS_BORDER_PART = re.compile(
    r"^\s*(?:of\s+which\s+|while\s+|and\s+)?(?:its\s+|the\s+)?(?P<part>export|import)s?\b"
    r"(?!\s+and\s+(?:export|import))",
    re.I,
)
CROSS_BORDER_WORD = re.compile(r"\b(export|import)s?\b", re.I)
# "Of the total retail sales in June, online sales accounted for 8.2 percent": the whole, not the part.
WHOLE_BEFORE = re.compile(r"(?:^|[,;]\s*)of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# A clause whose subject is sales of some kind ("Double 12 sales were up 20 percent").
# "sales" as a subject, or "sales of 8.57 billion yuan"; not "sales of tea", "sales by farmers"
SALES_WORD = re.compile(
    r"\b(?:sales|turnover|transaction\s+volume)\b"
    r"(?!\s+(?:of|by|at)\s+(?!(?:about|around|over|nearly|almost|more\s+than|some|approximately|rmb|cny)?\s*(?:[\d¥$]|$)))",
    re.I,
)
# What may come before a place that leads its clause: "In June, Changsha …", "The city of …".
CLAUSE_LEAD = re.compile(
    r"\s*(?:(?:in|during|for|over)\s+[^,]{1,40},\s*)?(?:the\s+)?(?:(?:city|county|province)\s+of\s+)?", re.I
)
# Between a figure and the place after it that is its subject: "rose 8 percent in Guangdong".
PLACE_AFTER_FIGURE = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?"  # "… 939 billion yuan (about USD 143 billion) nationwide"
    r"(?:(?:[^,;]|(?<=\d),(?=\d)){0,45}?\b(?:in|across|for|of|came\s+from|come\s+from)\s+(?:the\s+)?"
    r"(?:city\s+of\s+)?|\s*)$",
    re.I,
)
# A count's noun follows it closely ("2,600 Taobao stores", "3,000 registered online shops") …
COUNT_NOUN_AFTER = re.compile(r"^\s*(?:(?!(?:and|or)\b)[A-Za-z-]+\s+){0,2}$")
# … or precedes it as the subject the count completes ("online merchants exceeded 650,000").
COUNT_SUBJECT_BEFORE = re.compile(
    r"^\s*\(\s*$|^\s*(?:\w+\s+){0,5}?(?:exceeded|exceeding|reached|reaching|topped|surpassed|passed|completed|recorded|hit|rose\s+to|grew\s+to|increased\s+to"
    r"|totaled|totalled|stood\s+at|was|were|is|are|of|numbered|amounted\s+to|came\s+to)\s+"
    r"(?:over|more\s+than|about|nearly|around|almost|some)?\s*$"
    # "the number of parcels delivered surged 51.12 percent year on year in 2023 to about …"
    r"|^\s*(?:[\w-]+\s+){0,3}?(?:(?:has|have|had)\s+)?(?:rose|risen|grew|grown|surged|increased|jumped|climbed|soared)\b"
    r"[^,;]{0,60}?\bto\s+"
    r"(?:over|more\s+than|about|nearly|around|almost|some)?\s*$",
    re.I,
)
# Growth over an earlier month or quarter, not a year: "surged 55.6 percent compared with the
# fourth quarter of 2021", "month-on-month".
OTHER_BASE = re.compile(
    r"\b(?:month|quarter|week)[- ]on[- ](?:month|quarter|week)\b|\bcompared\s+(?:with|to)\s+(?:the\s+)?"
    r"(?:previous|preceding|last|first|second|third|fourth)\s+(?:month|quarter)\b(?!\s+(?:of\s+)?last\s+year)",
    re.I,
)
OF_WHICH = re.compile(r"\bof\s+which\s+(?:about\s+|nearly\s+|over\s+|more\s+than\s+)?$", re.I)
# A threshold that qualifies a counted thing: "… with annual online sales of over 100 million yuan".
COUNT_THRESHOLD = re.compile(r"\s+with\s+[^,;]{0,60}?\byuan\b(?:\s+or\s+more)?", re.I)
# "… the same 8 percent year-on-year target": a target named right after the figure.
# "… a target", "74 billion parcels are likely to be handled": a target or forecast after the figure
TARGET_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}(?:target|goal|forecast)\b"
    r"|^\s*(?:[\w-]+\s+){0,3}(?:is|are)\s+(?:likely|expected|projected|forecast|set)\s+to\b",
    re.I,
)
# A title naming its subject only as a kind of place: "… thrives in county in SE China's Fujian".
SMALLER_PLACE = re.compile(r"\b(?:in|a|one)\s+(?:county|city|town|village|district)\b", re.I)
# A figure for one day ("552 million parcels on Nov. 11", "on Saturday", "the peak day").
ONE_DAY = re.compile(
    r"\bon\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:-|to|through|until))"
    # (not "on Saturday's Singles Day": the day is the event, a 24-hour sale until 2018)
    r"|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![’']s\s+(?:Singles|Double))"
    r"|\b(?:single|peak|one)[\s-]+day\b|\bday\s+alone\b|\b(?:last|first|final)\s+day\s+of\b",
    re.I,
)
# A line of a ranked list, a place and its figure: "2. Zhejiang 16.5%".
LIST_LINE = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:[A-Z][\w'’-]*\s*){1,4}[:(–-]?\s*$")
# National bodies whose figures are the nation's when a report names no place.
NATIONAL_SOURCE = re.compile(
    r"\bNational\s+Bureau\s+of\s+Statistics\b|\bNBS\b|\bMinistry\s+of\s+Commerce\b|\bMOFCOM\b|\bState\s+Post\s+Bureau\b"
    r"|\bState\s+Council\b|\bcommerce\s+ministry\b"
)
# A place the gazetteer may not know, named after its kind: "the small village of Xieqiao".
PLACE_OF = re.compile(r"\b(?i:village|town|township)\s+of\s+(?P<name>[A-Z][a-z'’]+)\b")
# A counted group of firms or places as the subject: "52 business districts in Beijing registered
# retail sales of …" is those districts' figure, not Beijing's.
_GROUP = (
    r"(?:districts|malls|stores|shops|enterprises|companies|firms|villages|towns|parks|bases|markets"
    r"|restaurants)"
)
GROUP_SUBJECT = re.compile(
    r"\b\d[\d,]*\s+(?:[A-Za-z-]+\s+){0,2}?" + _GROUP + r"\s+(?:in|of|across)\s+[A-Z]"
    # "A total of 37 online stores and restaurants saw over 400 million yuan in trade"
    r"|^\s*(?i:a\s+total\s+of\s+)?\d[\d,]*\s+(?:[A-Za-z-]+\s+){0,2}?"
    + _GROUP
    + r"(?:\s+and\s+[a-z]+)?(?:\s+(?:in|of|across)\s+[A-Z][\w'’-]*)?"
    r"\s+(?:saw|recorded|achieved|registered|generated|posted|made|sold|reported)\b"
)
# "sold between 2015 and 2017": a span of years, no period of its own.
YEARS_SPANNED = re.compile(
    r"\b(?:between|from)\s+(?:19|20)\d{2}\s+(?:and|to|through)\s+(?:19|20)\d{2}\b", re.I
)
# "sold through its online platforms": the figure of the platform's owner, not a region's.
OWN_PLATFORMS = re.compile(
    r"\b(?:through|on|via)\s+(?:its|their)\s+(?:own\s+)?(?:online\s+|e-commerce\s+)?platforms?\b", re.I
)
# "sold goods worth 30 million yuan in nine days": a span of days counted out, no period of its own.
DAYS_COUNTED = re.compile(
    r"\b(?:in|within|over)\s+(?:just\s+|only\s+|the\s+(?:past|first|last)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s+(?:days|hours|weeks)\b",
    re.I,
)
# Pre-sales of a shopping event: deposits on orders before it opens, not its sales.
PRE_SALE = re.compile(r"\bpre-?\s?sales?\b", re.I)
# "during the period", "over the holiday": the period the report named last.
THE_PERIOD = re.compile(
    r"\b(?:during|in|over|throughout)\s+the\s+(?:period|holiday|festival|promotion|event|shopping\s+spree)\b"
    r"|\b(?:in\s+)?(?:that|the\s+same)\s+year\b",
    re.I,
)
STATISTIC_OF = re.compile(r"\b(?:median|average|mean|per[- ]capita)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "online tourism sales more than doubled": growth of 100 percent, written as a word; not "doubled
# in five years" (growth over a span of years).
DOUBLED = re.compile(
    r"\b(?:(?P<q>more\s+than|nearly|almost|over)\s+)?doubled\b"
    r"(?!\s+(?:in|over|within)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years)",
    re.I,
)
# Between a subject and its verb: "sessions in Gansu have doubled".
VERB_AUXILIARY = re.compile(r"\s*(?:in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+)?(?:(?:has|have|had)\s+)?")
# Between a counted thing and the growth it is the subject of: "parcels delivered surged by".
COUNT_GROWTH_BETWEEN = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:(?:has|have|had)\s+)?(?:rose|grew|surged|increased|jumped|climbed|soared"
    r"|rising|growing|surging|increasing|jumping|climbing|soaring"
    r"|went\s+up|(?:was|were)\s+up)\s+(?:by\s+)?(?:about\s+|nearly\s+|over\s+|more\s+than\s+)?",
    re.I,
)
NUMBER_OF = re.compile(r"\b(?:number|volume|count)\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)
# "its contribution to the growth of total retail sales reached 20%": a share of growth, not a figure.
CONTRIBUTION_SHARE = re.compile(r"\bcontribution(?:\s+rate)?\s+(?:to|of)\b[^,;]{0,80}$", re.I)
# Platforms as examples of where sales are made: "opened 264 stores on platforms including JD.com".
PLATFORM_EXAMPLES = re.compile(
    r"\b(?:platforms?|sites?|websites?|marketplaces?)\s+(?:including|such\s+as|like)\s+(?:[^.;]|\.(?=\w)){0,60}?$",
    re.I,
)
# After an earlier value: "from 4 million yuan (about $595,540) to more than 1.25 billion yuan".
EARLIER_VALUE_TO = re.compile(
    r"(?P<between>(?:[^,;]|(?<=\d),(?=\d)){0,60}?)\bto\s+(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?(?:rmb\s*|¥\s*)?\d",
    re.I,
)
PERIOD_WORD = re.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:in|during|for)\s+(?:the\s+)?(?:first|second|third|fourth|same|previous|last)\b",
    re.I,
)
# "percent of the buyers", "percent of the incomes of growers": a share of something other than sales
SHARE_OF_OTHER_WHOLE = re.compile(
    r"\s*of\s+(?:the\s+)?(?:[\w’',.-]+\s+){0,4}?(?:buyers|shoppers|users|consumers|netizens|residents|respondents"
    r"|people|customers|population|households|incomes?|GDP|gross\s+domestic\s+product|output"
    # shares of a count: "85 percent of the 2.47 million e-commerce platforms", "of the villages"
    r"|enterprises|companies|firms|platforms|stores|shops|villages|counties|cities|towns|parcels|packages|brands)\b",
    re.I,
)
