"""`cercle import`: the seed recaps, an HTML page and a WordPress export become entries that pass check."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from tests.conftest import cercle, write

# The seed recaps live in the steering repository's shared/ folder, beside this clone
# (CI clones it that way); CERCLE_SEEDS_DIR points elsewhere. They are not copied here.
_CANDIDATES = [
    Path(os.environ.get("CERCLE_SEEDS_DIR", "/nonexistent")),
    Path(__file__).resolve().parents[3] / "shared" / "seeds",
]
SEEDS = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[-1])
SEED_000 = next(SEEDS.glob("000_*.txt"), None)
SEED_004 = next(SEEDS.glob("004_*.txt"), None)
needs_seeds = pytest.mark.skipif(
    SEED_000 is None or SEED_004 is None, reason="../shared/seeds not present (set CERCLE_SEEDS_DIR)"
)


def fill_todos(path: Path) -> None:
    """The writer's review, as a rule: a date for `date: TODO`, real text for every other TODO value,
    then each `# TODO: review` note deleted (`cercle check` warns about those left)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("date: TODO"):
            line = "date: 2021-06-01"
        elif line.startswith(("TODO", "# TODO: review", "# speakers: []")):
            continue
        line = re.sub(r"  # TODO: review \(.*\)$", "", line)
        lines.append(line.replace('"TODO: ', '"'))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def imported(result_stdout: str, project: Path) -> list[Path]:
    # "Created content/…" or "Créé : content/…" (messages in CERCLE_LANG).
    found = re.findall(r"^(?:Created|Créé\s:) (content/\S+\.md)", result_stdout, re.MULTILINE)
    return [project / m for m in found]


@needs_seeds
def test_both_seeds_into_the_demo_reuse_known_speakers(demo_project: Path):
    speakers_before = (demo_project / "content/speakers.yml").read_text(encoding="utf-8")
    result = cercle(demo_project, "import", str(SEED_000), str(SEED_004))
    assert result.returncode == 0, result.output
    webinar, event = imported(result.stdout, demo_project)
    assert webinar.parent.name == "webinaires" and event.parent.name == "evenements"
    meta = front(webinar)
    assert meta["title"] == "Cercle vertueux des programmes ambassadeurs"
    assert str(meta["date"]) == "2022-10-13"
    assert meta["speakers"] == ["stephanie-ledoux", "patrice-laubignat"]
    assert meta["questions"] == [
        "Quel cercle vertueux ?",
        "Quels ingrédients pour le créer ?",
        "Comment le déployer et tenir dans le temps ?",
    ]
    text = webinar.read_text(encoding="utf-8")
    assert "# TODO: review" in text
    assert "\n## Le contexte vertueux du volontariat\n" in text and "\n- Recruter pour" in text
    meta = front(event)
    assert str(meta["date"]) == "2020-04-17"  # "Vendredi 17/04" + the year the recap mentions
    assert meta["speakers"] == ["joselito-tirados", "bastoun-talec", "said-el-bouzidi"]
    assert meta["title"].startswith("Les programmes ambassadeurs sont-ils des effets de mode")
    assert "\\#ShareeConf" not in event.read_text(encoding="utf-8").split("---")[-1].splitlines()[2]
    assert (demo_project / "content/speakers.yml").read_text(encoding="utf-8") == speakers_before
    for path in (webinar, event):
        fill_todos(path)
    check = cercle(demo_project, "check")
    assert check.returncode == 0, check.output


@needs_seeds
def test_seeds_into_a_hub_without_those_speakers_add_them(demo_project: Path):
    write(demo_project / "content/speakers.yml", "camille-moreau:\n  name: Camille Moreau\n")
    for path in (demo_project / "content").rglob("*.md"):  # the demo's own recaps name the old speakers
        if "speakers:" in path.read_text(encoding="utf-8"):
            path.unlink()
    result = cercle(demo_project, "import", str(SEED_000), str(SEED_004), env={"CERCLE_LANG": "fr"})
    assert result.returncode == 0, result.output
    assert "Nouveaux intervenants ajoutés à content/speakers.yml" in result.stdout
    registry = yaml.safe_load((demo_project / "content/speakers.yml").read_text(encoding="utf-8"))
    assert registry["stephanie-ledoux"]["name"] == "Stéphanie Ledoux"
    assert registry["stephanie-ledoux"]["role"]["fr"] == "directrice conseil"
    assert registry["stephanie-ledoux"]["organization"] == "The Social Republic"
    assert registry["patrice-laubignat"]["role"]["fr"] == "co-fondateur"
    assert registry["patrice-laubignat"]["organization"] == "Word About You"
    assert registry["stephanie-ledoux"]["role"]["en"].startswith("TODO")
    assert {"patrice-laubignat", "joselito-tirados", "bastoun-talec", "said-el-bouzidi"} <= set(registry)
    for path in imported(result.stdout, demo_project):
        fill_todos(path)
    fill_todos(demo_project / "content/speakers.yml")
    check = cercle(demo_project, "check", "--strict")
    assert check.returncode == 0, check.output


HTML = """<!doctype html><html lang="fr"><head><title>Mon site</title>
<meta name="description" content="Un webinaire sur l’écoute des ambassadeurs.">
<script src="https://tracker.example/t.js"></script></head>
<body><nav><a href="/">Accueil</a></nav><article>
<h1>Écouter ses ambassadeurs</h1><time datetime="2023-05-04T18:00">4 mai</time>
<p>Le webinaire du 4 mai avec Marie Dupont, responsable communauté chez Exemple,
en répondant à 2 questions :</p>
<ul><li>Pourquoi écouter ?</li><li>Comment écouter ?</li></ul>
<h2>Ce qui a été dit</h2><p>Du <strong>texte</strong> et <a href="https://example.org/">un lien</a>.</p>
<img src="https://images.example/photo.jpg" alt="photo">
</article><footer>© Exemple</footer></body></html>"""


def test_html_page(demo_project: Path, tmp_path: Path):
    source = write(tmp_path / "recap.html", HTML)
    result = cercle(demo_project, "import", str(source))  # fr: the site's first language
    assert result.returncode == 0, result.output
    [path] = imported(result.stdout, demo_project)
    assert path == demo_project / "content/fr/webinaires/ecouter-ses-ambassadeurs.md"
    meta = front(path)
    assert meta["title"] == "Écouter ses ambassadeurs" and str(meta["date"]) == "2023-05-04"
    assert meta["speakers"] == ["marie-dupont"] and meta["questions"] == [
        "Pourquoi écouter ?",
        "Comment écouter ?",
    ]
    assert meta["description"] == "Un webinaire sur l’écoute des ambassadeurs."
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "## Ce qui a été dit" in body and "**texte**" in body and "[un lien](https://example.org/)" in body
    assert "images.example" not in body and "tracker" not in body and "Accueil" not in body
    assert "Écouter ses ambassadeurs" not in body  # the h1 became the title
    fill_todos(path)
    fill_todos(demo_project / "content/speakers.yml")
    check = cercle(demo_project, "check")
    assert check.returncode == 0, check.output


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title>
<item><title>Webinaire : la confiance</title><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Un webinaire sur la confiance &amp; le volontariat.</p>
<h2>Idées</h2><ul><li>Un</li></ul>]]></content:encoded>
<excerpt:encoded><![CDATA[La confiance, clé des programmes.]]></excerpt:encoded>
<wp:post_date>2021-02-03 10:00:00</wp:post_date><wp:post_name>confiance</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="post_tag" nicename="confiance">confiance</category>
<category domain="category" nicename="uncategorized">Uncategorized</category></item>
<item><title>Brouillon de guide</title><content:encoded><![CDATA[
<p>Un guide en cours d’écriture pour les nouveaux ambassadeurs.</p>]]></content:encoded>
<wp:post_date>2021-03-01 10:00:00</wp:post_date><wp:status>draft</wp:status>
<wp:post_type>post</wp:post_type></item>
<item><title>logo.png</title><wp:post_type>attachment</wp:post_type></item>
</channel></rss>"""


def test_wordpress_export(demo_project: Path, tmp_path: Path):
    source = write(tmp_path / "export.xml", WXR)
    result = cercle(demo_project, "import", str(source))  # fr: the site's first language
    assert result.returncode == 0, result.output
    paths = imported(result.stdout, demo_project)
    assert [p.relative_to(demo_project / "content").as_posix() for p in paths] == [
        "fr/webinaires/webinaire-la-confiance.md",
        "fr/guides/brouillon-de-guide.md",
    ]
    webinar, guide = (front(p) for p in paths)
    assert str(webinar["date"]) == "2021-02-03" and webinar["tags"] == ["confiance"]
    assert webinar["description"] == "La confiance, clé des programmes."
    assert "confiance & le volontariat" in paths[0].read_text(encoding="utf-8")
    assert guide["draft"] is True
    fill_todos(paths[0])
    check = cercle(demo_project, "check")
    assert check.returncode == 0, check.output


def test_broken_inputs_are_one_line_errors(demo_project: Path, tmp_path: Path):
    broken = write(tmp_path / "broken.xml", WXR[:600])
    missing = tmp_path / "nope.txt"
    result = cercle(demo_project, "import", str(broken), str(missing))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in result.output
    assert "broken.xml: not a readable WordPress export (line" in lines[0]
    assert "nope.txt: cannot be read (No such file or directory)" in lines[1]


@needs_seeds
def test_refuses_to_overwrite_an_existing_entry(demo_project: Path):
    assert cercle(demo_project, "import", str(SEED_000)).returncode == 0
    again = cercle(demo_project, "import", str(SEED_000))
    assert again.returncode == 1
    assert "cercle-vertueux-des-programmes-ambassadeurs.md already exists" in again.stderr


ROUND_TABLE = """Retour sur la table ronde « Ambassadeurs et confiance »
12 juin 2024

Le 11 juin dernier, la table ronde organisée à Lyon réunissait Claire Martin, directrice de la \
communication chez Acme, et Paul Durand (Les Ateliers du Lien).
Claire Martin a ouvert les échanges : « Un ambassadeur ne se décrète pas, il se reconnaît dans ce \
que l’organisation fait vraiment. »
Paul Durand a ensuite présenté les résultats de son enquête.
"""


def test_round_table_is_an_event_with_speakers_quotes_and_review_lines(demo_project: Path, tmp_path: Path):
    source = write(tmp_path / "table-ronde.txt", ROUND_TABLE)
    result = cercle(demo_project, "import", str(source), "--lang", "fr")
    assert result.returncode == 0, result.output
    [path] = imported(result.stdout, demo_project)
    assert path.parent.name == "evenements"
    meta = front(path)
    assert meta["title"] == "Retour sur la table ronde « Ambassadeurs et confiance »"
    assert str(meta["date"]) == "2024-06-11" and meta["type"] == "event"
    assert meta["speakers"] == ["claire-martin", "paul-durand"]
    assert meta["quotes"] == [
        {
            "text": "Un ambassadeur ne se décrète pas, il se reconnaît dans ce que l’organisation fait "
            "vraiment.",
            "by": "claire-martin",
        }
    ]
    assert meta["description"].startswith("Le 11 juin dernier, la table ronde")
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert "12 juin 2024" not in body and "Retour sur la table ronde" not in body.splitlines()[2]
    registry = yaml.safe_load((demo_project / "content/speakers.yml").read_text(encoding="utf-8"))
    assert registry["claire-martin"]["organization"] == "Acme"
    assert registry["claire-martin"]["role"]["fr"] == "directrice de la communication"
    assert registry["paul-durand"]["organization"] == "Les Ateliers du Lien"
    rel = path.relative_to(demo_project).as_posix()
    numbered = text.splitlines()
    review = [n for n, line in enumerate(numbered, start=1) if "# TODO: review (" in line]
    # `--lang fr` makes the messages French too, with French spacing before the colon.
    listed = re.findall(rf"^  {re.escape(rel)}:(\d+)\s?: ", result.stdout, re.MULTILINE)
    assert [int(n) for n in listed] == review and len(review) >= 5
    assert re.search(r"^  content/speakers\.yml:\d+\s?: en$", result.stdout, re.MULTILINE)
