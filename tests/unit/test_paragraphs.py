"""Captions grouped into paragraphs (cercle.video.paragraphs), on files written by others
(tests/fixtures/vtt) and on the demo's own: what the reader of a transcript gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from cercle.video.paragraphs import MAX_WORDS, PAUSE, paragraph_spans
from cercle.video.vtt import Cue, parse_vtt
from cercle.webinar.replay import transcript_paragraphs

ROOT = Path(__file__).resolve().parents[2]
VTT = ROOT / "tests/fixtures/vtt"
REAL = {  # folder: (cues, fewest and most paragraphs a reader would find sensible)
    "en-w3c-cognitive-accessibility": (280, 30, 50),
    "en-w3c-ml-fairness": (198, 20, 35),
    "en-w3c-media-processing": (236, 22, 40),
    "fr-ableplayer-web-accessibility": (15, 3, 6),
}
SENTENCE_ENDS = (".", "!", "?", "…", '."', ".”", "?”", "!”")


def cues_of(path: Path) -> list[Cue]:
    return parse_vtt(path.read_text(encoding="utf-8-sig"))


def real(folder: str) -> list[Cue]:
    (path,) = (VTT / folder).glob("*.vtt")
    return cues_of(path)


def words(cues: list[Cue]) -> int:
    return sum(len(c.text.split()) for c in cues)


@pytest.mark.parametrize("folder", sorted(REAL))
def test_real_captions_make_a_sensible_number_of_paragraphs_with_every_cue_once(folder):
    cues = real(folder)
    count, fewest, most = REAL[folder]
    spans = paragraph_spans(cues)
    assert len(cues) == count and fewest <= len(spans) <= most, len(spans)
    # In order, each cue in exactly one paragraph: no text lost, none repeated.
    assert [i for span in spans for i in span] == list(range(len(cues)))
    assert all(len(span) for span in spans)
    paragraphs = transcript_paragraphs(cues)
    assert [line.text for p in paragraphs for line in p.lines] == [c.text for c in cues]


@pytest.mark.parametrize("folder", sorted(REAL))
def test_speakers_and_silences_start_paragraphs_and_sentences_end_them(folder):
    cues = real(folder)
    starts = {span.start for span in paragraph_spans(cues)}
    speaker = ""
    for i, cue in enumerate(cues):
        if i and cue.turn and (not cue.voice or cue.voice != speaker):
            assert i in starts, (i, cue)  # a new speaker
        if i and cue.start - cues[i - 1].end > PAUSE:
            assert i in starts, (i, cue)  # a silence
        speaker = cue.voice if cue.turn else speaker
    for span in paragraph_spans(cues)[:-1]:
        inside = cues[span.start : span.stop]
        after = cues[span.stop]
        pause = after.start - inside[-1].end > PAUSE
        if not (after.turn or pause):  # cut for its length: at the end of a sentence
            assert inside[-1].text.endswith(SENTENCE_ENDS), inside[-1].text
        assert words(inside[:-1]) < MAX_WORDS


def test_the_first_paragraphs_of_a_real_talk_read_as_a_text():
    cues = real("en-w3c-cognitive-accessibility")
    paragraphs = transcript_paragraphs(cues)
    first = paragraphs[0]
    assert first.first.label == "0:08" and first.first.voice == "Josh"
    text = " ".join(line.text for line in first.lines)
    assert text.startswith("Hi, welcome to our cognitive accessibility and machine learning presentation for")
    assert text.endswith("the Cognitive Accessibility Task Force.")
    # The speaker is named once, at the start of the paragraph where the voice changes.
    assert [p.first.voice for p in paragraphs[:3]] == ["Josh", "", "Lisa"]
    assert not [line for p in paragraphs for line in p.lines[1:] if line.voice]
    # Every whole second a cue starts at has its anchor (what #t= and search results land on).
    anchors = [line.anchor for p in paragraphs for line in p.lines if line.anchor]
    assert anchors == [f"t={s}" for s in dict.fromkeys(int(c.start) for c in cues)]


def test_an_anonymous_voice_is_someone_else_speaking():
    # `<v ->What's the heck Alexa!`: John answers Alexa; his paragraph names nobody, and
    # Alexa's name would be shown again if she spoke again.
    paragraphs = transcript_paragraphs(real("en-w3c-ml-fairness"))
    texts = [(p.first.voice, p.lines[0].text) for p in paragraphs]
    alexa = texts.index(("Alexa", "I am tired of telling you what time it is."))
    assert texts[alexa + 1] == ("", "What's the heck Alexa!")
    assert " ".join(line.text for line in paragraphs[alexa].lines).endswith("Look at a clock.")


@pytest.mark.parametrize(
    ("path", "speakers"),
    [
        ("tests/browser/media/replay.en.vtt", ["Stéphanie Ledoux", "Patrice Laubignat"]),
        ("content/media/virtuous-circle-transcript.vtt", None),
        ("content/media/cercle-vertueux-transcription.vtt", None),
    ],
)
def test_cues_written_as_sentences_group_by_speaker(path, speakers):
    cues = cues_of(ROOT / path)
    paragraphs = transcript_paragraphs(cues)
    assert 1 < len(paragraphs) < len(cues) or len(cues) <= 5
    assert [line.text for p in paragraphs for line in p.lines] == [c.text for c in cues]
    if speakers:
        assert [p.first.voice for p in paragraphs] == speakers


def test_a_long_cue_is_its_own_paragraph_and_unpunctuated_captions_are_cut_anyway():
    long = " ".join(["word"] * 60) + "."
    cues = [Cue(0, 20, long), Cue(20, 22, "Short."), Cue(22, 24, "Another.")]
    assert paragraph_spans(cues) == [range(0, 1), range(1, 3)]
    # Automatic captions: no punctuation, no voice, no pause; 200 cues of 5 words.
    auto = [Cue(i * 2.0, i * 2.0 + 2, "and so we go on here") for i in range(200)]
    spans = paragraph_spans(auto)
    assert len(spans) > 1 and all(words(auto[s.start : s.stop]) <= MAX_WORDS + 6 for s in spans)
    assert [i for span in spans for i in span] == list(range(200))


def test_a_silence_ends_a_paragraph_even_mid_sentence():
    cues = [Cue(0, 2, "We were saying"), Cue(2 + PAUSE + 0.5, 8, "after the music.")]
    assert paragraph_spans(cues) == [range(0, 1), range(1, 2)]
    assert paragraph_spans([Cue(0, 2, "We were saying"), Cue(2 + PAUSE, 8, "that.")]) == [range(0, 2)]
    assert paragraph_spans([]) == []
