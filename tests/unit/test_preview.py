"""The live preview's error page: escaped, in the reader's language."""

from __future__ import annotations

from cercle.core.errors import problem
from cercle.preview import error_page, reader_language


def test_language_from_the_path_then_the_browser_then_the_fallback():
    assert reader_language("/fr/guides/x/", "en", "en") == "fr"
    assert reader_language("/en/", "fr", "fr") == "en"
    assert reader_language("/", "de-DE,en;q=0.7,fr;q=0.9", "en") == "fr"
    assert reader_language("/", "fr;q=0, en;q=0.1", "fr") == "en"
    assert reader_language("/media/", "de, *;q=0.5", "fr") == "fr"
    assert reader_language("/", "fr;q=abc", "en") == "en"


def test_every_value_from_content_is_escaped():
    script = "<script>alert(1)</script>"
    hostile = problem("fr/<b>.md", 3, "speakers<i>", "unknown_speaker", id=script, hint="")
    html = error_page("en", [hostile], detail="<img src=x onerror=alert(1)>")
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "fr/&lt;b&gt;.md:3" in html and "speakers&lt;i&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x" in html


def test_the_page_speaks_the_readers_language():
    item = problem("fr/x.md", 0, "", "unknown_speaker", id="x", hint="")
    french = error_page("fr", [item])
    assert '<html lang="fr"' in french and "L’aperçu est en pause" in french and "1 erreur(s)" in french
    assert "<code>fr/x.md</code>" in french  # no line: the file alone
    english = error_page("en", [], detail="TemplateNotFound: x.html")
    assert "The last rebuild failed" in english and "<pre>TemplateNotFound: x.html</pre>" in english
