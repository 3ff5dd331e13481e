"""The share kit in the built demo: "to share" page and feed, digest, images, disclosure, footer."""

from __future__ import annotations

import re

import feedparser
from PIL import Image
from tests.conftest import cercle, mkdocs_build
from tests.html import by_class, page, text

from cercle.share.emaillint import lint_email

TO_SHARE = {"fr": "fr/a-partager/", "en": "en/to-share/"}
PRIVACY = {"fr": "fr/aucune-mesure/", "en": "en/measures-nothing/"}
EXPIRED = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
SIZES = {"": (1200, 630), "-square": (1080, 1080), "-portrait": (1080, 1350), "-story": (1080, 1920)}


def block_titles(root) -> list[str]:
    return [text(el.find("h2")) for el in by_class(root, "cercle-share")]


def test_to_share_lists_the_window_pinned_first_and_never_the_expired(demo_site):
    fr = block_titles(page(demo_site, TO_SHARE["fr"]))
    assert fr[0] == "Pourquoi les ambassadeurs sont des volontaires"  # pinned
    assert "Petit lexique de l’ambassadeur" in fr and len(fr) == 4
    assert not any("cercle vertueux" in t for t in fr)  # ended 2026-11-10
    assert not any("Ubuntu" in t for t in fr)  # opens 2026-12-01
    assert block_titles(page(demo_site, TO_SHARE["en"]))[0] == "Why ambassadors are volunteers"
    # The expired entry is still published, with its share block.
    assert by_class(page(demo_site, EXPIRED), "cercle-share")


def test_each_listed_entry_has_its_text_copy_button_card_and_images(demo_site):
    root = page(demo_site, TO_SHARE["fr"])
    for block in by_class(root, "cercle-share"):
        assert block.find(".//img[@class='cercle-share__preview']") is not None
        assert block.find(".//button[@data-cercle-copy]") is not None
        downloads = [a.get("href") for a in block.iter("a") if a.get("download") is not None]
        assert len(downloads) == 4 and any(h.endswith("-story.png") for h in downloads)
        link = block.find("h2/a").get("href")
        assert (demo_site / "fr" / link.strip("./").split("fr/", 1)[-1] / "index.html").is_file() or link


def test_the_feed_mirrors_the_page(demo_site):
    feed = feedparser.parse((demo_site / TO_SHARE["fr"] / "feed.xml").read_bytes())
    assert feed.bozo == 0
    titles = [" ".join(e.title.split()) for e in feed.entries]
    assert titles == block_titles(page(demo_site, TO_SHARE["fr"]))
    assert "Je travaille chez Cercle." in feed.entries[0].summary
    head = page(demo_site, TO_SHARE["fr"]).find("head")
    feeds = [ln.get("href") for ln in head.iter("link") if ln.get("type") == "application/atom+xml"]
    assert "feed.xml" in feeds  # its own feed, beside it
    entry_head = page(demo_site, EXPIRED).find("head")
    assert not any("a-partager" in (ln.get("href") or "") for ln in entry_head.iter("link"))


def test_the_build_writes_this_months_digest_as_a_linted_email(demo_site):
    html = (demo_site / TO_SHARE["fr"] / "digest-fr-2026-11.html").read_text(encoding="utf-8")
    plain = (demo_site / TO_SHARE["fr"] / "digest-fr-2026-11.txt").read_text(encoding="utf-8")
    assert lint_email(html) == []
    assert "<style" not in html and "max-width: 600px" in html
    assert 'src="https://cercle.example.org/assets/cards/fr/guides/' in html
    for title in ("Pourquoi les ambassadeurs sont des volontaires", "Petit lexique de l’ambassadeur"):
        assert title in html and title in plain
    assert "utm_source=newsletter" in plain


def test_variants_of_every_shape_are_in_the_site(demo_site):
    stem = demo_site / "assets/cards/fr/guides/pourquoi-les-ambassadeurs-sont-volontaires"
    for suffix, size in SIZES.items():
        with Image.open(f"{stem}{suffix}.png") as image:
            assert image.size == size
    # Its window ended (2026-11-10): its quote cards are drawn in their own shape only.
    quotes = demo_site / "assets/cards/fr/webinaires/cercle-vertueux-programmes-ambassadeurs"
    assert (quotes / "quote-1.png").is_file() and not (quotes / "quote-1-story.png").exists()


def test_the_share_block_is_compact_with_the_rest_behind_one_disclosure(demo_site):
    root = page(demo_site, EXPIRED)
    block = by_class(root, "cercle-share")[0]
    more = block.find(".//details[@class='cercle-share__more']")
    assert more is not None and more.get("open") is None
    in_view = [el for el in block if el.tag != "details"]
    shown = " ".join(text(el) for el in in_view)
    assert "J’ai revu le webinaire" in shown and "Copier" in shown and "LinkedIn" in shown
    hidden = text(more)
    assert "Variante 2" in hidden and "Mots-dièse" in hidden and "Mastodon" in hidden
    assert "Télécharger la citation 1 (PNG, 1080 × 1080)" in hidden and "Texte alternatif" in hidden
    assert "9:16" not in hidden  # window ended: no network shapes (cercle/cards `variants: shared`)
    assert len(block.findall(".//details")) == 1


def test_disclosure_in_texts_unless_the_page_drops_it(demo_site):
    posts = by_class(page(demo_site, EXPIRED), "cercle-share__post")
    assert all("Je travaille chez Cercle." in text(p) for p in posts)
    lexicon = by_class(page(demo_site, "fr/guides/lexique-ambassadeur/"), "cercle-share__post")
    assert not any("Je travaille" in text(p) for p in lexicon)
    en = by_class(page(demo_site, "en/guides/why-ambassadors-are-volunteers/"), "cercle-share__post")
    assert "I work at Cercle." in text(en[0])


def test_blanks_show_with_their_brackets_in_the_html(demo_site):
    root = page(demo_site, "fr/guides/organisation-holomidale-programme-ambassadeurs/")
    blank = by_class(root, "cercle-share__blank")[0]
    assert blank.get("data-blank") == "votre idée principale" and text(blank) == "[votre idée principale]"


def test_every_footer_links_privacy_and_suggest(demo_site):
    for url in ("fr/", "en/", EXPIRED, TO_SHARE["en"], "fr/plan-du-site/"):
        footer = by_class(page(demo_site, url), "cercle-footer-links")[0]
        links = {text(a): a.get("href") for a in footer.iter("a")}
        lang = "fr" if url.startswith("fr") else "en"
        privacy = "Ce site ne mesure rien" if lang == "fr" else "This hub measures nothing"
        suggest = "Proposer une ressource" if lang == "fr" else "Suggest a resource"
        assert links[privacy].rstrip("/").endswith(PRIVACY[lang].rstrip("/").split("/")[-1])
        assert links[suggest].startswith("https://github.com/") and "suggest-content.yml" in links[suggest]


def test_privacy_page_says_what_is_collected_and_carried(demo_site):
    body = text(page(demo_site, PRIVACY["en"]).find(".//article"))
    assert "What is collected Nothing." in body
    assert "utm_campaign=ambassadors, utm_medium=social, utm_source=<the network's name>" in body
    assert "kept in this browser only" in body
    fr = text(page(demo_site, PRIVACY["fr"]).find(".//article"))
    assert "Ce qui est collecté Rien." in fr


def test_cli_digest_writes_both_parts_and_refuses_an_empty_month(demo_project, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = cercle(demo_project, "digest", "--lang", "en", "--month", "2026-12", "-o", str(out))
    assert result.returncode == 0, result.output
    html = (out / "digest-en-2026-12.html").read_text(encoding="utf-8")
    assert lint_email(html) == [] and "Ubuntu" in html
    assert "To share in December 2026" in (out / "digest-en-2026-12.txt").read_text(encoding="utf-8")
    # The share plugin's digest_length keeps the first pages; the others are one link away.
    config = demo_project / "mkdocs.yml"
    anchor, text = "  - cercle/share:\n", config.read_text(encoding="utf-8")
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + "      digest_length: 1\n"), encoding="utf-8")
    short = cercle(demo_project, "digest", "--lang", "en", "--month", "2026-12", "-o", str(out))
    assert short.returncode == 0, short.output
    assert "Digest 2026-12 (en): 1 of " in short.stdout
    assert "See what is to share now" in (out / "digest-en-2026-12.html").read_text(encoding="utf-8")
    config.write_text(text.replace(anchor, anchor + "      digest_length: -1\n"), encoding="utf-8")
    negative = cercle(demo_project, "digest", "--lang", "en", "-o", str(out))
    assert negative.returncode == 2 and "digest_length: '-1' is not a number of pages" in negative.stderr
    assert "Traceback" not in negative.output
    config.write_text(text, encoding="utf-8")
    empty = cercle(demo_project, "digest", "--lang", "en", "--month", "2020-01", "-o", str(out))
    assert empty.returncode == 1 and "No blank email" in empty.stderr
    assert not (out / "digest-en-2020-01.html").exists()
    # --lang is the digest's language and the messages' (as for new, import and booklet).
    french = cercle(demo_project, "digest", "--month", "2020-01", "--lang", "fr", "-o", str(out))
    assert french.returncode == 1 and "rien à partager en 2020-01" in french.stderr
    assert not (out / "digest-fr-2020-01.html").exists()
    bad = cercle(demo_project, "digest", "--month", "décembre")
    assert bad.returncode == 2 and "is not a month" in bad.stderr and "Traceback" not in bad.output


def test_check_reports_bad_windows_and_unclosed_blanks_with_file_and_line(demo_project):
    path = demo_project / "content/fr/guides/lexique-ambassadeur.md"
    source = path.read_text(encoding="utf-8")
    source = source.replace("  from: 2026-11-15\n", "  from: 2026-11-15\n  until: 2026-11-01\n", 1)
    path.write_text(source, encoding="utf-8")
    other = demo_project / "content/en/guides/why-ambassadors-are-volunteers.md"
    source = other.read_text(encoding="utf-8").replace("Worth a read!", "My take: [your take", 1)
    other.write_text(source, encoding="utf-8")
    result = cercle(demo_project, "check")
    assert result.returncode == 1
    assert re.search(
        r"fr/guides/lexique-ambassadeur\.md:\d+: error: share: share\.until \(2026-11-01\)", result.stdout
    )
    assert re.search(
        r"en/guides/why-ambassadors-are-volunteers\.md:\d+: warning: share\.variants\.0:", result.stdout
    )
    assert "[your take" in result.stdout
    build = mkdocs_build(demo_project)
    assert build.returncode != 0 and "share.until (2026-11-01)" in build.output


def test_a_preview_over_http_does_not_fill_the_log_with_the_digests_lint(demo_project):
    """`cercle serve` builds for http://127.0.0.1: the digest's links cannot be https there,
    and the lint's kilobytes of addresses were logged at every rebuild."""
    config = demo_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    preview = text.replace("site_url: https://cercle.example.org/", "site_url: http://127.0.0.1:8000/")
    config.write_text(preview, encoding="utf-8")
    result = mkdocs_build(demo_project)
    assert result.returncode == 0, result.output
    assert "email check" not in result.output and "https" not in result.output


def test_a_quote_in_another_language_gives_its_text_alternative_in_that_language(demo_project):
    """An English recap quoting a speaker in French: the text alternative to copy with the
    quote's image is French (its quote marks, its spacing) and says so; the others stay English."""
    entry = demo_project / "content/en/webinars/virtuous-circle-ambassador-programs.md"
    source = entry.read_text(encoding="utf-8")
    said = "On their personal networks, people speak for themselves: an ambassador program can"
    french = '"Sur leurs réseaux, chacun parle en son nom : on invite, on n’impose pas !"\n    lang: fr-CA'
    entry.write_text(re.sub(rf'"{said}[^"]*"', french, source, count=1), encoding="utf-8")
    result = mkdocs_build(demo_project)
    assert result.returncode == 0, result.output
    root = page(demo_project / "site", "en/webinars/virtuous-circle-ambassador-programs/")
    first, second = (root.find(f".//span[@id='cercle-share-alt-{n}']") for n in (1, 2))
    assert first.get("lang") == "fr-CA" and second.get("lang") is None  # French, from Quebec
    assert "".join(first.itertext()) == (
        "«\xa0Sur leurs réseaux, chacun parle en son nom\xa0: on invite, on n’impose pas\u202f!\xa0»"
        " — Stéphanie Ledoux"
    )
    assert "".join(second.itertext()).startswith("“The circle becomes virtuous")
