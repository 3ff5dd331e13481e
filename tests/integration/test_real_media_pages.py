"""Replay pages built with the real MkDocs from captions and slide decks written by others
(tests/fixtures/vtt, tests/fixtures/slides): what a reader sees, and `cercle check` on them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import cercle, copy_demo, mkdocs_build, write
from tests.html import by_class, page, text, unresolved_links

from cercle.video.paragraphs import paragraph_spans
from cercle.video.vtt import parse_vtt

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FR_VTT = FIXTURES / "vtt/fr-ableplayer-web-accessibility/wwa_captions_fr.vtt"
EN_VTT = FIXTURES / "vtt/en-w3c-cognitive-accessibility/ls_joc_cognitive.vtt"
FR_PDF = FIXTURES / "slides/fr-impress-roboconf-rmll2014/Conf285-RMLL2014_Roboconf.pdf"
EN_PDF = FIXTURES / "slides/en-beamer-bsd-for-linux-users/bsd_for_linux_users.pdf"
FR_DECK_FOR_EN = FIXTURES / "slides/fr-impress-roboconf-jdev2017/JDEV-2017.pdf"
FR_MD = "content/fr/webinaires/accessibilite-web-pour-tous.md"
EN_MD = "content/en/webinars/cognitive-accessibility-and-machine-learning.md"
FR_URL = "fr/webinaires/accessibilite-web-pour-tous/"
EN_URL = "en/webinars/cognitive-accessibility-and-machine-learning/"
# An English recap of a talk given with French slides.
FR_DECK_MD = "content/en/webinars/container-orchestration-workshop.md"
FR_DECK_URL = "en/webinars/container-orchestration-workshop/"
# An English recap of a talk given in French, with the French captions as its transcript.
FR_TALK_MD = "content/en/webinars/web-accessibility-for-everyone.md"
FR_TALK_URL = "en/webinars/web-accessibility-for-everyone/"
# The same with English captions too: those are offered beside the French transcript.
CAPTIONED_MD = "content/en/webinars/web-accessibility-with-english-captions.md"
CAPTIONED_URL = "en/webinars/web-accessibility-with-english-captions/"

ENTRY = """---
title: "{title}"
description: "{title}."
date: 2020-08-25
translation_key: real-media-replay
topics: [gouvernance]
online: true
duration: 15
video: https://www.youtube.com/watch?v=BBBBBBBBBBB
slides: media/real/{pdf}
transcript: media/real/{vtt}
captions:
  fr: media/real/wwa_captions_fr.vtt
  en: media/real/ls_joc_cognitive.vtt
---

{body}
"""


def add_real_replays(project: Path) -> None:
    media = project / "content/media/real"
    media.mkdir(parents=True)
    for source in (FR_VTT, EN_VTT, FR_PDF, EN_PDF, FR_DECK_FOR_EN):
        shutil.copyfile(source, media / source.name)  # byte for byte: BOM, CRLF
    pages = (
        (FR_MD, "L’accessibilité web pour tous", FR_PDF, FR_VTT, "Un replay fait de fichiers réels."),
        (EN_MD, "Cognitive accessibility and machine learning", EN_PDF, EN_VTT, "A replay of real files."),
    )
    for rel, title, pdf, vtt, body in pages:
        write(project / rel, ENTRY.format(title=title, pdf=pdf.name, vtt=vtt.name, body=body))
    french_talk = ENTRY.replace("translation_key: real-media-replay", "translation_key: real-french-talk")
    french_talk = french_talk.replace("  en: media/real/ls_joc_cognitive.vtt\n", "")
    body = "A recap in English of a talk given in French."
    title = "Web accessibility for everyone"
    text = french_talk.format(title=title, pdf=EN_PDF.name, vtt=FR_VTT.name, body=body)
    text = text.replace("transcript: media/", "transcript: ./media/")  # written another way
    write(project / FR_TALK_MD, text)
    captioned = ENTRY.replace("translation_key: real-media-replay", "translation_key: real-captioned-talk")
    title = "Web accessibility, with English captions"
    write(project / CAPTIONED_MD, captioned.format(title=title, pdf=EN_PDF.name, vtt=FR_VTT.name, body=body))
    english_only = ENTRY.replace("translation_key: real-media-replay", "translation_key: real-french-deck")
    body = "A workshop given in French; its slides stayed French."
    write(
        project / FR_DECK_MD,
        english_only.format(
            title="Container orchestration", pdf=FR_DECK_FOR_EN.name, vtt=EN_VTT.name, body=body
        ),
    )


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    project = copy_demo(tmp_path_factory.mktemp("real"))
    add_real_replays(project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    return project / "site"


def paragraphs_of(root, lang: str):
    part = next(el for el in root.iter("section") if el.get("data-cercle-transcript-part") == lang)
    return list(by_class(part, "cercle-transcript__lines")[0].iter("p"))


def cues_in(paragraph) -> list:
    """A paragraph's cues: its spans with a start (an id t=… or data-cercle-at)."""
    return [el for el in paragraph.iter("span") if el.get("id") or el.get("data-cercle-at")]


def test_the_transcript_page_shows_every_cue_in_paragraphs_with_times_and_speakers(real_site):
    root = page(real_site, EN_URL + "transcript/")
    paragraphs = paragraphs_of(root, "en")
    cues = parse_vtt(EN_VTT.read_text(encoding="utf-8-sig"))
    # 280 caption fragments read as paragraphs (cercle.video.paragraphs), every cue once.
    assert len(paragraphs) == len(paragraph_spans(cues)) and 30 <= len(paragraphs) <= 50
    spans = [span for p in paragraphs for span in cues_in(p)]
    assert [text(span) for span in spans] == [c.text for c in cues]  # none dropped or repeated
    # Every cue keeps its anchor (#t= links, chapters, search results land on it).
    ids = [span.get("id") for span in spans if span.get("id")]
    assert ids == [f"t={s}" for s in dict.fromkeys(int(c.start) for c in cues)]
    # One time link per paragraph: its first cue's, to the replay at that moment.
    for p in paragraphs:
        link = p[0]
        assert link.tag == "a" and len([a for a in p.iter("a")]) == 1
        start = cues_in(p)[0].get("id") or "t=" + cues_in(p)[0].get("data-cercle-at")
        assert link.get("href") == "../" + "#" + start, start
    first = paragraphs[0]
    assert first[0].get("href") == "../#t=8" and text(first[0]) == "0:08"
    assert text(first).startswith("0:08 Josh: Hi, welcome to our cognitive accessibility and machine")
    assert text(paragraphs[-1]) == "13:43 Lisa: Thank you, Josh."  # a new speaker, a new paragraph
    speakers = [text(p.find("strong")) for p in paragraphs if p.find("strong") is not None]
    assert speakers[:3] == ["Josh", "Lisa", "Josh"]  # named where the voice changes, once
    assert not [p for p in paragraphs if len(list(p.iter("strong"))) > 1]
    assert not [p for p in paragraphs if "slide-" in text(p)]  # cue ids are not text
    # The links lead to the replay page, which exists.
    assert unresolved_links(real_site, EN_URL + "transcript/")[1] == []

    fr = paragraphs_of(page(real_site, FR_URL + "transcript/"), "fr")
    assert 3 <= len(fr) <= 6 and sum(len(cues_in(p)) for p in fr) == 15
    assert text(fr[0]) == "0:00 [Musique]"
    assert text(fr[1]).startswith("0:09 Narrateur : Vous voulez ces gens. Ils commandent vos produits")
    terrill = next(p for p in fr if p.find("strong") is not None and text(p.find("strong")) == "Terrill")
    assert text(terrill[0]) == "0:39" and cues_in(terrill)[0].get("id") == "t=39"
    assert not [p for p in fr if "NOTE" in text(p) or "kind:" in text(p)]


def test_the_replay_page_offers_the_paragraphs_and_keeps_its_room(real_site):
    cues = parse_vtt(EN_VTT.read_text(encoding="utf-8-sig"))
    panel = by_class(page(real_site, EN_URL), "cercle-transcript")[0]
    box = by_class(panel, "cercle-transcript__box")[0]
    assert text(box) == f"Read the transcript ({len(paragraph_spans(cues))} paragraphs)"
    assert "is-long" in box.get("class").split()  # its height is kept before the text arrives
    assert not by_class(panel, "cercle-transcript__lines")  # fetched from the transcript page


def test_no_tag_of_the_captions_reaches_the_page_unescaped(real_site):
    for url in (FR_URL, EN_URL):
        raw = (real_site / url / "transcript/index.html").read_text(encoding="utf-8")
        for tag in ("<v ", "</v>", "<c.", "</c>", "&lt;v", "&lt;c.", "&lt;b&gt;", "\ufeff", "\r"):
            assert tag not in raw, (url, tag)


def test_the_slides_of_real_decks_are_images_with_their_text(real_site):
    fr = page(real_site, FR_URL)
    gallery = by_class(fr, "cercle-slides")[0]
    thumbs = list(by_class(gallery, "cercle-slides__thumbs")[0].iter("a"))
    assert len(thumbs) == 14
    assert "".join(thumbs[9].itertext()) == "Diapositive 10 sur 14\xa0: Qui déploie\u202f?"
    slides_text = text(by_class(gallery, "cercle-slides__text")[0])
    assert "Déploie les VM, et y uploade les instances" in slides_text

    en = by_class(page(real_site, EN_URL), "cercle-slides")[0]
    thumbs = list(by_class(en, "cercle-slides__thumbs")[0].iter("a"))
    assert len(thumbs) == 41
    assert text(thumbs[1]) == "Slide 2 of 41: Outline"
    stage = en.find(".//img[@data-cercle-slide-image]")
    assert stage.get("alt").startswith("Slide 1 of 41: BSD for Linux Users")
    assert ". . ." not in text(en)  # Beamer's navigation dots are no text


def test_a_french_deck_on_an_english_page_is_marked_french(real_site):
    """WCAG 3.1.2: the slides' alt texts and text are in the deck's language, and say so."""
    gallery = by_class(page(real_site, FR_DECK_URL), "cercle-slides")[0]
    stage = gallery.find(".//img[@data-cercle-slide-image]")
    assert (
        stage.get("lang") == "fr" and stage.get("alt") == "ATELIER Orchestration de Conteneurs avec Roboconf"
    )
    thumbs = list(by_class(gallery, "cercle-slides__thumbs")[0].iter("a"))
    assert len(thumbs) == 21 and {a.get("lang") for a in thumbs} == {"fr"}
    assert text(thumbs[1]) == "Sommaire"
    items = list(by_class(gallery, "cercle-slides__text")[0].find(".//ol"))
    assert by_class(gallery, "cercle-slides__text")[0].find(".//ol").get("lang") is None
    assert [li[0].get("lang") for li in items] == ["fr"] * 21  # each slide's text, not the list
    assert "Sommaire" in text(items[1][0])
    assert "".join(items[3][0].itertext()).startswith("Animateur\xa0: Vincent Zurczak")  # French typography
    # The page's own words stay English; an English deck on an English page claims nothing.
    assert by_class(gallery, "cercle-slides__download")[0].get("lang") is None
    en = by_class(page(real_site, EN_URL), "cercle-slides")[0]
    assert all(el.get("lang") is None for el in en.iter())


def test_a_french_transcript_on_an_english_page_is_marked_french_and_shown_once(real_site):
    """The English recap's transcript is the French captions: its lines say they are French
    (typeset in French), and no "Transcript in French" repeats them."""
    transcript = page(real_site, FR_TALK_URL + "transcript/")
    main = next(el for el in transcript.iter("section") if el.get("data-cercle-transcript-part") == "fr")
    lines = by_class(main, "cercle-transcript__lines")[0]
    assert lines.get("lang") == "fr"
    said = "".join(lines.itertext())
    assert "Narrateur\xa0: Vous voulez ces gens." in said and " :" not in said and " ?" not in said
    parts = [el.get("id") for el in transcript.iter("section") if el.get("data-cercle-transcript-part")]
    assert parts == ["fr"]  # each part is keyed by its lines' language
    entry = page(real_site, FR_TALK_URL)
    assert by_class(entry, "cercle-transcript__other") == []
    assert [t.get("srclang") for t in entry.iter("track")] in ([], ["fr"])
    box = next(el for el in entry.iter("div") if el.get("data-cercle-transcript-part"))
    assert box.get("data-cercle-transcript-part") == "fr"  # the entry page loads that part


def test_captions_in_the_page_language_are_offered_beside_a_foreign_transcript(real_site):
    """The French talk's English recap has French captions as its transcript and English
    captions too: the English reader is offered the English ones, after the French lines."""
    entry = page(real_site, CAPTIONED_URL)
    boxes = [el.get("data-cercle-transcript-part") for el in entry.iter("div")]
    assert [box for box in boxes if box] == ["fr", "en"]
    (other,) = by_class(entry, "cercle-transcript__other")
    assert other.get("lang") == "en"
    assert text(other.find("summary")) == "Transcript in English"
    assert other.find(".//a").get("href") == "transcript/#en"
    transcript = page(real_site, CAPTIONED_URL + "transcript/")
    parts = {el.get("id"): el for el in transcript.iter("section") if el.get("data-cercle-transcript-part")}
    assert list(parts) == ["fr", "en"]
    first = "".join(by_class(parts["fr"], "cercle-transcript__lines")[0].itertext())
    assert "Narrateur\xa0: Vous voulez ces gens." in first
    english = parts["en"]
    assert english.get("lang") == "en" and english.get("data-pagefind-ignore") is not None
    said = "".join(by_class(english, "cercle-transcript__lines")[0].itertext())
    cues = parse_vtt(EN_VTT.read_text(encoding="utf-8-sig"))
    assert cues[0].text in said and cues[-1].text in said
    count, broken = unresolved_links(real_site, CAPTIONED_URL + "transcript/")
    assert count >= 30 and broken == []  # each paragraph's time leads to the replay


def test_cercle_check_accepts_the_real_files_and_names_a_broken_line(tmp_path):
    project = copy_demo(tmp_path / "hub")
    add_real_replays(project)
    result = cercle(project, "check")
    assert "real/" not in result.output and "Traceback" not in result.output, result.output

    broken = project / "content/media/real" / EN_VTT.name
    data = broken.read_bytes().replace(b"00:00:11.386 --> 00:00:13.186", b"00:00:11.386 -> 00:00:13.186")
    broken.write_bytes(data)  # line 8 of the file (after its BOM, with CRLF line ends)
    result = cercle(project, "check")
    assert result.returncode == 1
    rel = EN_MD.removeprefix("content/")
    assert f"{rel}:11: error: transcript: 'media/real/ls_joc_cognitive.vtt', line 7:" in result.stdout, (
        result.stdout
    )
    assert "Traceback" not in result.output
