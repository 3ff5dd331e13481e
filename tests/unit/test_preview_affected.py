"""Which pages `cercle serve` renders again after an edit (cercle.preview.affected, .changes)."""

from pathlib import Path

from tests.unit.test_catalog import make

from cercle.hub.view import Hub
from cercle.preview.affected import affected_pages
from cercle.preview.changes import changes, content_edits, snapshot


def webinar(title: str, date: str = "2022-10-13", topics: str = "[volontariat]", extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: {date}\ntopics: {topics}\n{extra}---\nBody.\n"


BASE = {
    "fr/webinaires/a.md": webinar("A", extra="translation_key: a\nspeakers: [stephanie-ledoux]\n"),
    "en/webinars/a.md": webinar("A en", extra="translation_key: a\n"),
    "fr/webinaires/b.md": webinar("B", date="2022-09-01"),
    "fr/webinaires/c.md": webinar("C", date="2022-08-01", topics="[]"),
    "fr/guides/g.md": "---\ntitle: G\n---\nGuide.\n",
}


def hubs(tmp_path: Path, edit: dict[str, str]) -> tuple[Hub, Hub]:
    before = Hub(make(tmp_path / "before", BASE))
    after = Hub(make(tmp_path / "after", {**BASE, **edit}))
    return before, after


def generated(hub: Hub, pages: set[str]) -> set[str]:
    """The generated pages among `pages`, as kind:lang:subject."""
    out = set()
    for page in hub.pages:
        if page.src_uri in pages:
            out.add(f"{page.kind.value}:{page.lang}:{page.subject or (page.entry_type or '')}")
    return out


def test_a_title_edit_renders_the_entry_its_translation_and_the_pages_listing_it(tmp_path):
    edited = BASE["fr/webinaires/a.md"].replace("A\n", "A2\n", 1)
    before, after = hubs(tmp_path, {"fr/webinaires/a.md": edited})
    pages = affected_pages(before, after, {"fr/webinaires/a.md"})
    assert pages is not None
    assert {"fr/webinaires/a.md", "en/webinars/a.md"} <= pages
    assert "fr/webinaires/b.md" in pages  # shares a topic: A is in its related entries
    assert "fr/webinaires/c.md" not in pages and "fr/guides/g.md" not in pages
    shown = generated(after, pages)
    assert {"home:fr:", "listing:fr:webinar", "topic:fr:volontariat", "speaker:fr:stephanie-ledoux"} <= shown
    assert {"sitemap:fr:", "to_share:fr:", "topics:fr:", "speakers:fr:"} <= shown
    assert "listing:fr:guide" not in shown and "home:en:" not in shown and "root:fr:" not in shown


def test_pages_that_listed_the_entry_before_the_edit_are_rendered_too(tmp_path):
    # A leaves its topic and its speaker: their pages must drop it.
    edited = webinar("A", topics="[]", extra="translation_key: a\n")
    before, after = hubs(tmp_path, {"fr/webinaires/a.md": edited})
    pages = affected_pages(before, after, {"fr/webinaires/a.md"})
    assert pages is not None
    assert {"topic:fr:volontariat", "speaker:fr:stephanie-ledoux"} <= generated(after, pages)
    assert "fr/webinaires/b.md" in pages  # its related block loses A


def test_a_new_translation_pairing_renders_both_groups(tmp_path):
    edited = BASE["fr/webinaires/b.md"].replace("---\nBody", "translation_key: a\n---\nBody")
    before, after = hubs(tmp_path, {"fr/webinaires/b.md": edited, "fr/webinaires/a.md": webinar("A")})
    pages = affected_pages(before, after, {"fr/webinaires/a.md", "fr/webinaires/b.md"})
    assert pages is not None and "en/webinars/a.md" in pages


def test_structural_edits_need_a_full_rebuild(tmp_path):
    # A draft leaves the site: pages disappear.
    before, after = hubs(tmp_path, {"fr/guides/g.md": "---\ntitle: G\ndraft: true\n---\nGuide.\n"})
    assert affected_pages(before, after, {"fr/guides/g.md"}) is None
    # An intro heads a generated page: its title is in every page's menu.
    intro = {"fr/webinaires/index.md": "---\ntitle: Nos webinaires\n---\nIntro.\n"}
    before = Hub(make(tmp_path / "i1", {**BASE, **intro}))
    retitled = {"fr/webinaires/index.md": "---\ntitle: Les webinaires\n---\n"}
    after = Hub(make(tmp_path / "i2", {**BASE, **retitled}))
    assert affected_pages(before, after, {"fr/webinaires/index.md"}) is None


def test_only_markdown_edited_in_place_is_incremental(tmp_path):
    content = tmp_path / "content"
    (content / "fr").mkdir(parents=True)
    page, image = content / "fr" / "a.md", content / "fr" / "a.png"
    page.write_text("one", encoding="utf-8")
    image.write_bytes(b"png")
    first = snapshot([content, tmp_path / "mkdocs.yml"])
    page.write_text("two!", encoding="utf-8")
    (content / "fr" / ".a.md.swp").write_text("editor", encoding="utf-8")
    registries = {"speakers.yml", "topics.yml"}
    assert content_edits(changes(first, snapshot([content])), content, registries) == {"fr/a.md"}
    image.write_bytes(b"png2")
    assert content_edits(changes(first, snapshot([content])), content, registries) is None
    image.unlink()
    assert content_edits(changes(first, snapshot([content])), content, registries) is None
    (tmp_path / "mkdocs.yml").write_text("site_name: x", encoding="utf-8")
    later = snapshot([content, tmp_path / "mkdocs.yml"])
    assert content_edits(changes(first, later), content, registries) is None


def test_the_hubs_own_strings_take_a_full_rebuild_even_hidden_in_content(tmp_path):
    # Every page and the search dialog (cercle-search.<lang>.js) show them; a folder hidden in
    # content/ is not read by MkDocs or the Catalog, but it is by the strings' loader.
    content = tmp_path / "content"
    strings = content / ".locales" / "fr.yml"
    strings.parent.mkdir(parents=True)
    strings.write_text("ui:\n  search_title: Un\n", encoding="utf-8")
    first = snapshot([content])
    strings.write_text("ui:\n  search_title: Deux\n", encoding="utf-8")
    found = changes(first, snapshot([content]))
    assert content_edits(found, content, set()) == set()  # a hidden file alone: nothing to do
    assert content_edits(found, content, set(), strings.parent) is None


def test_a_text_only_edit_renders_the_entry_alone(tmp_path):
    edited = BASE["fr/webinaires/a.md"].replace("Body.", "Body, longer now.")
    before, after = hubs(tmp_path, {"fr/webinaires/a.md": edited})
    assert affected_pages(before, after, {"fr/webinaires/a.md"}) == {"fr/webinaires/a.md"}
    # The same edit with a new description reaches the pages that show it.
    described = edited.replace("---\nBody", "description: Now described.\n---\nBody")
    before, after = hubs(tmp_path / "2", {"fr/webinaires/a.md": described})
    assert len(affected_pages(before, after, {"fr/webinaires/a.md"}) or ()) > 5
