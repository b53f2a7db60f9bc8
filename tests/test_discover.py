"""Bad input: each file gets one line naming it and the cause; the others go on."""

import os
import shutil
import zipfile

import pytest

from flows.discover import find_reports
from flows.extract import extract_reports
from tests.conftest import REFERENCE_REPORT


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(REFERENCE_REPORT, folder / "good report – 新疆.txt")  # spaces and non-ASCII in the name
    return folder


def rejected(raw, reference, read=("good report – 新疆.txt",)) -> dict[str, str]:
    batch = extract_reports(find_reports(raw, max_bytes=10 * 2**20), reference)
    assert sorted(r.raw.path for r in batch.reports) == sorted(read)
    return {r.path: r.reason for r in batch.rejected}


def test_each_kind_of_bad_file_is_named_with_its_cause(raw, reference):
    (raw / "empty.txt").write_bytes(b"")
    (raw / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with zipfile.ZipFile(raw / "archive.txt", "w") as archive:
        archive.writestr("a.txt", "x" * 100)
    (raw / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)
    with (raw / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 2**20)
    (raw / "no figures.txt").write_text(
        "Home › News\n\nA feature\n\nReleased on May 3, 2025. Shoppers in Lanzhou like tea.\n",
        encoding="utf-8",
    )
    (raw / "prices only.txt").write_text(  # a report whose only figures are of other things is read
        "Home › News\n\nA feature\n\nReleased on May 3, 2025. In Lanzhou a bowl of noodles costs 16.5 yuan.\n",
        encoding="utf-8",
    )
    shutil.copy(REFERENCE_REPORT, raw / "later copy.txt")
    reasons = rejected(raw, reference, read=("good report – 新疆.txt", "prices only.txt"))
    assert reasons == {
        "archive.txt": "archive.txt: binary file, not report text",
        "later copy.txt": "later copy.txt: same content as good report – 新疆.txt, loaded once",
        "empty.txt": "empty.txt: file is empty",
        "huge.txt": "huge.txt: 50.0 MB, larger than a report can be (10 MB)",
        "no figures.txt": "no figures.txt: no figures found in the report",
        "photo.txt": "photo.txt: binary file, not report text",
        "undecodable.txt": "undecodable.txt: cannot decode as UTF-8 or GB18030 text",
    }
    assert all("\n" not in reason for reason in reasons.values())


def test_an_unreadable_file(raw, reference, monkeypatch):
    locked = raw / "locked.txt"
    shutil.copy(REFERENCE_REPORT, locked)
    if os.geteuid() == 0:  # root reads any file: make the read fail as it would for a user
        real_read = type(locked).read_bytes
        monkeypatch.setattr(
            type(locked),
            "read_bytes",
            lambda self: (
                (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                if self.name == "locked.txt"
                else real_read(self)
            ),
        )
    else:
        locked.chmod(0)
    assert rejected(raw, reference) == {"locked.txt": "locked.txt: cannot be read: Permission denied"}


def test_files_of_formats_not_read_are_named_not_passed_over(raw, reference):
    for name in ("release.docx", "release.pdf", "figures.xlsx", "figures.csv", "notes"):
        (raw / name).write_bytes(b"PK\x03\x04 not a report")
    (raw / ".release.html.part").write_text("half a download")  # hidden: not looked at
    reasons = rejected(raw, reference)
    assert reasons == {
        name: f"{name}: unsupported format ({suffix}): reports are .txt, .html, .htm"
        for name, suffix in [
            ("release.docx", ".docx"),
            ("release.pdf", ".pdf"),
            ("figures.xlsx", ".xlsx"),
            ("figures.csv", ".csv"),
            ("notes", "no extension"),
        ]
    }


def test_utf16_text_with_a_byte_order_mark_is_read(raw, reference):
    text = REFERENCE_REPORT.read_text(encoding="utf-8")
    (raw / "good report – 新疆.txt").unlink()
    (raw / "utf16.txt").write_bytes(text.encode("utf-16"))  # with its BOM
    batch = extract_reports(find_reports(raw), reference)
    assert [r.raw.path for r in batch.reports] == ["utf16.txt"] and not batch.rejected
    assert batch.observation_count > 0


def test_a_link_out_of_the_raw_folder_is_not_followed(raw, reference, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(REFERENCE_REPORT, outside / "secret.txt")
    (raw / "linked.txt").symlink_to(outside / "secret.txt")
    (raw / "linked folder").symlink_to(outside)
    assert rejected(raw, reference) == {
        "linked.txt": f"linked.txt: a link to {outside / 'secret.txt'}, outside the raw folder: not followed",
        "linked folder": f"linked folder: a link to {outside}, outside the raw folder: not followed",
    }
