"""Messages that teach (issue #13, point 5): tabs, indentation, human forms, impossible dates,
translation_key typos, and paths named from the repository's root."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError
from tests.unit.test_catalog import codes, make

from cercle.core.catalog.validation import one_edit_apart
from cercle.core.errors import from_root, problem
from cercle.core.frontmatter import parse_document, parse_yaml
from cercle.core.models import Chapter, EntryMeta, EventMeta
from cercle.core.settings import HubSettings


def only(problems) -> tuple[int, str, dict[str, str]]:
    [found] = problems
    return found.line, found.code, dict(found.params)


# -- YAML: a tab, a key out of line ---------------------------------------------------------


def test_a_tab_is_named_at_the_line_of_the_md_file_that_holds_it():
    doc = parse_document("---\ntitle: T\nshare:\n  text: a\n\tpinned: true\n---\nBody\n", "fr/a.md")
    assert only(doc.problems) == (5, "yaml_tab", {})  # line 5 of the file, not of the YAML
    text = doc.problems[0].render("fr")
    assert "tabulation" in text and "espaces" in text
    assert "tab character" in doc.problems[0].render("en")


def test_a_tab_in_a_registry_and_a_tab_inside_a_value_is_no_problem():
    assert only(parse_yaml("a:\n  name: A\nb:\n\tname: B\n", "speakers.yml").problems)[:2] == (4, "yaml_tab")
    fine = parse_yaml('a: "x\tb"\nb: 1\n', "speakers.yml")
    assert fine.problems == [] and fine.data == {"a": "x\tb", "b": 1}


@pytest.mark.parametrize(
    ("yaml_text", "line", "params"),
    [
        # Less indented than its sibling: PyYAML blames `share:`, line 3.
        ("title: T\nshare:\n  text: a\n pinned: true\n", 5, {"key": "pinned", "sibling": "text", "spaces": "2"}),  # noqa: E501
        # Deeper than a sibling that has its value: "mapping values are not allowed here".
        ("title: T\nshare:\n  text: a\n    pinned: true\n", 5, {"key": "pinned", "sibling": "text", "spaces": "2"}),  # noqa: E501
        # Inside a list item, its keys sit after "- ".
        ("title: T\nchapters:\n  - at: '0:00'\n   title: A\n", 5, {"key": "title", "sibling": "at", "spaces": "4"}),  # noqa: E501
    ],
)
def test_a_mis_indented_key_is_reported_at_its_own_line_with_the_fix(yaml_text, line, params):
    doc = parse_document(f"---\n{yaml_text}---\n", "fr/a.md")
    assert only(doc.problems) == (line, "yaml_indent", params)
    text = doc.problems[0].render("en")
    assert f"Indent it like '{params['sibling']}:' above: {params['spaces']} space(s)" in text


def test_other_yaml_errors_keep_the_generic_message():
    doc = parse_document("---\ntitle: [unclosed\nother: 1\n---\n", "fr/a.md")
    assert only(doc.problems)[:2] == (2, "yaml_error")


# -- Human forms ----------------------------------------------------------------------------


def event(**fields) -> EventMeta:
    return EventMeta.model_validate({"title": "T", "date": "2023-01-01", **fields})


@pytest.mark.parametrize(
    ("written", "minutes"),
    [(90, 90), ("90", 90), ("1h30", 90), ("1 h 30", 90), ("90 min", 90), ("90 minutes", 90),
     ("1h", 60), ("45min", 45), ("2 heures", 120), ("1H05", 65)],
)  # fmt: skip
def test_human_durations_are_read_as_minutes(written, minutes):
    assert event(duration=written).duration == minutes


@pytest.mark.parametrize(
    ("written", "code", "fix"),
    [("1h75", "duration_fix", "2h15"), ("1h5", "duration_fix", "1h05"), ("1:30", "duration_fix", "1h30"),
     ("une heure", "bad_duration", None)],
)  # fmt: skip
def test_other_durations_are_answered_with_the_exact_fix(written, code, fix):
    with pytest.raises(ValidationError) as caught:
        event(duration=written)
    [error] = caught.value.errors()
    assert error["type"] == code
    assert (error.get("ctx") or {}).get("fix") == fix


def test_a_chapter_past_the_hour_is_written_the_canonical_way():
    assert Chapter(at="76:00", title="x").at == "1:16:00"
    assert Chapter(at="76:00", title="x").seconds == 76 * 60
    assert Chapter(at="12:00", title="x").at == "12:00"  # the usual forms stay as written
    assert event(slides_at=["0:00", "61:30"]).slides_at == ["0:00", "1:01:30"]


@pytest.mark.parametrize(("written", "fix"), [("12:75", "13:15"), ("1:75:00", "2:15:00")])
def test_an_impossible_chapter_time_is_answered_with_the_fix(written, fix):
    with pytest.raises(ValidationError) as caught:
        Chapter(at=written, title="x")
    [error] = caught.value.errors()
    assert error["type"] == "chapter_time_fix" and error["ctx"]["fix"] == fix


# -- Impossible dates -----------------------------------------------------------------------


def test_yaml_keeps_an_impossible_date_as_text_instead_of_raising():
    parsed = parse_yaml("date: 2023-02-30\nok: 2023-02-28\n", "x.yml")
    assert parsed.problems == []
    assert parsed.data == {"date": "2023-02-30", "ok": dt.date(2023, 2, 28)}


@pytest.mark.parametrize(
    ("written", "code"),
    [("2023-02-30", "impossible_date"), ("2024-02-30", "impossible_date"), ("2023-13-01", "no_such_month")],
)
def test_an_impossible_date_says_why(written, code):
    with pytest.raises(ValidationError) as caught:
        EntryMeta.model_validate({"title": "T", "date": written})
    assert caught.value.errors()[0]["type"] == code


def test_an_impossible_date_names_the_month_in_the_readers_language(tmp_path):
    catalog = make(tmp_path, {"fr/guides/a.md": "---\ntitle: A\ndate: 2023-02-30\n---\n"})
    assert codes(catalog) == [("fr/guides/a.md", 3, "date", "impossible_date")]
    [found] = catalog.report.sorted()
    assert "February 2023 has only 28 days" in found.render("en")
    assert "février 2023 n’a que 28 jours" in found.render("fr")


# -- translation_key did-you-mean -----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [("webinar-x", "webinar-y", True), ("webinar", "webinars", True), ("webinar", "webniar", True),
     ("abc", "abc", False), ("abc", "cab", False), ("webinar-1", "webinar-10x", False)],
)  # fmt: skip
def test_one_edit_apart(a, b, near):
    assert one_edit_apart(a, b) is near and one_edit_apart(b, a) is near


def test_a_translation_key_one_edit_from_the_other_language_is_flagged(tmp_path):
    catalog = make(
        tmp_path,
        {
            "fr/guides/a.md": "---\ntitle: A\ntranslation_key: accueil-ambassadeurs\n---\n",
            "en/guides/b.md": "---\ntitle: B\ntranslation_key: acceuil-ambassadeurs\n---\n",
            "fr/guides/c.md": "---\ntitle: C\ntranslation_key: paired\n---\n",
            "en/guides/d.md": "---\ntitle: D\ntranslation_key: paired\n---\n",
        },
    )
    found = [p for p in catalog.report.sorted() if p.code == "translation_key_typo"]
    assert [(p.path, p.line, p.severity) for p in found] == [
        ("en/guides/b.md", 3, "warning"),
        ("fr/guides/a.md", 3, "warning"),
    ]
    assert "(did you mean 'accueil-ambassadeurs'?): fr/guides/a.md uses that one" in found[0].render("en")
    assert catalog.report.errors(strict=True)  # an error with --strict, like every warning


# -- Paths from the repository's root -------------------------------------------------------


def test_problem_paths_and_other_files_are_named_from_the_root(tmp_path: Path):
    catalog = make(tmp_path, {"fr/guides/a.md": "---\ntitle: A\n---\n", "fr/guides/b.md": "---\ntitle: B\n"})
    settings = HubSettings(content_dir=tmp_path / "content", project_dir=tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    problems = [
        problem("fr/guides/a.md", 2, "", "translation_conflict", lang="fr", key="k", other="fr/guides/b.md"),
        problem(str(tmp_path / "mkdocs.yml"), 0, "site_url", "missing_site_url"),
        problem("not/a/file.md", 0, "", "unreadable", detail="x"),
    ]
    shown = from_root(problems, settings)
    assert [p.path for p in shown] == ["content/fr/guides/a.md", "mkdocs.yml", "not/a/file.md"]
    assert dict(shown[0].params)["other"] == "content/fr/guides/b.md"
    assert settings.content_path("fr/new.md") == "content/fr/new.md"  # not written yet
    assert catalog.entries  # the files exist
