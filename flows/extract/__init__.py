"""Extraction: from a report's text to observations, mentions and numbers set aside.

layout      page parts, paragraphs, sentences and clauses (html: a saved page's article text)
dates       when the report was published, and where that was read
quantities  numbers with their units, scales, rounding and qualifiers
measures    what a figure measures, and its sign (patterns: the genre's phrasing as tables)
places      which place a figure is about      segments  which segment
periods     which period                        lists     figures given as lists of names
assembly    one report, sentence by sentence    batch     many reports, each kept or rejected
"""

from flows.extract.assembly import extract
from flows.extract.batch import (
    CORRECTIONS_FILE,
    KEY_COLUMNS,
    ExtractedBatch,
    ExtractedReport,
    StagedPart,
    extract_file,
    extract_reports,
    key_rows,
)
from flows.extract.layout import ReportError, Span, report_text
from flows.extract.model import Extraction, Mention, Observation, ReportDate, SetAside
from flows.extract.quantities import Quantity, find_quantities

__all__ = [
    "CORRECTIONS_FILE",
    "KEY_COLUMNS",
    "ExtractedBatch",
    "ExtractedReport",
    "StagedPart",
    "Extraction",
    "Mention",
    "Observation",
    "Quantity",
    "ReportDate",
    "ReportError",
    "SetAside",
    "Span",
    "extract",
    "extract_file",
    "extract_reports",
    "find_quantities",
    "key_rows",
    "report_text",
]
