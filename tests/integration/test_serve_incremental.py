"""`cercle serve` renders only what an edit changes, and the result is what a full build gives.

Real `cercle serve` processes on the demo hub (a copy), read over HTTP with timeouts; the
server's log says which rebuild ran. No timing is asserted.
"""

from __future__ import annotations

import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.conftest import write
from tests.integration.test_cli_serve import REQUEST_TIMEOUT, Preview, is_site, preview

WEBINAR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
WEBINAR_URL = "/fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
TRANSLATION_URL = "/en/webinars/virtuous-circle-ambassador-programs/"
OLD_TITLE = "Le cercle vertueux des programmes ambassadeurs"
TITLE = f'title: "{OLD_TITLE}"'
NEW_TITLE = "Un cercle vertueux retitré"
RELOAD_SCRIPT = re.compile(r"<script>(?:(?!</script>).)*?livereload\((?:(?!</script>).)*</script>", re.S)


class LoggedPreview(Preview):
    def wait_log(self, pattern: str, after: int, seconds: float = 120) -> str:
        """The first line from `after` on that matches; fails after `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if re.search(pattern, line):
                    return line
            time.sleep(0.2)
        raise AssertionError(f"no log line matching {pattern!r}:\n" + "".join(self.lines[after:]))

    def card(self, html: str) -> bytes:
        """The page's og:image (its card), as served."""
        found = re.search(r'<meta property="og:image" content="([^"]+)"', html)
        assert found, "no og:image"
        path = re.sub(r"^https?://[^/]+", "", found[1])
        with urllib.request.urlopen(self.base + path, timeout=REQUEST_TIMEOUT) as response:
            return response.read()

    def assets(self, page: str, html: str, folder: str) -> dict[str, bytes]:
        """The files under `folder` the page's HTML refers to, by URL, as served."""
        found = {}
        for src in set(re.findall(r'(?:src|href)="([^"]*' + re.escape(folder) + r'[^"]+)"', html)):
            url = urllib.parse.urljoin(self.base + page, src)
            with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
                found[url] = response.read()
        return found

    def site_pages(self) -> dict[str, str]:
        """Every page the sitemap lists, without MkDocs' reload script (it differs per request)."""
        status, sitemap = self.get("/sitemap.xml")
        assert status == 200
        paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
        assert len(paths) > 30
        pages = {}
        for path in paths:
            status, html = self.get(path)
            assert status == 200, path
            pages[path] = RELOAD_SCRIPT.sub("", html)
        return pages


def test_an_edit_renders_its_pages_again_as_a_full_build_would(demo_project: Path):
    webinar = demo_project / WEBINAR
    original = webinar.read_text(encoding="utf-8")
    assert TITLE in original
    with preview(demo_project, LoggedPreview) as server:
        assert is_site(*server.poll(WEBINAR_URL, is_site))
        before = server.site_pages()
        card_before = server.card(before[WEBINAR_URL])
        slides = server.assets(WEBINAR_URL, before[WEBINAR_URL], "assets/slides/")
        assert len(slides) >= 2  # the gallery's images and thumbnails

        # Text only: the entry's page alone is rendered again (the others show front matter).
        seen = len(server.lines)
        original += "\nUn paragraphe ajouté.\n"
        webinar.write_text(original, encoding="utf-8")
        assert is_site(*server.poll(WEBINAR_URL, lambda status, html: "Un paragraphe ajouté." in html))
        server.wait_log(r"Rebuilt 1 page\(s\) in", seen)
        # The slides are not copied again (the site has them), and are still served.
        html = server.get(WEBINAR_URL)[1]
        assert server.assets(WEBINAR_URL, html, "assets/slides/") == slides

        seen = len(server.lines)
        webinar.write_text(original.replace(TITLE, f'title: "{NEW_TITLE}"'), encoding="utf-8")
        status, html = server.poll(WEBINAR_URL, lambda status, html: NEW_TITLE in html)
        assert status == 200 and "<h1" in html and NEW_TITLE in html
        server.wait_log(r"Rebuilt \d+ page\(s\) in", seen)
        assert not any("Full rebuild" in line for line in server.lines[seen:])
        incremental = server.site_pages()
        assert NEW_TITLE in incremental["/fr/webinaires/"]  # the section's listing
        assert NEW_TITLE in incremental["/fr/"]  # the home page
        assert NEW_TITLE in incremental["/fr/themes/volontariat/"]  # a topic of the entry
        assert NEW_TITLE in incremental["/fr/intervenants/stephanie-ledoux/"]  # one of its speakers
        assert incremental[TRANSLATION_URL] == before[TRANSLATION_URL]  # still right: nothing changed there
        assert WEBINAR_URL in incremental[TRANSLATION_URL]  # its language switcher
        card = server.card(incremental[WEBINAR_URL])
        assert card != card_before  # the card shows the title: drawn again

        # Editing mkdocs.yml takes the full rebuild: every page must be what it was. Here it
        # adds the hub's own strings (in a folder of content/ MkDocs does not publish), one the
        # search dialog alone shows (written once per language, not in the pages).
        seen = len(server.lines)
        dialog = "/assets/javascripts/cercle-search.fr.js"
        strings = write(demo_project / "content/.locales/fr.yml", "ui:\n  search_title: Fouiller le centre\n")
        config = demo_project / "mkdocs.yml"
        languages = "      languages: [fr, en]\n"
        option = languages + "      locales_dir: content/.locales\n"
        config.write_text(config.read_text(encoding="utf-8").replace(languages, option, 1), encoding="utf-8")
        server.wait_log(r"Full rebuild", seen)
        server.wait_log(r"Reloading browsers", seen)
        assert "Fouiller le centre" in server.get(dialog)[1]
        full = server.site_pages()
        assert full.keys() == incremental.keys()
        different = [path for path in full if full[path] != incremental[path]]
        assert different == []
        assert server.card(full[WEBINAR_URL]) == card

        # A changed string of the hub's own is shown by every page and the dialog: rebuilt whole,
        # without a restart.
        seen = len(server.lines)
        strings.write_text("ui:\n  search_title: Chercher au centre\n", encoding="utf-8")
        status, script = server.poll(dialog, lambda status, text: "Chercher au centre" in text, seconds=60)
        assert "Chercher au centre" in script, "".join(server.lines[seen:])
        server.wait_log(r"Full rebuild", seen)

        # A content error in the edited file shows the error page; the fix brings the page back.
        seen = len(server.lines)
        webinar.write_text(original.replace("speakers: [", "speakers: [inconnu-x, ", 1), encoding="utf-8")
        status, html = server.poll(WEBINAR_URL, lambda status, html: status == 500)
        assert status == 500 and f"{WEBINAR.removeprefix('content/')}:11" in html
        assert "inconnu-x" in html and "/livereload/" in html
        webinar.write_text(original, encoding="utf-8")
        status, html = server.poll(WEBINAR_URL, lambda code, html: is_site(code, html) and OLD_TITLE in html)
        assert is_site(status, html) and NEW_TITLE not in html
        server.wait_log(r"Rebuilt \d+ page\(s\) in", seen)
        assert NEW_TITLE not in server.get("/fr/webinaires/")[1]


def test_a_new_file_takes_the_full_rebuild_and_its_page_appears(demo_project: Path):
    with preview(demo_project, LoggedPreview) as server:
        assert is_site(*server.poll(WEBINAR_URL, is_site))
        seen = len(server.lines)
        added = demo_project / "content/fr/guides/nouveau-guide.md"
        text = "---\ntitle: Un guide tout neuf\ndescription: Pour voir.\n---\n\nTexte.\n"
        added.write_text(text, encoding="utf-8")
        status, html = server.poll("/fr/guides/nouveau-guide/", is_site)
        assert is_site(status, html) and "Un guide tout neuf" in html
        server.wait_log(r"Full rebuild", seen)
        assert "Un guide tout neuf" in server.get("/fr/guides/")[1]

        # Made a draft, it leaves the site: an edit in place that changes the site's pages.
        seen = len(server.lines)
        added.write_text(text.replace("---\n\n", "draft: true\n---\n\n"), encoding="utf-8")
        status, _ = server.poll("/fr/guides/nouveau-guide/", lambda status, html: status == 404)
        assert status == 404
        server.wait_log(r"Full rebuild: the edit changes the site's pages", seen)
        assert "Un guide tout neuf" not in server.get("/fr/guides/")[1]
