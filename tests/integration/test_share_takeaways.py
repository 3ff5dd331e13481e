"""Key takeaways as ready-made posts in the share block (#15), read from real builds."""

from __future__ import annotations

import re

from tests.conftest import cercle, mkdocs_build
from tests.html import by_class, page, text

WEBINAR = {
    "fr": "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/",
    "en": "en/webinars/virtuous-circle-ambassador-programs/",
}
DISCLOSURE = {"fr": "Je travaille chez Cercle.", "en": "I work at Cercle."}
HEADING = {"fr": "Points clés à partager", "en": "Key takeaways to share"}
SOURCE_EN = "content/en/webinars/virtuous-circle-ambassador-programs.md"
HOSTILE = "<img src=x onerror=alert(1)> {{ 7*7 }} &amp;"
LONG = "A takeaway that goes on and on about volunteering and shared strategies " * 4


def test_each_takeaway_is_a_post_with_the_link_and_the_disclosure(demo_site):
    for lang, url in WEBINAR.items():
        root = page(demo_site, url)
        said = [text(li) for li in by_class(root, "cercle-takeaways")[0].iter("li")]
        block = by_class(root, "cercle-share")[0]
        posts = by_class(block, "cercle-share__takeaway")
        assert len(posts) == len(said) == 3
        assert HEADING[lang] in text(block)
        for number, (figure, takeaway) in enumerate(zip(posts, said, strict=True), start=1):
            post = by_class(figure, "cercle-share__post")[0]
            body = text(post)
            # The takeaway as the page says it (French typography included), the page's
            # link with the campaign tags, the hub's disclosure line last.
            assert body.startswith(takeaway)
            assert f"https://cercle.example.org/{url}?utm_campaign=ambassadors" in body
            assert body.endswith(DISCLOSURE[lang])
            button = figure.find(".//button")
            assert button.get("data-cercle-copy") == post.get("id") == f"cercle-share-takeaway-{number}"
            assert button.get("aria-label").endswith(str(number))


def test_long_takeaway_is_warned_with_file_and_line_and_no_disclosure_when_off(demo_project):
    path = demo_project / SOURCE_EN
    source = path.read_text(encoding="utf-8")
    source = source.replace(
        "resources:\n",
        f'  - "{LONG.strip()}"\n  - text: "Le cercle devient vertueux."\n    lang: fr\n'
        f'  - "{HOSTILE}"\nresources:\n',
        1,
    )
    source = source.replace(
        "share:\n  from: 2026-10-01\n", "share:\n  disclosure: false\n  from: 2026-10-01\n", 1
    )
    source = source.replace("  until: 2026-11-10\n", "  until: 2099-12-31\n", 1)  # on "To share" today
    path.write_text(source, encoding="utf-8")
    line = source.splitlines().index(f'  - "{LONG.strip()}"') + 1
    result = cercle(demo_project, "check")
    found = re.findall(
        rf"{re.escape(SOURCE_EN.removeprefix('content/'))}:(\d+): warning: takeaways\.3: (.*)", result.stdout
    )
    assert found and {int(n) for n, _ in found} == {line}, result.stdout
    assert any("takeaway too long to post on X" in said for _, said in found)
    assert not re.search(r"takeaways\.[0-245]:", result.stdout)  # the short ones pass
    build = mkdocs_build(demo_project, strict=False)
    assert build.returncode == 0, build.output
    block = by_class(page(demo_project / "site", WEBINAR["en"]), "cercle-share")[0]
    posts = [by_class(f, "cercle-share__post")[0] for f in by_class(block, "cercle-share__takeaway")]
    assert len(posts) == 6 and not any("I work at" in text(p) for p in posts)
    assert text(posts[5]).startswith(HOSTILE) and not block.findall(".//img[@onerror]")  # text, not HTML
    other = posts[4].find("span")  # written in French on an English page: marked as such
    assert other is not None and other.get("lang") == "fr" and text(other) == "Le cercle devient vertueux."
    assert text(posts[4]).endswith("utm_source=link")
    # The "To share" page offers them too, in the entry's block, with ids of their own.
    to_share = page(demo_project / "site", "en/to-share/")
    block = next(
        b for b in by_class(to_share, "cercle-share") if "virtuous circle" in text(b.find("h2")).lower()
    )
    ids = [by_class(f, "cercle-share__post")[0].get("id") for f in by_class(block, "cercle-share__takeaway")]
    assert len(ids) == 6 and all(re.fullmatch(r"cercle-share-\d+-takeaway-[1-6]", i) for i in ids)
