"""A hub's own strings (cercle/hub `locales_dir`): merged over the shipped ones, checked first."""

from __future__ import annotations

import pytest

from cercle.core import i18n
from cercle.core.overrides import load_overrides
from cercle.core.settings import HubSettings


@pytest.fixture(autouse=True)
def _shipped_strings_after():
    yield
    i18n.set_overrides({})


def _settings(tmp_path, folder="overrides/locales"):
    return HubSettings(content_dir=tmp_path / "content", locales_dir=tmp_path / folder, project_dir=tmp_path)


def _write(tmp_path, name, text):
    path = tmp_path / "overrides" / "locales" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_apply_to_their_language_only_and_go_away(tmp_path):
    fr = "ui:\n  webinars: Nos webinaires\nmessages:\n  summary: '{errors} / {warnings}'\n"
    _write(tmp_path, "fr.yml", fr)
    assert load_overrides(_settings(tmp_path)) == []
    assert i18n.ui("fr", "webinars") == "Nos webinaires"
    assert i18n.ui_strings("fr")["webinars"] == "Nos webinaires"
    assert i18n.message("fr", "summary", errors=1, warnings=2) == "1 / 2"
    assert i18n.ui("en", "webinars") == "Webinars"
    assert load_overrides(HubSettings(content_dir=tmp_path)) == []  # the next build has none
    assert i18n.ui("fr", "webinars") == "Webinaires"


def test_every_mistake_is_named_with_file_and_line(tmp_path):
    _write(tmp_path, "en.yml", "ui:\n  webinars: 3\n  webinar: 'A {what}'\n  nope: x\n")
    _write(tmp_path, "xx.yml", "ui: {}\n")
    found = {(p.path, p.line, p.field, p.code, str(p.severity)) for p in load_overrides(_settings(tmp_path))}
    assert found == {
        ("overrides/locales/en.yml", 2, "ui.webinars", "locale_not_text", "error"),
        ("overrides/locales/en.yml", 3, "ui.webinar", "locale_placeholder", "error"),
        ("overrides/locales/en.yml", 4, "ui.nope", "locale_unknown_key", "warning"),
        ("overrides/locales/xx.yml", 0, "", "locale_unknown_file", "warning"),
    }
    assert i18n.ui("en", "webinars") == "Webinars"  # nothing wrong was merged


def test_a_missing_folder_or_a_link_out_of_the_hub_is_refused(tmp_path):
    (missing,) = load_overrides(_settings(tmp_path, "nowhere"))
    assert (missing.path, missing.code) == ("nowhere", "locale_folder_missing")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yml"
    outside.write_text("ui:\n  webinars: Dehors\n", encoding="utf-8")
    (tmp_path / "overrides" / "locales").mkdir(parents=True)
    (tmp_path / "overrides" / "locales" / "fr.yml").symlink_to(outside)
    (linked,) = load_overrides(_settings(tmp_path))
    assert (linked.path, linked.code) == ("overrides/locales/fr.yml", "locale_outside")
    assert i18n.ui("fr", "webinars") == "Webinaires"
