"""The replay's plain data: caption files per language, takeaways, slide times, timed lines."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cercle.core.models import EventMeta
from cercle.video.hosts import parse_video
from cercle.video.vtt import Cue
from cercle.webinar.replay import Takeaway, caption_files, takeaways, transcript_lines

BASE = {"title": "t", "date": "2022-10-13"}


def meta(**fields) -> EventMeta:
    return EventMeta.model_validate({**BASE, **fields})


def test_one_captions_file_is_still_accepted_and_is_the_pages_language():
    ev = meta(captions="media/x.vtt")
    assert ev.caption_files == {"": "media/x.vtt"}
    assert caption_files(ev, "fr") == {"fr": "media/x.vtt"}


def test_captions_per_language_put_the_pages_language_first():
    ev = meta(captions={"en": "media/x.en.vtt", "de": "media/x.de.vtt", "fr": "media/x.fr.vtt"})
    assert list(caption_files(ev, "fr")) == ["fr", "de", "en"]
    assert list(caption_files(ev, "en")) == ["en", "de", "fr"]


def test_a_captions_key_must_be_a_language_code():
    with pytest.raises(ValidationError) as caught:
        meta(captions={"not a language": "media/x.vtt"})
    assert [e["type"] for e in caught.value.errors()] == ["bad_lang"]


def test_takeaways_are_texts_or_text_and_language():
    ev = meta(
        takeaways=["Volunteering first.", {"text": "Le je et le nous.", "lang": "fr"}, {"text": "Same."}]
    )
    assert takeaways(ev, "en") == [
        Takeaway("Volunteering first."),
        Takeaway("Le je et le nous.", "fr"),
        Takeaway("Same."),
    ]
    assert takeaways(ev, "fr")[1] == Takeaway("Le je et le nous.")  # the page's own language: no lang


def test_slides_at_are_video_times():
    assert meta(slides_at=["0:00", "2:30", "1:02:03"]).slide_seconds == [0, 150, 3723]
    with pytest.raises(ValidationError) as caught:
        meta(slides_at=["0:00", "soon"])
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [("bad_chapter_time", ("slides_at", 1))]


def test_timed_lines_have_one_anchor_per_second_and_name_a_voice_when_it_changes():
    cues = [
        Cue(0.0, 2.0, "a", "Ann"),
        Cue(0.5, 2.0, "b", "Ann"),
        Cue(2.0, 4.0, "c", "Bob"),
        Cue(4.0, 5.0, "d"),
    ]
    lines = transcript_lines(cues)
    assert [(line.anchor, line.voice, line.label) for line in lines] == [
        ("t=0", "Ann", "0:00"),
        ("", "", "0:00"),  # same second: one id only
        ("t=2", "Bob", "0:02"),
        ("t=4", "", "0:04"),
    ]
    assert [line.anchor for line in transcript_lines(cues, with_anchors=False)] == ["", "", "", ""]


def test_players_are_embedded_with_their_api_on():
    youtube = parse_video("https://youtu.be/AAAAAAAAAAA")
    peertube = parse_video("https://videos.example.org/w/abcdef123")
    assert youtube and youtube.embed_template(api=True).endswith("&autoplay=1&enablejsapi=1")
    assert "enablejsapi" not in youtube.embed_template()
    assert peertube and peertube.embed_template(api=True).endswith("&api=1")
