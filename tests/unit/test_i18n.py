import datetime as dt

from cercle.core import i18n
from cercle.core.errors import Problem, format_github, format_json, problem


def test_dates_in_the_page_language():
    day = dt.date(2022, 10, 13)
    assert i18n.format_date(day, "fr") == "13 octobre 2022"
    assert i18n.format_date(day, "en") == "October 13, 2022"


def test_language_names_and_locale_tags():
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("en", "fr") == "anglais"
    assert i18n.locale_tag("fr") == "fr_FR" and i18n.locale_tag("en") == "en_US"


def test_every_french_string_exists_in_english_and_back():
    def keys(lang: str) -> set[str]:
        def walk(node, prefix=""):
            for key, value in node.items():
                if isinstance(value, dict):
                    yield from walk(value, f"{prefix}{key}.")
                else:
                    yield f"{prefix}{key}"

        return set(walk(i18n._catalog(lang)))

    assert keys("fr") == keys("en")


def test_unknown_language_falls_back_to_english():
    assert i18n.ui("de", "webinars") == "Webinars"
    assert i18n.route("de", "topics") == "topics"


def test_messages_are_rendered_in_the_readers_language():
    p = problem("fr/a.md", 3, "speakers", "unknown_speaker", id="stefanie", hint="stephanie")
    assert "did you mean 'stephanie'" in p.render("en")
    assert "vouliez-vous dire «\xa0stephanie\xa0»" in p.render("fr")
    assert p.render("en").startswith("fr/a.md:3: error: speakers:")


def test_github_and_json_formats_escape_and_carry_fields():
    p: Problem = problem("fr/a,b.md", 7, "title", "yaml_error", detail="50% bad\nline")
    line = format_github([p], "en")
    assert line.startswith("::error file=fr/a%2Cb.md,line=7,title=title::")
    assert "%25" in line and "\n" not in line
    assert '"line": 7' in format_json([p], "en")
