"""The Pagefind index of a real build: one index per language, entries only, filters, reproducible,
atomic on failure, and built under `mkdocs serve` too."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import html5lib
import pytest
from tests.conftest import DEMO_EPOCH, bin_path, mkdocs_build, run, write

RECAP_FR = "/fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/"
RECAP_EN = "/en/events/ambassador-programs-fad-or-change-in-society/"
GUIDE_FR = "/fr/guides/organisation-holomidale-programme-ambassadeurs/"


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's per-page records (gzip, 'pagefind_dcd' + JSON), by URL."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        record = json.loads(raw[len(b"pagefind_dcd") :])
        found[record["url"]] = {**record, "lang": path.name.split("_")[0]}
    return found


def test_each_language_has_its_own_index_written_with_sorted_keys(demo_site):
    raw = (demo_site / "pagefind" / "pagefind-entry.json").read_text("utf-8")
    entry = json.loads(raw)
    assert raw == json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"fr": 8, "en": 7}
    assert not list(demo_site.glob(".pagefind-*"))  # the staging folder is gone


def test_only_entries_main_content_is_indexed(demo_site):
    records = fragments(demo_site)
    assert all(url.startswith(f"/{r['lang']}/") for url, r in records.items())
    assert RECAP_FR in records and RECAP_EN in records and GUIDE_FR in records
    assert not any(url.rstrip("/").count("/") < 3 for url in records)  # no home, listing, topic page
    guide = records[GUIDE_FR]["content"]
    assert "holomidale" in guide and "Équidistance" in guide
    assert "Aller au contenu" not in guide  # Material's frame (skip link, nav, footer) is not content
    assert "m’a donné des idées" not in guide  # the share block's suggested text is not content
    assert "Rubriques" not in guide
    # The print corner (address and QR code) is not content, and its QR image is never taken
    # for the page's image (a data: URI in every record, found by random letters).
    assert "Cette page en ligne" not in guide and "cercle.example.org" not in guide
    for url, record in records.items():
        assert not record["meta"].get("image", "").startswith("data:"), url
        assert "QR" not in record["meta"].get("image_alt", ""), url


def test_slides_text_and_transcript_are_found_related_entries_are_not(demo_site):
    url = "/fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
    root = html5lib.parse(
        (demo_site / url.strip("/") / "index.html").read_text("utf-8"), namespaceHTMLElements=False
    )
    records = fragments(demo_site)
    content = " ".join(records[url]["content"].split())

    def section(cls: str) -> str:
        found = [el for el in root.iter() if cls in (el.get("class") or "").split()]
        return " ".join("".join(found[0].itertext()).split()) if found else ""

    slides, related = section("cercle-slides__text"), section("cercle-related")
    words = slides.split()
    phrase = " ".join(words[len(words) // 2 : len(words) // 2 + 6])
    assert len(words) > 12 and phrase in content
    if related:
        assert "Faire vivre un programme ambassadeurs dans la durée" not in content
    # The transcript is on its own page (issue #18), indexed with the entry's filters: "who
    # said…" finds it, and its result's moments lead to the replay (cercle-search.js).
    transcript = records[url + "transcript/"]
    said = "il faut construire ensemble"
    assert said in transcript["content"] and said not in content
    assert transcript["meta"]["title"] == "Transcription\xa0: Le cercle vertueux des programmes ambassadeurs"
    assert transcript["filters"]["type"] == records[url]["filters"]["type"] == ["Webinaire"]
    assert "t=720" in {anchor["id"] for anchor in transcript["anchors"]}
    assert "personal networks" not in transcript["content"]  # the other language's lines are not


def test_search_dialog_is_written_once_per_language_not_in_every_page(demo_site):
    # Issue #18: the dialog's inside (2.6 KB) was in every page; each page now has the empty
    # dialog and loads its language's cercle-search.<lang>.js, which cercle-search.js reads.
    html = (demo_site / RECAP_FR.strip("/") / "index.html").read_text("utf-8")
    assert '<dialog id="cercle-search"' in html and "cercle-search__form" not in html
    assert '<script src="../../../assets/javascripts/cercle-search.fr.js" defer></script>' in html
    for lang, words in (("fr", "Par exemple\u00a0: confiance"), ("en", "Include results in French")):
        script = (demo_site / f"assets/javascripts/cercle-search.{lang}.js").read_text("utf-8")
        assert script.startswith("window.cercleSearchDialog = ") and script.endswith(";\n")
        inside = json.loads(script[len("window.cercleSearchDialog = ") : -2])
        assert 'id="cercle-search-input"' in inside and words in inside  # French typography too
        assert 'href="' not in inside and 'src="' not in inside  # the same for every page
    # Material's configuration keeps no (lunr) search strings or worker: cercle/search replaces it.
    config = json.loads(html.split('<script id="__config" type="application/json">')[1].split("</script>")[0])
    assert config["base"] == "../../.." and "search" not in config
    assert sorted(config["translations"]) == ["clipboard.copied", "clipboard.copy"]


def test_filters_and_metadata_speak_the_page_language(demo_site):
    records = fragments(demo_site)
    fr, en = records[RECAP_FR], records[RECAP_EN]
    assert fr["filters"]["type"] == ["Événement"] and en["filters"]["type"] == ["Event"]
    assert fr["filters"]["year"] == ["2020"] == en["filters"]["year"]
    assert "Organisation holomidale" in fr["filters"]["topic"]
    assert "Holomidal organization" in en["filters"]["topic"]
    assert "Bastoun Talec" in fr["filters"]["speaker"]
    assert fr["meta"]["date"] == "17 avril 2020" and en["meta"]["date"] == "April 17, 2020"
    assert fr["meta"]["title"].startswith("Programmes ambassadeurs")


def test_two_builds_give_byte_identical_index_and_details_are_indexed(demo_project):
    write(
        demo_project / "content/fr/guides/diapos.md",
        '---\ntitle: "Diapositives"\ndate: 2021-02-03\n---\nIntro.\n\n'
        "<details><summary>Texte des diapositives</summary>\n\n"
        "Le mot zygomatique n’apparaît que dans ce bloc replié.\n\n</details>\n",
    )
    sites = [demo_project / "site-a", demo_project / "site-b"]
    for site in sites:
        result = mkdocs_build(demo_project, site)
        assert result.returncode == 0, result.output

    def files(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes()
            for folder in ("pagefind", "fr", "en")
            for p in sorted((site / folder).rglob("*"))
            if p.is_file() and (folder == "pagefind" or p.name == "feed.xml")
        }

    first, second = files(sites[0]), files(sites[1])
    assert len(first) > 20 and first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    details = fragments(sites[0])["/fr/guides/diapos/"]
    assert "zygomatique" in details["content"] and details["filters"]["year"] == ["2021"]


def build_with_binary(project: Path, binary: str):
    site = project / "site"
    args = [bin_path("mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return run(args, cwd=project, env={"PAGEFIND_BINARY_PATH": binary}), site


def test_missing_pagefind_stops_the_build_with_a_clear_message(demo_project, tmp_path):
    result, site = build_with_binary(demo_project, str(tmp_path / "no-such-pagefind"))
    assert result.returncode != 0
    # In the messages' language (the locale here: English), naming what to do.
    assert "cercle/search: the search index was not built" in result.output
    assert "Install it with `pip install 'pagefind[bin]'`" in result.output
    assert "Traceback" not in result.output
    assert not (site / "pagefind").exists() and not list(site.glob(".pagefind-*"))


def test_crashing_pagefind_stops_the_build_without_a_half_index(demo_project, tmp_path):
    crash = tmp_path / "pagefind"
    crash.write_text("#!/bin/sh\necho 'pagefind: out of memory' >&2\nexit 3\n", "utf-8")
    crash.chmod(0o755)
    started = time.monotonic()
    result, site = build_with_binary(demo_project, str(crash))
    assert time.monotonic() - started < 60  # no hang waiting for a dead process
    assert result.returncode != 0
    assert "cercle/search: the search index was not built" in result.output
    assert "Pagefind failed" in result.output or "stopped" in result.output
    assert not (site / "pagefind").exists() and not list(site.glob(".pagefind-*"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read()
    except OSError:
        return None


def test_mkdocs_serve_builds_the_index_and_feeds(demo_project):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": DEMO_EPOCH}
    args = [bin_path("mkdocs"), "serve", "--no-livereload", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml"]
    server = subprocess.Popen(
        args, cwd=demo_project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        base, entry = f"http://127.0.0.1:{port}/", None
        deadline = time.monotonic() + 90
        while entry is None and time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(server.stdout.read().decode())
            entry = fetch(base + "pagefind/pagefind-entry.json")
            time.sleep(0.3)
        assert entry is not None, "mkdocs serve never served the index"
        assert set(json.loads(entry)["languages"]) == {"fr", "en"}
        assert fetch(base + "pagefind/pagefind.js")
        feed = fetch(base + "fr/feed.xml")
        assert feed and b"<feed" in feed
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
