"""cercle.meta.tags: the og:/article:/twitter: tags of a page, from the Catalog (no MkDocs)."""

from tests.unit.test_catalog import make

from cercle.hub.view import Hub
from cercle.meta.tags import Image, meta_tags

PAGES = {
    "fr/webinaires/a.md": "---\ntitle: Réussir\ndate: 2022-10-13\ntopics: [volontariat]\ntags: [RSE]\n---\n",
    "en/webinars/a.md": "---\ntitle: Succeed\ndate: 2022-10-13\n---\n",
}
CARD = Image("cards/fr/a.png", 1200, 630, "Carte")


def tags(tmp_path, src, image=None, site_url="https://hub.example.org/"):
    hub = Hub(make(tmp_path, PAGES, site_url=site_url))
    view = hub.view(src)
    return [(t.attr, t.key, t.content) for t in meta_tags(view, "Cercle", "Résumé", image)]


def test_entry_page_is_an_article_with_locale_and_alternate(tmp_path):
    found = tags(tmp_path, "fr/webinaires/a.md", CARD)
    assert ("property", "og:type", "article") in found
    assert ("property", "og:locale", "fr_FR") in found
    assert ("property", "og:locale:alternate", "en_US") in found
    assert ("property", "og:url", "https://hub.example.org/fr/webinaires/a/") in found
    assert ("property", "article:published_time", "2022-10-13") in found
    assert ("property", "article:tag", "Volontariat") in found
    assert ("property", "article:tag", "RSE") in found


def test_image_tags_are_absolute_and_carry_alt(tmp_path):
    found = tags(tmp_path, "fr/webinaires/a.md", CARD)
    assert ("property", "og:image", "https://hub.example.org/cards/fr/a.png") in found
    assert ("property", "og:image:alt", "Carte") in found
    assert ("name", "twitter:card", "summary_large_image") in found
    assert ("name", "twitter:image:alt", "Carte") in found


def test_without_site_url_no_absolute_url_is_invented(tmp_path):
    found = tags(tmp_path, "fr/webinaires/a.md", CARD, site_url=None)
    keys = {key for _, key, _ in found}
    assert "og:url" not in keys and "og:image" not in keys
    assert ("name", "twitter:image:alt", "Carte") not in found


def test_generated_page_is_a_website_and_summary_without_image(tmp_path):
    found = tags(tmp_path, "en/index.md")
    assert ("property", "og:type", "website") in found
    assert ("property", "og:locale", "en_US") in found
    assert ("name", "twitter:card", "summary") in found
    assert not any(key.startswith("article:") for _, key, _ in found)


def test_empty_values_are_left_out(tmp_path):
    hub = Hub(make(tmp_path, PAGES, site_url="https://hub.example.org/"))
    found = meta_tags(hub.view("en/webinars/a.md"), "Cercle", "", None)
    assert "og:description" not in {t.key for t in found}
