"""Video hosts, chapters, WebVTT transcripts and the JSON-LD serializer."""

from __future__ import annotations

import json

import pytest

from cercle.structured.jsonld import script_json
from cercle.video.hosts import VideoKind, format_offset, iso_duration, parse_video
from cercle.video.vtt import VttError, header_language, parse_vtt


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=AAAAAAAAAAA",
        "https://youtube.com/watch?feature=share&v=AAAAAAAAAAA",
        "https://youtu.be/AAAAAAAAAAA?t=42",
        "https://www.youtube.com/embed/AAAAAAAAAAA",
        "https://www.youtube.com/shorts/AAAAAAAAAAA",
        "https://www.youtube-nocookie.com/embed/AAAAAAAAAAA",
    ],
)
def test_youtube_forms_play_from_the_nocookie_host(url):
    video = parse_video(url)
    assert video is not None and video.kind is VideoKind.YOUTUBE and video.video_id == "AAAAAAAAAAA"
    assert video.embed_url(150) == (
        "https://www.youtube-nocookie.com/embed/AAAAAAAAAAA?start=150&rel=0&autoplay=1"
    )
    assert video.watch_url(150) == "https://www.youtube.com/watch?v=AAAAAAAAAAA&t=150s"
    assert video.embed_template().count("{start}") == 1


def test_vimeo_peertube_and_files():
    vimeo = parse_video("https://vimeo.com/76979871")
    assert vimeo and vimeo.kind is VideoKind.VIMEO
    assert vimeo.embed_url(90) == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=90s"
    assert parse_video("https://player.vimeo.com/video/76979871").video_id == "76979871"

    tube = parse_video("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d")
    assert tube and tube.kind is VideoKind.PEERTUBE and tube.host == "framatube.org"
    assert tube.embed_url(30).startswith(
        "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?start=30s"
    )
    assert parse_video("https://tube.example/videos/watch/abcdef12").kind is VideoKind.PEERTUBE

    for url in ("media/replay.mp4", "https://cdn.example.org/replay.webm", "http://cdn.example.org/a.MP4"):
        video = parse_video(url)
        assert video and video.is_file and video.embed_template() == ""
    assert parse_video("media/replay.mp4").watch_url(12) == "media/replay.mp4#t=12"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/some/page",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=AAAAAAAAAAA%22onload",
        "https://vimeo.com/channels/staff",
        "http://tube.example/w/abcdef12",  # PeerTube only over https
        "media/notes.txt",
    ],
)
def test_unknown_or_malformed_videos_are_refused(url):
    assert parse_video(url) is None


def test_offsets_and_iso_durations():
    assert format_offset(0) == "0:00"
    assert format_offset(150) == "2:30"
    assert format_offset(3723) == "1:02:03"
    assert iso_duration(3723) == "PT1H2M3S"
    assert iso_duration(3600) == "PT1H"
    assert iso_duration(0) == "PT0S"


VTT = """\ufeffWEBVTT Kind: captions

NOTE this block
is ignored

intro
00:00:05.000 --> 00:00:09.000 align:start
(Demo excerpt &amp; notes)

00:02:30.000 --> 00:02:36.000
<v.loud Stéphanie Ledoux>When someone posts <b>on their own</b> networks,

02:36.500 --> 02:42.000
<v Stéphanie Ledoux>they speak for themselves.

00:12:00.000 --> 00:12:07.000
<v Patrice Laubignat>No targets &lt;at all&gt;.
"""


def test_vtt_cues_voices_and_entities():
    cues = parse_vtt(VTT)
    assert [c.start for c in cues] == [5, 150, 156.5, 720]
    assert cues[0].text == "(Demo excerpt & notes)" and cues[0].voice == ""
    assert cues[1].voice == "Stéphanie Ledoux"
    assert cues[1].text == "When someone posts on their own networks,"
    assert cues[3].text == "No targets <at all>."


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Hello\n\n00:01.000 --> 00:02.000\nx\n", 1, "not_webvtt"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:05.000 -> 00:06.000\nbad\n", 6, "bad_cue"),
        ("WEBVTT\n\n1\n00:01.000 --> 00:02.000\nok\n\n2\n00:09.000 --> 00:03.000\nback\n", 8, "bad_timing"),
        ("WEBVTT\n\n00:01.000 --> 00:62.000\nx\n", 3, "bad_timing"),
    ],
)
def test_vtt_errors_name_the_line(text, line, reason):
    with pytest.raises(VttError) as caught:
        parse_vtt(text)
    assert (caught.value.line, caught.value.reason) == (line, reason)


def test_json_ld_cannot_close_its_script_tag():
    hostile = "</script><script>alert(1)</script> & <!-- \u2028"
    out = script_json({"name": hostile, "nested": [{"t": "</SCRIPT >"}]})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert "\\u003c/script\\u003e" in out
    assert json.loads(out) == {"name": hostile, "nested": [{"t": "</SCRIPT >"}]}


def test_the_language_a_webvtt_header_names():
    assert header_language("WEBVTT\nKind: captions\nLanguage: fr\n\n00:00.000 --> 00:01.000\nSalut") == "fr"
    assert header_language("\ufeffWEBVTT\r\nkind: captions\r\nlang: en-GB\r\n\r\n") == "en"  # AblePlayer's
    assert header_language("WEBVTT\n\nNOTE Language: fr\n\n00:00.000 --> 00:01.000\nLanguage: fr") == ""
    assert header_language("WEBVTT\nLanguage: français\n") == ""  # a name, not a tag
