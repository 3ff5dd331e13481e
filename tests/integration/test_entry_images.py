"""An entry's `image` reaches readers through the copies cercle/cards makes of it: the video
poster and JSON-LD use them, and the original is published only when some text links to it."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image
from tests.conftest import mkdocs_build, warm_copy
from tests.html import by_class, page

from cercle.cards.originals import mentioned_names

EVENT_FILE = "content/en/events/ambassador-programs-fad-or-change-in-society.md"
EVENT_EN = "en/events/ambassador-programs-fad-or-change-in-society/"
GUIDE_FILE = "content/en/guides/why-ambassadors-are-volunteers.md"
GUIDE_EN = "en/guides/why-ambassadors-are-volunteers/"
SITE = "https://cercle.example.org/"


def photo(path: Path, size: tuple[int, int] = (1600, 900)) -> None:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=95)


def add_front_matter(path: Path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n", f"\n{lines}---\n", 1), encoding="utf-8")


def target(site: Path, page_url: str, href: str) -> Path:
    return site / urljoin(f"http://x/{page_url}", href).removeprefix("http://x/")


@pytest.fixture(scope="module")
def site(tmp_path_factory, demo_site) -> Path:
    project = warm_copy(tmp_path_factory.mktemp("images"), demo_site)
    photo(project / "content/media/hall.jpg")
    photo(project / "content/media/stage photo.jpg")
    event = project / EVENT_FILE  # a replay without slides: its image is the poster
    add_front_matter(event, "video: https://vimeo.com/76979871\nimage: media/hall.jpg\nimage_alt: The hall\n")
    guide = project / GUIDE_FILE  # an image its body also links to, by a percent-encoded path
    add_front_matter(guide, "image: media/stage photo.jpg\nimage_alt: The stage\n")
    with guide.open("a", encoding="utf-8") as body:
        body.write("\n[The stage, full size](../../media/stage%20photo.jpg)\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    return project / "site"


def test_the_poster_is_the_images_copies_and_the_original_stays_out(site):
    root = page(site, EVENT_EN)
    img = by_class(root, "cercle-video__poster")[0].find(".//img")
    assert img.get("fetchpriority") == "high" and img.get("alt") == ""
    sources = [img.get("src")] + [part.split()[0] for part in img.get("srcset").split(", ")]
    assert len(sources) == 4 and all("assets/pictures/" in s and s.endswith(".webp") for s in sources)
    assert all(target(site, EVENT_EN, s).is_file() for s in sources)
    graph = next(
        json.loads(s.text)["@graph"] for s in root.iter("script") if s.get("type") == "application/ld+json"
    )
    video = next(n for n in graph if n["@type"] == "VideoObject")
    [thumbnail] = video["thumbnailUrl"]
    assert thumbnail.startswith(f"{SITE}assets/pictures/") and thumbnail.endswith("-1200.jpg")
    assert (site / thumbnail.removeprefix(SITE)).is_file()
    assert not (site / "media/hall.jpg").exists()  # shown by its copies only: not published
    assert "media/hall.jpg" not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_an_original_a_body_links_to_is_still_published(site):
    assert (site / "media/stage photo.jpg").is_file()
    link = next(a for a in page(site, GUIDE_EN).iter("a") if "stage" in (a.get("href") or ""))
    assert target(site, GUIDE_EN, link.get("href").replace("%20", " ")).is_file()


def test_file_names_are_found_in_any_form_and_in_bounded_time():
    texts = [
        '![a](media/Hall.JPG) <img src="x/stage%20photo.jpeg"> url(../poster.webp)',
        "a" * 50_000 + ".png",  # one huge hostile word: read backwards 255 characters at most
        "not an image: notes.txt, jpg alone, .png",
    ]
    names = mentioned_names(texts)
    assert {"hall.jpg", "photo.jpeg", "poster.webp", "a" * 255 + ".png"} <= names
    assert not any("notes" in n for n in names)
