"""ContentRef: the one answer to "is this front-matter value an address or a file in content/?"."""

from __future__ import annotations

import pytest

from cercle.core.refs import ContentRef
from cercle.core.safe_paths import through_link


@pytest.mark.parametrize(
    ("raw", "remote", "path", "url"),
    [
        ("https://example.org/a.pdf", True, None, "https://example.org/a.pdf"),
        ("media/a.pdf", False, "media/a.pdf", "media/a.pdf"),
        ("/media/a.pdf", False, "media/a.pdf", "media/a.pdf"),
    ],
)
def test_remote_address_or_path_in_content(raw, remote, path, url):
    ref = ContentRef(raw)
    assert (ref.is_remote, ref.content_path, ref.url) == (remote, path, url)


def test_of_gives_none_for_a_missing_value():
    assert ContentRef.of(None) is None and ContentRef.of("") is None
    assert ContentRef.of("a.png") == ContentRef("a.png")


def test_resolve_stays_inside_content(tmp_path):
    content = tmp_path / "content"
    (content / "media").mkdir(parents=True)
    (content / "media" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "secret.txt").write_text("no")
    (content / "media" / "out.txt").symlink_to(tmp_path / "secret.txt")
    assert ContentRef("/media/a.pdf").resolve(content) == (content / "media" / "a.pdf").resolve()
    assert ContentRef("media/a.pdf").is_file_in(content)
    assert ContentRef("../secret.txt").resolve(content) is None
    assert ContentRef("media/out.txt").resolve(content) is None  # a symlink out of content/
    assert ContentRef("media/\0.pdf").resolve(content) is None
    assert ContentRef("https://example.org/a.pdf").resolve(content) is None
    assert ContentRef("media/missing.pdf").resolve(content) is not None
    assert not ContentRef("media/missing.pdf").is_file_in(content)


def test_only_a_path_through_a_link_needs_resolving(tmp_path):
    content = tmp_path / "content"
    (content / "media").mkdir(parents=True)
    (content / "media" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "elsewhere").mkdir()
    (content / "linked").symlink_to(tmp_path / "elsewhere")
    (content / "media" / "out.txt").symlink_to(tmp_path / "secret.txt")
    known: dict[str, bool] = {}
    assert not through_link(str(content), "media/a.pdf", known)
    assert through_link(str(content), "linked/x.pdf", known)  # a folder of the path is a link
    assert through_link(str(content), "media/out.txt", known)  # the file itself is
    assert through_link(str(content), "media/../a.pdf", known)  # `..`: resolve to be sure
    assert known == {"media": False, "media/a.pdf": False, "linked": True, "media/out.txt": True}


def test_a_referenced_file_exists_only_inside_content_with_or_without_links_on_the_way(tmp_path):
    # The catalog skips `resolve` for a path with no link on the way: the answers must not change.
    from cercle.core.catalog import CatalogBuilder
    from cercle.core.settings import HubSettings

    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "media").mkdir(parents=True)
    outside.mkdir()
    (content / "media" / "talk.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (outside / "secret.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (content / "out").symlink_to(outside, target_is_directory=True)  # a folder link leaving content/
    (content / "in").symlink_to(content / "media", target_is_directory=True)  # one staying inside
    (content / "media" / "link.vtt").symlink_to(outside / "secret.vtt")
    builder = CatalogBuilder(HubSettings(content_dir=content))
    exists = builder.content_file_exists
    assert exists("media/talk.vtt") and exists("/media/talk.vtt") and exists("in/talk.vtt")
    assert not exists("media/missing.vtt") and not exists("media")  # a folder is not a file
    assert not exists("out/secret.vtt") and not exists("media/link.vtt")
    assert not exists("media/../../outside/secret.vtt") and not exists("media//talk\0.vtt")
    assert exists("https://example.org/talk.vtt")  # a remote address is not looked for
