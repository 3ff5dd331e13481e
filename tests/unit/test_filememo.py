"""What reading a file gave is kept while the file is unchanged, and read again once it is not."""

from __future__ import annotations

import os

import pytest

from cercle.core.filememo import remembered


def test_an_unchanged_file_is_read_once_and_a_rewritten_one_again(tmp_path):
    path = tmp_path / "t.vtt"
    path.write_text("one")
    reads = []

    def read() -> str:
        reads.append(1)
        return path.read_text()

    assert remembered(path, "x", read) == "one" and remembered(path, "x", read) == "one"
    assert len(reads) == 1
    path.write_text("two")  # same size: the modification time tells
    state = path.stat()
    os.utime(path, ns=(state.st_atime_ns, state.st_mtime_ns + 1_000))
    assert remembered(path, "x", read) == "two" and len(reads) == 2
    assert remembered(path, "y", read) == "two" and len(reads) == 3  # another question, another answer


def test_a_failure_is_raised_again_until_the_file_changes(tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(b"not a pdf")

    def read() -> int:
        if path.read_bytes().startswith(b"%PDF"):
            return 3
        raise ValueError("not a PDF")

    for _ in range(2):
        with pytest.raises(ValueError, match="not a PDF"):
            remembered(path, "pdf", read)
    path.write_bytes(b"%PDF-1.7 fixed")
    assert remembered(path, "pdf", read) == 3


def test_a_missing_file_is_not_remembered(tmp_path):
    path = tmp_path / "gone.vtt"
    with pytest.raises(FileNotFoundError):
        remembered(path, "vtt", path.read_text)
    path.write_text("here")
    assert remembered(path, "vtt", path.read_text) == "here"
