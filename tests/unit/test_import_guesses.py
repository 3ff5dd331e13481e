"""The importer's guesses one by one: dates (dateparser), type words, speakers (spaCy), quotes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from cercle.importer.dates import guess_date
from cercle.importer.guess import SpeakerGuess, guess_description, guess_kind
from cercle.importer.people import guess_speakers
from cercle.importer.quotes import guess_quotes


def test_cercle_startup_loads_none_of_the_import_libraries():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom cercle.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "print(sorted(m for m in ('spacy', 'dateparser', 'trafilatura', 'thinc') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "page", "year", "expected"),
    [
        ("Le 11 juin dernier, la table ronde réunissait…", None, 2023, dt.date(2023, 6, 11)),
        ("Le 11 juin dernier, la table ronde réunissait…", dt.date(2024, 1, 20), None, dt.date(2023, 6, 11)),
        ("A week ago we held a Community Call.", dt.date(2021, 3, 9), None, dt.date(2021, 3, 2)),
        ("Last Thursday we held a Community Call.", dt.date(2021, 4, 28), None, dt.date(2021, 4, 22)),
        ("REPORT au mercredi 19 avril de 13h30 à 14h30", dt.date(2023, 4, 13), None, dt.date(2023, 4, 19)),
        (
            "Les journées se sont déroulées les 8 et 9 mars 2023.",
            dt.date(2023, 3, 15),
            None,
            dt.date(2023, 3, 8),
        ),
        (
            "Join us 🕘 Wednesday, March 18, 9-10 AM PDT / 4-5 PM GMT",
            dt.date(2020, 3, 4),
            None,
            dt.date(2020, 3, 18),
        ),
        ("Compte rendu #ShareeConf - Vendredi 17/04 : en 2020, …", None, None, dt.date(2020, 4, 17)),
        ("Nothing dated here.", dt.date(2022, 5, 2), None, dt.date(2022, 5, 2)),
    ],
)
def test_dates_in_words_and_relative_ones(text, page, year, expected):
    guess = guess_date(text, page, year)
    assert guess is not None and guess.value == expected


def test_no_date_at_all_is_none_unless_the_file_has_one():
    assert guess_date("Pas de date ici.") is None
    assert guess_date("Pas de date ici.", fallback=dt.date(2020, 1, 2)).source == "@file_date"


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Retour sur la table ronde du 5 mai", "", "event"),
        ("Compte rendu de l’atelier « Ambassadeurs »", "", "event"),
        ("Workshop recap: onboarding", "", "event"),
        ("Live Q&A with the community team", "", "webinar"),
        ("Nos conseils", "Le webinaire du 3 mars avec…", "webinar"),
        ("Panel: brand advocacy", "", "event"),
        ("Bien rédiger un post", "Quelques conseils pour écrire sur LinkedIn.", "guide"),
    ],
)
def test_type_comes_from_the_words(title, text, kind):
    assert guess_kind(title, text).value == kind


def test_description_is_the_lede_never_the_title():
    title = "Retour sur la table ronde"
    paragraphs = [
        title,
        "## Programme",
        "La table ronde a réuni trois intervenantes autour du bénévolat. Suite.",
    ]
    assert (
        guess_description(paragraphs, title)
        == "La table ronde a réuni trois intervenantes autour du bénévolat. Suite."
    )


def test_speakers_with_role_and_organization_known_ones_matched():
    text = (
        "Cette table ronde réunissait Stéphanie Ledoux, directrice conseil chez The Social Republic, "
        "et Marc Petit (Acme). Il a cité les travaux de Sabina Leonelli sur la reproductibilité.\n"
        "STEPHANIE LEDOUX a conclu."
    )
    found = guess_speakers(text, {"marc-petit": "Marc Petit"})
    assert [(s.name, s.role, s.organization, s.id) for s in found] == [
        ("Stéphanie Ledoux", "directrice conseil", "The Social Republic", None),
        ("Marc Petit", None, "Acme", "marc-petit"),
    ]


def test_english_speakers_listed_and_moderator():
    text = (
        "This call included speakers Maëlle Salmon, Hugo Gruson and Steffi LaZerte, "
        "and was moderated by Stefanie Butland. See the post by Jenny Bryan."
    )
    names = [s.name for s in guess_speakers(text, {})]
    assert names == ["Maëlle Salmon", "Hugo Gruson", "Steffi LaZerte", "Stefanie Butland"]


def test_quotes_with_who_said_them():
    claire = SpeakerGuess("Claire Martin")
    paragraphs = [
        "Claire Martin a ouvert : « Un ambassadeur ne se décrète pas, il se reconnaît dans ce qu’on fait. »",
        "Le modèle « holomidal » en cercle.",
        '"We learned more from the failures than from the successes of the program," said someone.',
        "Comme dans l’article “Ubuntu pour lancer ou relancer un programme ambassadeur” la stratégie…",
    ]
    quotes = guess_quotes(paragraphs, [claire])
    assert [(q.text[:16], q.by) for q in quotes] == [("Un ambassadeur n", claire), ("We learned more ", None)]


def test_a_missing_model_is_named(monkeypatch):
    from cercle.importer import nlp

    monkeypatch.setattr(nlp, "MODEL", "fr_no_such_pipeline")
    nlp._pipeline.cache_clear()
    try:
        with pytest.raises(nlp.ModelMissing, match="fr-no-such-pipeline"):
            nlp.entities("Claire Martin")
    finally:
        nlp._pipeline.cache_clear()


def test_html_body_repeats_neither_title_nor_date_line():
    from cercle.importer.html import from_html

    page = (
        "<html><head><title>Site</title></head><body><nav>Menu</nav><article><h1>Retour sur l’atelier</h1>"
        "<p class='meta'><time datetime='2024-05-02'>2 mai 2024</time> · Équipe</p>"
        "<p>L’atelier a réuni vingt ambassadeurs autour de la prise de parole sur les réseaux.</p>"
        "<h2>Ce qui a été dit</h2><p>Beaucoup de choses.</p></article></body></html>"
    )
    draft = from_html(page, "page.html", {})
    assert draft.title.value == "Retour sur l’atelier" and draft.kind == "event"
    assert str(draft.date.value) == "2024-05-02"
    assert "Retour sur" not in draft.body and "2 mai 2024" not in draft.body and "Menu" not in draft.body
    assert draft.description.startswith("L’atelier a réuni vingt ambassadeurs")
    # A WordPress post's own <h1> is part of its text when the export gives another title.
    fragment = from_html("<h1>Programme</h1><p>Un long paragraphe de texte.</p>", "x", {}, title="Autre")
    assert "# Programme" in fragment.body


def test_a_clause_after_a_name_is_not_a_role():
    text = (
        "Et avec Bastoun Talec, qui accompagne les entreprises à adopter des organisations modernes. "
        "Suite à l’intervention de Saïd El Bouzidi, Josélito et Bastoun ont relevé que la confiance compte."
    )
    found = guess_speakers(text, {})
    assert [(s.name, s.role, s.organization) for s in found] == [
        ("Bastoun Talec", None, None),
        ("Saïd El Bouzidi", None, None),
    ]
