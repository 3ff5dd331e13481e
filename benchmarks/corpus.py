"""A realistic, deterministic corpus for the side-by-side benchmark, in two formats.

    .venv/bin/python benchmarks/corpus.py DEST [--entries 500] [--seed 8]

N entries per language (fr, en), paired by `translation_key`: webinars (some upcoming,
some with slides), events and guides, with speakers, topics, questions, quotes and about
800 words of varied text each. The same content is written twice:

- `DEST/cercle/`: Cercle's format (content/<lang>/<section>/<slug>.md, speakers.yml,
  topics.yml, media/*.pdf, mkdocs.yml with every cercle plugin, as the demo's);
- `DEST/reference/`: the usual stack (mkdocs-static-i18n, suffix structure
  docs/<section>/<key>.<lang>.md, Material's social plugin and lunr search). Facts that
  Cercle lays out from front matter (speakers, questions, quotes, chapters) are written
  into the page text there, so both sides show the same words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("fr", "en")
SECTIONS = {
    "webinar": {"fr": "webinaires", "en": "webinars"},
    "event": {"fr": "evenements", "en": "events"},
    "guide": {"fr": "guides", "en": "guides"},
}
TODAY = dt.date(2026, 11, 18)  # SOURCE_DATE_EPOCH used by the benchmark builds
SOURCE_DATE_EPOCH = "1795000000"
FAMILY = "Source Sans Pro"  # the social plugin's font, seeded offline from pip

# -- vocabulary ------------------------------------------------------------------------------

TOPICS = {
    "volontariat": ("Volontariat", "Volunteering"),
    "confiance": ("Confiance", "Trust"),
    "gouvernance": ("Gouvernance", "Governance"),
    "communication-nonviolente": ("Communication NonViolente", "Nonviolent Communication"),
    "reseaux-sociaux": ("Réseaux sociaux", "Social networks"),
    "marque-employeur": ("Marque employeur", "Employer brand"),
    "recrutement": ("Recrutement", "Recruiting"),
    "formation": ("Formation", "Training"),
    "mesure": ("Mesurer sans surveiller", "Measuring without monitoring"),
    "communaute": ("Communauté", "Community"),
    "contenus": ("Contenus à partager", "Content to share"),
    "lancement": ("Lancer un programme", "Launching a program"),
}
FIRST = ["Camille", "Léa", "Hugo", "Nadia", "Jules", "Inès", "Malik", "Chloé", "Yanis", "Sofia", "Théo",
         "Amina", "Louis", "Zoé", "Karim", "Emma", "Rémi", "Sarah", "Bastien", "Lina"]  # fmt: skip
LAST = ["Moreau", "Girard", "Nguyen", "Diallo", "Lefèvre", "Rossi", "Martin", "Benali", "Dupuis",
        "Fontaine", "Marchand", "Petit", "Roux", "Garnier", "Lambert", "Chevalier"]  # fmt: skip
ORGS = ["Word About You", "The Social Republic", "sapiens.org", "Atelier Ubuntu", "Cercle Ouvert",
        "Les Voix Libres", "Open Circle Lab", "Réseau Sharee"]  # fmt: skip
ROLES = {
    "fr": ["Responsable du programme ambassadeurs", "Directrice de la communication", "Consultant",
           "Cofondatrice", "Chargé de marque employeur", "Animatrice de communauté"],
    "en": ["Ambassador program lead", "Head of communications", "Consultant", "Co-founder",
           "Employer brand manager", "Community manager"],
}  # fmt: skip

WORDS = {
    "fr": {
        "subject": ["les ambassadeurs", "l’organisation", "chaque volontaire", "l’équipe communication",
                    "les dirigeants", "la communauté", "les collaborateurs", "le programme",
                    "les responsables RH", "une petite équipe", "les partenaires", "les nouveaux venus"],
        "verb": ["partage|partagent", "construit|construisent", "propose|proposent", "découvre|découvrent",
                 "écoute|écoutent", "prépare|préparent", "raconte|racontent", "mesure|mesurent",
                 "choisit|choisissent", "accompagne|accompagnent", "invente|inventent",
                 "soutient|soutiennent"],
        "object": ["des contenus prêts à partager", "une stratégie commune", "des rituels réguliers",
                   "leur propre voix", "des besoins partagés", "une relation de confiance",
                   "des retours collectifs", "un cadre clair", "des histoires vraies",
                   "des rendez-vous mensuels", "une charte d’utilisation", "des formations courtes"],
        "tail": ["sans objectif imposé", "à leur rythme", "dans la durée", "sur leurs réseaux personnels",
                 "avec transparence", "au fil des saisons", "sans surveillance individuelle",
                 "en toute liberté", "pour le plaisir d’apprendre", "avec l’appui des managers"],
        "lead": ["Concrètement,", "Au quotidien,", "Dans les faits,", "Très vite,", "Peu à peu,",
                 "Le plus souvent,", "Au lancement,", "Avec le recul,", "", "", ""],
        "heading": ["Pourquoi c’est important", "Ce qui a fonctionné", "Les besoins en présence",
                    "Le rôle des managers", "Mesurer sans surveiller", "Les rituels", "Ce qu’il faut éviter",
                    "Un exemple concret", "Les premiers pas", "Et après ?", "La confiance au quotidien"],
        "title_a": ["Faire vivre", "Lancer", "Relancer", "Animer", "Mesurer", "Réussir", "Comprendre",
                    "Former", "Outiller", "Écouter"],
        "title_b": ["un programme ambassadeurs", "une communauté de volontaires", "la parole des équipes",
                    "la marque employeur", "les contenus partagés", "la confiance", "les réseaux sociaux",
                    "le volontariat"],
        "title_c": ["sans objectifs imposés", "dans la durée", "pas à pas", "en équipe", "avec sincérité",
                    "à petite échelle", "au quotidien", "sans surveiller"],
        "question": ["Comment {b} peut-il durer ?", "Quels besoins concilier pour {b} ?",
                     "Que mesurer sans suivre personne ?", "Quels rituels font vivre {b} ?"],
        "desc": "{kind} : {title}. Retours d’expérience, questions concrètes et pistes pour agir.",
        "kinds": {"webinar": "Webinaire", "event": "Événement", "guide": "Guide"},
        "place": ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Montréal"],
    },
    "en": {
        "subject": ["the ambassadors", "the organization", "each volunteer", "the communications team",
                    "the leaders", "the community", "the employees", "the program", "the HR managers",
                    "a small team", "the partners", "the newcomers"],
        "verb": ["shares|share", "builds|build", "offers|offer", "discovers|discover", "listens to|listen to",
                 "prepares|prepare", "tells|tell", "measures|measure", "chooses|choose", "supports|support",
                 "invents|invent", "sustains|sustain"],
        "object": ["ready-to-share content", "a shared strategy", "regular rituals", "their own voice",
                   "shared needs", "a relationship of trust", "collective feedback", "a clear frame",
                   "true stories", "monthly meetups", "a usage charter", "short trainings"],
        "tail": ["with no imposed goal", "at their own pace", "over time", "on their personal networks",
                 "openly", "season after season", "without individual monitoring", "freely",
                 "for the joy of learning", "with the managers' support"],
        "lead": ["In practice,", "Day to day,", "In fact,", "Very soon,", "Little by little,",
                 "Most often,", "At launch,", "Looking back,", "", "", ""],
        "heading": ["Why it matters", "What worked", "The needs at stake", "The managers' role",
                    "Measuring without monitoring", "Rituals", "What to avoid", "A concrete example",
                    "First steps", "What next?", "Trust, day to day"],
        "title_a": ["Keeping alive", "Launching", "Relaunching", "Running", "Measuring", "Succeeding with",
                    "Understanding", "Training", "Equipping", "Listening to"],
        "title_b": ["an ambassador program", "a community of volunteers", "the teams' voice",
                    "the employer brand", "shared content", "trust", "social networks", "volunteering"],
        "title_c": ["without imposed goals", "over time", "step by step", "as a team", "sincerely",
                    "at a small scale", "day to day", "without monitoring"],
        "question": ["How can {b} last?", "Which needs to reconcile for {b}?",
                     "What to measure without tracking anyone?", "Which rituals keep {b} alive?"],
        "desc": "{kind}: {title}. Field experience, concrete questions and ideas to act on.",
        "kinds": {"webinar": "Webinar", "event": "Event", "guide": "Guide"},
        "place": ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Montreal"],
    },
}  # fmt: skip


@dataclass
class Item:
    """One entry, in both languages."""

    index: int
    type: str
    key: str
    date: dt.date
    topics: list[str]
    speakers: list[str] = field(default_factory=list)
    featured: bool = False
    slides: str | None = None
    place: int | None = None
    upcoming: bool = False
    title: dict[str, str] = field(default_factory=dict)
    slug: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    questions: dict[str, list[str]] = field(default_factory=dict)
    quotes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    chapters: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)


def _slugify(text: str) -> str:
    from slugify import slugify

    return slugify(text, max_length=50, word_boundary=True)


SINGULAR = ("l’", "le ", "la ", "chaque ", "une ", "the organization", "each ", "the community",
            "the program", "a small team", "the communications team")  # fmt: skip


def _clause(rng: random.Random, w: dict) -> str:
    subject = rng.choice(w["subject"])
    singular, plural = rng.choice(w["verb"]).split("|")
    verb = singular if subject.startswith(SINGULAR) else plural
    return f"{subject} {verb} {rng.choice(w['object'])}"


def _sentence(rng: random.Random, w: dict) -> str:
    lead = rng.choice(w["lead"])
    text = _clause(rng, w)
    if rng.random() < 0.7:
        text += f" {rng.choice(w['tail'])}"
    if rng.random() < 0.4:
        text += f", {_clause(rng, w)}"
    text = f"{lead} {text}" if lead else text[0].upper() + text[1:]
    return text + "."


def _body(rng: random.Random, w: dict, words: int = 720) -> str:
    """About `words` words: sections with a heading, paragraphs and now and then a list."""
    parts: list[str] = []
    count = 0
    headings = rng.sample(w["heading"], len(w["heading"]))
    while count < words:
        parts.append(f"## {headings[len(parts) % len(headings)]}")
        for _ in range(rng.randint(2, 3)):
            if rng.random() < 0.2:
                items = [_sentence(rng, w) for _ in range(rng.randint(3, 4))]
                block = "\n".join(f"- {s}" for s in items)
            else:
                block = " ".join(_sentence(rng, w) for _ in range(rng.randint(3, 5)))
            parts.append(block)
            count += len(block.split())
    return "\n\n".join(parts) + "\n"


def make_items(n: int, seed: int, n_speakers: int) -> list[Item]:
    rng = random.Random(seed)
    speaker_ids = [f"speaker-{i:03d}" for i in range(n_speakers)]
    items = []
    for i in range(n):
        kind = "webinar" if i % 5 in (0, 1) else ("event" if i % 5 == 2 else "guide")
        upcoming = kind != "guide" and i % 25 in (0, 2, 11)  # a few upcoming webinars and events
        offset = rng.randint(5, 200) if upcoming else -rng.randint(1, 6 * 365)
        item = Item(
            index=i,
            type=kind,
            key=f"{kind}-{i:05d}",
            date=TODAY + dt.timedelta(days=offset),
            topics=rng.sample(sorted(TOPICS), rng.randint(1, 3)),
            featured=i % 40 == 0,
            upcoming=upcoming,
        )
        if kind != "guide":
            item.speakers = rng.sample(speaker_ids, rng.randint(1, 3))
        if kind == "webinar" and not upcoming and i % 20 == 5:
            item.slides = f"media/slides-{i:05d}.pdf"
        if kind == "event":
            item.place = rng.randrange(6)
        for lang in LANGS:
            w = WORDS[lang]
            title_rng = random.Random(f"{seed}-{i}")  # same choices in both languages
            a, b, c = (title_rng.choice(w[k]) for k in ("title_a", "title_b", "title_c"))
            title = f"{a} {b} {c} ({i + 1})"
            item.title[lang] = title
            item.slug[lang] = f"{_slugify(f'{a} {b} {c}')}-{i + 1}"
            item.description[lang] = w["desc"].format(kind=w["kinds"][kind], title=title)[:200]
            if kind != "guide":
                item.questions[lang] = [q.format(b=b) for q in title_rng.sample(w["question"], 2)]
                item.quotes[lang] = [
                    (_sentence(title_rng, w), sp) for sp in item.speakers[: title_rng.randint(1, 2)]
                ]
                if not upcoming and kind == "webinar":
                    item.chapters[lang] = [
                        (f"{m}:00", heading)
                        for m, heading in zip((0, 10, 25, 40), w["heading"], strict=False)
                    ]
            item.body[lang] = _body(random.Random(f"{seed}-{i}-{lang}"), w)
        items.append(item)
    return items


def speakers_yaml(n_speakers: int, seed: int) -> dict:
    rng = random.Random(seed + 1)
    result = {}
    for i in range(n_speakers):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + i // len(FIRST)) % len(LAST)]}"
        role = rng.randrange(len(ROLES["fr"]))
        org = rng.choice(ORGS)
        result[f"speaker-{i:03d}"] = {
            "name": name,
            "organization": org,
            "role": {lang: f"{ROLES[lang][role]}, {org}" for lang in LANGS},
            "bio": {lang: " ".join(_sentence(rng, WORDS[lang]) for _ in range(2)) for lang in LANGS},
        }
    return result


def topics_yaml() -> dict:
    return {
        tid: {
            "label": {"fr": fr, "en": en},
            "description": {"fr": f"Tout sur le thème « {fr} ».", "en": f"Everything about “{en}”."},
        }
        for tid, (fr, en) in TOPICS.items()
    }


# -- Cercle's format ------------------------------------------------------------------------


def _front_matter(item: Item, lang: str) -> dict:
    meta: dict = {
        "title": item.title[lang],
        "description": item.description[lang],
        "date": item.date,
        "translation_key": item.key,
        "topics": item.topics,
        "tags": [WORDS[lang]["kinds"][item.type]],
    }
    if item.featured:
        meta["featured"] = True
    if item.type == "guide":
        return meta
    meta["speakers"] = item.speakers
    meta["questions"] = item.questions[lang]
    meta["quotes"] = [{"text": text, "by": by} for text, by in item.quotes[lang]]
    if item.type == "event" and item.place is not None:
        meta["place"] = WORDS[lang]["place"][item.place]
    else:
        meta["online"] = True
    if item.upcoming:
        meta.update({"time": "18:30", "timezone": "Europe/Paris", "duration": 60})
        meta["registration"] = f"https://example.org/register/{item.key}"
    elif item.type == "webinar":
        meta["video"] = f"https://www.youtube.com/watch?v=v{item.index:010d}"
        meta["chapters"] = [{"at": at, "title": title} for at, title in item.chapters[lang]]
    if item.slides:
        meta["slides"] = item.slides
    return meta


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_cercle(dest: Path, items: list[Item], speakers: dict) -> None:
    content = dest / "content"
    (content / "media").mkdir(parents=True, exist_ok=True)
    (content / "speakers.yml").write_text(_dump(speakers), encoding="utf-8")
    (content / "topics.yml").write_text(_dump(topics_yaml()), encoding="utf-8")
    pdfs = sorted((ROOT / "content/media").glob("*.pdf"))
    for item in items:
        if item.slides:
            shutil.copyfile(pdfs[item.index % len(pdfs)], content / item.slides)
        for lang in LANGS:
            path = content / lang / SECTIONS[item.type][lang] / f"{item.slug[lang]}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = f"---\n{_dump(_front_matter(item, lang))}---\n\n{item.body[lang]}"
            path.write_text(text, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Cercle bench"
    (dest / "mkdocs.yml").write_text(_dump(config), encoding="utf-8")


# -- the reference stack's format -------------------------------------------------------------

REF_LABELS = {
    "fr": {"speakers": "Intervenants", "questions": "Questions", "quotes": "Citations",
           "chapters": "Chapitres", "topics": "Thèmes", "registration": "S’inscrire",
           "slides": "Diapositives", "place": "Lieu",
           "online": "En ligne", "video": "Vidéo"},
    "en": {"speakers": "Speakers", "questions": "Questions", "quotes": "Quotes", "chapters": "Chapters",
           "topics": "Topics", "registration": "Register", "slides": "Slides", "place": "Place",
           "online": "Online", "video": "Video"},
}  # fmt: skip


def _reference_page(item: Item, lang: str, speakers: dict) -> str:
    """The same words as Cercle's page, as a writer of the usual stack would put them."""
    labels = REF_LABELS[lang]
    meta = {"title": item.title[lang], "description": item.description[lang], "date": item.date}
    lines = [f"# {item.title[lang]}", "", f"*{item.date.isoformat()}*", ""]
    topics = ", ".join(TOPICS[t][LANGS.index(lang)] for t in item.topics)
    lines += [f"**{labels['topics']}**: {topics}", ""]
    if item.type != "guide":
        names = ", ".join(speakers[s]["name"] for s in item.speakers)
        lines += [f"**{labels['speakers']}**: {names}", ""]
        if item.type == "event" and item.place is not None:
            lines += [f"**{labels['place']}**: {WORDS[lang]['place'][item.place]}", ""]
        else:
            lines += [f"**{labels['online']}**", ""]
        if item.upcoming:
            lines += [f"[{labels['registration']}](https://example.org/register/{item.key})", ""]
        elif item.type == "webinar":
            lines += [f"[{labels['video']}](https://www.youtube.com/watch?v=v{item.index:010d})", ""]
        lines += [f"## {labels['questions']}", ""] + [f"- {q}" for q in item.questions[lang]] + [""]
        if item.chapters.get(lang):
            lines += [f"## {labels['chapters']}", ""]
            lines += [f"- {at} {title}" for at, title in item.chapters[lang]] + [""]
        lines += [f"## {labels['quotes']}", ""]
        for text, by in item.quotes[lang]:
            lines += [f"> {text}", f"> — {speakers[by]['name']}", ""]
        if item.slides:
            lines += [f"[{labels['slides']}](../{item.slides})", ""]
    return f"---\n{_dump(meta)}---\n\n" + "\n".join(lines) + "\n" + item.body[lang]


def reference_config(cards: bool) -> dict:
    return {
        "site_name": "Reference bench",
        "site_url": "https://reference.example.org/",
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "fr", "font": False, "features": ["navigation.sections"]},
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "languages": [
                        {"locale": "fr", "name": "Français", "default": True, "build": True},
                        {"locale": "en", "name": "English", "build": True},
                    ],
                }
            },
            {"social": {"enabled": cards, "cards_layout_options": {"font_family": FAMILY}}},
        ],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", {"toc": {"permalink": True}}],
    }


def seed_social_fonts(project: Path) -> None:
    """Material's social plugin downloads its font unless this folder exists (benchmarks/cards)."""
    from PIL import ImageFont

    from cercle.cards.fonts import font_path

    target = project / ".cache/plugin/social/fonts" / FAMILY
    target.mkdir(parents=True, exist_ok=True)
    for weight in ("regular", "bold"):
        path = font_path(weight)
        name, style = ImageFont.truetype(str(path)).getname()  # as the plugin names them
        style_name = " ".join([name.replace(FAMILY, ""), style]).strip()
        shutil.copyfile(path, target / f"{style_name}.ttf")


def write_reference(dest: Path, items: list[Item], speakers: dict) -> None:
    docs = dest / "docs"
    (docs / "media").mkdir(parents=True, exist_ok=True)
    pdfs = sorted((ROOT / "content/media").glob("*.pdf"))
    home = {"fr": "# Centre de ressources\n\nBienvenue.\n", "en": "# Resource hub\n\nWelcome.\n"}
    for lang in LANGS:
        (docs / f"index.{lang}.md").write_text(home[lang], encoding="utf-8")
    for item in items:
        if item.slides:
            shutil.copyfile(pdfs[item.index % len(pdfs)], docs / item.slides)
        for lang in LANGS:
            # static-i18n pairs pages by identical path: one (English) slug for both languages
            path = docs / SECTIONS[item.type]["en"] / f"{item.slug['en']}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_reference_page(item, lang, speakers), encoding="utf-8")
    (dest / "mkdocs.yml").write_text(_dump(reference_config(cards=True)), encoding="utf-8")
    (dest / "mkdocs-nocards.yml").write_text(_dump(reference_config(cards=False)), encoding="utf-8")
    seed_social_fonts(dest)


def generate(dest: Path, entries: int, seed: int = 8) -> dict[str, int]:
    """Write both corpora under `dest`; returns what was written."""
    n_speakers = max(6, entries // 12)
    items = make_items(entries, seed, n_speakers)
    speakers = speakers_yaml(n_speakers, seed)
    write_cercle(dest / "cercle", items, speakers)
    write_reference(dest / "reference", items, speakers)
    words = sum(len(item.body["en"].split()) for item in items) // max(1, len(items))
    return {
        "entries_per_language": entries,
        "pages_per_language": entries,
        "webinars": sum(i.type == "webinar" for i in items),
        "events": sum(i.type == "event" for i in items),
        "guides": sum(i.type == "guide" for i in items),
        "upcoming": sum(i.upcoming for i in items),
        "with_slides": sum(bool(i.slides) for i in items),
        "quotes": sum(len(i.quotes.get("en", [])) for i in items),
        "speakers": n_speakers,
        "topics": len(TOPICS),
        "words_per_entry": words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--entries", type=int, default=500, help="entries per language")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    print(generate(args.dest, args.entries, args.seed))


if __name__ == "__main__":
    main()
