"""Links and images in bodies: `cercle check` and the build apply the same rules.

Paths written relative to content/ (as in the front matter) or to the page both build and
resolve in the site; what leads nowhere is a Cercle error with file:line and a suggestion,
before MkDocs could print its own warning.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from tests.conftest import cercle, mkdocs_build, write
from tests.html import page, unresolved_links

GOOD = """---
title: "Des liens"
description: "Une page avec des liens et des images."
---

## Les images

![Photo](media/photo.jpg) et ![Photo](/media/photo.jpg) et ![Photo](../../media/photo.jpg)

[lexique](fr/guides/lexique-ambassadeur.md), [encore](lexique-ambassadeur.md#ambassadeur),
[en anglais](/en/guides/why-ambassadors-are-volunteers.md#networks-that-belong-to-private-life),
[accueil](../index.md), [thème](fr/themes/confiance/index.md), [ici](#les-images) et [réf][r].

<p><img src="media/photo.jpg" alt="Photo" width="100"> <a href="lexique-ambassadeur.md">lexique</a></p>

<div markdown>
[dans un bloc](/fr/guides/lexique-ambassadeur.md)
</div>

Du code : `[non](nope.md)`

```
[non](nope.md) ![non](nope.jpg) <img src="nope.png">
```

[r]: media/photo.jpg "Titre"
"""

BROKEN = """---
title: "Broken links"
description: "A page with broken links."
---

![Photo](media/foto.jpg) and [lexicon](../guides/lexique-ambassadeur.md)

[out](../../../README.md) and [topic](../../fr/themes/confiance/)

<img src="media/nope.png"> and [anchor](why-ambassadors-are-volunteers.md#mutual-colaboration)

[same page](#nowhere) [y][r]

[r]: ../../media/photo.jpeg

Coming: [soon](en/guides/soon.md).
"""


def with_photo(project: Path) -> Path:
    Image.new("RGB", (8, 8), "red").save(project / "content/media/photo.jpg")
    return project


def test_both_ways_of_writing_a_path_build_and_resolve(demo_project: Path):
    write(with_photo(demo_project) / "content/fr/guides/liens.md", GOOD)
    check = cercle(demo_project, "check", "--strict")
    assert check.returncode == 0, check.output
    build = mkdocs_build(demo_project)
    assert build.returncode == 0, build.output
    site = demo_project / "site"
    count, broken = unresolved_links(site, "fr/guides/liens/")
    assert broken == [] and count >= 12
    html = (site / "fr/guides/liens/index.html").read_text(encoding="utf-8")
    assert html.count('src="../../../media/photo.jpg"') == 4  # three images and the raw <img>
    assert 'href="../../../media/photo.jpg"' in html  # the reference link
    assert 'href="../lexique-ambassadeur/#ambassadeur"' in html
    assert "nope.md" in html  # code is left as written
    root = page(site, "fr/guides/liens/")
    assert [a.get("href") for a in root.iter("a") if a.text == "dans un bloc"] == ["../lexique-ambassadeur/"]


def test_what_leads_nowhere_is_a_cercle_error_at_its_line(demo_project: Path):
    write(with_photo(demo_project) / "content/en/guides/broken.md", BROKEN)
    write(demo_project / "content/en/guides/soon.md", '---\ntitle: "Soon"\ndraft: true\n---\n\nLater.\n')
    check = cercle(demo_project, "check")
    assert check.returncode == 1
    rel = "content/en/guides/broken.md"  # from the repository's root
    expected = {
        (6, "error", "'media/foto.jpg'", "did you mean 'media/photo.jpg'"),
        (6, "error", "'../guides/lexique-ambassadeur.md'", "did you mean 'fr/guides/lexique-ambassadeur.md'"),
        (8, "error", "'../../../README.md' leads outside content/", ""),
        (8, "error", "'../../fr/themes/confiance/' names no file", "mean 'fr/themes/confiance/index.md'"),
        (10, "error", "'media/nope.png'", ""),
        (10, "warning", "mutual-colaboration", "did you mean 'mutual-collaboration'"),
        (12, "warning", "'#nowhere'", ""),
        (14, "error", "'../../media/photo.jpeg'", "did you mean 'media/photo.jpg'"),
        (16, "error", "content/en/guides/soon.md, which is not published (draft: true)", ""),
    }
    lines = [line for line in check.stdout.splitlines() if line.startswith(rel)]
    assert len(lines) == len(expected), check.stdout
    for number, kind, what, hint in expected:
        assert any(
            line.startswith(f"{rel}:{number}: {kind}:") and what in line and hint in line for line in lines
        ), (number, what, check.stdout)

    build = mkdocs_build(demo_project)
    assert build.returncode == 1
    # The build's messages follow the locale here (no messages_language in the demo): English.
    assert "en/guides/broken.md:6: error:" in build.output and "'media/foto.jpg'" in build.output
    assert "Doc file" not in build.output  # no raw MkDocs warning
    assert not (demo_project / "site").exists()  # stopped before MkDocs wrote anything


def test_the_writer_guides_old_image_example_now_builds(demo_project: Path):
    """The guide said `![description](media/picture.jpg)`: check passed, then the build failed."""
    Image.new("RGB", (8, 8), "blue").save(demo_project / "content/media/picture.jpg")
    path = demo_project / "content/en/guides/why-ambassadors-are-volunteers.md"
    text = path.read_text(encoding="utf-8") + "\n![description](media/picture.jpg)\n"
    path.write_text(text, encoding="utf-8")
    assert cercle(demo_project, "check", "--strict").returncode == 0
    build = mkdocs_build(demo_project)
    assert build.returncode == 0, build.output
    assert unresolved_links(demo_project / "site", "en/guides/why-ambassadors-are-volunteers/")[1] == []
