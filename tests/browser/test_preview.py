"""`cercle serve` in Chromium: the open page turns into the problems' list and back by itself."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli_serve import EVENT, EVENT_SHOWN, GUIDE_FR, break_speaker, is_site, preview


def test_the_open_page_follows_the_break_and_the_fix_without_a_reload(demo_project: Path, page) -> None:
    with preview(demo_project) as server:
        assert is_site(*server.poll(GUIDE_FR, is_site))
        page.goto(server.base + GUIDE_FR)
        page.wait_for_selector("[data-pagefind-body]", timeout=10_000)

        original = break_speaker(demo_project)
        # MkDocs' reload script in the site's page brings the error page, in the page's language.
        page.wait_for_selector("h1:has-text('L’aperçu est en pause')", timeout=60_000)
        assert f"{EVENT_SHOWN}:10" in page.content()

        (demo_project / EVENT).write_text(original, encoding="utf-8")
        # ... and the error page's copy of the script brings the site back.
        page.wait_for_selector("[data-pagefind-body]", timeout=60_000)
        assert "L’aperçu est en pause" not in page.content()
