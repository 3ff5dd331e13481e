from tests.unit.test_catalog import make

from cercle.core.models import EntryType
from cercle.hub.pages import Kind, generated_pages, reserved_url_problems


def pages_by(catalog):
    return {(p.kind, p.lang, p.subject or (p.entry_type.value if p.entry_type else "")): p
            for p in generated_pages(catalog)}


def test_every_language_gets_home_listings_topics_and_speakers(tmp_path):
    catalog = make(tmp_path, {"fr/webinaires/a.md": "---\ntitle: A\ndate: 2022-10-13\n---\n"})
    pages = pages_by(catalog)
    for lang in ("fr", "en"):
        assert pages[(Kind.HOME, lang, "")].url == f"{lang}/"
        for kind in ("webinar", "event", "guide"):
            assert (Kind.LISTING, lang, kind) in pages
        assert (Kind.TOPIC, lang, "volontariat") in pages
        assert (Kind.SPEAKER, lang, "stephanie-ledoux") in pages
    root = [p for p in generated_pages(catalog) if p.kind is Kind.ROOT]
    assert len(root) == 1 and root[0].url == ""


def test_listing_folder_follows_the_content_then_the_language_default(tmp_path):
    catalog = make(tmp_path, {"fr/replays/a.md": "---\ntitle: A\ndate: 2022-10-13\n---\n"},
                   sections={"replays": EntryType.WEBINAR})
    pages = pages_by(catalog)
    assert pages[(Kind.LISTING, "fr", "webinar")].url == "fr/replays/"
    assert pages[(Kind.LISTING, "en", "webinar")].url == "en/webinars/"


def test_topic_and_speaker_pages_are_titled_in_their_language(tmp_path):
    pages = pages_by(make(tmp_path, {}))
    assert pages[(Kind.TOPIC, "fr", "volontariat")].title == "Volontariat"
    assert pages[(Kind.TOPIC, "en", "volontariat")].title == "Volunteering"
    assert pages[(Kind.SPEAKER, "en", "stephanie-ledoux")].title == "Stéphanie Ledoux"


def test_keys_pair_the_same_page_across_languages(tmp_path):
    pages = pages_by(make(tmp_path, {}))
    fr, en = pages[(Kind.TOPIC, "fr", "volontariat")], pages[(Kind.TOPIC, "en", "volontariat")]
    assert fr.key == en.key == "topic:volontariat"
    assert fr.src_uri == f"{fr.url}index.md"
    assert fr.template == "cercle/topic.html"


def test_an_entry_on_a_generated_url_is_reported(tmp_path):
    catalog = make(tmp_path, {"en/webinars.md": "---\ntitle: Clash\n---\n"})
    problems = reserved_url_problems(catalog, generated_pages(catalog))
    assert [(p.path, p.code) for p in problems] == [("en/webinars.md", "reserved_url")]
