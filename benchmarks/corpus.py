"""A deterministic corpus for the side-by-side benchmark, in Cercle's format and the reference's.

    .venv/bin/python benchmarks/corpus.py DEST [--entries 500] [--profile realistic] [--seed 8]

N entries per language (fr, en), paired by `translation_key`: webinars (some upcoming),
events and guides, with speakers, topics, questions, quotes, transcripts (WebVTT), slide
decks (PDF), header images (JPEG) and varied text, in the shares of a profile
(benchmarks/profiles.py; `realistic` is taken from real archives, see docs/benchmarks.md).
The same content is written twice:

- `DEST/cercle/`: Cercle's format (content/<lang>/<section>/<slug>.md, speakers.yml,
  topics.yml, media/, mkdocs.yml with every cercle plugin, as the demo's);
- `DEST/reference/`: the usual stack (benchmarks/reference.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from media import write_jpeg, write_pdf, write_vtt
from profiles import PROFILES, SHARE_DAYS, Item, Profile, shape
from reference import SECTIONS, dump, seed_social_fonts, write_reference
from vocabulary import (
    LANGS,
    TOPICS,
    WORDS,
    body_text,
    clause,
    sentence,
    slugify_text,
    speakers_yaml,
    topics_yaml,
)

__all__ = ["LANGS", "SOURCE_DATE_EPOCH", "generate", "seed_social_fonts"]

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 18)  # SOURCE_DATE_EPOCH used by the benchmark builds
SOURCE_DATE_EPOCH = "1795000000"
WORDS_PER_SECOND = 2.2  # speech: about 130 words a minute
CHAPTER_STARTS = (0, 10, 25, 40)  # minutes


def _speech(rng: random.Random, w: dict, names: list[str], words: int) -> list[tuple[int, int, str, str]]:
    """Transcript cues of about 8–20 words, speakers taking turns, timed at speaking pace."""
    cues, said, at, turn = [], 0, 5, 0
    while said < words:
        if rng.random() < 0.15:
            turn += 1
        text = sentence(rng, w)
        seconds = max(2, round(len(text.split()) / WORDS_PER_SECOND))
        cues.append((at, at + seconds, names[turn % len(names)], text))
        said += len(text.split())
        at += seconds
    return cues


def make_items(n: int, seed: int, profile: Profile, speakers: dict) -> list[Item]:
    rng = random.Random(seed)
    speaker_ids = sorted(speakers)
    items = []
    for i in range(n):
        s = shape(profile, i)
        kind, upcoming = s["type"], s["upcoming"]
        offset = rng.randint(5, 200) if upcoming else -rng.randint(1, 6 * 365)
        item = Item(
            index=i, type=kind, key=f"{kind}-{i:05d}", date=TODAY + dt.timedelta(days=offset),
            topics=rng.sample(sorted(TOPICS), rng.randint(1, 3)), featured=i % 40 == 0, upcoming=upcoming,
            transcript_words=s["transcript_words"], slide_pages=s["slide_pages"],
        )  # fmt: skip
        item.speakers = rng.sample(speaker_ids, min(s["speakers"], len(speaker_ids)))
        if s["slide_pages"]:
            item.slides = f"media/slides/{item.key}.pdf"
        if s["image"]:
            item.image = f"media/images/{item.key}.jpg"
        if kind == "event":
            item.place = rng.randrange(6)
        for lang in LANGS:
            w = WORDS[lang]
            title_rng = random.Random(f"{seed}-{i}")  # same choices in both languages
            a, b, c = (title_rng.choice(w[k]) for k in ("title_a", "title_b", "title_c"))
            title = f"{a} {b} {c} ({i + 1})"
            item.title[lang] = title
            item.slug[lang] = f"{slugify_text(f'{a} {b} {c}')}-{i + 1}"
            item.description[lang] = w["desc"].format(kind=w["kinds"][kind], title=title)[:200]
            if kind != "guide":
                item.questions[lang] = [q.format(b=b) for q in title_rng.sample(w["question"], 2)]
                by = [item.speakers[q % len(item.speakers)] for q in range(s["quotes"])]
                item.quotes[lang] = [(sentence(title_rng, w), sp) for sp in by]
                if s["chapters"]:
                    item.chapters[lang] = [
                        (f"{m}:00", heading) for m, heading in zip(CHAPTER_STARTS, w["heading"], strict=False)
                    ]
            if item.transcript_words:
                names = [speakers[sp]["name"] for sp in item.speakers]
                item.transcript[lang] = _speech(
                    random.Random(f"{seed}-{i}-t"), w, names, item.transcript_words
                )
            item.body[lang] = body_text(random.Random(f"{seed}-{i}-{lang}"), w, s["body_words"])
        items.append(item)
    return items


# -- Cercle's format ------------------------------------------------------------------------


def _share_window(item: Item, days: int = SHARE_DAYS) -> dict:
    """What a hub asks of the "to share" page: what it publishes, for a season after it; an
    upcoming event, in the two weeks before it (deterministic: no draw of the generator)."""
    if item.upcoming:
        return {"from": item.date - dt.timedelta(days=14), "until": item.date}
    start = dt.date.fromordinal(item.date.toordinal())  # a copy: YAML would write an alias
    return {"from": start, "until": item.date + dt.timedelta(days=days)}


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
    meta["share"] = _share_window(item)
    if item.image:
        meta.update({"image": item.image, "image_alt": item.title[lang]})
    if item.type == "guide":
        return meta
    meta["speakers"] = item.speakers
    meta["questions"] = item.questions[lang]
    if item.quotes[lang]:
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
        if item.chapters.get(lang):
            meta["chapters"] = [{"at": at, "title": title} for at, title in item.chapters[lang]]
    if item.slides:
        meta["slides"] = item.slides
    if item.transcript.get(lang):
        meta["transcript"] = item.transcript_path(lang)
    return meta


def write_media(content: Path, items: list[Item], seed: int) -> None:
    """Slide decks and images (one per entry, both languages link it) and transcripts."""
    w = WORDS["fr"]
    for item in items:
        if item.slides:
            rng = random.Random(f"{seed}-{item.index}-slides")
            slides = [
                (rng.choice(w["heading"]), [clause(rng, w)[:70] for _ in range(rng.randint(2, 5))])
                for _ in range(item.slide_pages - 1)
            ]
            write_pdf(content / item.slides, item.title["fr"], slides, item.index)
        if item.image:
            write_jpeg(content / item.image, seed * 100_003 + item.index)
        for lang, cues in item.transcript.items():
            write_vtt(content / str(item.transcript_path(lang)), cues)


def write_cercle(dest: Path, items: list[Item], speakers: dict, seed: int) -> None:
    content = dest / "content"
    (content / "media").mkdir(parents=True, exist_ok=True)
    (content / "speakers.yml").write_text(dump(speakers), encoding="utf-8")
    (content / "topics.yml").write_text(dump(topics_yaml()), encoding="utf-8")
    write_media(content, items, seed)
    for item in items:
        for lang in LANGS:
            path = content / lang / SECTIONS[item.type][lang] / f"{item.slug[lang]}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = f"---\n{dump(_front_matter(item, lang))}---\n\n{item.body[lang]}"
            path.write_text(text, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Cercle bench"
    (dest / "mkdocs.yml").write_text(dump(config), encoding="utf-8")


def describe(items: list[Item], profile: Profile, n_speakers: int) -> dict:
    """What was written: counts and shares, as docs/benchmarks.md reports them."""
    n = max(1, len(items))
    talks = [i for i in items if i.type != "guide"]
    quotes = [len(i.quotes.get("en", [])) for i in talks]
    words = [
        len(i.transcript.get("en", [])) and sum(len(c[3].split()) for c in i.transcript["en"]) for i in items
    ]
    return {
        "profile": profile.name,
        "entries_per_language": len(items),
        "pages_per_language": len(items),
        "webinars": sum(i.type == "webinar" for i in items),
        "events": sum(i.type == "event" for i in items),
        "guides": sum(i.type == "guide" for i in items),
        "upcoming": sum(i.upcoming for i in items),
        "share_window_open_or_coming": sum(_share_window(i)["until"] >= TODAY for i in items),
        "quotes": sum(quotes),
        "quotes_per_talk": {str(k): quotes.count(k) for k in sorted(set(quotes))},
        "with_transcript": sum(bool(i.transcript_words) for i in items),
        "transcript_words_median": statistics.median([x for x in words if x] or [0]),
        "with_slides": sum(bool(i.slides) for i in items),
        "slide_pages": sum(i.slide_pages for i in items),
        "with_image": sum(bool(i.image) for i in items),
        "speakers": n_speakers,
        "speakers_per_talk": round(sum(len(i.speakers) for i in talks) / max(1, len(talks)), 2),
        "topics": len(TOPICS),
        "words_per_entry": sum(len(i.body["en"].split()) for i in items) // n,
    }


def generate(
    dest: Path, entries: int, seed: int = 8, profile: str = "realistic", reference: bool = True
) -> dict:
    """Write both corpora under `dest` (Cercle's only without `reference`); returns what was written."""
    chosen = PROFILES[profile]
    n_speakers = max(6, round(entries * chosen.speakers_per_entry))
    speakers = speakers_yaml(n_speakers, seed)
    items = make_items(entries, seed, chosen, speakers)
    write_cercle(dest / "cercle", items, speakers, seed)
    if reference:
        write_reference(dest / "reference", items, speakers, dest / "cercle/content/media")
    return describe(items, chosen, n_speakers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--entries", type=int, default=500, help="entries per language")
    parser.add_argument("--profile", default="realistic", choices=sorted(PROFILES))
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    print(generate(args.dest, args.entries, args.seed, args.profile))


if __name__ == "__main__":
    main()
