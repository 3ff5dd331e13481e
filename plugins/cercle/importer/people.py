"""Who spoke: people's names found by spaCy's named-entity model, kept when the text presents them as
speakers, with the role and organization written after the name.

A name alone is not enough: recaps also cite authors, thank hosts and link to other posts. A
person counts as a speaker when the sentence introduces them ("avec X", "speakers X, Y and Z",
"animé par X", "Intervenant·es : - X …") or when they are the subject of a speaking verb
("X a présenté…", "X will give a keynote", "X, Lead Engineer, will talk…"). People already in
speakers.yml count wherever they are named.
"""

from __future__ import annotations

import re

from cercle.importer.guess import SpeakerGuess, plain
from cercle.importer.nlp import Entity, entities

_LEAD = re.compile(
    r"\b(?:avec|with|réuni(?:ssai)?(?:t|ent|ra)|brought together|featured|speakers?|panel(?:ists?)?"
    r"|intervenant(?:e|s|es|·es|\.e\.s)?|invitée?s?|guests?|anim[ée]e?s? par|présentée?s? par"
    r"|présentation de|modérée?s? par|proposée?s? par|intervention de|témoignage de"
    r"|moderated by|hosted by|led by|presented by|presentations? by|talks? by|keynote by|featuring"
    r"|included|par (?:le|la|les|notre|nos) (?:duo|trio|équipe|intervenante?s?)|^\s*(?:par|by)(?=\s))\b",
    re.IGNORECASE | re.MULTILINE,
)
_SPOKE = re.compile(
    r"^(?:\s*,[^.;:\n]{0,120}?,)?\s*(?:\w+\s+){0,2}?"
    r"(?:(?:a|ont|est|sont)\s+(?:\w+\s+)?)?(?:ouvert|présentée?|montré|expliqué|poursuivi|conclu|animée?|rappelé"
    r"|partagé|décrit|exposé|témoigné|intervenue?s?|pris la parole|présente|anime|ouvre|conclut|explique"
    r"|proposé|parlé|raconté|démontré|abordé"
    r"|gave|give|gives|presented|presents|present|talked|talk|talks|spoke|speaks|introduced|described"
    r"|explained|shared|showed|opened|closed|moderated|hosted|led|joined|discussed|demoed|walked)\b",
    re.IGNORECASE,
)
_LISTED = re.compile(r"(?:^|,|\bet|\band|&|[-–—:;(])\s*$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\n|\bet\b|\band\b)\s*")
_PARTICLES = {
    "de",
    "du",
    "des",
    "da",
    "di",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "del",
    "dos",
    "y",
    "bin",
    "ibn",
}
_NOT_NAMES = {
    "community", "call", "webinar", "webinaire", "notebook", "notebooks", "journal", "package", "packages",
    "software", "review", "github", "twitter", "website", "slides", "session", "table", "ronde", "atelier",
    "conference", "conférence", "digital", "history", "open", "science", "research", "data", "the", "le",
    "la", "les", "un", "une", "our", "your", "rstudio", "project", "projet", "programme", "program",
    "lead", "tech", "manager", "responsable", "directeur", "directrice", "engineer", "developer", "ceo",
    "cto", "head", "chief", "founder", "fondateur", "fondatrice", "président", "présidente", "chef",
    "devops", "mobile", "scientist", "professor", "professeur", "meetup", "afup",
}  # fmt: skip
_ROLE_AT = (
    r"^\s*(?:,\s*|\s+(?:est|is|was|était)\s+)(?P<role>[^,.;:()\n]{{2,90}}?)\s+(?:{preps})\s*"
    r"(?P<org>[^,.;:()\n]{{2,80}}?)(?=\s+(?:et|and|qui|who|depuis|since)\s|\s*[,.;:()\n]|$)"
)
_PREPOSITION = re.compile(
    r"\s+(?:chez|at|@|for|pour|au|aux|à la|à l’|à l'|du|de la|de l’|de l'|de|d’|d'|des|of|from|with)"
    r"(?:\s+(?:le|la|les|the)\b|\s*l’|\s*l')?\s*$",
    re.IGNORECASE,
)
# "chez"/"at" name the organization even after a "de" ("directrice de la communication chez Acme").
_AFTER = [
    re.compile(_ROLE_AT.format(preps=r"chez|at|@|au sein d[eu]|within"), re.IGNORECASE),
    re.compile(
        _ROLE_AT.format(
            preps=r"for|pour|au|aux|à la|à l’|à l'|du|de la|de l’|de l'|de|d’|d'|des|of|from|with"
        )
        + r"|^\s*\((?P<paren>[^()\n]{2,60})\)"
        r"|^\s*,\s*(?P<alone>[^,.;:()\n]{2,60}?)(?=\s*[,.;:()\n]|\s+(?:et|and)\s+[A-ZÀ-Ý])",
        re.IGNORECASE,
    ),
]


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or len(text) > 60:
        return False
    if any(plain(w) in _NOT_NAMES for w in words):
        return False
    capitals = [w for w in words if w.lower() not in _PARTICLES]
    # "Stéphane PY", "Jean DUPONT": a surname in capitals, but not a name made only of acronyms.
    initials = all(w[:1].isupper() for w in capitals)
    return len(capitals) >= 2 and initials and not all(w.isupper() for w in capitals)


def _names(entity: Entity) -> list[tuple[str, int]]:
    """The names in a PER entity ("Hugo Gruson and Steffi LaZerte" is two), with their offsets.

    The small model sometimes takes a word before or after a name ("slides Timothée Giraud",
    "Daniel Vartanian will"): lowercase words at either end are dropped.
    """
    found = []
    for piece in _SPLIT.split(entity.text):
        words = piece.strip(" -–—*_'\"«»“”()[]").split()
        while words and not words[-1][:1].isupper():
            words.pop()
        while words and not words[0][:1].isupper():
            words.pop(0)
        name = " ".join(words)
        offset = entity.text.find(name)
        if name and offset >= 0 and _is_name(name):
            found.append((name, entity.start + offset))
    return found


def _whole(text: str, entity: Entity) -> Entity:
    """A one-word person with a capitalised word just before it on the line: the model split a name."""
    if entity.label != "PER" or " " in entity.text.strip():
        return entity
    line_start = text.rfind("\n", 0, entity.start) + 1
    before = re.search(r"([A-ZÀ-Ý][\w’'-]+)\s+$", text[line_start : entity.start])
    if before is None or plain(before.group(1)) in _NOT_NAMES:
        return entity
    start = line_start + before.start(1)
    return Entity(text[start : entity.end], entity.label, start, entity.end)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the previous full stop or line break to the next."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    return left, min(ends) if ends else len(text)


def _introduced(text: str, start: int, end: int, person: bool = True) -> bool:
    """The sentence presents this person as someone who spoke.

    A name the model did not label as a person (MISC) counts only right after a lead.
    """
    left, right = _sentence(text, start, end)
    leads = list(_LEAD.finditer(text, left, start))
    lead = leads[-1] if leads else None  # the nearest lead before the name
    # Right after the lead, or after a separator of the list it opens ("avec X, rôle, et Y"),
    # not inside a clause ("avec X, adepte du Cluetrain Manifesto").
    if lead and start - lead.end() < 250 and _LISTED.search(text[lead.end() : start]):
        return True
    if not person:
        return bool(lead and not text[lead.end() : start].strip(" :"))
    if _SPOKE.match(text[end:right]):
        return True
    # A list item under a lead line ("Intervenant·es :", "Speakers:") that starts with the name.
    line_start = text.rfind("\n", 0, start) + 1
    item = text[line_start:start].strip(" -*•–\t")
    if not item:
        previous = text.rfind("\n", 0, max(line_start - 1, 0))
        while previous >= 0:
            above = text[previous + 1 : line_start].strip()
            if not above.startswith(("-", "*", "•", "–")):
                return bool(above.endswith(":") and _LEAD.search(above))
            line_start = previous + 1
            previous = text.rfind("\n", 0, max(previous - 1, 0))
    return False


_NOT_ROLE = re.compile(
    r"^(?:and|et|qui|who|which|que|dont|where|où|il|elle|they|ils)\b|\s(?:a|ont|est|sont|has|have|was|were)\s",
    re.IGNORECASE,
)


def _is_role(words: str) -> bool:
    """A job title, not a clause ("qui accompagne…", "Josélito et Bastoun ont relevé…")."""
    single_name = " " not in words and words[:1].isupper() and not words.isupper()  # ", Josélito et…"
    return len(words.split()) <= 8 and not single_name and not _NOT_ROLE.search(f"{words} ")


def _role(text: str, end: int, ents: list[Entity]) -> tuple[str | None, str | None]:
    """The role and organization written right after a name: "X, directrice conseil chez Org", "X (Org)".

    What follows a name is not always its role ("X, Y and Z", "X est ensuite intervenu pour…"):
    a role holding another person's name is dropped, and after "est"/"is" only an organization
    the model recognises makes a role.
    """
    window = text[end : end + 180]
    match = _AFTER[0].match(window) or _AFTER[1].match(window)
    if not match:
        return None, None
    groups = match.groupdict()

    def entity_in(start: int, stop: int, labels: tuple[str, ...]) -> Entity | None:
        return next(
            (
                e
                for e in ents
                if e.label in labels and start <= e.start < stop and (e.label != "PER" or _is_name(e.text))
            ),
            None,
        )

    if groups.get("paren"):
        return None, match.group("paren").strip()
    if groups.get("alone"):
        alone = match.group("alone").strip()
        people = entity_in(end + match.start("alone"), end + match.end("alone"), ("PER",))
        return (None if people or not _is_role(alone) else alone), None
    role, org = match.group("role").strip(), match.group("org").strip()
    if not _is_role(role):
        return None, None
    if entity_in(end + match.start("role"), end + match.end("org"), ("PER",)):
        return None, None
    # The model knows where an organization's name starts and ends better than prepositions do
    # ("directeur de recherche au Laboratoire d'Informatique de Grenoble").
    known_org = entity_in(end + match.start("role") + 1, end + match.end(), ("ORG", "MISC", "LOC"))
    before = text[end + match.start("role") : known_org.start] if known_org else ""
    if known_org is not None and _PREPOSITION.search(before):
        role = _PREPOSITION.sub("", before).strip()
        org = text[known_org.start : max(known_org.end, end + match.end("org"))].strip()
    elif window.lstrip(" ,").split(" ", 1)[0].lower() in ("est", "is", "was", "était"):
        return None, None
    return role, org


def guess_speakers(text: str, known: dict[str, str]) -> list[SpeakerGuess]:
    """People named in the text as speakers; `known` maps speakers.yml ids to names."""
    by_name = {plain(name): ident for ident, name in known.items()}
    found: dict[str, tuple[int, SpeakerGuess]] = {}
    ents = entities(text)
    for entity in ents:
        if entity.label not in ("PER", "MISC"):
            continue
        for name, start in _names(_whole(text, entity)):
            key = plain(name)
            if key in found:
                continue
            ident = by_name.get(key)
            if ident is None and not _introduced(text, start, start + len(name), entity.label == "PER"):
                continue
            role, org = _role(text, start + len(name), ents)
            found[key] = (
                start,
                SpeakerGuess(known.get(ident, name) if ident else name, role, ident, bool(ident), org),
            )
    flat = plain(text)
    for key, ident in by_name.items():
        position = flat.find(key)
        if position >= 0 and key not in found:
            found[key] = (position, SpeakerGuess(known[ident], None, ident, True))
    return [speaker for _, speaker in sorted(found.values(), key=lambda item: item[0])]
