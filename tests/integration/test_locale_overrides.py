"""A hub rewords any UI string or message from a folder of its own (cercle/hub `locales_dir`)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import cercle, copy_demo, mkdocs_build, write
from tests.html import by_class, page, text

FR_PAGE = "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/"
EN_PAGE = "en/guides/why-ambassadors-are-volunteers/"


def _with_overrides(project: Path, fr: str, en: str) -> Path:
    config = project / "mkdocs.yml"
    text_ = config.read_text(encoding="utf-8")
    option = "      languages: [fr, en]\n      locales_dir: overrides/locales\n"
    config.write_text(text_.replace("      languages: [fr, en]\n", option, 1), encoding="utf-8")
    write(project / "overrides" / "locales" / "fr.yml", fr)
    write(project / "overrides" / "locales" / "en.yml", en)
    return project


def _share_title(site: Path, url: str) -> str:
    return text(page(site, url).find(".//*[@id='cercle-share-title']"))


def test_an_override_changes_a_ui_string_in_both_languages_and_unknown_keys_are_named(tmp_path):
    project = _with_overrides(
        copy_demo(tmp_path / "hub"),
        fr="ui:\n  share:\n    title: Faites passer le mot\n    titel: faute\n",
        en="ui:\n  share:\n    title: Spread the word\n",
    )
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.output
    site = project / "site"
    assert _share_title(site, FR_PAGE) == "Faites passer le mot"
    assert _share_title(site, EN_PAGE) == "Spread the word"
    # The other strings stay the shipped ones.
    intro = by_class(page(site, EN_PAGE), "cercle-share__intro")[0]
    assert text(intro).startswith("Pick a text, copy it")
    warnings = [line for line in result.output.splitlines() if "overrides/locales" in line]
    assert len(warnings) == 1, result.output
    assert "overrides/locales/fr.yml:4" in warnings[0] and "ui.share.titel" in warnings[0]
    # The same warning in `cercle check`, which the strict build turns into a failure.
    checked = cercle(project, "check")
    assert "overrides/locales/fr.yml:4" in checked.output and "ui.share.titel" in checked.output
    assert mkdocs_build(project, strict=True).returncode != 0


def test_a_broken_override_is_refused_with_file_and_line_and_the_rest_applies(tmp_path):
    project = _with_overrides(
        copy_demo(tmp_path / "hub"),
        fr='messages:\n  summary: "{errors} souci(s), {warnings} remarque(s), {oops}."\n',
        en='messages:\n  summary: "{errors} problem(s) and {warnings} note(s)."\n  all_clear: 12\n',
    )
    result = cercle(project, "check")  # CERCLE_LANG=en
    assert result.returncode == 1
    assert "2 problem(s) and 0 note(s)." in result.output, result.output  # the reworded summary
    assert "en.yml:3: error: messages.all_clear: this must be a text" in result.output
    assert "fr.yml:2: error: messages.summary:" in result.output  # {oops} refused…
    assert "Use only: {errors}, {warnings}." in result.output  # …naming what may be used
    assert "Traceback" not in result.output


def test_configuration_errors_speak_the_hubs_language(tmp_path):
    project = copy_demo(tmp_path / "hub")
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    # The hub's messages language is `messages_language` (a plain build would otherwise follow the locale).
    option = "languages: [fr, en]\n      messages_language: fr"
    french_hub = original.replace("languages: [fr, en]", option, 1)
    assert french_hub != original
    config.write_text(
        french_hub.replace("utm: {medium: social,", "utm: {sauce: x, medium: social,", 1), "utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "cercle/share\xa0: utm\xa0: paramètre inconnu sauce (utilisez " in result.output
    assert "Traceback" not in result.output
    # Without cercle/hub, another Cercle plugin says what is missing (in English: no hub, no language).
    hub_options = original[original.index("  - cercle/hub:") : original.index("  - cercle/cards:")]
    without_hub = original.replace(hub_options, "", 1)
    assert without_hub != original
    config.write_text(without_hub, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "Cercle plugins need `cercle/hub`, listed first under `plugins:`" in result.output
