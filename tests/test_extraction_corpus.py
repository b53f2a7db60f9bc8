"""The extractor on the labelled corpus (tests/corpus/): its floors, and nothing lost."""

import pytest

from bench.extraction_quality import corpus_reports, score_corpus
from flows.extract import extract
from flows.extract.layout import report_text
from flows.extract.patterns import NUMBER
from tests.conftest import CORPUS_DIR

REPORTS = corpus_reports(CORPUS_DIR)


def test_the_corpus_is_large_enough():
    assert len(REPORTS) >= 26


def test_precision_and_recall_floors(reference):
    scores = score_corpus(CORPUS_DIR, reference)
    assert scores.recall() >= 0.95, scores.table()
    assert scores.precision() >= 0.98, scores.table()


@pytest.mark.parametrize("report", [r for r, _ in REPORTS], ids=lambda p: p.name)
def test_every_number_is_an_observation_a_non_figure_or_for_review(report, reference):
    text = report_text(report.read_bytes(), report.name)
    extraction = extract(text, reference, report.name)
    placed = [(o.figure_start, o.figure_end) for o in extraction.observations]
    placed += [(s.start, s.end) for s in extraction.set_aside]
    for number in NUMBER.finditer(text):
        holders = [span for span in placed if span[0] <= number.start() < span[1]]
        assert len(holders) == 1, f"{number.group()!r} at {number.start()}: {holders}"
