"""Pure parts of cercle.compliance: the statement's facts, the site map's year pages, the
QR code, and what `cercle a11y` counts as an alt text repeating a file name or a title."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import segno

from cercle.compliance.a11y import _repeats
from cercle.compliance.qr import qr_svg
from cercle.compliance.sitemap import parts
from cercle.compliance.statement import Status, parse_facts, statement, unconfigured_warning


def entry(url: str, date: dt.date | None):
    return SimpleNamespace(url=url, date=date)


def test_facts_are_validated_with_the_option_named():
    facts, problems = parse_facts({"status": "partial", "rate": 72, "audit_date": "2026-01-02"})
    assert problems == [] and facts is not None and facts.status is Status.PARTIAL
    _, problems = parse_facts({"status": "almost", "contact": {"email": "nope"}})
    assert sorted(p.field for p in problems) == ["accessibility.contact.email", "accessibility.status"]
    assert all(p.path == "mkdocs.yml" for p in problems)


def test_no_audit_means_non_compliant_whatever_the_status_says():
    assert statement({"status": "full"}, "fr", "Hub").status is Status.NONE
    assert statement({}, "fr", "Hub").status is Status.NONE and not statement({}, "fr", "Hub").configured
    audited = statement({"status": "full", "audit_date": "2026-01-02", "rate": 99.5}, "fr", "Hub")
    assert audited.status is Status.FULL and audited.rate == "99,5"
    assert statement({"status": "full", "audit_date": "2026-01-02", "rate": 99.5}, "en", "Hub").rate == "99.5"


def test_a_missing_statement_warns_once():
    assert len(unconfigured_warning({})) == 1 and unconfigured_warning({"status": "none"}) == []


def test_site_map_splits_by_year_then_into_parts_past_the_page_size():
    few = [entry(f"e{i}/", dt.date(2020, 1, 1)) for i in range(3)]
    assert parts(few, page_size=3) == []
    many = [entry(f"a{i}/", dt.date(2021, 5, i + 1)) for i in range(5)] + [entry("u/", None)]
    found = parts(many, page_size=2)
    assert [(p.slug, p.label, len(p.entries)) for p in found] == [
        ("2021", "2021", 2),
        ("2021-2", "2021 (2)", 2),
        ("2021-3", "2021 (3)", 1),
        ("undated", "", 1),
    ]
    assert [e.url for e in found[0].entries] == ["a4/", "a3/"]  # newest first
    assert sum(len(p.entries) for p in found) == len(many)


def test_alt_text_repeating_the_file_name_or_the_title():
    assert _repeats("team-photo", "media/team-photo.png", "Title")
    assert _repeats("Team photo", "media/team_photo.jpg", "Title")
    assert _repeats("team-photo.png", "media/team-photo.png", "Title")
    assert _repeats("The title", "x.png", "The title")
    assert not _repeats("Five volunteers around a table", "media/team-photo.png", "Title")


def test_qr_code_is_scalable_svg_of_the_address():
    svg = qr_svg("https://example.org/fr/", "QR")
    assert svg.startswith("<svg") and "viewBox" in svg and "<title>QR</title>" in svg
    assert "width=" not in svg.split(">")[0]  # sized by the stylesheet
    assert segno.make("https://example.org/fr/", error="m").designator in ("2-M", "1-M", "3-M")
