import datetime as dt
import os

import pytest

from cercle.core.catalog import load_catalog
from cercle.core.models import EntryType
from cercle.core.settings import HubSettings

SPEAKERS = """\
stephanie-ledoux:
  name: Stéphanie Ledoux
  role: {fr: Directrice conseil, en: Consulting director}
"""
TOPICS = """\
volontariat:
  label: {fr: Volontariat, en: Volunteering}
"""


def make(tmp_path, files: dict[str, str | bytes], **settings):
    root = tmp_path / "content"
    for rel, text in {"speakers.yml": SPEAKERS, "topics.yml": TOPICS, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return load_catalog(HubSettings(content_dir=root, today=dt.date(2026, 11, 22), **settings))


def codes(catalog):
    return [(p.path, p.line, p.field, p.code) for p in catalog.report.sorted()]


def test_language_from_folder_and_type_from_section(tmp_path):
    catalog = make(
        tmp_path,
        {
            "fr/webinaires/a.md": "---\ntitle: A\ndate: 2022-10-13\n---\n",
            "en/guides/b.md": "---\ntitle: B\n---\n",
            "en/about.md": "---\ntitle: About\n---\n",
            "fr/divers/c.md": "---\ntitle: C\ntype: guide\n---\n",
        },
    )
    assert codes(catalog) == []
    kinds = {e.rel_path: (e.lang, e.type) for e in catalog.entries}
    assert kinds == {
        "fr/webinaires/a.md": ("fr", EntryType.WEBINAR),
        "en/guides/b.md": ("en", EntryType.GUIDE),
        "en/about.md": ("en", EntryType.PAGE),
        "fr/divers/c.md": ("fr", EntryType.GUIDE),
    }
    assert catalog.by_path("fr/webinaires/a.md").url == "fr/webinaires/a/"


def test_configurable_section_map(tmp_path):
    catalog = make(
        tmp_path,
        {"fr/replays/a.md": "---\ntitle: A\ndate: 2022-10-13\n---\n"},
        sections={"replays": EntryType.WEBINAR},
    )
    assert catalog.entries[0].type is EntryType.WEBINAR


def test_translations_pair_by_path_by_section_type_and_by_key(tmp_path):
    catalog = make(
        tmp_path,
        {
            "fr/guides/same.md": "---\ntitle: Pareil\n---\n",
            "en/guides/same.md": "---\ntitle: Same\n---\n",
            "fr/webinaires/cercle.md": "---\ntitle: Cercle\ndate: 2022-10-13\n---\n",
            "en/webinars/cercle.md": "---\ntitle: Circle\ndate: 2022-10-13\n---\n",
            "fr/guides/volontariat.md": "---\ntitle: Volontariat\ntranslation_key: vol\n---\n",
            "en/guides/volunteering.md": "---\ntitle: Volunteering\ntranslation_key: vol\n---\n",
            "fr/guides/seul.md": "---\ntitle: Seul\n---\n",
        },
    )
    assert codes(catalog) == []

    def pair(path):
        return {lang: e.rel_path for lang, e in catalog.translations(catalog.by_path(path)).items()}

    assert pair("fr/guides/same.md") == {"fr": "fr/guides/same.md", "en": "en/guides/same.md"}
    assert pair("en/webinars/cercle.md")["fr"] == "fr/webinaires/cercle.md"
    assert pair("fr/guides/volontariat.md")["en"] == "en/guides/volunteering.md"
    assert pair("fr/guides/seul.md") == {"fr": "fr/guides/seul.md"}


def test_speakers_and_topics_resolve_with_did_you_mean(tmp_path):
    catalog = make(
        tmp_path,
        {
            "fr/webinaires/a.md": (
                "---\ntitle: A\ndate: 2022-10-13\nspeakers:\n  - stephanie-ledoux\n  - stephanie-ledou\n"
                "topics: [volontariat, volontaria]\n---\n"
            ),
        },
    )
    found = codes(catalog)
    assert ("fr/webinaires/a.md", 6, "speakers", "unknown_speaker") in found
    assert ("fr/webinaires/a.md", 7, "topics", "unknown_topic") in found
    texts = [p.render("en") for p in catalog.report.sorted()]
    assert any("did you mean 'stephanie-ledoux'" in t for t in texts)
    assert any("did you mean 'volontariat'" in t for t in texts)


def test_every_problem_is_reported_in_one_run(tmp_path):
    catalog = make(
        tmp_path,
        {
            "fr/webinaires/a.md": "---\ntitle: A\nspeakrs: [x]\ndate: 13/10/2022\n---\n",
            "fr/webinaires/b.md": "---\ntitle: B\n---\n",
            "fr/guides/c.md": "---\ntitle: C\nimage: media/x.png\ndescription: " + "d" * 250 + "\n---\n",
            "fr/guides/d.md": "---\ntitle: [broken\n---\n",
            "fr/guides/e.md": "---\ndescription: no title\n---\n",
            "fr/guides/f.md": "---\ntitle: F\nspeakers: [stephanie-ledoux]\n---\n",
            "fr/guides/g.md": b"---\ntitle: G\n---\n\xff\xfe",
            "en/events/h.md": "---\ntitle: H\ndate: 2020-04-17\ntimezone: Paris\ntime: '25:61'\n---\n",
            "notes.md": "# lost\n",
        },
    )
    found = {(p, f, c) for p, _, f, c in codes(catalog)}
    assert ("fr/webinaires/a.md", "speakrs", "unknown_field") in found
    assert ("fr/webinaires/a.md", "date", "bad_date") in found
    assert ("fr/webinaires/b.md", "date", "date_required") in found
    assert ("fr/guides/c.md", "description", "too_long") in found
    (too_long,) = [p for p in catalog.report.problems if p.code == "too_long"]
    assert dict(too_long.params) == {"length": "250", "max": "200"}  # from the error's context
    (bad_time,) = [p for p in catalog.report.problems if p.code == "bad_time"]
    assert dict(bad_time.params) == {"value": "25:61"}
    assert ("fr/guides/d.md", "", "yaml_error") in found
    assert ("fr/guides/e.md", "title", "missing_field") in found
    assert ("fr/guides/f.md", "speakers", "event_only_field") in found
    assert ("fr/guides/g.md", "", "not_utf8") in found
    assert ("en/events/h.md", "timezone", "unknown_timezone") in found
    assert ("en/events/h.md", "time", "bad_time") in found
    assert ("notes.md", "", "outside_language") in found
    hint = next(p.render("en") for p in catalog.report.sorted() if p.field == "speakrs")
    assert "did you mean 'speakers'" in hint
    lines = {(p.path, p.field): p.line for p in catalog.report.sorted()}
    assert lines[("fr/webinaires/a.md", "speakrs")] == 3
    assert lines[("fr/webinaires/a.md", "date")] == 4


def test_image_needs_alt_and_must_exist(tmp_path):
    catalog = make(tmp_path, {"fr/guides/a.md": "---\ntitle: A\nimage: media/missing.png\n---\n"})
    assert {c for *_, c in codes(catalog)} == {"image_without_alt", "missing_file"}


def test_translation_slot_conflict_and_duplicate_url(tmp_path):
    catalog = make(
        tmp_path,
        {
            "fr/guides/a.md": "---\ntitle: A\ntranslation_key: k\n---\n",
            "fr/guides/b.md": "---\ntitle: B\ntranslation_key: k\n---\n",
            "fr/guides/c.md": "---\ntitle: C\n---\n",
            "fr/guides/c/index.md": "---\ntitle: C bis\n---\n",
        },
    )
    found = codes(catalog)
    assert ("fr/guides/b.md", 3, "translation_key", "translation_conflict") in found
    duplicates = [path for path, _, _, code in found if code == "duplicate_url"]
    assert len(duplicates) == 1 and duplicates[0] in ("fr/guides/c.md", "fr/guides/c/index.md")


def test_drafts_are_left_out_unless_asked(tmp_path):
    files = {"fr/guides/a.md": "---\ntitle: A\ndraft: true\n---\n"}
    assert make(tmp_path, files).entries == []
    assert len(make(tmp_path, files, drafts=True).entries) == 1


def test_index_files_are_intros_not_entries(tmp_path):
    catalog = make(tmp_path, {"fr/index.md": "---\ntitle: Bienvenue\n---\nTexte\n"})
    assert catalog.entries == [] and catalog.intros["fr/"].meta.title == "Bienvenue"


def test_registry_problems_point_into_the_yaml(tmp_path):
    catalog = make(tmp_path, {"speakers.yml": "a:\n  name: A\n  rol: x\nb:\n  role: y\n"})
    found = codes(catalog)
    assert ("speakers.yml", 3, "a.rol", "unknown_field") in found
    assert ("speakers.yml", 4, "b.name", "missing_field") in found


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_out_of_content_is_refused(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: secret\n---\n")
    root = tmp_path / "content" / "fr" / "guides"
    root.mkdir(parents=True)
    (root / "link.md").symlink_to(secret)
    catalog = make(tmp_path, {})
    assert ("fr/guides/link.md", 0, "", "symlink_outside") in codes(catalog)
    assert catalog.entries == []


def test_newest_entries_of_a_topic_come_first_and_are_bounded(tmp_path):
    guide = "---\ntitle: Guide {i}\ndate: 2024-0{i}-01\ntopics: [volontariat]\n---\nTexte.\n"
    files = {f"fr/guides/g{i}.md": guide.format(i=i) for i in range(1, 6)}
    files["fr/guides/sans-date.md"] = "---\ntitle: Sans date\ntopics: [volontariat]\n---\nTexte.\n"
    catalog = make(tmp_path, files, languages=("fr",))
    newest = catalog.newest_with_topic("fr", "volontariat", 3)
    assert [e.title for e in newest] == ["Guide 5", "Guide 4", "Guide 3"]
    everything = catalog.newest_with_topic("fr", "volontariat", 10)
    assert everything[-1].title == "Sans date" and len(everything) == 6
    assert catalog.newest_with_topic("fr", "inconnu", 3) == []


@pytest.mark.parametrize("directory_urls", [True, False])
def test_entry_urls_are_those_mkdocs_gives_the_file(tmp_path, directory_urls):
    from mkdocs.structure.files import File

    names = ["a#b", "a?b", "100%", "with space", "é à"]
    files = {f"fr/guides/{n}.md": "---\ntitle: T\n---\n" for n in names}
    catalog = make(tmp_path, files, directory_urls=directory_urls)
    for name in names:
        rel = f"fr/guides/{name}.md"
        mkdocs_url = File(rel, str(tmp_path / "content"), str(tmp_path / "site"), directory_urls).url
        assert catalog.by_path(rel).url == mkdocs_url, rel


def test_duplicate_url_message_shows_the_path_not_its_encoding(tmp_path):
    files = {"fr/guides/a b.md": "---\ntitle: A\n---\n", "fr/guides/a b/index.md": "---\ntitle: B\n---\n"}
    found = [p for p in make(tmp_path, files).report.sorted() if p.code == "duplicate_url"]
    assert len(found) == 1 and "/fr/guides/a b/" in found[0].text("en")


def test_a_large_hubs_speakers_registry_loads_where_a_front_matter_that_size_is_refused(tmp_path):
    # 2,500 speakers with bios in two languages (a hub of 10,000 entries per language) make a
    # speakers.yml of more than a megabyte: a registry may be that large, a front matter not.
    bio = "Responsable d’un programme d’ambassadeurs depuis dix ans. " * 4
    speakers = "".join(
        f"speaker-{i:04d}:\n  name: Personne {i}\n  role: Rôle {i}\n  bio: {{fr: '{bio}', en: '{bio}'}}\n"
        for i in range(2_500)
    )
    assert len(speakers) > 1_000_000
    catalog = make(tmp_path, {"speakers.yml": speakers})
    assert not catalog.report.errors() and len(catalog.speakers) == 2_500
    page = "---\ntitle: x\ndescription: '" + "a" * 1_100_000 + "'\n---\nTexte.\n"
    refused = make(tmp_path / "other", {"fr/guides/x.md": page})
    assert ("fr/guides/x.md", 2, "", "yaml_too_big") in codes(refused)
    huge = make(tmp_path / "huge", {"speakers.yml": "a:\n  name: '" + "a" * 32_000_001 + "'\n"})
    assert ("speakers.yml", 1, "", "registry_too_big") in codes(huge)


def test_registry_problems_name_the_entry_and_its_line(tmp_path):
    speakers = (
        "ada:\n"
        "  name: Ada\n"
        "  role: {fr: Oratrice}\n"
        "  photo: people/ada.jpg\n"
        "bob:\n"
        "  name: 12\n"
        "  bogus: yes\n"
    )
    catalog = make(tmp_path, {"speakers.yml": speakers})
    found = codes(catalog)
    assert ("speakers.yml", 3, "ada.role", "registry_missing_language") in found
    assert ("speakers.yml", 4, "ada.photo", "missing_file") in found
    assert [f for f in found if f[2].startswith("bob")], found  # a wrong field names its entry
    assert "ada" in catalog.speakers and "bob" not in catalog.speakers


def test_registry_that_is_not_a_mapping(tmp_path):
    catalog = make(tmp_path, {"topics.yml": "- volontariat\n- climat\n"})
    assert ("topics.yml", 1, "", "registry_not_mapping") in codes(catalog)
    assert catalog.topics == {}
