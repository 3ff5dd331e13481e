"""Engine-agnostic parts of #14's browsing work: French typography, the identity, pictures
and avatars, topic addresses and redirect pages."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat
from tests.unit.test_catalog import make

from cercle.cards.picture_plan import readable_image
from cercle.cards.pictures import AVATAR_WIDTHS, Picture, _source_image, initials, render_pictures
from cercle.cards.pictures import make as make_copies
from cercle.cards.spec import Brand, CardSpec
from cercle.core.cachefile import unseal
from cercle.core.i18n import language_name, ui
from cercle.core.typography import NBSP, NNBSP, fix, fix_html
from cercle.hub.identity import IdentityError, contrast, identity, stylesheet, tint
from cercle.hub.pages import Kind, generated_pages, topic_slugs
from cercle.hub.redirects import Redirect, redirect_html, redirects

# -- typography ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "typeset"),
    [
        ("Tu viens ? Oui!", f"Tu viens{NNBSP}? Oui{NNBSP}!"),
        ("Note: voir", f"Note{NBSP}: voir"),
        ("«Bonjour » dit-il", f"«{NBSP}Bonjour{NBSP}» dit-il"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("à 12:30 ; fin", f"à 12:30{NNBSP}; fin"),
        ("std::vector et a;b", "std::vector et a;b"),
        ("voir https://x.org/?a=1;b=2 !", f"voir https://x.org/?a=1;b=2{NNBSP}!"),
        ("écrire à moi@x.org ?", f"écrire à moi@x.org{NNBSP}?"),
    ],
)
def test_french_typography_on_plain_text(raw, typeset):
    assert fix(raw, "fr") == typeset
    assert fix(typeset, "fr") == typeset  # idempotent


def test_a_very_long_word_from_content_is_read_once_and_kept_whole():
    # A pull request's 60,000-letter "word" (no space, no sign) was tried as a URL scheme and
    # as an address from each of its letters: minutes of build. It is text like any other;
    # the sign after it still gets its space, addresses and URLs around it stay whole.
    for word in ("a" * 60_000, "a9." * 20_000):
        text = f"Voir {word} : fin ! Écrire à jean.dupont+hub@example.org ; https://x.org/a:b"
        assert fix(text, "fr") == (
            f"Voir {word}{NBSP}: fin{NNBSP}! Écrire à jean.dupont+hub@example.org{NNBSP}; https://x.org/a:b"
        )


def test_other_languages_are_left_alone():
    assert fix("Really ? Yes : no « x »", "en") == "Really ? Yes : no « x »"
    assert fix_html("<p>Really ?</p>", "en") == "<p>Really ?</p>"


def test_french_parts_of_a_page_in_another_language_get_french_typography():
    # A French deck's text or transcript on an English page; the page's own text stays as it is.
    html = (
        '<a href="/fr/" hreflang="fr" lang="fr" class="md-select__link">Français</a>'
        '<p>Really ? <span lang="fr">Animateur : Vincent ? « oui »</span> ok ?</p>'
        "<blockquote lang=fr-CA>Vraiment ?</blockquote><q lang='fr'>Et toi ?</q>"
    )
    assert fix_html(html, "en") == (
        '<a href="/fr/" hreflang="fr" lang="fr" class="md-select__link">Français</a>'
        f'<p>Really ? <span lang="fr">Animateur{NBSP}: Vincent{NNBSP}? «{NBSP}oui{NBSP}»</span> ok ?</p>'
        f"<blockquote lang=fr-CA>Vraiment{NNBSP}?</blockquote><q lang='fr'>Et toi{NNBSP}?</q>"
    )
    # Written in capitals or with spaces, as the walk reads a `lang` too.
    capitals = '<p>Yes ?</p><div LANG = "FR">Oui ?</div>'
    assert fix_html(capitals, "en") == f'<p>Yes ?</p><div LANG = "FR">Oui{NNBSP}?</div>'
    # Only the switcher's French link: the page is not walked at all.
    switcher_only = '<a hreflang="fr" lang="fr" class="md-select__link">Français</a><p>Really ?</p>'
    assert fix_html(switcher_only, "en") is switcher_only


def test_html_text_nodes_only_never_code_attributes_or_other_languages():
    html = (
        '<p title="a : b">Vraiment? <code>a ? b</code> <a href="/x?y=1">lien ?</a></p>'
        '<pre>x ; y</pre><blockquote lang="en">Why ? <b>so !</b></blockquote><p>fin !</p>'
        "<script>if (a ? b : c) {}</script><!-- note : x --><img alt=\"x ?\"><br>après ?"
        '<h2>Titre<a href="#t" title="Lien">&para;</a></h2><p>fin&nbsp;! a&#160;: b</p>'
    )
    out = fix_html(html, "fr")
    assert out == (
        f'<p title="a : b">Vraiment{NNBSP}? <code>a ? b</code> <a href="/x?y=1">lien{NNBSP}?</a></p>'
        f'<pre>x ; y</pre><blockquote lang="en">Why ? <b>so !</b></blockquote><p>fin{NNBSP}!</p>'
        f"<script>if (a ? b : c) {{}}</script><!-- note : x --><img alt=\"x ?\"><br>après{NNBSP}?"
        '<h2>Titre<a href="#t" title="Lien">&para;</a></h2><p>fin&nbsp;! a&#160;: b</p>'
    )


def test_html_runs_of_tags_are_skipped_without_losing_a_lang_change():
    # Runs of tags and text without a sign are copied in one step: a `lang` in a tag, a nested
    # element of the same name and a comment before a sign must still end or start where they
    # did; a `lang=` inside another attribute's value is that value's text, not the element's
    # language.
    html = (
        '<div lang="en"><div><p>One ?</p></div><p>Two ?</p></div><p>Trois ?</p>'
        '<!-- a --> x ; y <!-- b --><span title="a lang=en">Quatre ?</span><span>cinq ?</span>'
        "<section><i data-x='lang=fr' LANG='en'>six ?</i></section><q lang=fr><q>sept ?</q></q>"
        '<b title="x lang=fr"lang=en alt=\'lang="fr"\'>huit ?</b>'
    )
    assert fix_html(html, "fr") == (
        f'<div lang="en"><div><p>One ?</p></div><p>Two ?</p></div><p>Trois{NNBSP}?</p>'
        f'<!-- a --> x{NNBSP}; y <!-- b --><span title="a lang=en">Quatre{NNBSP}?</span>'
        f"<span>cinq{NNBSP}?</span>"
        f"<section><i data-x='lang=fr' LANG='en'>six ?</i></section><q lang=fr><q>sept{NNBSP}?</q></q>"
        '<b title="x lang=fr"lang=en alt=\'lang="fr"\'>huit ?</b>'
    )
    # On an English page, a French `lang` only in a value leaves the element English.
    english = '<p title="see lang=fr">Really ?</p><p lang="fr" title="lang=en">Oui ?</p>'
    assert fix_html(english, "en") == (
        f'<p title="see lang=fr">Really ?</p><p lang="fr" title="lang=en">Oui{NNBSP}?</p>'
    )


def test_ui_strings_and_language_names():
    assert ui("fr", "tags_label") == f"Mots-clés{NBSP}:" and ui("en", "tags_label") == "Tags:"
    assert language_name("en", "fr") == "anglais" and language_name("fr", "en") == "French"
    assert language_name("fr", "fr") == "français" and language_name("en", "en") == "English"
    assert ui("fr", "read_in", language=language_name("en", "fr")) == "Lire en anglais"


# -- identity -----------------------------------------------------------------------------------


def test_identity_defaults_and_stylesheet_for_both_schemes():
    ident = identity({}, "", {}, "")
    css = stylesheet(ident)
    assert "--md-primary-fg-color: #283593;" in css
    dark = css.split("[data-md-color-scheme=slate]")[1]
    link = dark.split("--md-typeset-a-color: ")[1][:7]
    assert contrast(link, "#1e2129") >= 7 and link != "#283593"


@pytest.mark.parametrize(
    ("brand", "cta", "code"),
    [
        ({"primary": "red;}body{"}, {}, "bad_brand_color"),
        ({"accent": "url(x)"}, {}, "bad_brand_color"),
        ({"font": "Inter'; } *{"}, {}, "bad_font"),
        ({"logo": "https://cdn.example.net/logo.png"}, {}, "remote_logo"),
        ({}, {"label": "Go", "url": "javascript:alert(1)"}, "bad_cta"),
        ({}, {"label": "Go", "url": {"fr": "fr/", "en": "http://x.org"}}, "bad_cta"),
    ],
)
def test_identity_refuses_what_could_break_out_of_css_or_links(brand, cta, code):
    with pytest.raises(IdentityError) as caught:
        identity(brand, "", cta, "")
    assert caught.value.code == code


def test_a_light_primary_gets_dark_text_on_it():
    ident = identity({"primary": "#ffca28"}, "", {}, "")
    assert ident.light_primary and "--md-primary-bg-color: #1a1a1a;" in stylesheet(ident)
    assert contrast(tint("#000000", "#000000"), "#000000") >= 7


# -- pictures -----------------------------------------------------------------------------------


def test_initials():
    assert initials("Stéphanie Ledoux") == "SL"
    assert initials("Jean-Marc de la Fontaine") == "JF"
    assert initials("Ana") == "A"
    assert initials("🙂") == "?"


def test_avatar_is_drawn_at_each_width_in_png_and_webp(tmp_path):
    avatar = Picture("assets/pictures/speakers/x", "initials", (1, 1), AVATAR_WIDTHS, initials="SL")
    copies = make_copies(avatar, tmp_path)
    assert sorted(copies) == sorted(v.dest for v in avatar.variants())
    for dest, data in copies.items():
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == ("WEBP" if dest.endswith(".webp") else "PNG")
            assert image.size[0] == image.size[1] == int(dest.rsplit("-", 1)[1].split(".")[0])


def test_an_image_is_cropped_to_the_card_shape_cached_sealed_and_copied(tmp_path):
    source = tmp_path / "content" / "photo.jpg"
    source.parent.mkdir()
    Image.new("RGB", (900, 900), (10, 120, 200)).save(source)
    widths = (360, 1200)
    picture = Picture("assets/pictures/fr/x", "image", (1200, 630), widths, path=str(source), social=True)
    site, cache = tmp_path / "site", tmp_path / "cache"
    made, failed = render_pictures([picture], cache, tmp_path / "cards", site)
    assert (made, failed) == (1, [])
    with Image.open(site / "assets/pictures/fr/x-1200.jpg") as image:
        assert image.size == (1200, 630) and image.format == "JPEG"
    cached = sorted(cache.iterdir())
    assert len(cached) == 3 and all(unseal(p.read_bytes()) is not None for p in cached)  # 2 WebP, 1 JPEG
    # A second build copies from the cache; a damaged cache file is made again, never used.
    cached[0].write_bytes(b"garbage")
    made, _ = render_pictures([picture], cache, tmp_path / "cards", tmp_path / "site2")
    assert made == 1 and (tmp_path / "site2/assets/pictures/fr/x-360.webp").is_file()
    made, _ = render_pictures([picture], cache, tmp_path / "cards", tmp_path / "site3")
    assert made == 0


def test_only_real_images_are_used(tmp_path):
    text = tmp_path / "x.png"
    text.write_text("not an image")
    good = tmp_path / "good.png"
    Image.new("RGB", (10, 10)).save(good)
    link = tmp_path / "link.png"
    link.symlink_to(good)
    assert readable_image(good)
    assert not readable_image(text) and not readable_image(link) and not readable_image(tmp_path / "none.png")


# -- redirects ----------------------------------------------------------------------------------


def test_redirect_page_is_static_and_escaped():
    html = redirect_html(Redirect("en/topics/a/", "en/topics/b-c/", "<B & C>", "en"), "https://hub.example.org/")
    assert '<meta http-equiv="refresh" content="0; url=../b-c/">' in html
    assert '<link rel="canonical" href="https://hub.example.org/en/topics/b-c/">' in html
    assert "&lt;B &amp; C&gt;" in html and "<script" not in html and 'name="robots" content="noindex"' in html


def test_topic_addresses_are_translated_explicit_or_kept(tmp_path):
    catalog = make(tmp_path, {})
    slugs = {lang: topic_slugs(catalog, lang) for lang in ("fr", "en")}
    assert slugs["fr"]["volontariat"] == "volontariat" and slugs["en"]["volontariat"] == "volunteering"
    pages = {(p.kind, p.lang, p.subject): p.url for p in generated_pages(catalog)}
    assert pages[(Kind.TOPIC, "en", "volontariat")] == "en/topics/volunteering/"
    found = redirects(generated_pages(catalog), set())
    assert Redirect("en/topics/volontariat/", "en/topics/volunteering/", "Volunteering", "en") in found
    assert not [r for r in found if r.lang == "fr" and r.old.endswith("/volontariat/")]
    assert redirects(generated_pages(catalog), {"en/topics/volontariat/"}) == [
        r for r in found if r.old != "en/topics/volontariat/"
    ]  # an address a page lives at is never overwritten


def test_cards_keep_french_no_break_spaces_when_wrapping():
    from cercle.cards.draw import wrap

    lines = wrap(f"Comment créer le cercle vertueux des ambassadeurs{NNBSP}?", "bold", 60, 500, 5)
    assert lines[-1].endswith(f"ambassadeurs{NNBSP}?") and "?" not in lines[:-1]


def test_card_and_avatar_pictures_are_small_palette_pngs(tmp_path):
    """Their copies hold the brand's colours only: a palette PNG close to the drawing, and a
    lossless WebP of the same pixels."""
    spec = CardSpec("og", "guide", "fr", "Lexique de l’ambassadeur", Brand(), eyebrow="Guide")
    card = Picture("assets/pictures/fr/x", "card", (1200, 630), (720,), card=spec)
    avatar = Picture("assets/pictures/speakers/x", "initials", (1, 1), AVATAR_WIDTHS, initials="SL")
    for picture in (card, avatar):
        copies = make_copies(picture, tmp_path)
        source = _source_image(picture, tmp_path)
        for variant in picture.variants():
            if variant.mime != "image/png":
                continue
            with Image.open(io.BytesIO(copies[variant.dest])) as image:
                assert image.mode == "P"
                drawn = ImageOps.fit(source, image.size, Image.Resampling.LANCZOS)
                diff = ImageChops.difference(image.convert("RGB"), drawn).convert("L")
            # Off by a few levels; the most only where resizing rang past the ramps (text edges).
            assert ImageStat.Stat(diff).mean[0] < 1 and diff.getextrema()[1] <= 48, variant.dest
            webp = copies[variant.dest.replace(".png", ".webp")]
            assert webp[12:16] == b"VP8L"  # lossless WebP: the same pixels as the PNG, no blur
            with (
                Image.open(io.BytesIO(webp)) as lossless,
                Image.open(io.BytesIO(copies[variant.dest])) as png,
            ):
                assert lossless.convert("RGB").tobytes() == png.convert("RGB").tobytes()
