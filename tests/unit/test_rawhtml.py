"""The raw HTML policy on one body: what runs script or loads from another origin is found, on its
line; code is not; allow-listed origins and the site's own pass; script never does."""

from __future__ import annotations

import pytest

from cercle.rawhtml.scan import css_urls, origin_of, scan

YOUTUBE = "https://www.youtube-nocookie.com"


def found(body: str, allowed: tuple[str, ...] = ()) -> list[tuple[int, str, str]]:
    """(1-based line, code, the tag or origin) of each finding."""
    return [
        (line + 1, f.code, f.params.get("origin") or f.params.get("attribute") or f.params["tag"])
        for line, f in scan(body, frozenset(allowed))
    ]


HOSTILE = """Intro.

<script src="https://evil.example/x.js"></script>

<img src="https://tracker.example.net/p.gif" alt="">
<a href="JaVa&#x09;script:alert(1)">x</a> and <b onclick="steal()">b</b>
![pic](//cdn.example.org/a.png)
<iframe src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe>
<iframe srcdoc="<p>hi</p>" title="doc"></iframe>
<div style="background:url('//evil.example/bg.png')">x</div>
<style>@import 'https://fonts.example/f.css'; p { background: url(https://x.example/a.png) }</style>
<picture><source srcset="https://img.example/a.webp 1x, /local.webp 2x"></picture>
<svg><image href="https://img.example/s.png"/></svg>
<object data="https://flash.example/movie.swf"></object>
"""


def test_every_kind_is_found_on_its_line():
    assert found(HOSTILE) == [
        (3, "raw_html_tag", "script"),
        (5, "raw_html_remote", "https://tracker.example.net"),
        (6, "raw_html_script_url", "href"),
        (6, "raw_html_handler", "onclick"),
        (7, "raw_html_remote", "https://cdn.example.org"),
        (8, "raw_html_remote", YOUTUBE),
        (9, "raw_html_embed", "iframe"),
        (10, "raw_html_remote", "https://evil.example"),
        (11, "raw_html_remote", "https://fonts.example"),
        (11, "raw_html_remote", "https://x.example"),
        (12, "raw_html_remote", "https://img.example"),
        (13, "raw_html_remote", "https://img.example"),
        (14, "raw_html_remote", "https://flash.example"),
    ]


def test_an_allowed_origin_passes_script_never_does():
    findings = found(HOSTILE, allowed=(YOUTUBE,))
    assert (8, "raw_html_remote", YOUTUBE) not in findings and len(findings) == 12
    assert found(f'<script src="{YOUTUBE}/x.js"></script>', allowed=(YOUTUBE,)) == [
        (1, "raw_html_tag", "script")
    ]
    assert found(f'<a href="{YOUTUBE}" onclick="x()">v</a>', allowed=(YOUTUBE,)) == [
        (1, "raw_html_handler", "onclick")
    ]


def test_code_is_text_not_html():
    body = (
        "Write `<script src=\"https://evil.example/x.js\"></script>` to break a site.\n\n"
        "```html\n<iframe src=\"https://evil.example\"></iframe>\n<img src=https://t.example/p.gif>\n```\n\n"
        "    <b onclick=\"x()\">indented code</b>\n\nThen <img src=\"https://late.example/p.gif\" alt=\"\">\n"
    )
    assert found(body) == [(10, "raw_html_remote", "https://late.example")]


def test_attributes_written_with_attr_list_are_found():
    assert found('A paragraph.\n{ onmouseover="x()" }\n') == [(2, "raw_html_handler", "onmouseover")]


def test_local_and_plain_content_passes():
    body = (
        "<details><summary>Slides</summary>\n\n![Slide](media/slide.png)\n\n</details>\n"
        '<img src="/media/a.png" srcset="media/a.png 1x, media/b.png 2x" alt="">\n'
        '<iframe src="/fr/embed/" title="local"></iframe> <a href="https://example.org/">a link</a>\n'
        '<a href="mailto:x@example.org">mail</a> <img src="data:image/png;base64,AAAA" alt="">\n'
        "<kbd>Ctrl</kbd> {not an attribute list}\n"
    )
    assert found(body) == []
    assert found("Just text, with a [link](https://example.org).") == []


def test_the_sites_own_origin_is_local():
    body = '<img src="https://cercle.example.org/media/a.png" alt="">'
    assert found(body, allowed=("https://cercle.example.org",)) == []


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Example.COM/a?b", "https://example.com"),
        ("//cdn.example.org/x", "https://cdn.example.org"),
        ("http://example.com:8080/", "http://example.com:8080"),
        (" ht\ttps://example.com/", "https://example.com"),
        ("/media/a.png", None),
        ("media/a.png", None),
        ("data:image/png;base64,AA", None),
        ("mailto:x@example.org", None),
    ],
)
def test_origin_of(url: str, origin: str | None):
    assert origin_of(url) == origin


def test_css_urls():
    css = (
        "@import url(https://a.example/a.css);"
        "p { background: url('b.png'), image-set('https://c.example/c.png' 1x) }"
    )
    assert css_urls(css, declarations=False) == ["https://a.example/a.css", "b.png", "https://c.example/c.png"]
    style = "color: red; background: URL(//d.example/d.png)"
    assert css_urls(style, declarations=True) == ["//d.example/d.png"]
