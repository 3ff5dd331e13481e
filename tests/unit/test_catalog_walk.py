"""One walk of content/ (cercle.core.catalog.walk): the paths `rglob("*")` lists, each kind told once."""

import os

from cercle.core.catalog.walk import walk


def _tree(root):
    (root / "fr/webinaires/2024").mkdir(parents=True)
    (root / "fr/a-b").mkdir()
    (root / "fr/webinaires/2024/un.md").write_text("un")
    (root / "fr/a-b/deux.md").write_text("deux")
    (root / "fr/.cache").mkdir()
    (root / "fr/.cache/x.md").write_text("caché")
    (root / "fr/_brouillon.md").write_text("brouillon")
    (root / "fr/lien.md").symlink_to("webinaires/2024/un.md")
    (root / "fr/dossier-lien").symlink_to("webinaires")  # listed, not entered
    (root / "fr/casse.md").symlink_to("nulle-part.md")
    (root / "fr/dehors.md").symlink_to(root.parent / "dehors.md")
    (root.parent / "dehors.md").write_text("dehors")
    os.mkfifo(root / "fr/tube")


def test_the_walk_lists_what_rglob_lists_in_the_same_order(tmp_path):
    root = tmp_path / "content"
    _tree(root)
    found = walk(root)
    assert [item.path for item in found] == [str(p) for p in sorted(root.rglob("*"))]
    assert [item.rel for item in found][:3] == ["fr", "fr/.cache", "fr/.cache/x.md"]
    assert found.index(next(f for f in found if f.rel == "fr/a-b")) < found.index(
        next(f for f in found if f.rel == "fr/webinaires")
    )


def test_each_path_has_its_kind_and_whether_it_is_a_file(tmp_path):
    root = tmp_path / "content"
    _tree(root)
    by_rel = {item.rel: item for item in walk(root)}
    assert by_rel["fr"].kind == "dir" and not by_rel["fr"].is_file
    assert by_rel["fr/webinaires/2024/un.md"].kind == "file" and by_rel["fr/webinaires/2024/un.md"].is_file
    assert by_rel["fr/lien.md"].kind == "link:webinaires/2024/un.md" and by_rel["fr/lien.md"].is_file
    assert by_rel["fr/lien.md"].is_link and not by_rel["fr/webinaires"].is_link
    assert by_rel["fr/dossier-lien"].kind == "link:webinaires" and not by_rel["fr/dossier-lien"].is_file
    assert not any(rel.startswith("fr/dossier-lien/") for rel in by_rel)  # a link to a folder: not entered
    assert by_rel["fr/casse.md"].is_link and not by_rel["fr/casse.md"].is_file
    assert by_rel["fr/tube"].kind == "file" and not by_rel["fr/tube"].is_file  # a FIFO is no file to read
    assert by_rel["fr/dehors.md"].is_file  # the loader says it leaves content/ (symlink_outside)


def test_a_folder_that_cannot_be_listed_is_skipped(tmp_path):
    root = tmp_path / "content"
    _tree(root)
    assert walk(tmp_path / "missing") == []
    locked = root / "fr/webinaires"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: nothing to skip
            return
        assert not any(item.rel.startswith("fr/webinaires/") for item in walk(root))
    finally:
        locked.chmod(0o755)
