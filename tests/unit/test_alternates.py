from cercle.hub.alternates import absolute, alternates


def test_one_link_per_language_in_configured_order():
    found = alternates("fr", ("fr", "en", "de"), {"fr": "fr/a/", "en": "en/b/"})
    assert [a.lang for a in found] == ["fr", "en", "de"]
    assert [a.current for a in found] == [True, False, False]


def test_untranslated_language_links_to_its_home():
    found = {a.lang: a for a in alternates("fr", ("fr", "en"), {"fr": "fr/webinaires/x/"})}
    assert found["en"].url == "en/"
    assert found["en"].translated is False
    assert found["fr"].translated is True


def test_language_names_are_their_own():
    names = {a.lang: a.name for a in alternates("fr", ("fr", "en"), {})}
    assert names == {"fr": "Français", "en": "English"}


def test_absolute_joins_with_one_slash():
    assert absolute("https://hub.example.org", "fr/a/") == "https://hub.example.org/fr/a/"
    assert absolute("https://hub.example.org/", "fr/a/") == "https://hub.example.org/fr/a/"
    assert absolute("https://example.org/hub/", "") == "https://example.org/hub/"


def test_absolute_without_site_url_is_root_relative():
    assert absolute(None, "en/b/") == "/en/b/"
    assert absolute("", "") == "/"
