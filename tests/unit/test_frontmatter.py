import datetime as dt

from cercle.core.frontmatter import parse_document, parse_yaml, read_text


def test_yaml_12_scalars_keep_times_and_words():
    doc = parse_document(
        "---\ntime: 18:00\nlang: no\nflag: true\nn: 012\ndate: 2022-10-13\n---\nBody\n", "a.md"
    )
    assert doc.data == {
        "time": "18:00",
        "lang": "no",
        "flag": True,
        "n": "012",
        "date": dt.date(2022, 10, 13),
    }
    assert doc.body == "Body\n"


def test_every_key_and_item_has_its_file_line():
    doc = parse_document("---\ntitle: T\nspeakers:\n  - a\n  - b\nshare:\n  text: x\n---\n# H\n", "a.md")
    assert doc.lines[("title",)] == 2
    assert doc.lines[("speakers", 1)] == 5
    assert doc.lines[("share", "text")] == 7
    assert doc.body_line == 9
    assert doc.line_of(("share", "text", "deeper")) == 7


def test_broken_yaml_is_a_problem_with_the_right_line():
    doc = parse_document("---\ntitle: ok\ndescription: [unclosed\nother: 1\n---\n", "x.md")
    assert len(doc.problems) == 1
    p = doc.problems[0]
    assert p.code == "yaml_error" and p.path == "x.md" and p.line == 3


def test_unclosed_front_matter():
    doc = parse_document("---\ntitle: x\n", "x.md")
    assert [p.code for p in doc.problems] == ["unclosed_front_matter"]


def test_duplicate_keys_are_reported():
    doc = parse_document("---\ntitle: a\ntitle: b\n---\n", "x.md")
    assert [(p.code, p.line) for p in doc.problems] == [("duplicate_key", 3)]


def test_no_front_matter_is_all_body():
    doc = parse_document("# Just text\n", "x.md")
    assert doc.data is None and doc.body == "# Just text\n" and not doc.has_front_matter


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"---\ntitle: ok\n---\nline\ncaf\xe9\n")
    text, problems = read_text(path, "fr/x.md")
    assert text is None
    assert problems[0].code == "not_utf8" and problems[0].line == 5


def test_bom_is_ignored(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("\ufeff---\ntitle: ok\n---\n".encode())
    text, problems = read_text(path, "x.md")
    assert not problems and parse_document(text, "x.md").data == {"title": "ok"}


def test_yaml_offsets_for_registries():
    parsed = parse_yaml("a:\n  name: A\nb:\n  name: B\n", "speakers.yml")
    assert parsed.lines[("b", "name")] == 4


def codes_of(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in parse_yaml(text, "x.yml").problems]


def test_yaml_limits_leave_ordinary_anchors_and_nesting_alone():
    text = "base: &b {fr: Oui, en: Yes}\na: {<<: *b}\nb: *b\ndeep: " + "[" * 63 + "]" * 63 + "\n"  # 64 levels
    parsed = parse_yaml(text, "x.yml")
    assert parsed.problems == []
    assert parsed.data["a"] == {"fr": "Oui", "en": "Yes"} and parsed.data["b"]["en"] == "Yes"


def test_yaml_limits_name_the_line_of_the_breach():
    assert codes_of("a: 1\ndeep: " + "[" * 65 + "]" * 65 + "\n") == [(2, "yaml_too_deep")]
    squares = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else '1'] * 10)}]\n" for i in range(6))
    assert codes_of(squares) == [(5, "yaml_too_many_nodes")]  # l4 holds 111,111 values
    assert codes_of("a: [" + "1, " * 50_000 + "]\n") == []  # long is fine when not expanded


def test_control_characters_are_removed_with_the_field_named():
    doc = parse_document('---\ntitle: "A\\0B"\nquotes:\n  - {text: "x\\e"}\n---\nok\n\x07bad\n', "a.md")
    assert doc.data == {"title": "AB", "quotes": [{"text": "x"}]}
    assert doc.body == "ok\nbad\n"
    found = [(p.line, p.field, p.code, p.severity) for p in doc.problems]
    assert found == [
        (2, "title", "control_characters", "warning"),
        (4, "quotes.0.text", "control_characters", "warning"),
        (7, "", "control_characters", "warning"),
    ]
    assert parse_document("---\ntitle: x\r\n---\r\nA\r\n\tB\n", "a.md").problems == []
