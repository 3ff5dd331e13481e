"""`cercle build` checks the content, then hands the checked Catalog to cercle/hub (read once)."""

import dataclasses
import datetime as dt

from cercle.checks import checked_catalog, hand_over, run_checks
from cercle.core.catalog import load_catalog
from cercle.core.settings import HubSettings

ENTRY = """\
---
title: "Garder le cap"
date: 2024-03-05
topics: [volontariat]
---

Le corps du texte.
"""


def _settings(tmp_path):
    root = tmp_path / "content"
    (root / "fr/articles").mkdir(parents=True)
    (root / "topics.yml").write_text("volontariat:\n  label: {fr: Volontariat}\n", encoding="utf-8")
    (root / "speakers.yml").write_text("{}\n", encoding="utf-8")
    (root / "fr/articles/garder-le-cap.md").write_text(ENTRY, encoding="utf-8")
    return HubSettings(content_dir=root, languages=("fr",), today=dt.date(2026, 11, 22))


def test_the_handed_over_catalog_is_used_once(tmp_path):
    settings = _settings(tmp_path)
    checked = run_checks(load_catalog(settings))
    hand_over(checked)
    assert checked_catalog(settings) is checked
    # A second build in the same process (cercle serve) reads the content again.
    again = checked_catalog(settings)
    assert again is not checked
    assert [e.title for e in again.entries] == [e.title for e in checked.entries]


def test_a_catalog_of_other_settings_is_not_used(tmp_path):
    settings = _settings(tmp_path)
    checked = run_checks(load_catalog(settings))
    hand_over(checked)
    other = dataclasses.replace(settings, today=dt.date(2026, 11, 23))
    found = checked_catalog(other)
    assert found is not checked and found.settings == other
    assert checked_catalog(settings) is not checked  # taken (and dropped) by the first call
