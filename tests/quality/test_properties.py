"""Property-based tests (hypothesis) of front matter.

1. Any front matter at all (any YAML mapping of known and unknown fields with values of any
   type, or arbitrary text between the `---` lines): `cercle check` never raises, answers 0
   or 1, and every problem names the file it is about.
2. Any text in the text fields of a webinar: the real build either succeeds with that text
   shown verbatim (page, meta tags, JSON-LD, feed, calendar; French typography's no-break
   spaces aside) and nothing breaking out, or fails with a message naming the file, never a
   traceback. Few examples: each is a build.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from tests.conftest import ROOT, mkdocs_build, write
from tests.quality.corpus import HOSTILE, PAYLOADS
from tests.quality.gates import jsonld_blocks

from cercle.cli import main as cercle_main
from cercle.core.models import EventMeta

GENERATED = "fr/webinaires/genere.md"
FIELDS = sorted(EventMeta.model_fields)
SPECIALS = ["<", ">", "&", '"', "'", "`", "</script>", "]]>", "{{", "{%", "\\", ";", ",", ":", "🙂", "ש"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.text(max_size=30),
    st.sampled_from([*PAYLOADS, "javascript:alert(1)", "data:text/html,x", "https://example.org/", "12:30"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["at", "title", "text", "by", "url"]), inner),
    ),
    max_leaves=8,
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=12))
front_matters = st.dictionaries(keys, values, max_size=8)


def minimal_project(dest: Path) -> Path:
    """mkdocs.yml of the demo, its speakers and topics, and no entry yet."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("speakers.yml", "topics.yml"):
        write(dest / "content" / name, (ROOT / "content" / name).read_text(encoding="utf-8"))
    return dest


def check_problems(project: Path) -> list[dict]:
    result = CliRunner().invoke(cercle_main, ["check", "--format", "json", "-f", str(project / "mkdocs.yml")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["problems"]


# Each check is a `cercle check` of its own (~0.2 s); every CI run starts from a clean clone, with
# no Hypothesis database, so each run tries 60 new mappings (and these explicit ones).
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=front_matters)
# Found by this test: a NUL byte in a path made the OS raise ValueError (a traceback).
@example(meta={"title": "t", "captions": "\x00"})
@example(meta={"title": "t", "image": "a\x00.png", "image_alt": "a"})
@example(meta={"title": "t", "date": "2022-01-01", "slides": "a\x00.pdf"})
@example(meta={"title": "t", "date": "2022-01-01", "transcript": "a\x00.vtt", "captions": "b\x00.vtt"})
def test_any_front_matter_mapping_is_checked_without_a_traceback(tmp_path, meta):
    project = minimal_project(tmp_path / "p")
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    write(project / "content" / GENERATED, f"---\n{text}---\n\nCorps.\n")
    problems = check_problems(project)
    assert {p["path"] for p in problems} <= {f"content/{GENERATED}"}  # from the repository root
    assert all(p["message"] and p["line"] >= 0 for p in problems)
    if "title" not in meta:
        assert problems, "a webinar without a title must be reported"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.text(max_size=120))
def test_any_text_as_front_matter_is_checked_without_a_traceback(tmp_path, head):
    project = minimal_project(tmp_path / "p")
    (project / "content" / GENERATED).parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / GENERATED).write_bytes(
        f"---\n{head}\n---\n\nCorps.\n".encode("utf-8", "surrogatepass")
    )
    problems = check_problems(project)
    assert {p["path"] for p in problems} <= {f"content/{GENERATED}"}  # from the repository root


# --- a real build of any text -----------------------------------------------------------------

visible = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=60
)
field_text = (
    st.lists(st.one_of(visible, st.sampled_from(SPECIALS + list(PAYLOADS))), min_size=1, max_size=5)
    .map(" ".join)
    .filter(lambda text: text.strip())
)


def squash(text: str) -> str:
    return " ".join(text.split())


# French typography puts a no-break space (U+00A0, U+202F) before ; : ! ? » and after «, where
# the writer put a space or none. The page is French: compare its text modulo those spaces only.
_TYPOGRAPHIC_SPACE = re.compile(r"\s+(?=[;:!?»])|(?<=«)\s+")


def squash_fr(text: str) -> str:
    return squash(_TYPOGRAPHIC_SPACE.sub("", text))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=field_text, question=field_text, quote=field_text)
@example(title=HOSTILE, question=PAYLOADS[3], quote=PAYLOADS[1])
def test_any_text_builds_and_stays_in_its_context(tmp_path_factory, title, question, quote):
    project = minimal_project(tmp_path_factory.mktemp("build"))
    meta = {
        "title": title,
        "description": question[:200],
        "date": dt.date(2027, 3, 18),
        "time": "18:30",
        "timezone": "Europe/Paris",
        "questions": [question],
        "quotes": [{"text": quote, "by": "stephanie-ledoux"}],
        "speakers": ["stephanie-ledoux"],
    }
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    write(project / "content" / GENERATED, f"---\n{text}---\n\nCorps.\n")
    result = mkdocs_build(project)
    assert "Traceback" not in result.output, result.output
    assert result.returncode == 0, result.output  # non-blank text of any kind is valid content
    page = project / "site" / "fr" / "webinaires" / "genere" / "index.html"
    root = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    assert squash_fr("".join(root.find(".//h1").itertext())) == squash_fr(title)
    meta_tags = {m.get("property"): m.get("content") for m in root.iter("meta") if m.get("property")}
    assert squash_fr(meta_tags["og:title"]) == squash_fr(title)
    assert not [el for el in root.iter() if "pwned" in (el.get("class") or "")]
    (block,) = jsonld_blocks(page)
    event = next(n for n in json.loads(block)["@graph"] if n["@type"] == "Event")
    assert squash_fr(event["name"]) == squash_fr(title)
    feed = ET.fromstring((project / "site" / "fr" / "webinaires" / "feed.xml").read_bytes())
    titles = [squash_fr(e.text or "") for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert squash_fr(title) in titles
    (ics,) = page.parent.glob("*.ics")
    (vevent,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert squash_fr(str(vevent["SUMMARY"])) == squash_fr(title)
