"""`cercle check` on the replay fields: slides_at against the slides and the duration,
captions per language (languages of the hub, files that exist and parse), in both languages."""

from __future__ import annotations

from tests.conftest import cercle, write

FR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
EN = "content/en/webinars/virtuous-circle-ambassador-programs.md"
SLIDES_AT = 'slides_at: ["0:00", "1:30", "2:30", "20:00", "31:00", "40:00"]'


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_bad_replay_fields_are_reported_with_file_and_line_in_both_languages(demo_project):
    fr = demo_project / FR
    source = fr.read_text(encoding="utf-8").replace(SLIDES_AT, 'slides_at: ["0:00", "1:30", "2:30"]')
    source = source.replace(
        "  en: media/virtuous-circle-transcript.vtt\n", "  de: media/de.vtt\n  en: media/en-bad.vtt\n"
    )
    fr.write_text(source, encoding="utf-8")
    write(demo_project / "content/media/en-bad.vtt", "WEBVTT\n\n00:01.000 -> 00:02.000\nx\n")
    en = demo_project / EN
    en_source = en.read_text(encoding="utf-8").replace(
        SLIDES_AT, 'slides_at: ["0:00", "1:30", "2:30", "20:00", "31:00", "1:40:00"]'
    )
    en_source = en_source.replace('at: "50:00"', 'at: "1:15:00"')
    en.write_text(en_source, encoding="utf-8")

    result = cercle(demo_project, "check")
    assert result.returncode == 1, result.output
    out = result.stdout
    fr_rel, en_rel = FR.removeprefix("content/"), EN.removeprefix("content/")
    expected = [
        f"{fr_rel}:{line_of(source, 'slides_at:')}: error: slides_at: 'slides_at' gives 3 times but "
        "'media/cercle-vertueux-slides.pdf' has 6 slides",
        f"{fr_rel}:{line_of(source, 'de: media')}: error: captions.de: captions in 'de', which is not one of "
        "the hub's languages (fr, en)",
        f"{fr_rel}:{line_of(source, 'de: media')}: error: captions.de: 'media/de.vtt' does not exist",
        f"{fr_rel}:{line_of(source, 'en: media/en-bad')}: error: captions.en: 'media/en-bad.vtt', line 3:",
        f"{en_rel}:{line_of(en_source, 'slides_at:')}: error: slides_at.5: 1:40:00 is after the end of "
        "the video (1:00:00, from 'duration')",
        f"{en_rel}:{line_of(en_source, '1:15:00')}: error: chapters.6: 1:15:00 is after the end of the video",
    ]
    for line in expected:
        assert line in out, f"missing: {line}\n--- got:\n{out}"
    assert "Traceback" not in result.output

    french = cercle(demo_project, "check", env={"CERCLE_LANG": "fr"}).stdout
    nb = "\u00a0"  # French typography: no-break spaces inside « »
    assert (
        f"«{nb}slides_at{nb}» donne 3 temps mais «{nb}media/cercle-vertueux-slides.pdf{nb}» compte 6"
        in french
    )
    assert f"sous-titres en «{nb}de{nb}», qui n’est pas une langue du hub (fr, en)" in french
    assert "1:40:00 est après la fin de la vidéo (1:00:00" in french


def test_malformed_replay_fields_are_refused_by_the_model(demo_project):
    fr = demo_project / FR
    source = fr.read_text(encoding="utf-8").replace(SLIDES_AT, 'slides_at: ["0:00", "soon"]')
    source = source.replace("  en: media/virtuous-circle-transcript.vtt\n", "  '??': media/x.vtt\n")
    source = source.replace("takeaways:\n", "takeaways:\n  - {text: 'Hello', lang: 'not a lang'}\n")
    fr.write_text(source, encoding="utf-8")
    result = cercle(demo_project, "check")
    assert result.returncode == 1
    rel = FR.removeprefix("content/")
    assert (
        f"{rel}:{line_of(source, 'slides_at:')}: error: slides_at.1: 'soon' is not a chapter time"
        in result.stdout
    )
    assert (
        f"{rel}:{line_of(source, 'captions:')}: error: captions: '??' is not a language code" in result.stdout
    )
    assert (
        f"{rel}:{line_of(source, 'not a lang')}: error: takeaways.0.lang: 'not a lang' is not a language"
        in (result.stdout)
    )
    assert "takeaways.0" not in result.stdout.replace(
        "takeaways.0.lang", ""
    )  # one problem, not one per shape
    assert "Traceback" not in result.output


def test_slides_at_names_the_one_field_it_lacks(demo_project):
    """`slides_at` with slides but no video asks for the video, not for the slides it has."""
    fr, en = demo_project / FR, demo_project / EN
    fr_source = fr.read_text(encoding="utf-8")
    fr_source = "\n".join(line for line in fr_source.splitlines() if not line.startswith("video:")) + "\n"
    fr.write_text(fr_source, encoding="utf-8")
    en_source = en.read_text(encoding="utf-8")
    en_source = "\n".join(line for line in en_source.splitlines() if not line.startswith("slides:")) + "\n"
    en.write_text(en_source, encoding="utf-8")
    out = cercle(demo_project, "check").stdout
    fr_rel, en_rel = FR.removeprefix("content/"), EN.removeprefix("content/")
    no_video = "error: slides_at: 'slides_at' needs a 'video' to follow."
    no_slides = "error: slides_at: 'slides_at' needs 'slides' (the PDF) to follow."
    assert f"{fr_rel}:{line_of(fr_source, 'slides_at:')}: {no_video}" in out, out
    assert f"{en_rel}:{line_of(en_source, 'slides_at:')}: {no_slides}" in out, out
    assert "and 'video'" not in out
