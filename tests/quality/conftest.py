"""Fixtures of the quality gates (tests/quality).

The browser fixtures (`browser`, `page`, `serve_dir`) are tests/browser/fixtures.py's, a
plugin of tests/conftest.py, so one Chromium serves both folders: `chromium_path` FAILS
under CI=true when Chromium is missing, so the browser gates fail rather than skip in CI.
Every test here that uses the browser is marked `browser`.

`served_demo` (tests/conftest.py, session, one per xdist worker) is the demo built for the
origin of the static server that serves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property-based tests keep no example database in the working tree; each example may be a build.
settings.register_profile("cercle", database=None, deadline=None, print_blob=True)
settings.load_profile("cercle")

_HERE = Path(__file__).resolve().parent
_BROWSER_FIXTURES = {"browser", "page", "chromium_path", "quality_page"}

# Every page type of the demo hub, in both languages (the root chooser and 404 are single).
PAGE_TYPES: dict[str, str] = {
    "root": "",
    "404": "404.html",
    "home-fr": "fr/",
    "home-en": "en/",
    "webinars-fr": "fr/webinaires/",
    "webinars-en": "en/webinars/",
    "events-fr": "fr/evenements/",
    "events-en": "en/events/",
    "guides-fr": "fr/guides/",
    "guides-en": "en/guides/",
    "webinar-past-fr": "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/",
    "webinar-past-en": "en/webinars/virtuous-circle-ambassador-programs/",
    "webinar-upcoming-fr": "fr/webinaires/faire-vivre-programme-ambassadeurs-dans-la-duree/",
    "webinar-upcoming-en": "en/webinars/keeping-ambassador-program-alive-over-time/",
    "event-fr": "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/",
    "event-en": "en/events/ambassador-programs-fad-or-change-in-society/",
    "guide-fr": "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/",
    "guide-en": "en/guides/why-ambassadors-are-volunteers/",
    "topics-fr": "fr/themes/",
    "topics-en": "en/topics/",
    "topic-fr": "fr/themes/volontariat/",
    "topic-en": "en/topics/volunteering/",
    "speakers-fr": "fr/intervenants/",
    "speakers-en": "en/speakers/",
    "speaker-fr": "fr/intervenants/stephanie-ledoux/",
    "speaker-en": "en/speakers/stephanie-ledoux/",
    "accessibility-fr": "fr/accessibilite/",
    "accessibility-en": "en/accessibility/",
    "sitemap-fr": "fr/plan-du-site/",
    "sitemap-en": "en/site-map/",
    "to-share-fr": "fr/a-partager/",
    "to-share-en": "en/to-share/",
    "privacy-fr": "fr/aucune-mesure/",
    "privacy-en": "en/measures-nothing/",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real Chromium through Playwright")
    config.addinivalue_line("markers", "locale(name): browser context locale for the `page` fixture")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        here = _HERE in Path(str(item.path)).resolve().parents
        if here and _BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def java() -> str:
    """Java for the offline HTML5 validator; FAILS under CI=true when missing, else skips."""
    import os
    import shutil

    found = shutil.which("java")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("java not found; `make test` installs it (scripts/ensure-java.sh)")
    pytest.skip("java not found; run `make test` as root or: apt-get install -y default-jre-headless")
