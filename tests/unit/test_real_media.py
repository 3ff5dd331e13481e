"""The WebVTT reader and the slides renderer on files written by others (tests/fixtures/vtt,
tests/fixtures/slides; each folder's SOURCE.md credits them): what a reader of the page gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cercle.slides.cache import render_deck
from cercle.slides.gallery import gallery
from cercle.slides.render import RenderOptions, check_pdf
from cercle.video.vtt import Cue, VttError, parse_vtt
from cercle.webinar.replay import transcript_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VTT = FIXTURES / "vtt"
SLIDES = FIXTURES / "slides"
TIMING = re.compile(r"^\S+ +--> +\S+")


def cues_of(folder: str) -> list[Cue]:
    (path,) = (VTT / folder).glob("*.vtt")
    return parse_vtt(path.read_text(encoding="utf-8-sig"))


def timings_in(folder: str) -> int:
    (path,) = (VTT / folder).glob("*.vtt")
    return sum(1 for line in path.read_text(encoding="utf-8-sig").splitlines() if TIMING.match(line))


def test_every_fixture_is_credited():
    for folder in [*VTT.iterdir(), *SLIDES.iterdir()]:
        if folder.is_dir():
            source = (folder / "SOURCE.md").read_text(encoding="utf-8")
            assert "Licence:" in source and "commit" in source and "Retrieved:" in source, folder


@pytest.mark.parametrize(
    ("folder", "count"),
    [
        ("en-w3c-cognitive-accessibility", 280),
        ("en-w3c-ml-fairness", 198),
        ("en-w3c-media-processing", 236),
        ("fr-ableplayer-web-accessibility", 15),
    ],
)
def test_every_cue_of_a_real_file_is_read_and_none_is_dropped(folder, count):
    cues = cues_of(folder)
    assert len(cues) == count == timings_in(folder)
    for cue in cues:
        assert cue.text and cue.end >= cue.start
        assert "<" not in cue.text and "&amp;" not in cue.text and "-->" not in cue.text
    assert [c.start for c in cues] == sorted(c.start for c in cues)


def test_bom_crlf_cue_ids_and_two_voices():
    cues = cues_of("en-w3c-cognitive-accessibility")
    assert cues[0] == Cue(8.526, 11.386, "Hi, welcome to our cognitive accessibility", "Josh")
    assert cues[-1] == Cue(823.506, 824.659, "Thank you, Josh.", "Lisa")
    assert {c.voice for c in cues} == {"", "Josh", "Lisa"}
    assert not [c for c in cues if "slide-" in c.text or "\r" in c.text]  # ids are not text
    lines = transcript_lines(cues)
    assert lines[0].voice == "Josh" and lines[0].label == "0:08" and lines[0].anchor == "t=8"
    assert lines[-1].label == "13:43"


def test_an_anonymous_voice_is_no_speaker_name():
    # `<v ->`: the captioner's "someone speaks", not a person called "-".
    cues = cues_of("en-w3c-ml-fairness")
    assert cues[0] == Cue(9.9, 12.6, "Hi, this is John Rochford.", "")
    assert {c.voice for c in cues} == {"", "Alexa"}
    alexa = next(c for c in cues if c.voice == "Alexa")
    assert alexa.text == "I am tired of telling you what time it is."
    shown = [line.voice for line in transcript_lines(cues) if line.voice]
    assert shown == ["Alexa"]


def test_minutes_only_times_and_numbered_ids():
    cues = cues_of("en-w3c-media-processing")
    assert cues[0] == Cue(8.16, 11.56, "Hello. I'm François Daoust.", "")
    assert any(c.text == "Slide 2" for c in cues)
    assert cues[-1].text == "OK, I'm done, thank you, bye!" and cues[-1].start == 714.4


def test_header_lines_note_settings_and_styling_tags():
    cues = cues_of("fr-ableplayer-web-accessibility")
    assert cues[0] == Cue(0.429, 9.165, "[Musique]", "")
    assert cues[1] == Cue(9.165, 10.792, "Vous voulez ces gens.", "Narrateur")
    assert cues[2].text == "Ils commandent vos produits, ils demandent vos services,"
    quotable = "Les visiteurs de votre site Web ne sont pas une masse sans visage de clics de souris"
    assert [c for c in cues if c.text.startswith(quotable)]  # <c.quotable>: its text, no tag
    terrill = next(c for c in cues if c.voice == "Terrill")
    assert terrill.start == 39.132 and terrill.text.startswith("C'est important pour les concepteurs")
    assert not [c for c in cues if "NOTE" in c.text or "kind:" in c.text or "lang:" in c.text]


def test_header_lines_are_not_a_cue_but_a_timing_there_is():
    assert parse_vtt("WEBVTT\nKind: captions\nLanguage: fr\n\n00:01.000 --> 00:02.000\nBonjour\n") == [
        Cue(1.0, 2.0, "Bonjour")
    ]
    with pytest.raises(VttError) as caught:
        parse_vtt("WEBVTT\nKind: captions\n\nnot a cue\nstill not\n")
    assert caught.value.line == 4 and caught.value.reason == "bad_cue"


# -- slides --------------------------------------------------------------------------------


def deck_of(folder: str, tmp_path: Path):
    (pdf,) = (SLIDES / folder).glob("*.pdf")
    return pdf, render_deck(pdf, tmp_path, RenderOptions(width=320, thumb_width=80))


def test_a_beamer_deck_of_42_pages_gives_42_slides_with_their_titles(tmp_path):
    pdf, deck = deck_of("en-beamer-road-warrior", tmp_path)
    assert check_pdf(pdf) == 42 and len(deck.slides) == 42
    assert deck.slides[0].title == "Road Warrior Disaster Recovery"
    assert deck.slides[21].title == "Data Synchronization"
    assert "Synchronization is not a backup strategy." in deck.slides[21].text
    alts = [item.alt for item in gallery(deck, "media/rwdr.pdf", "assets/slides/x", "en").items]
    assert alts[4] == "Slide 5 of 42: Goals"
    assert all(len(alt) <= 140 for alt in alts)


def test_a_navigation_bar_of_dots_is_not_the_slides_text(tmp_path):
    # Beamer's navigation bar is one "." per frame at the top of every page: 40 dots are no
    # alternative text, and no search result.
    _, deck = deck_of("en-beamer-bsd-for-linux-users", tmp_path)
    assert len(deck.slides) == 41
    for slide in deck.slides:
        assert not slide.text.startswith("."), slide.text[:60]
        assert ". . ." not in slide.text
    assert deck.slides[0].text.startswith("BSD for Linux Users")
    alt = gallery(deck, "media/b.pdf", "assets/slides/x", "en").items[4].alt
    assert alt.startswith("Slide 5 of 41: What is BSD?")


def test_a_french_impress_deck_keeps_its_accents_and_bullets(tmp_path):
    _, deck = deck_of("fr-impress-roboconf-rmll2014", tmp_path)
    assert len(deck.slides) == 14
    assert deck.slides[9].title == "Qui déploie ?"
    assert "Déploie les VM, et y uploade les instances" in deck.slides[9].text
    assert deck.slides[13].title == "Demo !"
    alts = [item.alt for item in gallery(deck, "media/r.pdf", "assets/slides/x", "fr").items]
    assert alts[1] == "Diapositive 2 sur 14\xa0: Un partenariat"


def test_a_page_counter_is_neither_the_title_nor_the_text(tmp_path):
    # LibreOffice's "2 / 21" footer field comes first in the page's text: it hid the title
    # and opened every alt text with a number the alt text already gives.
    _, deck = deck_of("fr-impress-roboconf-jdev2017", tmp_path)
    assert len(deck.slides) == 21
    assert deck.slides[1].title == "Sommaire"
    assert deck.slides[5].title == "Besoins Linagora : Open PaaS"  # spaces joined; pages typeset again
    assert deck.slides[12].text.startswith("Architecture ● Trois briques logicielles")
    assert not [s for s in deck.slides if f"{s.number} / 21" in s.text]
    alts = [item.alt for item in gallery(deck, "media/j.pdf", "assets/slides/x", "fr").items]
    assert alts[1] == "Diapositive 2 sur 21\xa0: Sommaire"


# The layout of YouTube's automatic captions (as yt-dlp and YouTube Studio export them): a
# line of one space above or below the text, word times as tags, each line shown again above
# the next one and alone for 10 ms. Written here in that layout (no such file with a licence
# to commit was found); the words are ours.
YOUTUBE_AUTO = (
    "WEBVTT\nKind: captions\nLanguage: en\n\n"
    "00:00:00.030 --> 00:00:02.869 align:start position:0%\n \n"
    "welcome<00:00:00.540><c> to</c><00:00:00.870><c> the</c><00:00:01.200><c> webinar</c>\n\n"
    "00:00:02.869 --> 00:00:02.879 align:start position:0%\nwelcome to the webinar\n \n\n"
    "00:00:02.879 --> 00:00:05.450 align:start position:0%\nwelcome to the webinar\n"
    "today<00:00:03.360><c> we</c><00:00:03.600><c> talk</c>"
    "<00:00:04.000><c> about</c><00:00:04.300><c> volunteers</c>\n\n"
    "00:00:05.450 --> 00:00:05.460 align:start position:0%\ntoday we talk about volunteers\n \n\n"
    "00:00:05.460 --> 00:00:07.000 align:start position:0%\ntoday we talk about volunteers\n"
    "thank<00:00:05.900><c> you</c>\n"
)


def test_automatic_youtube_captions_read_as_one_line_each():
    cues = parse_vtt(YOUTUBE_AUTO)
    assert [(c.start, c.text) for c in cues] == [
        (0.03, "welcome to the webinar"),
        (2.879, "today we talk about volunteers"),
        (5.46, "thank you"),
    ]


def test_a_line_said_twice_by_people_is_kept_twice():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nThank you.\n\n00:02.000 --> 00:03.000\nThank you.\n"
    assert [c.text for c in parse_vtt(text)] == ["Thank you.", "Thank you."]


def test_a_line_of_spaces_between_cues_still_parts_them():
    text = "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nOne\n   \n2\n00:02.000 --> 00:03.000\nTwo\n  \nNOTE x\ny\n"
    assert [c.text for c in parse_vtt(text)] == ["One", "Two"]


def test_a_list_item_in_a_bigger_font_is_no_title(tmp_path):
    # The outline slide of a Beamer deck sets the sections in a bigger font than their
    # subsections: "• Overview" was taken for the title, and the alt text said only that.
    _, deck = deck_of("en-beamer-road-warrior", tmp_path)
    assert deck.slides[2].title == ""
    alt = gallery(deck, "media/rwdr.pdf", "assets/slides/x", "en").items[2].alt
    assert alt.startswith("Slide 3 of 42: • Overview • Motivation • Goals")


def test_a_code_samples_braces_stay_in_the_text(tmp_path):
    _, deck = deck_of("fr-impress-roboconf-rmll2014", tmp_path)
    code = deck.slides[6].text  # "Composants : exemple": two blocks of Roboconf's own syntax
    assert code.count("{") == code.count("}") == 2
