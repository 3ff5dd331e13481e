"""cercle.hub.stylesheets: several stylesheets joined into one, in order."""

from cercle.hub.stylesheets import join_stylesheets


def test_parts_keep_their_order_under_their_names():
    css = join_stylesheets([("a.css", ".a { color: red; }\n"), ("b.css", ".b { color: blue; }")])
    assert css.index("/* a.css */") < css.index(".a {") < css.index("/* b.css */") < css.index(".b {")


def test_imports_move_to_the_top_and_charset_goes():
    css = join_stylesheets([
        ("a.css", '@charset "utf-8";\n.a { color: red; }'),
        ("b.css", '@import url("fonts.css");\n.b { color: blue; }'),
    ])
    assert css.startswith('@import url("fonts.css");')
    assert "@charset" not in css and css.count("@import") == 1
    assert ".a { color: red; }" in css and ".b { color: blue; }" in css


def test_a_name_cannot_close_the_comment():
    css = join_stylesheets([("x*/y.css", ".x{}")])
    assert "/* x* /y.css */" in css
