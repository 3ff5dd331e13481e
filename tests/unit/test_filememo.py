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


def _new_process():
    from cercle.core import filememo

    filememo._OUTCOMES.clear()
    filememo._DISK.clear()
    filememo._USED.clear()
    filememo._CHANGED.clear()


def test_a_cache_folder_keeps_sound_outcomes_for_the_next_process(tmp_path):
    from cercle.core.filememo import FILE_NAME, save

    path, folder = tmp_path / "t.vtt", tmp_path / "cache"
    path.write_text("WEBVTT one")
    reads = []

    def read() -> int:
        reads.append(1)
        if "bad" in path.read_text():
            raise ValueError("bad")
        return len(path.read_text())

    _new_process()
    assert remembered(path, "vtt", read, folder) == 10
    save(folder)
    _new_process()
    assert remembered(path, "vtt", read, folder) == 10 and len(reads) == 1  # from the disk
    path.write_text("WEBVTT two!")  # other bytes: read again
    assert remembered(path, "vtt", read, folder) == 11 and len(reads) == 2
    path.write_text("WEBVTT bad")  # an error is never kept on disk
    for _ in range(2):
        _new_process()
        with pytest.raises(ValueError):
            remembered(path, "vtt", read, folder)
        save(folder)
    assert len(reads) == 4
    # An edited cache (its digest no longer matches) is not believed.
    path.write_text("WEBVTT one")
    (folder / FILE_NAME).write_bytes((folder / FILE_NAME).read_bytes().replace(b"10", b"99"))
    _new_process()
    assert remembered(path, "vtt", read, folder) == 10 and len(reads) == 5


def test_a_file_left_alone_is_found_on_disk_by_its_state_unread(tmp_path):
    # Reading and hashing every transcript cost 0.5 s of a warm build at 10,000 entries.
    import os

    from cercle.core.filememo import save

    path, folder = tmp_path / "t.vtt", tmp_path / "cache"
    path.write_text("WEBVTT one")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 60 * 10**9))  # a minute ago
    _new_process()
    assert remembered(path, "vtt", lambda: len(path.read_text()), folder) == 10
    save(folder)
    # The same size and time with other bytes (only a deliberate `touch -d` does that): the
    # state is what is compared, the bytes are not read again.
    old = path.stat()
    path.write_text("WEBVTT 1!!")
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    _new_process()
    assert remembered(path, "vtt", lambda: len(path.read_text()) * 100, folder) == 10
    path.write_text("WEBVTT one more")  # another size and time: read again
    _new_process()
    assert remembered(path, "vtt", lambda: len(path.read_text()), folder) == 15
