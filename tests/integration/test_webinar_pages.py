"""Webinar and event pages of the demo build: video, chapters, slides, transcript, calendar,
JSON-LD; and bad input reported with file and line by `cercle check` and the build."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import icalendar
import pytest
from PIL import Image
from tests.conftest import DEMO_EPOCH, cercle, copy_demo, mkdocs_build, write
from tests.html import by_class, page, text

PAST_FR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
PAST_EN = "en/webinars/virtuous-circle-ambassador-programs/"
UPCOMING_FR = "fr/webinaires/faire-vivre-programme-ambassadeurs-dans-la-duree/"
EVENT_EN = "en/events/ambassador-programs-fad-or-change-in-society/"
SITE = "https://cercle.example.org/"


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The built file a relative link of a page points to."""
    target = urljoin(f"http://x/{page_url}", href).removeprefix("http://x/").split("#")[0]
    return site / target


def jsonld(root) -> dict:
    scripts = [s for s in root.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def node(data: dict, kind: str) -> dict | None:
    return next((n for n in data["@graph"] if n["@type"] == kind), None)


def section(root, cls: str):
    found = by_class(root, cls)
    return found[0] if found else None


# -- the replay ---------------------------------------------------------------------------


def test_replay_is_a_self_hosted_poster_linking_to_the_video(demo_site):
    root = page(demo_site, PAST_FR)
    assert not list(root.iter("iframe"))
    frame = section(root, "cercle-video__frame")
    assert frame.get("data-cercle-embed") == (
        "https://www.youtube-nocookie.com/embed/AAAAAAAAAAA?start={start}&rel=0&autoplay=1&enablejsapi=1"
    )
    assert frame.get("data-cercle-title") == "Vidéo\xa0: Le cercle vertueux des programmes ambassadeurs"
    poster = section(root, "cercle-video__poster")
    assert poster.get("href") == "https://www.youtube.com/watch?v=AAAAAAAAAAA"
    img = poster.find("img")
    poster_file = resolve(demo_site, PAST_FR, img.get("src"))
    assert poster_file.is_file() and poster_file.name == "slide-001.webp"  # the first slide
    assert "YouTube" in text(poster)
    # Nothing on the page loads from a video host: only links and data attributes name it.
    for el in root.iter():
        for attr in ("src", "srcset", "poster", "data"):
            assert "youtube" not in (el.get(attr) or "") and "vimeo" not in (el.get(attr) or "")


def test_chapters_start_the_video_at_their_time(demo_site):
    root = page(demo_site, PAST_FR)
    links = list(section(root, "cercle-chapters").iter("a"))
    starts = [int(a.get("data-cercle-start")) for a in links]
    assert starts == [0, 150, 720, 1200, 1860, 2400, 3000]
    assert links[1].get("href") == "#t=150"  # the page's own moment: lands on the transcript line
    assert text(links[2]) == "12:00 Innover sans lien de subordination"
    assert links[2].find("time").get("datetime") == "PT12M"


def test_questions_quotes_resources_and_related(demo_site):
    root = page(demo_site, PAST_EN)
    assert next(text(li) for li in section(root, "cercle-questions").iter("li")) == "What virtuous circle?"
    quotes = by_class(root, "cercle-quote")
    assert len(quotes) == 3
    author = quotes[0].find("figcaption/a")
    assert text(author) == "Stéphanie Ledoux"
    assert resolve(demo_site, PAST_EN, author.get("href")) == demo_site / "en/speakers/stephanie-ledoux/"
    resource = section(root, "cercle-resources").find(".//a")
    assert resource.get("href") == "https://www.reinventingorganizations.com/"
    related = [a.get("href") for a in section(root, "cercle-related").iter("a")]
    assert 1 <= len(related) <= 3
    for href in related:
        target = resolve(demo_site, PAST_EN, href)
        assert (target / "index.html").is_file() and "/en/" in f"/{target.relative_to(demo_site)}/"
    assert all("virtuous-circle" not in href for href in related)


def test_slides_gallery_images_text_and_download(demo_site):
    root = page(demo_site, PAST_FR)
    gallery = section(root, "cercle-slides")
    thumbs = list(section(gallery, "cercle-slides__thumbs").iter("a"))
    assert len(thumbs) == 6
    # Named links to each image (readable without JavaScript); cercle-slides.js puts each
    # thumbnail in place, at the address it derives (slide-NNN → thumb-NNN) and the list's size.
    assert "".join(thumbs[1].itertext()) == "Diapositive 2 sur 6\xa0: Trois questions"
    assert not list(gallery.iter("img"))[1:]  # the stage only: no thumbnail in the page's bytes
    with Image.open(resolve(demo_site, PAST_FR, thumbs[1].get("href"))) as full:
        assert full.format == "WEBP" and full.size == (1024, 576)
    derived = thumbs[1].get("href").replace("/slide-002.", "/thumb-002.")
    with Image.open(resolve(demo_site, PAST_FR, derived)) as thumb:
        assert thumb.size == (320, 180)
        assert section(gallery, "cercle-slides__thumbs").get("data-size") == "{}x{}".format(*thumb.size)
    stage = gallery.find(".//img[@data-cercle-slide-image]")
    assert stage.get("alt").startswith("Diapositive 1 sur 6\xa0: Le cercle vertueux")
    download = section(gallery, "cercle-slides__download").find("a")
    assert resolve(demo_site, PAST_FR, download.get("href")).read_bytes().startswith(b"%PDF")
    assert "(PDF, 11 Ko)" in text(download)
    slides_text = text(section(gallery, "cercle-slides__text"))
    assert "Le volontariat, seule option" in slides_text and "Ubuntu : les besoins" in slides_text
    en = section(page(demo_site, PAST_EN), "cercle-slides__text")
    assert "Volunteering is the only option" in text(en)  # each language has its own deck


def test_transcript_is_readable_text_with_times(demo_site):
    # The entry page links to its transcript page (issue #18: a long transcript weighed more
    # than the rest of the page); cercle-replay.js loads the lines from there on demand.
    entry = page(demo_site, PAST_FR)
    panel = section(entry, "cercle-transcript")
    assert section(panel, "cercle-transcript__lines") is None
    box = section(panel, "cercle-transcript__box")
    assert box.get("data-cercle-transcript-from") == "transcript/"
    assert box.get("data-cercle-transcript-part") == "fr"
    assert box.find(".//a").get("href") == "transcript/"
    assert text(box) == "Lire la transcription (4 paragraphes)"
    assert resolve(demo_site, PAST_FR, "transcript/index.html").is_file()

    root = page(demo_site, PAST_FR + "transcript/")
    assert root.get("lang") == "fr"
    transcript = section(root, "cercle-transcript--page")
    assert transcript.get("data-pagefind-body") is not None  # "who said…" is found
    title = "Transcription\xa0: Le cercle vertueux des programmes ambassadeurs"
    assert "".join(root.find(".//h1").itertext()) == title
    assert transcript.find(".//p/a").get("href") == "../"
    # Written by cercle/webinar, typeset like every page; its footer and card like every page's.
    raw = resolve(demo_site, PAST_FR, "transcript/index.html").read_text(encoding="utf-8")
    assert not re.search(r" [:;!?»]", raw) and "«\xa0je\xa0»" in raw
    footer = section(root, "cercle-footer-links")
    assert footer.find(".//a").get("href") == "../../../accessibilite/"
    og = [m.get("content") for m in root.iter("meta") if m.get("property") == "og:image"]
    assert len(og) == 1 and og[0].endswith("/cards/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.png")
    # The page's stylesheets, from one folder deeper.
    styles = [link.get("href") for link in root.iter("link") if link.get("rel") == "stylesheet"]
    assert "../../../../assets/stylesheets/cercle.css" in styles
    for href in styles:
        assert resolve(demo_site, PAST_FR + "transcript/", href).is_file(), href
    main = transcript.find(".//section[@data-cercle-transcript-part='fr']")
    paragraphs = list(section(main, "cercle-transcript__lines").iter("p"))
    assert len(paragraphs) == 4  # 2:30 and 2:36: the same speaker, no pause, one paragraph
    assert "Stéphanie Ledoux" in text(paragraphs[1]) and "vie privée" in text(paragraphs[1])
    assert text(paragraphs[1]).count("Stéphanie Ledoux") == 1  # named once, where the voice changes
    # Each cue is a moment: its span's id is what #t= links (and search results) land on; a
    # paragraph's time links to the replay at its first cue (cercle-replay.js makes it the
    # page's own #t=).
    cues = [span for p in paragraphs for span in p.iter("span")]
    assert [span.get("id") for span in cues] == [f"t={t}" for t in ("5", "150", "156", "720", "1860")]
    assert [p[0].get("href") for p in paragraphs] == [f"../#t={t}" for t in ("5", "150", "720", "1860")]
    assert [text(p[0]) for p in paragraphs[:2]] == ["0:05", "2:30"]
    assert text(paragraphs[1]).startswith("2:30 ")
    assert "NOTE" not in text(transcript)
    # The other language's captions are offered as its transcript, outside the search index.
    other = section(panel, "cercle-transcript__other")
    assert other.get("lang") == "en" and other.get("data-pagefind-ignore") is not None
    assert text(other.find("summary")) == "Transcription en anglais"
    assert other.find(".//a").get("href") == "transcript/#en"
    other = transcript.find(".//section[@data-cercle-transcript-part='en']")
    assert other.get("lang") == "en" and other.get("data-pagefind-ignore") is not None
    assert "personal networks" in text(other) and not [el for el in other.iter("span") if el.get("id")]
    assert all(el.get("data-cercle-at") for el in other.iter("span"))  # where the cue starts, without an id


def test_takeaways_slide_times_and_abstract(demo_site):
    root = page(demo_site, PAST_EN)
    takeaways = section(root, "cercle-takeaways")
    assert text(takeaways.find("h2")) == "Key takeaways"
    assert len(list(takeaways.iter("li"))) == 3
    # Near the top: before the video and the body.
    wanted = ("cercle-takeaways", "cercle-video")
    order = [el.get("class") for el in root.iter("section") if el.get("class") in wanted]
    assert order == ["cercle-takeaways", "cercle-video"]
    assert node(jsonld(root), "VideoObject")["abstract"].startswith("On personal networks")
    thumbs = list(section(root, "cercle-slides__thumbs").iter("a"))
    assert [a.get("data-cercle-at") for a in thumbs] == ["0", "90", "150", "1200", "1860", "2400"]
    play = section(root, "cercle-slides__play")
    assert play.get("data-cercle-start") == "0" and text(play) == "Play from this slide (0:00)"


def test_past_webinar_has_no_registration(demo_site):
    root = page(demo_site, PAST_FR)
    assert not by_class(root, "cercle-register") and not by_class(root, "cercle-add-calendar")


# -- upcoming and the calendar ------------------------------------------------------------


def test_upcoming_webinar_offers_registration_and_calendar(demo_site):
    root = page(demo_site, UPCOMING_FR)
    register = section(root, "cercle-register")
    assert register.get("href") == "https://example.org/inscription" and text(register) == "S’inscrire"
    add = section(root, "cercle-add-calendar")
    assert text(add) == "Ajouter à mon agenda"
    assert not by_class(root, "cercle-video")
    times = [t.get("datetime") for t in section(root, "cercle-facts").iter("time")]
    assert "2027-03-18T18:30:00+01:00" in times
    assert "UTC+01:00" in text(section(root, "cercle-facts"))

    ics = resolve(demo_site, UPCOMING_FR, add.get("href"))
    assert ics.name == "faire-vivre-programme-ambassadeurs-dans-la-duree.ics"
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    (event,) = cal.walk("VEVENT")
    paris = ZoneInfo("Europe/Paris")
    assert event.decoded("dtstart") == dt.datetime(2027, 3, 18, 18, 30, tzinfo=paris)
    assert event.decoded("dtend") == dt.datetime(2027, 3, 18, 19, 30, tzinfo=paris)
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(event["uid"]) == "webinar-2027-03-18-keeping-alive.fr@cercle.example.org"
    assert str(event["url"]) == SITE + UPCOMING_FR
    assert str(event["summary"]) == "Faire vivre un programme ambassadeurs dans la durée"
    assert "https://example.org/inscription" in str(event["description"])
    assert event.decoded("dtstamp") == dt.datetime.fromtimestamp(int(DEMO_EPOCH), dt.UTC)


def test_language_calendars_and_listing_links(demo_site):
    for lang, listing in (("fr", "fr/webinaires/"), ("en", "en/events/")):
        cal = icalendar.Calendar.from_ical((demo_site / lang / "calendar.ics").read_bytes())
        events = cal.walk("VEVENT")
        assert len(events) == 3  # two webinars and one event per language
        assert all(str(e["uid"]).endswith(f".{lang}@cercle.example.org") for e in events)
        past = next(e for e in events if e.decoded("dtstart") == dt.date(2022, 10, 13))
        assert past.decoded("dtend") == dt.date(2022, 10, 14)  # no time: an all-day event
        subscribe = section(page(demo_site, listing), "cercle-subscribe")
        link = subscribe.find(".//a")
        assert resolve(demo_site, listing, link.get("href")) == demo_site / lang / "calendar.ics"
        assert text(subscribe.find(".//code")) == f"{SITE}{lang}/calendar.ics"
    assert not by_class(page(demo_site, "en/guides/"), "cercle-subscribe")
    for ics in demo_site.rglob("*.ics"):
        assert b"\r\n" in ics.read_bytes() and not re.search(rb"[^\r]\n", ics.read_bytes())


# -- JSON-LD ------------------------------------------------------------------------------


def test_json_ld_event_and_video_with_clips(demo_site):
    data = jsonld(page(demo_site, PAST_FR))
    assert data["@context"] == "https://schema.org"
    event, video = node(data, "Event"), node(data, "VideoObject")
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == [{"@type": "VirtualLocation", "url": SITE + PAST_FR}]
    assert [p["name"] for p in event["performer"]] == ["Stéphanie Ledoux", "Patrice Laubignat"]
    assert event["performer"][0]["url"] == SITE + "fr/intervenants/stephanie-ledoux/"
    assert event["inLanguage"] == "fr" and event["startDate"] == "2022-10-13"
    assert video["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/AAAAAAAAAAA")
    assert video["thumbnailUrl"][0].startswith(SITE + "assets/slides/")
    clips = video["hasPart"]
    assert [c["startOffset"] for c in clips] == [0, 150, 720, 1200, 1860, 2400, 3000]
    assert clips[1]["endOffset"] == 720 and clips[1]["@type"] == "Clip"
    assert clips[1]["url"] == "https://www.youtube.com/watch?v=AAAAAAAAAAA&t=150s"

    upcoming = node(jsonld(page(demo_site, UPCOMING_FR)), "Event")
    assert upcoming["startDate"] == "2027-03-18T18:30:00+01:00"
    assert upcoming["endDate"] == "2027-03-18T19:30:00+01:00"
    assert upcoming["location"][0]["url"] == "https://example.org/inscription"
    event_page = jsonld(page(demo_site, EVENT_EN))
    assert node(event_page, "VideoObject") is None and node(event_page, "Event")["inLanguage"] == "en"


# -- bad input ----------------------------------------------------------------------------

WEBINAR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
HOSTILE = "Hostile </script><script>alert(1)</script> & <!-- title"


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_bad_media_are_reported_with_file_and_line(demo_project):
    path = demo_project / WEBINAR
    source = path.read_text(encoding="utf-8")
    source = source.replace("https://www.youtube.com/watch?v=AAAAAAAAAAA", "javascript:alert(1)")
    source = source.replace('at: "12:00"', 'at: "12:75"')
    source = source.replace("online: true\n", "online: true\ntime: '10:00'\ntimezone: Mars/Olympus\n")
    source = source.replace(
        "transcript: media/cercle-vertueux-transcription.vtt", "transcript: media/bad.vtt"
    )
    path.write_text(source, encoding="utf-8")
    write(
        demo_project / "content/media/bad.vtt",
        "WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:09.000 --> 00:03.000\nx\n",
    )
    upcoming = demo_project / "content/en/webinars/keeping-ambassador-program-alive-over-time.md"
    upcoming_text = upcoming.read_text(encoding="utf-8").replace(
        "registration: https://example.org/register", "registration: 'data:text/html,<b>x</b>'"
    )
    upcoming.write_text(upcoming_text + "\n", encoding="utf-8")
    upcoming_text = upcoming_text.replace("online: true\n", "online: true\nslides: media/broken.pdf\n")
    upcoming.write_text(upcoming_text, encoding="utf-8")
    write(demo_project / "content/media/broken.pdf", "%PDF-1.4\nthis is not really a PDF\n")
    event = demo_project / "content/en/events/ambassador-programs-fad-or-change-in-society.md"
    event.write_text(
        event.read_text(encoding="utf-8").replace(
            "online: true\n", "online: true\nvideo: https://example.org/watch/42\nslides: media/gone.pdf\n"
        ),
        encoding="utf-8",
    )

    result = cercle(demo_project, "check")
    assert result.returncode == 1, result.output
    out = result.stdout
    rel = WEBINAR.removeprefix("content/")
    expected = [
        f"{rel}:{line_of(path, 'video: javascript')}: error: video: 'javascript:alert(1)' is not an allowed",
        f"{rel}:{line_of(path, '12:75')}: error: chapters.2.at: '12:75' is not a chapter time",
        f"{rel}:{line_of(path, 'Mars/Olympus')}: error: timezone: unknown time zone 'Mars/Olympus'",
        f"en/webinars/keeping-ambassador-program-alive-over-time.md:{line_of(upcoming, 'registration:')}: "
        "error: registration: 'data:text/html,<b>x</b>' is not an allowed URL",
        f"en/webinars/keeping-ambassador-program-alive-over-time.md:{line_of(upcoming, 'slides:')}: "
        "error: slides: 'media/broken.pdf' cannot be read as a PDF",
        f"en/events/ambassador-programs-fad-or-change-in-society.md:{line_of(event, 'video:')}: "
        "error: video: 'https://example.org/watch/42' is not a YouTube, Vimeo or PeerTube address",
        f"en/events/ambassador-programs-fad-or-change-in-society.md:{line_of(event, 'slides:')}: "
        "error: slides: 'media/gone.pdf' does not exist in content/",
    ]
    for line in expected:
        assert line in out, f"missing: {line}\n--- got:\n{out}"

    # The pydantic errors stop the webinar before the media checks; fix them to see the VTT one.
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("javascript:alert(1)", "https://vimeo.com/76979871")
        .replace('"12:75"', '"12:00"')
        .replace("Mars/Olympus", "Europe/Paris"),
        encoding="utf-8",
    )
    again = cercle(demo_project, "check")
    vtt_line = f"{rel}:{line_of(path, 'transcript:')}: error: transcript: 'media/bad.vtt', line 6:"
    assert vtt_line in again.stdout, again.output

    config = demo_project / "mkdocs.yml"  # messages_language: fr, so the build speaks French
    config.write_text(config.read_text(encoding="utf-8").replace(
        "languages: [fr, en]", "languages: [fr, en]\n      messages_language: fr", 1), encoding="utf-8")
    build = mkdocs_build(demo_project)  # the build stops with the same problems, in French here
    assert build.returncode != 0
    assert (
        f"{rel}:{line_of(path, 'transcript:')}: erreur: transcript: «\xa0media/bad.vtt\xa0», ligne 6"
        in build.output
    )
    unreadable = "«\xa0media/broken.pdf\xa0» ne peut pas être lu comme un PDF\xa0: le fichier est abîmé"
    assert unreadable in build.output
    assert "PDFium" not in build.output  # the library's English words stay out of the message
    assert "Traceback" not in build.output


EVENT_FILE = "content/en/events/ambassador-programs-fad-or-change-in-society.md"
# A 1×1 PNG: the speaker photo of the variant build.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201a5f6e0c80000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def variant(tmp_path_factory) -> Path:
    """The demo with hostile strings, a file video with captions, a Vimeo video without a
    poster, a Markdown transcript and a speaker photo: built once for the tests below."""
    project = copy_demo(tmp_path_factory.mktemp("variant"))
    path = project / WEBINAR
    source = path.read_text(encoding="utf-8").replace(
        'title: "Le cercle vertueux des programmes ambassadeurs"', f"title: '{HOSTILE}'"
    )
    source = source.replace('title: "Questions du public"', "title: '</script><img src=x onerror=alert(2)>'")
    path.write_text(source, encoding="utf-8")
    en = project / "content/en/webinars/virtuous-circle-ambassador-programs.md"
    en.write_text(
        en.read_text(encoding="utf-8").replace(
            "video: https://www.youtube.com/watch?v=AAAAAAAAAAA",
            "video: media/replay.webm",
        ),
        encoding="utf-8",
    )
    (project / "content/media/replay.webm").write_bytes(b"\x1aE\xdf\xa3 not a real video")
    event = project / EVENT_FILE
    event.write_text(
        event.read_text(encoding="utf-8").replace(
            "online: true\n",
            "online: true\nvideo: https://vimeo.com/76979871\ntranscript: media/_recap-notes.md\n",
        ),
        encoding="utf-8",
    )
    write(project / "content/media/_recap-notes.md", "## Notes\n\nTrust came up *again and again*.\n")
    (project / "content/media/stephanie.png").write_bytes(PNG)
    speakers = project / "content/speakers.yml"
    speakers.write_text(
        speakers.read_text(encoding="utf-8").replace(
            "  organization: The Social Republic\n",
            "  organization: The Social Republic\n  photo: media/stephanie.png\n",
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    return project


def test_hostile_strings_stay_inside_the_json_ld(variant):
    site = variant / "site"
    html = (site / PAST_FR / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    transcript = (site / PAST_FR / "transcript/index.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in transcript
    # Its only scripts: Material's storage helpers and the palette (cercle/parts/palette-follow.html).
    scripts = re.findall(r"<script[^>]*>(.{0,19})", transcript)
    assert scripts == ["__md_scope=new URL(", "!function(p){var a="], scripts
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block and "<" not in block.group(1) and ">" not in block.group(1)
    data = json.loads(block.group(1))
    assert node(data, "Event")["name"] == HOSTILE
    assert node(data, "VideoObject")["hasPart"][-1]["name"] == "</script><img src=x onerror=alert(2)>"
    root = page(site, PAST_FR)
    assert text(root.find(".//h1")) == " ".join(HOSTILE.split())
    assert section(root, "cercle-video__frame").get("data-cercle-title") == f"Vidéo\xa0: {HOSTILE}"
    ics = icalendar.Calendar.from_ical((site / "fr/calendar.ics").read_bytes())
    assert HOSTILE in [str(e["summary"]) for e in ics.walk("VEVENT")]
    # Slides were rendered once into the project's cache, keyed by the PDF's hash.
    assert len(list((variant / ".cache/cercle/slides").glob("*/deck.json"))) == 2


def test_file_video_vimeo_markdown_transcript_and_photo(variant):
    site = variant / "site"
    root = page(site, PAST_EN)
    video = root.find(".//video")
    assert video.get("preload") == "none" and video.get("data-cercle-player") is not None
    assert resolve(site, PAST_EN, video.get("poster")).name == "slide-001.webp"
    assert resolve(site, PAST_EN, video.find("source").get("src")) == site / "media/replay.webm"
    tracks = video.findall("track")  # one per language of `captions`, the page's first and on
    assert [(t.get("srclang"), t.get("label"), t.get("default")) for t in tracks] == [
        ("en", "English", ""),
        ("fr", "French", None),
    ]
    assert all(t.get("kind") == "captions" for t in tracks)
    assert resolve(site, PAST_EN, tracks[1].get("src")).read_text(encoding="utf-8").startswith("WEBVTT")
    chooser = section(root, "cercle-video__captions")
    assert [o.get("value") for o in chooser.iter("option")] == ["en", "fr", ""]
    chapter = section(root, "cercle-chapters").findall(".//a")[1]
    assert chapter.get("href") == "#t=150"
    assert node(jsonld(root), "VideoObject")["contentUrl"] == SITE + "media/replay.webm"
    photo = section(root, "cercle-avatar")  # the photo, resized by cercle/cards
    assert photo.get("alt") == "" and "assets/pictures/speakers/" in photo.get("src")
    copy = resolve(site, PAST_EN, photo.get("src")).read_bytes()
    assert copy.startswith(b"RIFF") and copy[8:12] == b"WEBP"  # a WebP copy of the photo

    event = page(site, EVENT_EN)
    frame = section(event, "cercle-video__frame")
    assert (
        frame.get("data-cercle-embed")
        == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t={start}s"
    )
    assert (
        text(section(event, "cercle-video__placeholder"))
        == "Ambassador programs: a fad or a deep change in society?"
    )
    assert section(event, "cercle-video__poster").get("href") == "https://vimeo.com/76979871"
    notes = section(event, "cercle-transcript__md")
    assert text(notes.find("h2")).startswith("Notes") and notes.find(".//em").text == "again and again"
    assert not (site / "media/_recap-notes").exists()  # the notes are not a page of their own


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_event_like_page_has_its_ics(demo_site, lang):
    pages = [p.parent for p in (demo_site / lang).glob("*/*/index.html")]
    event_pages = [p for p in pages if p.parent.name in ("webinaires", "evenements", "webinars", "events")]
    assert len(event_pages) == 3
    for folder in event_pages:
        assert (folder / f"{folder.name}.ics").is_file()
