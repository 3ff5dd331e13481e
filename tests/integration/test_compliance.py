"""Compliance pages of real builds: the accessibility statement (RGAA 4.1) in both languages,
the footer mention and links on every page, the site map (complete, split by year past its
size), and `lang` on quotes, questions and takeaways written in another language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from tests.conftest import cercle, copy_demo, mkdocs_build, write
from tests.html import by_class, is_redirect, page, parse, text

STATEMENT = {"fr": "fr/accessibilite/", "en": "en/accessibility/"}
SITE_MAP = {"fr": "fr/plan-du-site/", "en": "en/site-map/"}
NBSP = "\u00a0"
FR_WEBINAR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"


def target(site: Path, page_url: str, href: str) -> Path:
    """The file a relative link of a page leads to."""
    url = urljoin(f"http://x/{page_url}", href).removeprefix("http://x/").split("#")[0]
    return site / url / "index.html" if not url.endswith(".html") else site / url


def page_url(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return rel.removesuffix("index.html") if rel.endswith("index.html") else rel


def set_accessibility(project: Path, facts: dict | None) -> None:
    config = project / "mkdocs.yml"
    data = config.read_text(encoding="utf-8")
    start = data.index("      accessibility:\n")
    end = data.index("  - cercle/cards")
    block = ""
    if facts is not None:
        dumped = yaml.safe_dump({"accessibility": facts}, allow_unicode=True, sort_keys=False)
        block = "".join(f"      {line}\n" for line in dumped.splitlines())
    config.write_text(data[:start] + block + data[end:], encoding="utf-8")


def spaced(el) -> str:
    """An element's text with ASCII white space collapsed, its no-break spaces kept."""
    return re.sub(r"[ \t\r\n]+", " ", " ".join(el.itertext())).strip()


def statement_text(site: Path, lang: str) -> str:
    return spaced(page(site, STATEMENT[lang]).find(".//article"))


# -- the statement ----------------------------------------------------------------------------

REQUIRED = {
    "fr": [
        "Déclaration d’accessibilité",
        "État de conformité",
        "est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA)",
        "L’audit de conformité réalisé le 15 juin 2026 par l’équipe Cercle (auto-évaluation)",
        f"révèle que 84,5{NBSP}% des critères du RGAA version 4.1 sont respectés.",
        "Contenus non accessibles",
        "Non-conformités",
        "Les vidéos hébergées par des tiers",
        "Dérogations pour charge disproportionnée",
        "Technologies utilisées pour la réalisation du site HTML CSS JavaScript",
        f"Courriel{NBSP}: accessibilite@cercle.example.org",
        "Voies de recours",
        "Défenseur des droits",
    ],
    "en": [
        "Accessibility statement",
        "Compliance status",
        "is partially compliant with the French accessibility framework (RGAA), version 4.1.",
        "The compliance audit made on June 15, 2026 by the Cercle team (self-assessment) shows that 84.5% of",
        "Non-accessible content",
        "Not every video hosted elsewhere has captions",
        "Derogations for disproportionate burden",
        "Technologies relied upon HTML CSS JavaScript",
        "Email: accessibilite@cercle.example.org",
        "Recourse",
        "Défenseur des droits",
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_statement_has_every_required_part(demo_site, lang):
    root = page(demo_site, STATEMENT[lang])
    assert root.find(".//html") is None and root.get("lang") == lang
    body = statement_text(demo_site, lang)
    missing = [part for part in REQUIRED[lang] if part not in body]
    assert missing == [], body
    links = [a.get("href") for a in root.iter("a")]
    assert "https://formulaire.defenseurdesdroits.fr/" in links
    assert "mailto:accessibilite@cercle.example.org" in links
    status = by_class(root, "cercle-statement__status")[0]
    assert status.get("data-status") == "partial"


def test_every_page_footer_links_the_statement_and_the_site_map(demo_site):
    # Every page of the site (the email digest beside "to share" is an email, not a page; a
    # redirect left at a moved address is not a page of the hub).
    pages = sorted(
        p for p in demo_site.rglob("*.html") if not p.name.startswith("digest-") and not is_redirect(p)
    )
    assert len(pages) > 40
    for file in pages:
        root = parse(file)
        lang = root.get("lang")
        footers = by_class(root, "cercle-footer-links")
        assert len(footers) == 1, file
        links = {spaced(a): a.get("href") for a in footers[0].iter("a")}
        mention = {
            "fr": f"Accessibilité{NBSP}: partiellement conforme",
            "en": "Accessibility: partially compliant",
        }
        privacy = {"fr": "Ce site ne mesure rien", "en": "This hub measures nothing"}[lang]
        suggest = {"fr": "Proposer une ressource", "en": "Suggest a resource"}[lang]
        assert set(links) == {
            mention[lang],
            {"fr": "Plan du site", "en": "Site map"}[lang],
            privacy,
            suggest,
        }, file
        assert links.pop(suggest).startswith("https://github.com/")  # the hub's issue form
        url = page_url(demo_site, file)
        if file.name == "404.html":
            url = "404.html"  # served at any depth: MkDocs makes its links absolute
        for label, href in links.items():
            wanted = STATEMENT[lang] if "ccessib" in label else SITE_MAP[lang]
            if label == privacy:
                wanted = {"fr": "fr/aucune-mesure/", "en": "en/measures-nothing/"}[lang]
            if file.name == "404.html":
                assert href == f"/{wanted}", (file, href)
            else:
                assert target(demo_site, url, href) == demo_site / wanted / "index.html", (file, href)


def test_without_facts_the_statement_says_no_audit_and_check_warns_once(demo_project):
    project = demo_project
    set_accessibility(project, None)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    site = project / "site"
    assert "Aucun audit de conformité n’a encore été réalisé" in statement_text(site, "fr")
    assert "est non conforme avec le référentiel" in statement_text(site, "fr")
    assert "No compliance audit has been made yet" in statement_text(site, "en")
    footer = spaced(by_class(page(site, "fr/"), "cercle-footer-links")[0])
    assert f"Accessibilité{NBSP}: non conforme" in footer
    check = cercle(project, "check")
    assert check.returncode == 0, check.output
    assert check.output.count("accessibility") >= 1
    warnings = [line for line in check.output.splitlines() if "accessibility statement" in line]
    assert len(warnings) == 1 and warnings[0].startswith("mkdocs.yml: warning: accessibility:"), check.output


def test_a_status_without_audit_is_not_claimed_and_the_plan_is_linked(demo_project):
    project = demo_project
    set_accessibility(project, {"status": "full", "plan_url": "https://example.org/plan"})
    assert mkdocs_build(project).returncode == 0
    site = project / "site"
    assert "est non conforme" in statement_text(site, "fr")
    plan = [a for a in page(site, STATEMENT["en"]).iter("a") if a.get("href") == "https://example.org/plan"]
    assert [text(a) for a in plan] == ["Read the multi-year plan and this year’s action plan"]


def test_a_wrong_option_stops_check_and_build_with_its_name(tmp_path):
    project = copy_demo(tmp_path / "hub")
    set_accessibility(project, {"status": "mostly", "rate": 140})
    check = cercle(project, "check")
    assert check.returncode == 1
    assert "mkdocs.yml: error: accessibility.status:" in check.output
    assert "mkdocs.yml: error: accessibility.rate:" in check.output
    assert "Traceback" not in check.output
    build = mkdocs_build(project)
    assert build.returncode != 0 and "accessibility.status" in build.output
    assert not (project / "site" / "index.html").exists()


# -- the site map -------------------------------------------------------------------------------


def site_map_targets(site: Path, url: str) -> set[Path]:
    root = page(site, url)
    article = root.find(".//article")
    return {target(site, url, a.get("href")) for a in article.iter("a") if a.get("href")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_site_map_lists_every_page_of_its_language(demo_site, lang):
    listed = site_map_targets(demo_site, SITE_MAP[lang])
    # An entry's transcript page (<entry>/transcript/) is part of its entry, which the site
    # map lists and which links it (RGAA 12.3 asks for a relevant map, not every address).
    pages = {
        f
        for f in (demo_site / lang).rglob("index.html")
        if f.parent != demo_site / SITE_MAP[lang].strip("/")
        and not is_redirect(f)
        and f.parent.name != "transcript"
    }
    assert len(pages) > 20
    assert pages - listed == set()
    assert listed - pages == set()  # nothing else, nothing broken


def big_archive(project: Path, per_year: int, years: range) -> None:
    """Guides with long titles, `per_year` in each year (written, not committed)."""
    for year in years:
        for n in range(per_year):
            title = f"Guide {year}-{n:03d} : comment un programme d’ambassadeurs grandit sans s’épuiser"
            write(
                project / "content" / "fr" / "guides" / f"g{year}-{n:03d}.md",
                f'---\ntitle: "{title}"\ndate: {year}-03-{n % 28 + 1:02d}\n---\nTexte.\n',
            )


def minimal_plugins(project: Path, page_size: int | None = None) -> None:
    """Only cercle/hub: a big archive builds fast without cards, search or feeds."""
    config = project / "mkdocs.yml"
    data = config.read_text(encoding="utf-8")
    start, end = data.index("  - cercle/cards:"), data.index("markdown_extensions:")
    extra = f"      site_map_page_size: {page_size}\n" if page_size else ""
    config.write_text(data[:start] + extra + "\n" + data[end:], encoding="utf-8")


def test_a_large_archive_splits_the_site_map_by_year_under_200_kb(demo_project):
    project = demo_project
    big_archive(project, per_year=150, years=range(2021, 2025))  # 600 entries + the demo's
    minimal_plugins(project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    site = project / "site"
    folder = site / "fr" / "plan-du-site"
    files = sorted(folder.rglob("index.html"))
    years = sorted(f.parent.name for f in files if f.parent != folder)
    assert years == ["2020", "2021", "2022", "2023", "2024", "2027"]
    sizes = {f.relative_to(site).as_posix(): f.stat().st_size for f in files}
    assert all(size < 200_000 for size in sizes.values()), sizes
    listed = set().union(*(site_map_targets(site, page_url(site, f)) for f in files))
    entries = {
        f
        for f in (site / "fr").rglob("index.html")
        if folder not in f.parents
        and f.parent != folder
        and not is_redirect(f)
        and f.parent.parent.name != "page"  # a listing's later pages: reached from the listing
    }
    assert entries - listed == set()
    # The English site map is small: one page, no year pages.
    assert [f.parent.name for f in (site / "en" / "site-map").rglob("index.html")] == ["site-map"]


def test_a_year_larger_than_a_page_is_cut_into_parts(demo_project):
    project = demo_project
    big_archive(project, per_year=5, years=range(2023, 2024))
    minimal_plugins(project, page_size=2)
    assert mkdocs_build(project).returncode == 0
    folder = project / "site" / "fr" / "plan-du-site"
    names = sorted(f.parent.name for f in folder.rglob("index.html") if f.parent != folder)
    assert {"2023", "2023-2", "2023-3"} <= set(names)
    assert "2023-4" not in names  # 5 guides: 2 + 2 + 1
    h1 = page(project / "site", "fr/plan-du-site/2023-2/").find(".//h1")
    assert spaced(h1) == f"Plan du site{NBSP}: 2023 (2)"
    # More speakers than a page holds (6): they move to pages of their own, two by two by
    # name, which the main page links; together they list every speaker's page once.
    site = project / "site"
    parts = sorted((n for n in names if n.startswith("intervenants")), key=lambda n: (len(n), n))
    assert parts == ["intervenants", "intervenants-2", "intervenants-3"]
    main = site_map_targets(site, "fr/plan-du-site/")
    assert {folder / n / "index.html" for n in parts} <= main
    assert not any("intervenants" in f.parent.parent.name for f in main if f.parent.name != "intervenants")
    listed = [
        a.get("href") for n in parts for a in page(site, f"fr/plan-du-site/{n}/").find(".//article").iter("a")
    ]
    speakers = {f for f in (site / "fr" / "intervenants").glob("*/index.html") if f.parent.name != "page"}
    assert len(listed) == len(speakers) == 6
    assert set().union(*(site_map_targets(site, f"fr/plan-du-site/{n}/") for n in parts)) == speakers


# -- language of parts -------------------------------------------------------------------------


def test_quotes_questions_and_takeaways_in_another_language_are_marked(demo_project):
    project = demo_project
    path = project / FR_WEBINAR
    source = path.read_text(encoding="utf-8")
    _, head, body = source.split("---\n", 2)
    meta = yaml.safe_load(head)
    meta["quotes"].append(
        {"text": "Nobody can be forced to volunteer.", "by": "patrice-laubignat", "lang": "en"}
    )
    meta["questions"].append({"text": "What makes people volunteer?", "lang": "en"})
    meta["takeaways"] = ["Le volontariat ne se décrète pas.", {"text": "Trust comes first.", "lang": "en"}]
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    root = page(project / "site", "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/")
    marked = {(el.tag, text(el)) for el in root.iter() if el.get("lang") == "en" and el.tag != "a"}
    assert ("blockquote", "Nobody can be forced to volunteer.") in marked
    assert ("li", "What makes people volunteer?") in marked
    assert ("li", "Trust comes first.") in marked
    unmarked = [el for el in root.iter("li") if text(el) == "Le volontariat ne se décrète pas."]
    assert len(unmarked) == 1 and unmarked[0].get("lang") is None
    assert re.search(
        r"<h2 id=\"cercle-takeaways\">À retenir</h2>",
        (project / "site/fr/webinaires/cercle-vertueux-programmes-ambassadeurs/index.html").read_text(
            encoding="utf-8"
        ),
    )


def test_a_bad_language_tag_is_reported_with_file_and_line(tmp_path):
    project = copy_demo(tmp_path / "hub")
    path = project / FR_WEBINAR
    source = path.read_text(encoding="utf-8")
    source = source.replace("quotes:\n", 'quotes:\n  - text: "Hello"\n    lang: "en us!"\n', 1)
    path.write_text(source, encoding="utf-8")
    check = cercle(project, "check")
    assert check.returncode == 1
    found = r"cercle-vertueux-programmes-ambassadeurs\.md:\d+: error: quotes\.0\.lang: 'en us!' is"
    assert re.search(found, check.output), check.output
