"""Valid output: HTML5 (Nu Html Checker, offline), Atom, iCalendar and JSON-LD of the demo build.

Each gate is first shown catching a deliberately broken file (test_*_catches_*).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.quality.gates import atom_problems, ics_problems, jsonld_problems, vnu_errors

BROKEN_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>broken</title></head>
<body><img src="a.png"><p><div>unclosed</p>
<input type="checkbox" autocomplete="off"></body></html>
"""


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_valid_html5(demo_site, java):
    pages = html_files(demo_site)
    assert len(pages) > 40
    errors = vnu_errors(pages)
    assert errors == [], "\n".join(e.replace(str(demo_site), "site") for e in errors)


def test_html_gate_catches_an_invalid_page(tmp_path, java):
    page = tmp_path / "broken.html"
    page.write_text(BROKEN_HTML, encoding="utf-8")
    errors = "\n".join(vnu_errors([page]))
    assert "“alt” attribute" in errors
    assert "Unclosed element “div”" in errors
    assert "autocomplete" in errors


def test_every_feed_is_valid_atom(demo_site):
    feeds = sorted(demo_site.rglob("feed.xml"))
    assert len(feeds) >= 8  # all + per type, in both languages
    problems = [p for feed in feeds for p in atom_problems(feed)]
    assert problems == []


@pytest.mark.parametrize(
    "text, finding",
    [
        ("<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title><entry>", "not well-formed"),
        (
            "<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title><updated>2020-01-01T00:00:00Z"
            "</updated><entry><title>e</title></entry></feed>",
            "feed has no <id>",
        ),
    ],
)
def test_atom_gate_catches_a_broken_feed(tmp_path, text, finding):
    feed = tmp_path / "feed.xml"
    feed.write_text(text, encoding="utf-8")
    assert finding in "\n".join(atom_problems(feed))


def test_every_calendar_parses(demo_site):
    calendars = sorted(demo_site.rglob("*.ics"))
    assert len(calendars) >= 8  # one per event and webinar, one per language
    problems = [p for ics in calendars for p in ics_problems(ics)]
    assert problems == []


@pytest.mark.parametrize(
    "text, finding",
    [
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", "does not parse"),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"
            "DTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "VEVENT 0 has no UID",
        ),
    ],
)
def test_calendar_gate_catches_a_broken_calendar(tmp_path, text, finding):
    ics = tmp_path / "broken.ics"
    ics.write_bytes(text.encode())
    assert finding in "\n".join(ics_problems(ics))


def test_every_json_ld_block_parses(demo_site):
    pages = html_files(demo_site)
    with_jsonld = [p for p in pages if "application/ld+json" in p.read_text(encoding="utf-8")]
    assert len(with_jsonld) >= 6  # webinars and events in both languages
    problems = [p for page in with_jsonld for p in jsonld_problems(page)]
    assert problems == []


def test_json_ld_gate_catches_a_block_that_breaks_out(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><title>x</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "Event", "name": "</script><b>x</b>"}</script>',
        encoding="utf-8",
    )
    assert "does not parse" in "\n".join(jsonld_problems(page))
