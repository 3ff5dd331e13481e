"""Layout: on every page type, in both languages, at 1280 and 375 px, no visible element of the
main content overlaps another (tests/quality/layout.py) and no link underlines white space."""

from __future__ import annotations

import json

import pytest
from tests.quality.conftest import PAGE_TYPES
from tests.quality.layout import overlaps, underlined_spaces

WIDTHS = {"1280": {"width": 1280, "height": 800}, "375": {"width": 375, "height": 667}}


@pytest.fixture
def sized(browser, request):
    context = browser.new_context(viewport=WIDTHS[request.param], locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("sized", list(WIDTHS), indirect=True)
def test_no_page_type_has_overlapping_elements_or_underlined_spaces(sized, served_demo):
    faults = {}
    for kind, path in PAGE_TYPES.items():
        sized.goto(served_demo.url(path))
        found = overlaps(sized) + underlined_spaces(sized)
        if found:
            faults[kind] = found
    assert faults == {}, json.dumps(faults, indent=1, ensure_ascii=False)


GATE = """<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<style>body{{margin:0;font:16px sans-serif}} .box{{position:relative;width:300px}}
a{{text-decoration:underline}}</style>
<div class="md-content">{}</div></html>"""


def open_gate(page, serve_dir, folder, body: str) -> None:
    (folder / "index.html").write_text(GATE.format(body), encoding="utf-8")
    page.goto(serve_dir(folder) + "/")


@pytest.mark.parametrize("sized", ["375"], indirect=True)
def test_gate_catches_a_bar_over_a_picture_and_an_underlined_space(sized, serve_dir, tmp_path):
    open_gate(sized, serve_dir, tmp_path, (
        '<div class="box"><img src="x.png" alt="" width="300" height="160" style="display:block">'
        '<span style="position:absolute;left:0;right:0;bottom:0">Play</span></div>'
        '<p><a href="#t"><time>0:00</time> <span>Welcome</span></a></p>'
    ))
    found = overlaps(sized)
    assert len(found) == 1 and found[0].startswith("img overlaps span"), found
    assert underlined_spaces(sized) == ["0:00 Welcome (#t)"]


@pytest.mark.parametrize("sized", ["375"], indirect=True)
def test_gate_accepts_nested_text_and_plain_link_text(sized, serve_dir, tmp_path):
    open_gate(sized, serve_dir, tmp_path, (
        '<p>Some <a href="#a">linked <strong>words</strong> here</a> and more text that wraps over'
        ' a few lines of the narrow screen, <em>with emphasis</em>.</p><ul><li>One</li><li>Two</li></ul>'
        '<p><a href="#b" style="text-decoration:none"><time style="text-decoration:underline">1:00</time>'
        ' <span style="text-decoration:underline">Next</span></a></p>'
    ))
    assert overlaps(sized) == []
    assert underlined_spaces(sized) == []


def test_screenshots_script_writes_each_page_type_at_both_widths(demo_site, browser, tmp_path):
    import struct
    import sys

    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    import screenshots

    written = screenshots.shoot(demo_site, tmp_path / "shots", browser, ["home-fr", "webinar-past-en"])
    names = sorted(p.name for p in written)
    assert names == [
        "home-fr-1280.png", "home-fr-375.png", "webinar-past-en-1280.png", "webinar-past-en-375.png",
    ]
    for png in written:
        head = png.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width = struct.unpack(">I", head[16:20])[0]
        assert width == int(png.stem.rsplit("-", 1)[1])  # device scale 1: the viewport's width
