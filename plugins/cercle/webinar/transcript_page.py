"""An entry's transcript page (<entry>/transcript/): what it takes from the entry.

Each cue is typeset in its own language (the page's pass, cercle.core.typography.fix_html,
follows the page's language: French captions on an English page kept plain spaces). Its
search record is the entry's (same filters, so filtering by type, topic or speaker keeps
"who said…" results) under the title "Transcript: <title>". Its stylesheets and <body> are
the theme's, rendered for its own address (cercle.mkdocs.webinar), not read from the entry
page's HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cercle.core import typography
from cercle.search.fields import SearchFields
from cercle.webinar.replay import Transcript


def transcript_fields(fields: SearchFields, t: Callable[..., str]) -> SearchFields:
    """The entry's search fields with the transcript page's title."""
    meta = tuple(
        (key, t("transcript_page", title=value) if key == "title" else value) for key, value in fields.meta
    )
    return replace(fields, meta=meta)


def typeset(transcript: Transcript) -> Transcript:
    """`transcript` with each cue's text and speaker in its language's typography (French
    no-break spaces before : ; ! ? and inside « »), whatever the page's language."""
    lang = transcript.lang
    if not typography.applies(lang):
        return transcript
    paragraphs = tuple(
        replace(
            paragraph,
            lines=tuple(
                replace(line, text=typography.fix(line.text, lang), voice=typography.fix(line.voice, lang))
                for line in paragraph.lines
            ),
        )
        for paragraph in transcript.paragraphs
    )
    return replace(transcript, paragraphs=paragraphs)
