"""The monthly digest in Chromium at 600 px: it fits, its pictures load, its band is the brand's."""

from __future__ import annotations

import io

from PIL import Image

SITE = "https://cercle.example.org/"
DIGEST = "fr/a-partager/digest-fr-2026-11.html"


def test_digest_renders_at_600_px_with_its_pictures(browser, serve_dir, demo_site, tmp_path):
    base = serve_dir(demo_site)
    context = browser.new_context(viewport={"width": 600, "height": 900}, locale="fr-FR")
    try:
        page = context.new_page()

        # The email's addresses are absolute (the published hub): answer them from the built site.
        def from_site(route) -> None:
            path = demo_site / route.request.url.removeprefix(SITE).split("?")[0]
            if path.is_file():
                route.fulfill(path=str(path))
            else:
                route.abort()

        page.route(f"{SITE}**", from_site)
        page.goto(f"{base}/{DIGEST}")
        page.wait_for_function("[...document.images].every(i => i.complete)")
        assert page.evaluate("[...document.images].every(i => i.naturalWidth > 0)")
        assert page.evaluate("document.images.length") == 5  # every window touching November
        assert page.evaluate("document.documentElement.scrollWidth") <= 600  # no sideways scrolling
        widths = page.evaluate("[...document.images].map(i => i.getBoundingClientRect().width)")
        assert all(500 <= w <= 552 for w in widths), widths
        shot = page.screenshot(full_page=True)
        (tmp_path / "digest-600.png").write_bytes(shot)  # to look at: pytest --basetemp
        with Image.open(io.BytesIO(shot)) as image:
            assert image.width == 600 and image.height > 1500
            assert image.convert("RGB").getpixel((300, 30)) == (0x28, 0x35, 0x93)  # the brand band
        assert page.get_by_text("À partager en novembre 2026").is_visible()
    finally:
        context.close()
