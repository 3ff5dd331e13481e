"""An entry's transcript page (<entry>/transcript/, written by cercle/webinar): the theme's
stylesheets and <body> rendered for its own address, and each cue in its language's typography.

Real MkDocs builds of the demo hub; the tests read the HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import copy_demo, mkdocs_build, write
from tests.html import page

PAST_FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
PAST_EN = "en/webinars/virtuous-circle-ambassador-programs/"
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _body(html: str) -> str:
    found = re.search(r"<body\b[^>]*>", html)
    assert found, "no <body>"
    return found.group(0)


def _styles(html: str) -> list[str]:
    """The stylesheet links of the page's head, as written."""
    head = html.split("</head>", 1)[0]
    return STYLESHEET.findall(head)


def _deeper(link: str) -> str:
    """An entry page's stylesheet link as its transcript page (one folder deeper) writes it."""
    return re.sub(r'href="(?![a-z]+:|/)', 'href="../', link)


@pytest.mark.parametrize("url", [PAST_FR, PAST_EN])
def test_the_demo_transcript_page_has_the_entry_pages_stylesheets_and_body(demo_site, url):
    entry, transcript = _html(demo_site, url), _html(demo_site, url + "transcript/")
    assert _body(transcript) == _body(entry)
    styles = _styles(transcript)
    assert styles == [_deeper(link) for link in _styles(entry)]
    assert any(re.search(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", link) for link in styles)
    for href in re.findall(r'href="([^"]+)"', "".join(styles)):
        assert (demo_site / url / "transcript" / href).resolve().is_file(), href


HOOK = '''
from mkdocs.plugins import event_priority


@event_priority(100)  # before every Cercle plugin: the entry pages they see are changed
def on_post_page(output, page, config):
    output = output.replace("<body ", '<body class="hooked" ', 1)
    return output.replace("</head>", '<link rel="stylesheet" href="/hooked.css"></head>', 1)
'''


@pytest.fixture(scope="module")
def themed(tmp_path_factory) -> Path:
    """The demo right to left, one dark palette, a stylesheet of its own, and a hook that
    changes every page's head and <body> after it is rendered."""
    project = copy_demo(tmp_path_factory.mktemp("themed"))
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    palette = re.search(r"\n  palette:\n(?:    .*\n|      .*\n)+", source)
    assert palette
    mapping = "\n  direction: rtl\n  palette: {scheme: slate, primary: custom, accent: custom}\n"
    source = source.replace(palette.group(0), mapping, 1)
    source += "\nextra_css: [extra/hub.css]\nhooks: [hooks/alter.py]\n"
    config.write_text(source, encoding="utf-8")
    write(project / "content/extra/hub.css", "body { letter-spacing: 0.01em; }\n")
    write(project / "hooks/alter.py", HOOK)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    return project / "site"


def test_the_transcript_page_is_rendered_from_the_theme_not_read_from_the_entry_page(themed):
    entry, transcript = _html(themed, PAST_FR), _html(themed, PAST_FR + "transcript/")
    assert 'class="hooked"' in _body(entry)  # the hook ran on the entry page
    # The transcript page's <body> is Material's for this configuration, not the entry's HTML.
    palette = 'data-md-color-scheme="slate" data-md-color-primary="custom" data-md-color-accent="custom"'
    wanted = f'<body dir="rtl" {palette}>'
    assert _body(entry) == wanted.replace("<body ", '<body class="hooked" ')
    assert _body(transcript) == wanted
    styles = _styles(transcript)
    assert not [link for link in styles if "hooked.css" in link]
    assert [_deeper(link) for link in _styles(entry) if "hooked.css" not in link] == styles
    assert '<link rel="stylesheet" href="../../../../extra/hub.css">' in styles
    root = page(themed, PAST_FR + "transcript/")
    assert root.get("lang") == "fr"


def _lines(root, lang: str):
    """The paragraphs' container of a language's transcript on a transcript page."""
    part = root.find(f".//section[@data-cercle-transcript-part='{lang}']")
    return part.find(".//*[@data-cercle-transcript-lines]")


def _said(container) -> list[str]:
    """Each paragraph's text after its time: the speaker (when it changes) and the cues."""
    return ["".join(p.itertext())[len("".join(p[0].itertext())) :].strip() for p in container.iter("p")]


def test_french_cues_on_the_english_page_get_french_typography_and_are_marked(demo_site):
    root = page(demo_site, PAST_EN + "transcript/")
    assert root.get("lang") == "en"
    french = _lines(root, "fr")
    assert french.get("lang") == "fr"  # the entry page loads the list alone: it carries its language
    said = _said(french)
    # The colon after a name, in French.
    assert [p for p in said if p.startswith("Stéphanie Ledoux\xa0: Quand")]
    text = " ".join(said)
    assert "individuelle\xa0: il faut" in text
    assert "«\xa0je\xa0»" in text and "«\xa0nous\xa0»" in text
    assert not [line for line in said if re.search(r" [:;!?»]|« ", line)]
    # The page's own lines stay English.
    english = _lines(root, "en")
    assert english.get("lang") is None
    assert [p for p in _said(english) if p.startswith("Stéphanie Ledoux: When")]


def test_english_cues_on_the_french_page_keep_english_typography(demo_site):
    root = page(demo_site, PAST_FR + "transcript/")
    english = _lines(root, "en")
    assert english.get("lang") == "en"
    said = _said(english)
    assert [p for p in said if p.startswith("Stéphanie Ledoux: When")]  # not the French " :"
    assert "no individual scoring: you build" in " ".join(said)
    assert not [line for line in said if "\xa0" in line or "\u202f" in line]
    french = _said(_lines(root, "fr"))
    assert [p for p in french if p.startswith("Stéphanie Ledoux\xa0: Quand")]
    assert "«\xa0je\xa0»" in " ".join(french)
