"""Hostile and broken content for the hostile-input gate (test_hostile.py).

`hostile_project` is the demo with every text field of front matter, speakers.yml and
topics.yml carrying strings that try to break out of their context: it is VALID content
and must build. `broken_project` is the demo plus files that are wrong in every way a
maintainer (or an attacker's pull request) can make them: each must be reported with its
file name, never as a traceback. Big files are made at test time, never committed.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from tests.conftest import copy_demo, write

# Each payload marks what it would inject (class "pwned", window.__pwned, an alert), so a
# browser can tell if any of it ran or became an element.
PAYLOADS = (
    "<script>window.__pwned=1;alert('script')</script>",
    '"><img src=x class=pwned onerror="window.__pwned=1;alert(\'img\')">',
    "'><svg class=pwned onload=alert('svg')>",
    "</script><b class=pwned>out</b><script>alert('close')</script>",
    "]]></title><pwned/> {{ 7*7 }} {% raw %}",
)
EMOJI_RTL = "🙂👩🏽‍💻 مرحبا بالعالم שלום ‮evil‬"
HOSTILE = " ".join(PAYLOADS)  # 293 characters: for fields without a length limit
SHORT = PAYLOADS[0] + " " + PAYLOADS[1]  # fits a 200-character description
HUGE_TITLE = ("Titre immense " * 800)[:10_000]
ICS_BREAKOUT = "Ligne\nX-PWNED:1\r\nEND:VEVENT\nBEGIN:VALARM <script>alert(1)</script>"

FR_WEBINAR = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
EN_WEBINAR = "en/webinars/virtuous-circle-ambassador-programs.md"
FR_EVENT = "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe.md"
FR_GUIDE = "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires.md"

# Pages of the hostile build that show the strings (the browser gate loads each).
HOSTILE_PAGES = (
    "fr/",
    "en/",
    "fr/webinaires/",
    "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/",
    "en/webinars/virtuous-circle-ambassador-programs/",
    "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/",
    "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/",
    "fr/intervenants/hostile/",
    "en/speakers/hostile/",
    "fr/themes/hostile/",
    "fr/themes/",
)


def split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def join_front_matter(path: Path, meta: dict, body: str) -> None:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")


def _hostile_entry(meta: dict, tag: str) -> dict:
    """Every text field of an entry's front matter carries the payloads (tagged per field)."""
    meta = dict(meta)
    meta["title"] = f"{tag} title {HOSTILE} {EMOJI_RTL}"
    meta["description"] = f"{tag} {SHORT}"[:200]
    meta["tags"] = [f"{tag} {p}" for p in PAYLOADS[:3]]
    meta["topics"] = [*meta.get("topics", []), "hostile"]
    if "speakers" in meta:
        meta["speakers"] = [*meta["speakers"], "hostile"]
    if meta.get("image"):
        meta["image_alt"] = f"{tag} alt {HOSTILE}"
    share = dict(meta.get("share") or {})
    share["text"] = f"{tag} share {SHORT} {EMOJI_RTL}"
    share["variants"] = [f"{tag} variant {PAYLOADS[3]}"]
    meta["share"] = share
    if "questions" in meta:
        meta["questions"] = [f"{tag} question {p}" for p in PAYLOADS]
    if "chapters" in meta:
        meta["chapters"] = [
            {"at": c["at"], "title": f"{tag} chapter {PAYLOADS[i % len(PAYLOADS)]}"}
            for i, c in enumerate(meta["chapters"])
        ]
    if "quotes" in meta:
        meta["quotes"] = [{"text": f"{tag} quote {PAYLOADS[3]} {EMOJI_RTL}", "by": "hostile"}]
    if "resources" in meta:
        meta["resources"] = [
            {**r, "title": f"{tag} resource {HOSTILE}", "description": f"{tag} about {HOSTILE}"}
            for r in meta["resources"]
        ]
    if "place" in meta:
        meta["place"] = f"{tag} place {HOSTILE}"
    return meta


def hostile_project(dest: Path) -> Path:
    """The demo with hostile-but-valid strings in every text field; it must build."""
    project = copy_demo(dest)
    content = project / "content"
    for i, rel in enumerate((FR_WEBINAR, EN_WEBINAR, FR_EVENT, FR_GUIDE)):
        meta, body = split_front_matter(content / rel)
        join_front_matter(content / rel, _hostile_entry(meta, f"H{i}"), body)
    # Line breaks that try to add iCalendar properties (and end the event early).
    meta, body = split_front_matter(content / FR_EVENT)
    meta["description"] = ICS_BREAKOUT
    join_front_matter(content / FR_EVENT, meta, body)
    # A guide with a 10,000-character title, emoji and right-to-left text in its body.
    write(
        content / "fr" / "guides" / "titre-immense.md",
        f"---\ntitle: {HUGE_TITLE!r}\ndescription: {EMOJI_RTL!r}\ntopics: [hostile]\n---\n\n{EMOJI_RTL}\n",
    )
    speakers = yaml.safe_load((content / "speakers.yml").read_text(encoding="utf-8"))
    speakers["hostile"] = {
        "name": f"Speaker {PAYLOADS[1]}",
        "organization": f"Org {PAYLOADS[0]}",
        "role": {"fr": f"Rôle {HOSTILE}", "en": f"Role {HOSTILE}"},
        "bio": {"fr": f"Bio {HOSTILE} {EMOJI_RTL}", "en": f"Bio {HOSTILE}"},
        "links": [{"label": f"Link {HOSTILE}", "url": 'https://example.org/?q=<b>&x="1"'}],
    }
    (content / "speakers.yml").write_text(yaml.safe_dump(speakers, allow_unicode=True), encoding="utf-8")
    topics = yaml.safe_load((content / "topics.yml").read_text(encoding="utf-8"))
    topics["hostile"] = {
        "label": {"fr": f"Thème {PAYLOADS[1]}", "en": f"Topic {PAYLOADS[0]}"},
        "description": {"fr": f"Description {HOSTILE}", "en": f"About {HOSTILE}"},
    }
    (content / "topics.yml").write_text(yaml.safe_dump(topics, allow_unicode=True), encoding="utf-8")
    return project


# --- a hostile body: raw HTML that would run script or call other sites ----------------------

HOSTILE_BODY_PAGE = "fr/guides/corps-hostile.md"
EMBED_ORIGIN = "https://www.youtube-nocookie.com"
EMBED = f'<iframe src="{EMBED_ORIGIN}/embed/abc123" title="Vidéo de démonstration"></iframe>'
# Line in the file → the raw HTML on it (lines 1-4: front matter and a blank line).
HOSTILE_BODY = {
    5: "Une page dont le texte essaie de charger d’autres sites.",
    7: '<script src="https://cdn.example.com/analytics.js"></script>',
    9: '<img src="https://tracker.example.net/pixel.gif" alt="">',
    11: '<a href="javascript:alert(1)">lien</a> et <b onclick="alert(1)">gras</b>',
    13: '<div style="background: url(https://tracker.example.net/bg.png)">fond</div>',
    15: EMBED,
}


def hostile_body_project(dest: Path, *, embed_only: bool = False, allowed: tuple[str, ...] = ()) -> Path:
    """The demo plus a guide whose body is hostile raw HTML (or only an embed), `allowed` origins."""
    project = copy_demo(dest)
    lines = {5: HOSTILE_BODY[5], 15: EMBED} if embed_only else HOSTILE_BODY
    body = "\n".join(lines.get(n, "") for n in range(5, 16))
    write(project / "content" / HOSTILE_BODY_PAGE, f"---\ntitle: Corps hostile\n---\n\n{body}\n")
    if allowed:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        hub = "  - cercle/hub:\n      languages: [fr, en]\n"
        assert hub in text
        listed = ", ".join(allowed)
        config.write_text(text.replace(hub, f"{hub}      allowed_origins: [{listed}]\n"), encoding="utf-8")
    return project


# --- broken content ------------------------------------------------------------------------

GUIDE = "---\ntitle: {title}\ndescription: Un guide.\n{extra}---\n\nCorps.\n"


def big_image(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """A real PNG, padded to `size` bytes (sparse: costs no disk), so readers meet its size."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 64), "#283593").save(path, "PNG")
    with path.open("r+b") as f:
        f.truncate(size)
    return path


def bomb_image(path: Path) -> Path:
    """A small file that claims 30,000 × 30,000 pixels (a decompression bomb)."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("1", (30_000, 30_000)).save(path, "PNG", optimize=True)
    return path


def broken_project(dest: Path, outside: Path) -> tuple[Path, dict[str, str]]:
    """The demo plus broken files; returns {file under content/: what is wrong}. `outside`
    is a folder beside the project that symlinks point to (it must stay unread)."""
    project = copy_demo(dest)
    content = project / "content"
    guides = content / "fr" / "guides"
    cases: dict[str, str] = {}

    def guide(name: str, what: str, title: str = "Un guide", extra: str = "") -> None:
        write(guides / name, GUIDE.format(title=title, extra=extra))
        cases[f"fr/guides/{name}"] = what

    write(guides / "yaml-casse.md", '---\ntitle: "pas fermé\ntopics: [a, b\n  : - x\n---\nCorps.\n')
    cases["fr/guides/yaml-casse.md"] = "malformed YAML"
    write(guides / "pas-de-fin.md", "---\ntitle: Sans fin\n\nCorps sans fin de front matter.\n")
    cases["fr/guides/pas-de-fin.md"] = "unterminated front matter"
    write(guides / "liste.md", "---\n- a\n- b\n---\nCorps.\n")
    cases["fr/guides/liste.md"] = "front matter is a list"
    guide("types.md", "wrong types", title="[1, 2]", extra="featured: peut-être\ntopics: 5\ndate: demain\n")
    guide("inconnu.md", "unknown field", extra="couleur: rouge\n")
    guide("image-js.md", "javascript: image", extra="image: 'javascript:alert(1)'\nimage_alt: x\n")
    guide("image-data.md", "data: image", extra="image: 'data:image/png;base64,AAAA'\nimage_alt: x\n")
    guide("image-dehors.md", "image outside content", extra="image: ../../outside/secret.png\nimage_alt: x\n")
    guide("image-bombe.md", "decompression bomb", extra="image: media/bomb.png\nimage_alt: Bombe\n")
    guide("image-enorme.md", "50 MB image", extra="image: media/huge.png\nimage_alt: Énorme\n")
    big_image(content / "media" / "huge.png")
    bomb_image(content / "media" / "bomb.png")
    (guides / "latin1.md").write_bytes("---\ntitle: Été\n---\n\nCorps accentué.\n".encode("latin-1"))
    cases["fr/guides/latin1.md"] = "not UTF-8"
    write(outside / "secret.md", "---\ntitle: Secret\n---\nHors de content/.\n")
    write(outside / "secret.png", "not an image")
    os.symlink(outside / "secret.md", guides / "lien-dehors.md")
    cases["fr/guides/lien-dehors.md"] = "symlink out of content/"

    webinars = content / "fr" / "webinaires"
    (content / "media" / "corrompu.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4096) + b"\n%%EOF\n")
    write(
        webinars / "urls-hostiles.md",
        "---\ntitle: URLs hostiles\ndate: 2023-01-01\nvideo: 'javascript:alert(1)'\n"
        "registration: 'data:text/html,<script>alert(1)</script>'\n"
        "slides: media/corrompu.pdf\ntranscript: ../../outside/secret.md\n"
        "resources:\n  - {title: Piège, url: 'JaVaScRiPt:alert(1)'}\n"
        "chapters:\n  - {at: 'x:y', title: Chapitre}\n"
        "---\n\nCorps.\n",
    )
    cases["fr/webinaires/urls-hostiles.md"] = "javascript:/data: URLs, corrupt PDF, bad chapter"
    return project, cases


def broken_registries(dest: Path) -> Path:
    """The demo with a malformed speakers.yml and a wrongly typed topics.yml."""
    project = copy_demo(dest)
    content = project / "content"
    (content / "speakers.yml").write_text(
        "stephanie-ledoux:\n  name: [unclosed\n  role: x\n", encoding="utf-8"
    )
    (content / "topics.yml").write_text(
        "volontariat: 12\nconfiance:\n  label: {fr: Confiance}\n  links: 'javascript:alert(1)'\n",
        encoding="utf-8",
    )
    return project


# --- snapshots ---------------------------------------------------------------------------


def snapshot(root: Path, exclude: tuple[str, ...] = ("site", ".cache")) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file and folder under root, except inside folders named in
    `exclude` (the build's output and caches). Symlinks are recorded, not followed."""
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in exclude]
        for name in dirs:  # a folder's mtime moves when site/ appears in it: presence only
            found[(Path(folder) / name).relative_to(root).as_posix() + "/"] = (0, 0)
        for name in files:
            path = Path(folder) / name
            st = path.lstat()
            found[path.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return found
