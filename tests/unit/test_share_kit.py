"""The share kit beyond the block: windows, blanks, disclosure, the digest and its email lint."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from tests.conftest import ROOT, write

from cercle.checks import run_checks
from cercle.core.cachefile import published_mode
from cercle.core.catalog import load_catalog
from cercle.core.errors import Severity
from cercle.core.i18n import message
from cercle.core.settings import HubSettings
from cercle.hub.view import Hub
from cercle.share.checks import blank_problems, disclosure_problems, share_length_problems
from cercle.share.digest import (
    CLIPPED_ABOVE,
    Digest,
    DigestError,
    make_digest,
    parse_month,
    save_digest,
    valid_length,
)
from cercle.share.emaillint import lint_email
from cercle.share.kit import disclosure_for, suggestions
from cercle.share.now import in_month, to_share
from cercle.share.text import compose, segments, unclosed_blank, x_length

TODAY = dt.date(2026, 11, 17)
SITE = "https://hub.example.org/"


def hub_of(content, **settings) -> Hub:
    options = {"content_dir": content, "today": TODAY, "site_url": SITE, **settings}
    return Hub(run_checks(load_catalog(HubSettings(**options))))


def entry_file(content, name: str, share: str, lang: str = "fr") -> None:
    write(content / lang / "guides" / f"{name}.md", f"---\ntitle: {name}\nshare:\n{share}---\nCorps.\n")


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    entry_file(folder, "ouvert", "  text: Ouvert.\n  from: 2026-11-01\n  until: 2026-11-30\n")
    entry_file(folder, "epingle", "  text: Épinglé.\n  from: 2026-10-01\n  pinned: true\n")
    entry_file(folder, "expire", "  text: Expiré.\n  from: 2026-10-01\n  until: 2026-11-16\n")
    entry_file(folder, "futur", "  text: Futur.\n  from: 2026-12-01\n  until: 2026-12-31\n")
    entry_file(folder, "sans-fenetre", "  text: Toujours là, jamais listé.\n")
    return folder


# -- windows -------------------------------------------------------------------------------


def test_to_share_lists_what_is_in_its_window_pinned_first(content):
    hub = hub_of(content)
    names = [e.slug for e in to_share(hub.catalog.in_language("fr"), TODAY)]
    assert names == ["epingle", "ouvert"]
    # The window decides the page only: expired and future entries stay published.
    assert {"expire", "futur", "sans-fenetre"} <= {e.slug for e in hub.catalog.in_language("fr")}


def test_last_day_of_the_window_is_included_and_the_day_after_is_not(content):
    entries = load_catalog(HubSettings(content_dir=content, today=TODAY)).in_language("fr")
    assert "expire" in {e.slug for e in to_share(entries, dt.date(2026, 11, 16))}
    assert "expire" not in {e.slug for e in to_share(entries, dt.date(2026, 11, 17))}


def test_a_month_holds_every_window_that_touches_it(content):
    entries = load_catalog(HubSettings(content_dir=content, today=TODAY)).in_language("fr")
    assert [e.slug for e in in_month(entries, dt.date(2026, 12, 1))] == ["epingle", "futur"]
    november = {e.slug for e in in_month(entries, dt.date(2026, 11, 1))}
    assert november == {"epingle", "ouvert", "expire"}
    assert in_month(entries, dt.date(2026, 9, 1)) == []


@pytest.mark.parametrize(
    ("share", "code", "line"),
    [
        ("  from: 2026-12-01\n  until: 2026-11-01\n", "share_window_order", 3),
        ("  from: 31/12/2026\n", "bad_date", 4),
        ("  until: demain\n", "bad_date", 4),
    ],
)
def test_bad_windows_are_errors_with_file_and_line(tmp_path, share, code, line):
    entry_file(tmp_path, "x", share)
    report = load_catalog(HubSettings(content_dir=tmp_path, today=TODAY)).report
    found = [p for p in report.errors() if p.code == code]
    assert found and found[0].path.endswith("fr/guides/x.md") and found[0].line == line
    assert found[0].render("en") and "Traceback" not in found[0].render("fr")


def test_window_order_message_in_both_languages(tmp_path):
    entry_file(tmp_path, "x", "  from: 2026-12-01\n  until: 2026-11-01\n")
    problem = load_catalog(HubSettings(content_dir=tmp_path, today=TODAY)).report.errors()[0]
    assert "share.until (2026-11-01) is before share.from (2026-12-01)" in problem.render("en")
    assert "tombe avant share.from (2026-12-01)\u00a0: inversez-les" in problem.render("fr")


# -- blanks --------------------------------------------------------------------------------


def test_blanks_are_cut_out_of_the_text():
    assert segments("J’ai aimé [votre avis]. Et [autre chose]") == [
        ("J’ai aimé ", False),
        ("votre avis", True),
        (". Et ", False),
        ("autre chose", True),
    ]
    assert segments("Sans blanc") == [("Sans blanc", False)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Mon avis : [votre avis", "[votre avis"),
        ("fermé] sans ouvrir", "] sans ouvrir"),
        ("[a] puis [b", "[b"),
    ],
)
def test_an_unclosed_blank_is_found(text, start):
    assert unclosed_blank(text) == start


def test_closed_blanks_are_fine():
    assert unclosed_blank("[a] et [b].") is None


def test_check_warns_about_an_unclosed_blank_with_its_line(tmp_path):
    entry_file(tmp_path, "x", '  text: Bien.\n  variants:\n    - "Mon avis : [votre avis"\n')
    problems = blank_problems(load_catalog(HubSettings(content_dir=tmp_path, today=TODAY)))
    assert len(problems) == 1
    found = problems[0]
    assert (found.line, found.field, found.severity) == (6, "share.variants.0", Severity.WARNING)
    assert "[votre avis" in found.render("en") and "[your opinion]" in found.render("en")
    assert "jamais refermé" in found.render("fr")


# -- disclosure -----------------------------------------------------------------------------

LINES = {"fr": "Je travaille chez Exemple.", "en": "I work at Example."}


def test_disclosure_sits_between_text_and_hashtags_and_a_page_may_drop_it(tmp_path):
    entry_file(tmp_path, "avec", "  text: Texte.\n  hashtags: [Tag]\n")
    entry_file(tmp_path, "sans", "  text: Texte.\n  disclosure: false\n")
    hub = hub_of(tmp_path, share_disclosure=LINES)
    avec, sans = (hub.catalog.by_path(f"fr/guides/{n}.md") for n in ("avec", "sans"))
    assert (
        suggestions(avec, disclosure_for(avec, LINES))[0].post
        == "Texte.\n\nJe travaille chez Exemple.\n\n#Tag"
    )
    assert disclosure_for(sans, LINES) == ""
    assert compose("T", [], "  ") == "T"


def test_disclosure_counts_in_the_length_checks(tmp_path):
    text = "a" * 240  # fits X (240 + 1 + 23 = 264) until the disclosure line is added
    entry_file(tmp_path, "x", f"  text: {text}\n")
    settings = {"content_dir": tmp_path, "today": TODAY, "site_url": SITE}
    assert share_length_problems(load_catalog(HubSettings(**settings))) == []
    problems = share_length_problems(load_catalog(HubSettings(**settings, share_disclosure=LINES)))
    assert [dict(p.params)["network"] for p in problems] == ["X"]
    assert x_length(compose(text, [], LINES["fr"]), SITE) == int(dict(problems[0].params)["length"])


def test_a_disclosure_too_long_for_x_with_the_link_is_an_error(tmp_path):
    entry_file(tmp_path, "x", "  text: Court.\n")
    settings = HubSettings(
        content_dir=tmp_path, today=TODAY, site_url=SITE, share_disclosure={"en": "x" * 200}
    )
    problems = disclosure_problems(load_catalog(settings))
    assert len(problems) == 1 and problems[0].severity is Severity.ERROR
    assert problems[0].path == "mkdocs.yml" and problems[0].field == "cercle/share.disclosure.en"
    assert "disclosure line too long for X" in problems[0].render("en")
    assert "mention de transparence trop longue" in problems[0].render("fr")
    assert disclosure_problems(load_catalog(HubSettings(content_dir=tmp_path, share_disclosure=LINES))) == []


# -- digest and email lint -----------------------------------------------------------------


def test_parse_month():
    assert parse_month("2026-12") == dt.date(2026, 12, 1)
    for bad in ("2026-13", "12/2026", "", "2026-1-1"):
        with pytest.raises(DigestError) as caught:
            parse_month(bad)
        assert caught.value.code == "share_bad_month"
    assert "is not a month" in message("en", "share_bad_month", value="x")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Hub:
    content = tmp_path_factory.mktemp("digest") / "content"
    shutil.copytree(ROOT / "content", content)
    return hub_of(content, share_disclosure=LINES, share_utm={"campaign": "ambassadors"})


def test_digest_is_an_email_with_absolute_links_and_its_text_twin(demo):
    made = make_digest(
        demo, "fr", dt.date(2026, 12, 1), "Cercle", lambda e: (f"{SITE}c/{e.slug}.png", "Carte")
    )
    assert made.count >= 2
    assert lint_email(made.html) == []
    assert "<style" not in made.html and 'style="' in made.html  # inlined by css-inline
    assert "À partager en décembre 2026" in made.html and "À partager en décembre 2026" in made.text
    assert "Pourquoi les ambassadeurs sont des volontaires" in made.text
    assert "utm_source=newsletter" in made.text and "utm_campaign=ambassadors" in made.html
    assert "Je travaille chez Exemple." in made.text
    assert "Texte suggéré\u00a0:" in made.text
    # The pinned entry comes first, in both parts.
    assert made.text.index("Pourquoi les ambassadeurs") < made.text.index("Ubuntu")


def test_a_long_month_keeps_the_first_pages_and_links_the_others(demo):
    picture = lambda e: (f"{SITE}c/{e.slug}.png", "Carte")  # noqa: E731
    every = make_digest(demo, "fr", dt.date(2026, 12, 1), "Cercle", picture, length=0)  # 0: all
    assert every.count == every.total >= 2 and "D’autres pages" not in every.html
    short = make_digest(demo, "fr", dt.date(2026, 12, 1), "Cercle", picture, length=1)
    assert (short.count, short.total) == (1, every.total)
    assert lint_email(short.html) == []
    assert f"Cette lettre reprend 1 des {every.total} pages" in short.text
    # The pinned page stays; the others are one link away, in both parts.
    assert "Pourquoi les ambassadeurs" in short.text and "Ubuntu" not in short.text
    link = f"{SITE}fr/a-partager/"
    assert short.html.count(f'href="{link}"') == 2  # the button and the footer's link
    # "To share" lists what is open today, not the month's pages: the link promises no count.
    assert "Voir ce qui est à partager" in short.html
    assert "D’autres pages à partager vous attendent sur le site" in short.text and link in short.text
    with pytest.raises(ValueError):
        make_digest(demo, "fr", dt.date(2026, 12, 1), "Cercle", picture, length=-1)
    assert [valid_length(v) for v in (0, 10, -1, True, "10", 2.5)] == [True, True, False, False, False, False]


def test_a_digest_gmail_would_clip_is_refused(demo, tmp_path):
    made = make_digest(demo, "en", dt.date(2026, 12, 1), "Cercle", lambda e: None)
    padded = made.html.replace("</body>", "<p>" + "x" * CLIPPED_ABOVE + "</p></body>")
    big = Digest(made.lang, made.month, padded, made.text, made.count, made.total)
    with pytest.raises(DigestError) as caught:
        save_digest(big, tmp_path)
    assert caught.value.code == "share_digest_clipped" and caught.value.params["limit"] == 102
    assert "Set digest_length (cercle/share's options) to fewer than" in message(
        "en", caught.value.code, **caught.value.params
    )
    assert "Donnez à digest_length" in message("fr", caught.value.code, **caught.value.params)
    assert not list(tmp_path.iterdir())  # nothing half-written
    save_digest(made, tmp_path)
    written = sorted(tmp_path.iterdir())
    assert [p.name for p in written] == ["digest-en-2026-12.html", "digest-en-2026-12.txt"]
    # Published beside the "to share" page: the web server must be able to read them.
    assert all(p.stat().st_mode & 0o777 == published_mode() for p in written)
    mask = os.umask(0o022)
    os.umask(mask)
    assert published_mode() == 0o666 & ~mask and published_mode(folder=True) == 0o777 & ~mask


def test_an_empty_month_gives_no_email(demo):
    with pytest.raises(DigestError) as caught:
        make_digest(demo, "en", dt.date(2020, 1, 1), "Cercle", lambda e: None)
    assert caught.value.code == "share_empty_month"
    assert "No blank email" in message("en", "share_empty_month", **caught.value.params)


@pytest.mark.parametrize(
    ("html", "complaint"),
    [
        ("<table><tr><td><style>p{}</style></td></tr></table>", "<style>"),
        ("<table><tr><td><script></script></td></tr></table>", "<script>"),
        ('<link rel="stylesheet" href="https://x/y.css"><table></table>', "<link>"),
        ("<div>no table</div>", "no table"),
        ('<table><tr><td><img src="https://x/a.png" alt=""></td></tr></table>', "no width"),
        ('<table><tr><td><img src="https://x/a.png" width="10"></td></tr></table>', "no alt"),
        ('<table width="700"></table>', "wider than 600"),
        ('<table style="max-width: 640px"></table>', "wider than 600"),
        ('<table><tr><td><a href="/fr/">x</a></td></tr></table>', "not an absolute"),
        ('<table><tr><td><img src="a.png" width="1" alt=""></td></tr></table>', "not an absolute"),
        ('<table><tr><td style="display:flex"></td></tr></table>', "flex or grid"),
    ],
)
def test_email_lint_catches_each_mistake(html, complaint):
    assert any(complaint in problem for problem in lint_email(html))


def test_email_lint_accepts_a_plain_table_email():
    html = (
        '<table width="600" style="max-width:600px"><tr><td>'
        '<img src="https://x/a.png" width="552" alt="A"><a href="mailto:a@b.c">m</a></td></tr></table>'
    )
    assert lint_email(html) == []
