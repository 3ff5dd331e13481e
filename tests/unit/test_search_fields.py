"""cercle.search.fields: what an entry page tells Pagefind (filters, metadata, sort, body)."""

from tests.unit.test_catalog import make

from cercle.search.fields import fields_html, mark_for_index, search_fields

PAGE = (
    "---\ntitle: Réussir <vite>\ndate: 2022-10-13\ntopics: [volontariat]\n"
    "speakers: [stephanie-ledoux]\n---\n"
)


def fields_of(tmp_path, rel="fr/webinaires/a.md", text=PAGE):
    catalog = make(tmp_path, {rel: text})
    return search_fields(catalog.by_path(rel), catalog)


def test_filters_are_in_the_page_language(tmp_path):
    fr = fields_of(tmp_path)
    assert dict(fr.filters) == {
        "type": "Webinaire", "topic": "Volontariat", "speaker": "Stéphanie Ledoux", "year": "2022",
    }
    en = fields_of(tmp_path, "en/webinars/a.md")
    assert dict(en.filters)["topic"] == "Volunteering"
    assert dict(en.filters)["type"] == "Webinar"


def test_date_gives_year_filter_metadata_and_sort(tmp_path):
    fields = fields_of(tmp_path)
    assert dict(fields.sort) == {"date": "2022-10-13"}
    assert dict(fields.meta)["date"] == "13 octobre 2022"


def test_undated_entry_has_no_year_and_no_sort(tmp_path):
    fields = fields_of(tmp_path, "fr/guides/g.md", "---\ntitle: G\n---\n")
    assert "year" not in dict(fields.filters)
    assert fields.sort == ()


def test_fields_are_hidden_ignored_and_escaped(tmp_path):
    html = fields_html(fields_of(tmp_path))
    assert html.startswith('<div class="cercle-search-fields" hidden data-pagefind-ignore>')
    assert "Réussir &lt;vite&gt;" in html and "<vite>" not in html


def test_only_materials_article_becomes_the_indexed_body(tmp_path):
    page = '<nav>menu</nav><article class="md-content__inner md-typeset"><h1>T</h1></article>'
    marked = mark_for_index(page, fields_of(tmp_path))
    assert marked is not None
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in marked
    assert marked.index("data-pagefind-body") > marked.index("<nav>")
    assert mark_for_index("<main>no article</main>", fields_of(tmp_path)) is None


def test_meta_says_language_and_iso_date_for_results(tmp_path):
    assert dict(fields_of(tmp_path).meta)["lang"] == "fr"
    assert dict(fields_of(tmp_path).meta)["datetime"] == "2022-10-13"
    assert dict(fields_of(tmp_path, "en/webinars/a.md").meta)["lang"] == "en"
