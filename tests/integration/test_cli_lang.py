"""One command-line grammar: `--lang` on every command, one rule for the messages' language
(option, then `messages_language` in mkdocs.yml, then the locale), whole summaries in `--help`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import bin_path, cercle, run, write

from cercle.cli import main
from cercle.core.i18n import message

EVENT = "content/fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe.md"
FRENCH = "intervenant inconnu «\u00a0inconnu-x\u00a0»"  # French typography: no-break spaces
ENGLISH = "unknown speaker 'inconnu-x'"


def broken(project: Path, configured: str = "") -> Path:
    path = project / EVENT
    path.write_text(path.read_text(encoding="utf-8").replace("speakers: [", "speakers: [inconnu-x, ", 1))
    if configured:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        option = f"languages: [fr, en]\n      messages_language: {configured}"
        config.write_text(text.replace("languages: [fr, en]", option, 1), encoding="utf-8")
    return project


def outputs(project: Path, env: dict[str, str], *extra: str) -> dict[str, str]:
    """What `cercle check`, `cercle build`, `mkdocs build` and `cercle serve` say, by command."""
    mkdocs = run([bin_path("mkdocs"), "build", "-d", str(project / "out")], cwd=project, env=env)
    return {
        "check": cercle(project, "check", *extra, env=env).output,
        "build": cercle(project, "build", "-d", "out", *extra, env=env).output,
        "mkdocs build": mkdocs.output,
        "serve": cercle(project, "serve", "-a", "localhost", *extra, env=env).output,
    }


def speaks(output: str, lang: str) -> bool:
    content, other = (FRENCH, ENGLISH) if lang == "fr" else (ENGLISH, FRENCH)
    return content in output and other not in output


def test_the_configuration_beats_the_locale_and_the_option_beats_both(demo_project: Path):
    project = broken(demo_project, configured="fr")
    for command, output in outputs(project, {"CERCLE_LANG": "en", "LANG": "en_GB.UTF-8"}).items():
        if command == "serve":  # refuses the address before reading any content
            assert message("fr", "build.bad_address", value="localhost") in output, output
        else:
            assert speaks(output, "fr"), f"{command}:\n{output}"
    chosen = outputs(project, {"CERCLE_LANG": "fr"}, "--lang", "en")
    for command in ("check", "build"):
        assert speaks(chosen[command], "en"), f"{command}:\n{chosen[command]}"
    assert message("en", "build.bad_address", value="localhost") in chosen["serve"]


@pytest.mark.parametrize("lang, env", [("fr", {"LANG": "fr_FR.UTF-8"}), ("en", {"LANG": "C.UTF-8"})])
def test_without_configuration_the_locale_decides_for_every_command(
    demo_project: Path, lang: str, env: dict[str, str]
):
    # Before, `mkdocs build` spoke the site's first language (French) whatever the locale.
    project = broken(demo_project)
    for command, output in outputs(project, {"CERCLE_LANG": "", "LC_ALL": "", **env}).items():
        if command == "serve":
            assert message(lang, "build.bad_address", value="localhost") in output, output
        else:
            assert speaks(output, lang), f"{command}:\n{output}"


def test_new_and_import_take_lang_for_what_they_write_and_say(demo_project: Path):
    result = cercle(demo_project, "new", "guide", "Bien démarrer", "--lang", "fr")
    assert result.returncode == 0, result.output
    assert message("fr", "new.created", path="content/fr/guides/bien-demarrer.md") in result.stdout
    result = cercle(demo_project, "new", "guide", "Getting started", env={"CERCLE_LANG": "en"})
    assert result.returncode == 0, result.output  # French entry (the site's first), English messages
    assert message("en", "new.created", path="content/fr/guides/getting-started.md") in result.stdout


def _commands() -> dict:
    """Every command of `cercle` (imported on demand: `main.commands` is empty)."""
    import click

    ctx = click.Context(main)
    found = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    assert len(found) >= 10 and all(found.values())
    return found


def test_every_command_names_the_messages_option_lang():
    for name, command in _commands().items():
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert "--messages-lang" not in options, name
        if name != "schema":  # prints JSON only, no message
            assert "--lang" in options, name


def test_help_shows_each_summary_whole(demo_project: Path):
    result = run([bin_path("cercle"), "--help"], cwd=demo_project, env={"COLUMNS": "60"})
    flat = " ".join(result.stdout.split())
    assert "..." not in result.stdout.split("Commands:")[1]  # click marks a cut summary so
    for name, command in _commands().items():
        summary = command.get_short_help_str(limit=1_000)
        assert len(summary) > 20 and summary.endswith((".", ")")), name
        assert re.search(rf"\b{name} {re.escape(summary)}", flat), f"{name}: {summary}\n{result.stdout}"


def test_project_messages_are_in_french_too(demo_project: Path):
    missing = cercle(demo_project, "check", "-f", "nope.yml", "--lang", "fr")
    assert missing.returncode == 2
    assert missing.stderr.strip() == message("fr", "cli.config_not_found", path="nope.yml")
    assert "introuvable" in missing.stderr
    write(demo_project / "plain.yml", "site_name: Plain\ndocs_dir: content\nplugins:\n  - search\n")
    plain = cercle(demo_project, "check", "-f", "plain.yml", env={"CERCLE_LANG": "fr"})
    assert plain.returncode == 2
    assert plain.stderr.strip() == message("fr", "cli.hub_not_enabled", path="plain.yml")
    assert "n’est pas activé" in plain.stderr
