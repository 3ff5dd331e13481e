"""The reference stack's copy of the corpus: mkdocs-static-i18n, Material's social plugin, lunr.

Facts that Cercle lays out from front matter (speakers, questions, quotes, chapters, the
transcript) are written into the page text here, so both sides publish the same words.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from profiles import Item
from vocabulary import LANGS, TOPICS, WORDS

SECTIONS = {
    "webinar": {"fr": "webinaires", "en": "webinars"},
    "event": {"fr": "evenements", "en": "events"},
    "guide": {"fr": "guides", "en": "guides"},
}
FAMILY = "Source Sans Pro"  # the social plugin's font, seeded offline from pip


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


REF_LABELS = {
    "fr": {"speakers": "Intervenants", "questions": "Questions", "quotes": "Citations",
           "chapters": "Chapitres", "topics": "Thèmes", "registration": "S’inscrire",
           "slides": "Diapositives", "place": "Lieu",
           "online": "En ligne", "video": "Vidéo", "transcript": "Transcription"},
    "en": {"speakers": "Speakers", "questions": "Questions", "quotes": "Quotes", "chapters": "Chapters",
           "topics": "Topics", "registration": "Register", "slides": "Slides", "place": "Place",
           "online": "Online", "video": "Video", "transcript": "Transcript"},
}  # fmt: skip


def _reference_page(item: Item, lang: str, speakers: dict) -> str:
    """The same words as Cercle's page, as a writer of the usual stack would put them."""
    labels = REF_LABELS[lang]
    meta = {"title": item.title[lang], "description": item.description[lang], "date": item.date}
    lines = [f"# {item.title[lang]}", "", f"*{item.date.isoformat()}*", ""]
    topics = ", ".join(TOPICS[t][LANGS.index(lang)] for t in item.topics)
    lines += [f"**{labels['topics']}**: {topics}", ""]
    if item.image:
        lines += [f"![{item.title[lang]}](../{item.image})", ""]
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
        lines += [f"## {labels['quotes']}", ""] if item.quotes[lang] else []
        for text, by in item.quotes[lang]:
            lines += [f"> {text}", f"> — {speakers[by]['name']}", ""]
        if item.slides:
            lines += [f"[{labels['slides']}](../{item.slides})", ""]
        if item.transcript.get(lang):  # as Cercle shows it: a timed line per cue
            lines += [f"## {labels['transcript']}", ""]
            lines += [
                f"**{start // 60:02d}:{start % 60:02d}** {who}: {text}\n"
                for start, _, who, text in item.transcript[lang]
            ]
    return f"---\n{dump(meta)}---\n\n" + "\n".join(lines) + "\n" + item.body[lang]


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


def write_reference(dest: Path, items: list[Item], speakers: dict, media: Path) -> None:
    """The reference project in `dest`; slide decks and images copied from Cercle's `media`."""
    docs = dest / "docs"
    (docs / "media").mkdir(parents=True, exist_ok=True)
    home = {"fr": "# Centre de ressources\n\nBienvenue.\n", "en": "# Resource hub\n\nWelcome.\n"}
    for lang in LANGS:
        (docs / f"index.{lang}.md").write_text(home[lang], encoding="utf-8")
    for item in items:
        for shared in (item.slides, item.image):
            if shared:
                (docs / shared).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(media.parent / shared, docs / shared)
        for lang in LANGS:
            # static-i18n pairs pages by identical path: one (English) slug for both languages
            path = docs / SECTIONS[item.type]["en"] / f"{item.slug['en']}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_reference_page(item, lang, speakers), encoding="utf-8")
    (dest / "mkdocs.yml").write_text(dump(reference_config(cards=True)), encoding="utf-8")
    (dest / "mkdocs-nocards.yml").write_text(dump(reference_config(cards=False)), encoding="utf-8")
    seed_social_fonts(dest)
