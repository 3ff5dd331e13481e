"""Share links, campaign parameters, post lengths and the share-length check."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from tests.conftest import write

from cercle.core.catalog import load_catalog
from cercle.core.errors import Severity
from cercle.core.settings import HubSettings
from cercle.share.checks import share_length_problems
from cercle.share.links import (
    TEXT,
    mastodon_instance,
    mastodon_link,
    mastodon_post,
    share_links,
    text_slots,
    with_utm,
)
from cercle.share.text import bluesky_length, compose, graphemes, shown_link, x_length

URL = "https://hub.example.org/fr/webinaires/été/"
TRICKY = "Été & co : #Ambassadeurs, 50 % « volontaires » 🎉👩🏽‍💻 ?a=b#frag"


def query(href: str) -> dict[str, str]:
    values = parse_qs(urlsplit(href).query, keep_blank_values=True)
    return {k: v[0] for k, v in values.items()}


def test_text_and_url_come_back_exactly_from_every_link():
    links = share_links(URL, TRICKY, "Titre & « guillemets »")
    assert set(links) == {"linkedin", "x", "facebook", "bluesky", "whatsapp", "telegram", "email"}
    assert query(links["linkedin"]) == {"url": URL}
    assert query(links["facebook"]) == {"u": URL}
    assert query(links["x"]) == {"text": TRICKY, "url": URL}
    assert query(links["telegram"]) == {"url": URL, "text": TRICKY}
    assert query(links["bluesky"]) == {"text": f"{TRICKY} {URL}"}
    assert query(links["whatsapp"]) == {"text": f"{TRICKY} {URL}"}
    mail = query(links["email"].removeprefix("mailto:"))
    assert mail == {"subject": "Titre & « guillemets »", "body": f"{TRICKY}\n\n{URL}"}


def test_without_the_post_every_link_carries_the_page_and_its_campaign_only():
    utm = {"campaign": "c"}
    links = share_links(URL, None, "Titre & co", utm)
    for network, href in links.items():
        values = query(href.removeprefix("mailto:"))
        assert with_utm(URL, utm, network) in values.values(), network
        assert not [v for v in values.values() if "Été & co" in v and v != "Titre & co"]
    assert query(links["email"].removeprefix("mailto:"))["subject"] == "Titre & co"


def test_the_post_written_into_each_page_only_link_gives_the_full_link():
    # What cercle-share.js does: the post, encoded like Python's quote(safe=""), in place of TEXT
    # in each slot, the slot inserted into the link that carries the page's address alone.
    utm = {"campaign": "c"}
    slots = text_slots(URL, "Titre & « guillemets »", utm)
    alone = share_links(URL, None, "Titre & « guillemets »", utm)
    full = share_links(URL, TRICKY, "Titre & « guillemets »", utm)
    assert slots["linkedin"] == slots["facebook"] == (0, "")  # they take no text
    for network in ("x", "bluesky", "whatsapp", "telegram", "email"):
        at, what = slots[network]
        assert what.count(TEXT) == 1 and URL not in what and quote(URL, safe="") not in what
        written = alone[network][:at] + what.replace(TEXT, quote(TRICKY, safe="")) + alone[network][at:]
        assert written == full[network], network


@pytest.mark.parametrize("network", ["x", "bluesky", "whatsapp", "telegram", "email"])
def test_ampersand_hash_and_emoji_never_break_the_link(network):
    href = share_links(URL, TRICKY)[network]
    parts = urlsplit(href)
    assert parts.fragment == "" and "#" not in href  # '#' would end the query
    assert " " not in href
    # Only the separators between parameters are raw '&': the text's own are encoded.
    assert parts.query.count("&") == len(query(href)) - 1
    href.encode("ascii")  # emoji and accents are percent-encoded


def test_long_text_is_kept_whole():
    text = "Très long texte " * 200
    assert query(share_links(URL, text)["x"])["text"] == text


def test_campaign_parameters_are_per_network_and_the_same_for_everyone():
    utm = {"medium": "social", "campaign": "printemps"}
    links = share_links("https://hub.example.org/a/?lang=fr", "t", utm=utm)
    shared = query(query(links["linkedin"])["url"])
    assert shared == {
        "lang": "fr",
        "utm_source": "linkedin",
        "utm_medium": "social",
        "utm_campaign": "printemps",
    }
    assert query(query(links["x"])["url"])["utm_source"] == "x"
    assert share_links(URL, "t", utm=utm) == share_links(URL, "t", utm=utm)  # nothing random or personal
    assert with_utm(URL, {}, "x") == URL
    custom = with_utm(URL, {"source": "cercle-{network}", "campaign": "c"}, "bluesky")
    assert query(custom) == {"utm_source": "cercle-bluesky", "utm_campaign": "c"}


def test_mastodon_instance_is_checked_before_building_its_link():
    assert mastodon_instance("https://Mastodon.Social/@moi") == "mastodon.social"
    assert mastodon_instance("@moi@piaille.fr") == "piaille.fr"
    for bad in ("javascript:alert(1)", "", "not an instance", "http://", "a..b"):
        assert mastodon_instance(bad) is None
    post = mastodon_post(URL, "Été & #tag")
    link = mastodon_link("piaille.fr", post)
    assert link.startswith("https://piaille.fr/share?text=") and query(link) == {"text": f"Été & #tag {URL}"}
    assert mastodon_link("javascript:alert(1)", post) is None


def test_x_counts_links_as_23_and_emoji_as_2():
    assert x_length("é" * 10) == 10
    assert x_length("é" * 10, URL) == 10 + 1 + 23
    assert x_length("voir https://example.org/" + "a" * 100) == 5 + 23
    assert x_length("🎉") == 2 and x_length("👩🏽‍💻") == 2
    assert x_length("日本") == 4


def test_bluesky_counts_graphemes_and_the_link_as_shown():
    assert list(graphemes("e\u0301👩🏽‍💻🇫🇷a")) == ["é", "👩🏽‍💻", "🇫🇷", "a"]
    assert (
        shown_link("https://hub.example.org/fr/webinaires/un-tres-long-slug/")
        == "hub.example.org/fr/webinaire..."
    )
    assert shown_link("https://hub.example.org/") == "hub.example.org"
    assert bluesky_length("🎉é", URL) == 2 + 1 + len(shown_link(URL))
    assert compose("Texte", ["a", "#b"]) == "Texte\n\n#a #b"


def test_too_long_texts_are_warned_with_file_and_line(tmp_path):
    content = tmp_path / "content"
    write(content / "topics.yml", "{}\n")
    write(content / "speakers.yml", "{}\n")
    long = "Un texte beaucoup trop long. " * 11  # ~ 320 characters
    write(
        content / "fr/guides/long.md",
        "---\ntitle: Long\nshare:\n  text: Court et bien.\n  hashtags: [Ambassadeurs]\n"
        f"  variants:\n    - Assez court.\n    - {long.strip()}\n---\nCorps.\n",
    )
    settings = HubSettings(
        content_dir=content, today=dt.date(2026, 1, 1), site_url="https://hub.example.org/"
    )
    problems = share_length_problems(load_catalog(settings))
    assert {(p.path, p.line, p.field) for p in problems} == {("fr/guides/long.md", 8, "share.variants.1")}
    assert {dict(p.params)["network"] for p in problems} == {"X", "Bluesky"}
    assert all(p.severity is Severity.WARNING for p in problems)
    assert "too long for X" in problems[0].render("en") or "too long for Bluesky" in problems[0].render("en")
    assert "trop long pour" in problems[0].render("fr")
