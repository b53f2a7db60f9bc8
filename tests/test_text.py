import pytest

from flows.extract.layout import ReportError, clauses, decode, layout, sentences
from tests.conftest import REFERENCE_REPORT


def test_layout_separates_breadcrumb_title_body_and_page_furniture():
    text = REFERENCE_REPORT.read_text(encoding="utf-8")
    page = layout(text)
    assert page.breadcrumb.text.startswith("TIANSHANNET")
    assert page.title.text == text[page.title.start : page.title.end]
    assert page.source == "Shiliuyun-Xinjiang Daily"
    body = " ".join(p.text for p in page.body)
    assert "Photo taken" not in body
    assert "written permission" not in body


def test_sentences_and_clauses_keep_file_offsets():
    text = "Intro line\n\nSales rose 5 percent, up from 2023. Exports fell 2.5 percent - a drop.\n"
    paragraph = layout(text).body[0]
    parts = sentences(paragraph)
    assert [s.text for s in parts] == [
        "Sales rose 5 percent, up from 2023.",
        "Exports fell 2.5 percent - a drop.",
    ]
    for part in parts + clauses(parts[1]):
        assert text[part.start : part.end] == part.text
    assert [c.text for c in clauses(parts[1])] == ["Exports fell 2.5 percent", "a drop."]


def test_decode_accepts_bom_and_gb18030():
    assert decode("\ufeffGrowth 5%".encode(), "a.txt") == "Growth 5%"
    assert decode("网络零售额增长5%".encode("gb18030"), "b.txt") == "网络零售额增长5%"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "a.txt: file is empty"), (b"\x89PNG\x00\x00", "a.txt: binary file")],
)
def test_decode_rejects_unusable_files_naming_them(data, message):
    with pytest.raises(ReportError, match=message):
        decode(data, "a.txt")
