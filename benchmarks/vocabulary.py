"""The benchmark corpus's words: topics, people, and sentences in French and English.

Sentences are assembled from small vocabularies (a subject, a verb agreed with it, an
object, a tail), so the text varies like prose and both languages have the same shape.
"""

from __future__ import annotations

import random

LANGS = ("fr", "en")

TOPICS = {
    "volontariat": ("Volontariat", "Volunteering"),
    "confiance": ("Confiance", "Trust"),
    "gouvernance": ("Gouvernance", "Governance"),
    "communication-nonviolente": ("Communication NonViolente", "Nonviolent Communication"),
    "reseaux-sociaux": ("Réseaux sociaux", "Social networks"),
    "marque-employeur": ("Marque employeur", "Employer brand"),
    "recrutement": ("Recrutement", "Recruiting"),
    "formation": ("Formation", "Training"),
    "mesure": ("Mesurer sans surveiller", "Measuring without monitoring"),
    "communaute": ("Communauté", "Community"),
    "contenus": ("Contenus à partager", "Content to share"),
    "lancement": ("Lancer un programme", "Launching a program"),
}
FIRST = ["Camille", "Léa", "Hugo", "Nadia", "Jules", "Inès", "Malik", "Chloé", "Yanis", "Sofia", "Théo",
         "Amina", "Louis", "Zoé", "Karim", "Emma", "Rémi", "Sarah", "Bastien", "Lina"]  # fmt: skip
LAST = ["Moreau", "Girard", "Nguyen", "Diallo", "Lefèvre", "Rossi", "Martin", "Benali", "Dupuis",
        "Fontaine", "Marchand", "Petit", "Roux", "Garnier", "Lambert", "Chevalier"]  # fmt: skip
ORGS = ["Word About You", "The Social Republic", "sapiens.org", "Atelier Ubuntu", "Cercle Ouvert",
        "Les Voix Libres", "Open Circle Lab", "Réseau Sharee"]  # fmt: skip
ROLES = {
    "fr": ["Responsable du programme ambassadeurs", "Directrice de la communication", "Consultant",
           "Cofondatrice", "Chargé de marque employeur", "Animatrice de communauté"],
    "en": ["Ambassador program lead", "Head of communications", "Consultant", "Co-founder",
           "Employer brand manager", "Community manager"],
}  # fmt: skip

WORDS = {
    "fr": {
        "subject": ["les ambassadeurs", "l’organisation", "chaque volontaire", "l’équipe communication",
                    "les dirigeants", "la communauté", "les collaborateurs", "le programme",
                    "les responsables RH", "une petite équipe", "les partenaires", "les nouveaux venus"],
        "verb": ["partage|partagent", "construit|construisent", "propose|proposent", "découvre|découvrent",
                 "écoute|écoutent", "prépare|préparent", "raconte|racontent", "mesure|mesurent",
                 "choisit|choisissent", "accompagne|accompagnent", "invente|inventent",
                 "soutient|soutiennent"],
        "object": ["des contenus prêts à partager", "une stratégie commune", "des rituels réguliers",
                   "leur propre voix", "des besoins partagés", "une relation de confiance",
                   "des retours collectifs", "un cadre clair", "des histoires vraies",
                   "des rendez-vous mensuels", "une charte d’utilisation", "des formations courtes"],
        "tail": ["sans objectif imposé", "à leur rythme", "dans la durée", "sur leurs réseaux personnels",
                 "avec transparence", "au fil des saisons", "sans surveillance individuelle",
                 "en toute liberté", "pour le plaisir d’apprendre", "avec l’appui des managers"],
        "lead": ["Concrètement,", "Au quotidien,", "Dans les faits,", "Très vite,", "Peu à peu,",
                 "Le plus souvent,", "Au lancement,", "Avec le recul,", "", "", ""],
        "heading": ["Pourquoi c’est important", "Ce qui a fonctionné", "Les besoins en présence",
                    "Le rôle des managers", "Mesurer sans surveiller", "Les rituels", "Ce qu’il faut éviter",
                    "Un exemple concret", "Les premiers pas", "Et après ?", "La confiance au quotidien"],
        "title_a": ["Faire vivre", "Lancer", "Relancer", "Animer", "Mesurer", "Réussir", "Comprendre",
                    "Former", "Outiller", "Écouter"],
        "title_b": ["un programme ambassadeurs", "une communauté de volontaires", "la parole des équipes",
                    "la marque employeur", "les contenus partagés", "la confiance", "les réseaux sociaux",
                    "le volontariat"],
        "title_c": ["sans objectifs imposés", "dans la durée", "pas à pas", "en équipe", "avec sincérité",
                    "à petite échelle", "au quotidien", "sans surveiller"],
        "question": ["Comment {b} peut-il durer ?", "Quels besoins concilier pour {b} ?",
                     "Que mesurer sans suivre personne ?", "Quels rituels font vivre {b} ?"],
        "desc": "{kind} : {title}. Retours d’expérience, questions concrètes et pistes pour agir.",
        "kinds": {"webinar": "Webinaire", "event": "Événement", "guide": "Guide"},
        "place": ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Montréal"],
    },
    "en": {
        "subject": ["the ambassadors", "the organization", "each volunteer", "the communications team",
                    "the leaders", "the community", "the employees", "the program", "the HR managers",
                    "a small team", "the partners", "the newcomers"],
        "verb": ["shares|share", "builds|build", "offers|offer", "discovers|discover", "listens to|listen to",
                 "prepares|prepare", "tells|tell", "measures|measure", "chooses|choose", "supports|support",
                 "invents|invent", "sustains|sustain"],
        "object": ["ready-to-share content", "a shared strategy", "regular rituals", "their own voice",
                   "shared needs", "a relationship of trust", "collective feedback", "a clear frame",
                   "true stories", "monthly meetups", "a usage charter", "short trainings"],
        "tail": ["with no imposed goal", "at their own pace", "over time", "on their personal networks",
                 "openly", "season after season", "without individual monitoring", "freely",
                 "for the joy of learning", "with the managers' support"],
        "lead": ["In practice,", "Day to day,", "In fact,", "Very soon,", "Little by little,",
                 "Most often,", "At launch,", "Looking back,", "", "", ""],
        "heading": ["Why it matters", "What worked", "The needs at stake", "The managers' role",
                    "Measuring without monitoring", "Rituals", "What to avoid", "A concrete example",
                    "First steps", "What next?", "Trust, day to day"],
        "title_a": ["Keeping alive", "Launching", "Relaunching", "Running", "Measuring", "Succeeding with",
                    "Understanding", "Training", "Equipping", "Listening to"],
        "title_b": ["an ambassador program", "a community of volunteers", "the teams' voice",
                    "the employer brand", "shared content", "trust", "social networks", "volunteering"],
        "title_c": ["without imposed goals", "over time", "step by step", "as a team", "sincerely",
                    "at a small scale", "day to day", "without monitoring"],
        "question": ["How can {b} last?", "Which needs to reconcile for {b}?",
                     "What to measure without tracking anyone?", "Which rituals keep {b} alive?"],
        "desc": "{kind}: {title}. Field experience, concrete questions and ideas to act on.",
        "kinds": {"webinar": "Webinar", "event": "Event", "guide": "Guide"},
        "place": ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Montreal"],
    },
}  # fmt: skip


def slugify_text(text: str) -> str:
    from slugify import slugify

    return slugify(text, max_length=50, word_boundary=True)


SINGULAR = ("l’", "le ", "la ", "chaque ", "une ", "the organization", "each ", "the community",
            "the program", "a small team", "the communications team")  # fmt: skip


def clause(rng: random.Random, w: dict) -> str:
    subject = rng.choice(w["subject"])
    singular, plural = rng.choice(w["verb"]).split("|")
    verb = singular if subject.startswith(SINGULAR) else plural
    return f"{subject} {verb} {rng.choice(w['object'])}"


def sentence(rng: random.Random, w: dict) -> str:
    lead = rng.choice(w["lead"])
    text = clause(rng, w)
    if rng.random() < 0.7:
        text += f" {rng.choice(w['tail'])}"
    if rng.random() < 0.4:
        text += f", {clause(rng, w)}"
    text = f"{lead} {text}" if lead else text[0].upper() + text[1:]
    return text + "."


def body_text(rng: random.Random, w: dict, words: int = 720) -> str:
    """About `words` words: sections with a heading, paragraphs and now and then a list."""
    parts: list[str] = []
    count = 0
    headings = rng.sample(w["heading"], len(w["heading"]))
    while count < words:
        parts.append(f"## {headings[len(parts) % len(headings)]}")
        for _ in range(rng.randint(2, 3)):
            if rng.random() < 0.2:
                items = [sentence(rng, w) for _ in range(rng.randint(3, 4))]
                block = "\n".join(f"- {s}" for s in items)
            else:
                block = " ".join(sentence(rng, w) for _ in range(rng.randint(3, 5)))
            parts.append(block)
            count += len(block.split())
    return "\n\n".join(parts) + "\n"


def speakers_yaml(n_speakers: int, seed: int) -> dict:
    rng = random.Random(seed + 1)
    result = {}
    for i in range(n_speakers):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + i // len(FIRST)) % len(LAST)]}"
        role = rng.randrange(len(ROLES["fr"]))
        org = rng.choice(ORGS)
        result[f"speaker-{i:03d}"] = {
            "name": name,
            "organization": org,
            "role": {lang: f"{ROLES[lang][role]}, {org}" for lang in LANGS},
            "bio": {lang: " ".join(sentence(rng, WORDS[lang]) for _ in range(2)) for lang in LANGS},
        }
    return result


def topics_yaml() -> dict:
    return {
        tid: {
            "label": {"fr": fr, "en": en},
            "description": {"fr": f"Tout sur le thème « {fr} ».", "en": f"Everything about “{en}”."},
        }
        for tid, (fr, en) in TOPICS.items()
    }
