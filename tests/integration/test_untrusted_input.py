"""Untrusted content (issue #12): symlinks out of content/, YAML bombs, control characters and
file names that need percent-encoding. Each case runs `cercle check` or a real MkDocs build on
a copy of the demo and reads what it printed or wrote."""

from __future__ import annotations

import html
import os
import re
import resource
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

import html5lib
import pytest
from icalendar import Calendar
from tests.conftest import bin_path, cercle, mkdocs_build, write

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")


def secret(tmp_path: Path) -> Path:
    """A folder beside the project holding a file that must never be published."""
    return write(tmp_path / "outside" / "secret.txt", "TOP-SECRET\n").parent


# --- 1. symlinks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "target", "rel"),
    [
        ("content/media/_leak.txt", "secret.txt", "media/_leak.txt"),
        ("content/_ext", "", "_ext"),
        ("content/media/.hidden.txt", "secret.txt", "media/.hidden.txt"),
    ],
)
def test_symlink_out_of_content_is_an_error_whatever_its_name(demo_project, tmp_path, link, target, rel):
    outside = secret(tmp_path)
    os.symlink(outside / target if target else outside, demo_project / link)
    result = cercle(demo_project, "check", "--strict")
    assert result.returncode == 1, result.output
    assert f"{rel}: error: this file is a link to a place outside content/" in result.stdout
    assert "Traceback" not in result.output

    built = mkdocs_build(demo_project)
    assert built.returncode != 0
    assert f"{rel}: " in built.output and "Traceback" not in built.output
    site = demo_project / "site"
    leaked = [p for p in site.rglob("*") if p.is_file() and b"TOP-SECRET" in p.read_bytes()]
    assert not leaked


def test_symlink_inside_content_is_fine(demo_project):
    os.symlink("../fr", demo_project / "content" / "media" / "_alias")
    result = cercle(demo_project, "check", "--strict")
    assert "outside content/" not in result.output


def test_speaker_photo_must_be_in_content(demo_project, tmp_path):
    outside = secret(tmp_path)
    speakers = demo_project / "content" / "speakers.yml"
    text = speakers.read_text(encoding="utf-8")
    rel = os.path.relpath(outside / "secret.txt", demo_project / "content")
    speakers.write_text(
        text.replace("stephanie-ledoux:\n", f"stephanie-ledoux:\n  photo: {rel}\n", 1), encoding="utf-8"
    )
    line = text.splitlines().index("stephanie-ledoux:") + 2
    result = cercle(demo_project, "check")
    assert result.returncode == 1
    expected = f"speakers.yml:{line}: error: stephanie-ledoux.photo: '{rel}' does not exist in content/"
    assert expected in result.stdout


# --- 2. YAML limits -----------------------------------------------------------------------------

def _laughs() -> str:
    """The billion laughs: nine anchors of nine aliases each, 9**9 values, under 600 bytes."""
    lines, item = [], '"lol"'
    for name in "abcdefghi":
        lines.append(f"{name}: &{name} [{', '.join([item] * 9)}]")
        item = f"*{name}"
    return "\n".join(lines) + "\n"


LAUGHS = _laughs()


def check_capped(project: Path) -> subprocess.CompletedProcess:
    """`cercle check` with 1 GB of address space and two minutes: a bomb fails, not the machine."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = {**os.environ, "CERCLE_LANG": "en", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [bin_path("cercle"), "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap,
    )


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        (LAUGHS, 7, "expand to more than 100000 values"),
        ("title: x\nx: " + "[" * 1_200 + "]" * 1_200 + "\n", 3, "nests more than 64"),
        ("title: x\nx: " + "[" * 100_000 + "]" * 100_000 + "\n", 3, "nests more than 64"),
        ("title: x\nx: '" + "a" * 1_100_000 + "'\n", 2, "longer than 1000000 characters"),
        ("title: x\nx: [" + "*a, " * 1_001 + "]\n", 3, "more than 1000 aliases"),
    ],
    ids=["alias-bomb", "nested-1200", "nested-100000", "huge", "many-aliases"],
)
def test_hostile_front_matter_yaml_is_a_content_error(demo_project, yaml_text, line, message):
    rel = "en/guides/bomb.md"
    write(demo_project / "content" / rel, f"---\n{yaml_text}---\nBody.\n")
    result = check_capped(demo_project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{rel}:{line}: error:" in result.stdout and message in result.stdout, result.stdout


def test_alias_bomb_in_speakers_is_a_content_error(demo_project):
    write(demo_project / "content" / "speakers.yml", LAUGHS)
    result = check_capped(demo_project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "speakers.yml:6: error: the YAML aliases" in result.stdout


def test_french_message_for_a_yaml_bomb(demo_project):
    write(demo_project / "content" / "en" / "guides" / "bomb.md", f"---\n{LAUGHS}---\n")
    result = cercle(demo_project, "check", "--lang", "fr")
    assert "se déploient en plus de 100000 valeurs" in result.stdout


# --- 3. control characters ------------------------------------------------------------------------

CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# YAML escapes: the file is plain text, the parsed strings hold NUL, ESC, BEL and FF.
CONTROL_PAGE = (
    "---\n"
    'title: "Ctl\\0 title\\e"\n'
    'description: "Ctl\\a description"\n'
    "date: 2027-04-01\n"
    'time: "18:30"\n'
    "timezone: Europe/Paris\n"
    "duration: 60\n"
    "speakers: [ctl-speaker]\n"
    "transcript: media/ctl-transcript.vtt\n"
    "share:\n"
    '  text: "Ctl\\f share"\n'
    "---\n"
    "Ctl body with a NUL\0 and an ESC\x1b here.\n"
)
CONTROL_SPEAKER = '\nctl-speaker:\n  name: "Ctl\\0 Speaker"\n  bio: {en: "Ctl\\e bio", fr: "Ctl bio"}\n'


@pytest.fixture
def with_controls(demo_project: Path) -> Path:
    write(demo_project / "content" / "en" / "webinars" / "controls.md", CONTROL_PAGE)
    write(
        demo_project / "content" / "media" / "ctl-transcript.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nCtl transcript\0 text\x1b.\n",
    )
    speakers = demo_project / "content" / "speakers.yml"
    speakers.write_text(speakers.read_text(encoding="utf-8") + CONTROL_SPEAKER, encoding="utf-8")
    return demo_project


def test_control_characters_are_reported_where_they_are(with_controls):
    result = cercle(with_controls, "check")
    assert result.returncode == 0, result.output
    out = result.stdout
    page = "en/webinars/controls.md"
    for where in (f"{page}:2: warning: title:", f"{page}:3: warning: description:",
                  f"{page}:11: warning: share.text:", f"{page}:13: warning: invisible"):
        assert where in out, out
    lines = (with_controls / "content" / "speakers.yml").read_text(encoding="utf-8").splitlines()
    assert f"speakers.yml:{lines.index('ctl-speaker:') + 2}: warning: ctl-speaker.name:" in out
    assert f"speakers.yml:{lines.index('ctl-speaker:') + 3}: warning: ctl-speaker.bio.en:" in out
    assert "Traceback" not in result.output


def test_no_control_character_reaches_the_site(with_controls):
    result = mkdocs_build(with_controls, strict=False)
    assert result.returncode == 0, result.output
    site = with_controls / "site"
    page = (site / "en" / "webinars" / "controls" / "index.html").read_text(encoding="utf-8")
    assert "Ctl title" in page and "Ctl body with a NUL and an ESC here." in page
    transcript = site / "en" / "webinars" / "controls" / "transcript" / "index.html"
    assert "Ctl transcript text." in transcript.read_text(encoding="utf-8")  # its own page
    dirty = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".ics", ".json"} and CONTROLS.search(path.read_text("utf-8"))
    ]
    assert not dirty
    assert any("Ctl title" in p.read_text("utf-8") for p in site.rglob("*.ics"))
    assert any("Ctl title" in p.read_text("utf-8") for p in site.rglob("*.xml"))


# --- 4. URLs of files whose names need encoding ----------------------------------------------------

SITE_URL = "https://cercle.example.org/"
WEIRD_GUIDES = ["a#b", "a?b", "100%", "with space"]
WEIRD_WEBINAR = "live #2?"
WEIRD_TOPIC = "c# & f#"
WEIRD_MEDIA = "media/notes #1 100%.txt"


def weird_project(project: Path) -> Path:
    content = project / "content"
    for n, name in enumerate(WEIRD_GUIDES):
        for lang in ("en", "fr"):
            write(
                content / lang / "guides" / f"{name}.md",
                f"---\ntitle: Weird {n} {lang}\ndate: 2022-01-0{n + 1}\ntranslation_key: weird-{n}\n"
                f"topics: ['{WEIRD_TOPIC}']\n---\nSee [the other](./{quote(WEIRD_GUIDES[n - 1])}.md).\n",
            )
    write(
        content / "en" / "webinars" / f"{WEIRD_WEBINAR}.md",
        "---\ntitle: Weird live\ndate: 2027-05-01\ntime: '18:00'\ntimezone: Europe/Paris\n"
        "duration: 60\nspeakers: [camille-moreau]\n"
        f"resources: [{{title: Notes, url: '{WEIRD_MEDIA}'}}]\n---\nBody.\n",
    )
    write(content / WEIRD_MEDIA, "notes\n")
    speakers = content / "speakers.yml"
    speakers.write_text(
        speakers.read_text(encoding="utf-8").replace(
            "camille-moreau:\n", f"camille-moreau:\n  photo: '{WEIRD_MEDIA}'\n", 1
        ),
        encoding="utf-8",
    )
    topics = content / "topics.yml"
    topics.write_text(
        topics.read_text(encoding="utf-8") + f"\n'{WEIRD_TOPIC}':\n  label: {{fr: Cdièse, en: Csharp}}\n",
        encoding="utf-8",
    )
    return project


def site_urls(site: Path) -> list[tuple[str, str]]:
    """(file, URL) of every internal link, og:url, hreflang, share target, feed and .ics URL."""
    found: list[tuple[str, str]] = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        base = SITE_URL + quote(rel)
        tree = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for el in tree.iter():
            for name in ("href", "src", "content", "data-url", "value"):
                value = el.get(name)
                if not value or (name in ("content", "value", "data-url") and not value.startswith(SITE_URL)):
                    continue
                url = urljoin(base, value)
                if url.startswith(SITE_URL):
                    found.append((rel, url))
                else:  # a share link: the page's URL is a query parameter
                    found += [
                        (rel, v)
                        for vs in parse_qs(urlsplit(url).query).values()
                        for v in vs
                        if v.startswith(SITE_URL)
                    ]
    for path in site.rglob("*.xml"):
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        found += [(rel, html.unescape(u)) for u in re.findall(r'(?:href="|<loc>)([^"<]+)', text)]
    for path in site.rglob("*.ics"):
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            found.append((path.relative_to(site).as_posix(), str(event["url"])))
    return [(rel, url) for rel, url in found if url.startswith(SITE_URL)]


def test_every_url_of_an_oddly_named_file_reaches_it(demo_project):
    project = weird_project(demo_project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    site = project / "site"
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    for name in WEIRD_GUIDES:
        assert f"en/guides/{name}/index.html" in written
    assert f"en/webinars/{WEIRD_WEBINAR}/{WEIRD_WEBINAR}.ics" in written

    broken, reached = [], set()
    for rel, url in site_urls(site):
        path = urlsplit(url).path.removeprefix("/")
        target = unquote(path)
        target += "index.html" if target.endswith("/") or not target else ""
        canonical = quote(target.removesuffix("index.html")) == path.removesuffix("index.html")
        if not canonical or target not in written:
            broken.append(f"{rel}: {url}")
        reached.add(target)
    assert not broken, "\n".join(sorted(set(broken))[:20])
    for name in WEIRD_GUIDES:
        for lang in ("en", "fr"):
            assert f"{lang}/guides/{name}/index.html" in reached
    assert f"en/webinars/{WEIRD_WEBINAR}/index.html" in reached
    assert f"en/webinars/{WEIRD_WEBINAR}/{WEIRD_WEBINAR}.ics" in reached
    # The topic's page: at its id where no label gives a slug, else at the label's slug
    # (translated topic URLs); either way a link reached it.
    topic_pages = {t for t in reached if t.startswith(("en/topics/", "fr/themes/")) and t.count("/") == 3}
    assert len(topic_pages) >= 2, sorted(topic_pages)
    assert WEIRD_MEDIA in reached
