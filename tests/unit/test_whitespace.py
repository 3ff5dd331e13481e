"""cercle.core.whitespace: indentation runs become one character, nothing that renders changes."""

from __future__ import annotations

from cercle.core.whitespace import collapse


def test_runs_in_text_and_between_attributes_become_one_character() -> None:
    html = '<ul  class="a"\n     id="b">\n    <li>one  two</li>\n\n    <li>\tthree</li>\n</ul>'
    assert collapse(html) == '<ul class="a" id="b">\n<li>one two</li>\n<li> three</li>\n</ul>'


def test_a_run_is_never_removed_so_inline_elements_keep_their_gap() -> None:
    assert collapse("<a>x</a>\n   <b>y</b>") == "<a>x</a>\n<b>y</b>"
    assert collapse("<a>x</a><b>y</b>") == "<a>x</a><b>y</b>"


def test_preformatted_elements_comments_and_attribute_values_are_kept() -> None:
    kept = (
        "<pre>  a\n\n    b</pre>",
        '<code class="x">a    b</code>',
        "<textarea>\n\n  typed\n</textarea>",
        "<script>if (a)  {\n\n  b()\n}</script>",
        "<style>a  {\n  color: red }</style>",
        "<!--  a\n\n b -->",
        '<p data-post="line one\n\nline  two">x</p>',
        '<p class="cercle-share__post" id="t">Text\n\nhttps://x.org <span>[a]</span>\n\n  b</p>',
    )
    for html in kept:
        assert collapse(html) == html


def test_no_break_spaces_are_not_whitespace_runs() -> None:
    assert collapse("<p>Titre\u00a0: a\u202f;  b</p>") == "<p>Titre\u00a0: a\u202f; b</p>"


def test_collapsing_twice_changes_nothing_more() -> None:
    html = '<div>\n  <p  class="a">x   y</p>\n  <pre> a\n  b</pre>\n</div>'
    once = collapse(html)
    assert collapse(once) == once
