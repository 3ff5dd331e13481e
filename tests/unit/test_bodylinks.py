"""Body links: the rules (resolve), the parser's links and lines (scan), the build's rewriting."""

from __future__ import annotations

import markdown
import pytest

from cercle.bodylinks.resolve import Status, resolve, suggest
from cercle.bodylinks.rewrite import BodyLinks
from cercle.bodylinks.scan import may_link, scan_body
from cercle.bodylinks.source import mask_code
from cercle.bodylinks.targets import Targets

FILES = {"media/photo.jpg", "fr/guides/lexique.md", "fr/guides/index.md", "fr/index.md", "en/guides/why.md"}
SRC = "fr/guides/page.md"


@pytest.mark.parametrize(
    ("url", "status", "target", "rewritten"),
    [
        ("../../media/photo.jpg", Status.FOUND, "media/photo.jpg", ""),
        ("lexique.md#ambassadeur", Status.FOUND, "fr/guides/lexique.md", ""),
        ("media/photo.jpg", Status.REWRITE, "media/photo.jpg", "../../media/photo.jpg"),
        ("/media/photo.jpg", Status.REWRITE, "media/photo.jpg", "../../media/photo.jpg"),
        ("en/guides/why.md?x=1#top", Status.REWRITE, "en/guides/why.md", "../../en/guides/why.md?x=1#top"),
        ("fr/guides/lexique.md", Status.REWRITE, "fr/guides/lexique.md", "lexique.md"),
        ("media/ph%6Fto.jpg", Status.REWRITE, "media/photo.jpg", "../../media/photo.jpg"),
        ("../../../etc/passwd", Status.OUTSIDE, "../etc/passwd", ""),
        ("/../secret.md", Status.OUTSIDE, "../secret.md", ""),
        ("../guides/", Status.FOLDER, "fr/guides", ""),
        ("media/foto.jpg", Status.MISSING, "fr/guides/media/foto.jpg", ""),
        ("https://example.org/x.md", Status.EXTERNAL, "", ""),
        ("mailto:a@example.org", Status.EXTERNAL, "", ""),
        ("#section", Status.EXTERNAL, SRC, ""),
        ("./#section", Status.FOUND, SRC, ""),
    ],
)
def test_resolve(url: str, status: Status, target: str, rewritten: str):
    found = resolve(SRC, url, FILES)
    assert (found.status, found.target, found.url) == (status, target, rewritten)


def test_suggest_what_to_write():
    assert suggest(resolve(SRC, "media/foto.jpg", FILES), "media/foto.jpg", FILES) == "media/photo.jpg"
    assert suggest(resolve("en/x.md", "lexique.md", FILES), "lexique.md", FILES) == "fr/guides/lexique.md"
    assert suggest(resolve(SRC, "/fr/guides/", FILES), "/fr/guides/", FILES) == "fr/guides/index.md"
    assert suggest(resolve(SRC, "nothing.pdf", FILES), "nothing.pdf", FILES) == ""
    assert suggest(resolve(SRC, "/", FILES | {"index.md"}), "/", FILES | {"index.md"}) == "index.md"


BODY = """Intro with [a link](media/a.jpg).

`[in code](code.md)` and a [ref][r], then
![multi
line](media/b.jpg): the path is on line five.

```md
[fenced](fenced.md) <img src="fenced.png">
```

<p>Raw <img src="media/c.jpg" id="raw-id"></p>

Another [link to a](media/a.jpg) and <a href="d.md">inline raw</a>.

## A heading

[r]: media/ref.jpg
"""


def test_scan_finds_links_images_and_their_lines():
    scan = scan_body(BODY)
    found = sorted((link.line, link.tag, link.url, link.raw_html) for link in scan.links)
    assert found == [
        (1, "a", "media/a.jpg", False),
        (5, "img", "media/b.jpg", False),
        (11, "img", "media/c.jpg", True),
        (13, "a", "d.md", True),
        (13, "a", "media/a.jpg", False),
        (17, "a", "media/ref.jpg", False),  # a reference link: the line of its definition
    ]
    assert {"raw-id", "a-heading"} <= scan.ids


def test_scan_lines_of_urls_written_with_escapes():
    body = (
        'a [x](media/a_(b).jpg "t")\n\n[y](media/a\\_b.jpg) <img src="a&amp;b.png">\n\n'
        "[z](<media/with space.jpg>)"
    )
    assert [(link.url, link.line) for link in scan_body(body).links] == [
        ("media/a_(b).jpg", 1),
        ("media/a_b.jpg", 3),
        ("media/with space.jpg", 5),
        ("a&b.png", 3),
    ]


def test_scan_of_a_long_body_gives_every_line():
    body = "".join(f"[l{i}](<media/x {i}.jpg>)\n\n" for i in range(3000))
    links = scan_body(body).links
    assert len(links) == 3000 and links[-1].line == 5999


def test_may_link_and_mask_code():
    assert not may_link("Only text, `code` and [brackets] here.\n")
    assert may_link("[x](y)") and may_link("[r]: y.md") and may_link("<IMG src=x>")
    # `<` and `]:` alone are not enough: the expression decides
    assert not may_link("a < b, note: [x]: not at a line's start, <abbr>") and may_link("x\n  [r]: y.md")
    assert may_link("text <a href=y>") and not may_link("text <aside>")
    masked = mask_code("a `b` c\n```\nd\n```\ne")
    assert masked == "a     c\n   \n \n   \ne"


@pytest.mark.parametrize(
    ("body", "masked"),
    [
        ("x ``a ` b`` y", "x           y"),  # a longer run holds a shorter one
        ("un`matched and `ok`", "un              ok`"),  # a run closes at the next of its length
        ("`a\nb` c\n\n`d", "  \n   c\n\n`d"),  # within a paragraph only
        ("~~~\n`x`\n~~~~\n`y`", "   \n   \n    \n   "),
    ],
)
def test_code_spans_and_fences_as_commonmark_reads_them(body: str, masked: str):
    assert mask_code(body) == masked


def rewrite(body: str, directory_urls: bool = True) -> str:
    links = BodyLinks()
    html_name = "fr/guides/page/" if directory_urls else "fr/guides/page.html"
    lexique = "fr/guides/lexique/" if directory_urls else "fr/guides/lexique.html"
    links.targets = Targets(
        FILES | {SRC}, {SRC: html_name, "fr/guides/lexique.md": lexique, "fr/index.md": "fr/"}
    )
    links.src = SRC
    return markdown.Markdown(extensions=["md_in_html", links]).convert(body)


def test_build_rewrites_content_relative_paths_and_raw_html():
    raw = '<img src="media/photo.jpg"> <a href="lexique.md">l</a> <a href="/fr/index.md">h</a>'
    html = rewrite(f"![p](media/photo.jpg) [l](fr/guides/lexique.md#x) `media/photo.jpg`\n\n{raw}")
    assert 'src="../../media/photo.jpg"' in html and 'href="lexique.md#x"' in html
    assert "<code>media/photo.jpg</code>" in html  # code untouched
    assert '<img src="../../../media/photo.jpg">' in html  # raw HTML: from the page's address
    assert '<a href="../lexique/">l</a>' in html and '<a href="../../">h</a>' in html
    flat = rewrite('<img src="media/photo.jpg"> <a href="lexique.md">l</a>', directory_urls=False)
    assert '<img src="../../media/photo.jpg">' in flat and '<a href="lexique.html">l</a>' in flat
    lazy = rewrite('<img data-src="x.jpg" src="media/photo.jpg" srcset="media/photo.jpg 2x">')
    assert 'data-src="x.jpg" src="../../../media/photo.jpg" srcset="media/photo.jpg 2x"' in lazy
    assert rewrite("[x](https://example.org/a.md) [y](nowhere.md)").count("href=") == 2
    assert 'href="nowhere.md"' in rewrite("[y](nowhere.md)")  # check reports it; left as written
