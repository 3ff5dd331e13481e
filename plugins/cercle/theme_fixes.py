"""Fixes for faults of Material for MkDocs 9.8 that a template override cannot reach.

Each fix applies only where the exact pattern it expects is found, so a Material release
that changes the code leaves it untouched (and the quality gates in tests/quality say so).

1. Alternate-language lookups (privacy). On every page load Material's bundle.js (its
   `ui()`, minified) fetches ``new URL("sitemap.xml", href)`` for EVERY
   ``<link rel=alternate>`` of <head>, then hijacks clicks on links under any of them
   whose sitemap loaded. It exists for Material's own language selector (config
   ``extra.alternate``, one site root per language). Cercle's alternates are pages
   (absolute hreflang links and x-default, which DESIGN.md requires) and Atom feeds: every
   load made pointless requests (``/fr/webinaires/slug/sitemap.xml``, 404), to
   ``site_url``'s host even on a preview server, and the x-default one (the site root,
   whose sitemap exists) armed the click hijack. Cercle's switcher links straight to the
   translation, so that code has nothing to do here.

   Options weighed: a ``rel`` variant that Material's exact ``[rel=alternate]`` selector
   misses (``rel=" alternate"``) would also be missed by the many feed readers and
   crawlers that use the same selector; removing the links breaks hreflang and feed
   autodiscovery; a script that strips them before bundle.js runs hides them from crawlers
   that run scripts. So the lookup itself is disabled: in the bundle MkDocs copies
   (not in Material's installed files), the selector of that one function is made to match
   nothing. The page HTML is untouched, and the file keeps its name, so every page still
   loads Material's own bundle URL.

2. ``autocomplete="off"`` on Material's drawer and search checkboxes (invalid HTML5: the
   attribute is not allowed on checkboxes). Those two inputs are in no template block, so
   the attribute is removed from the rendered page.
"""

from __future__ import annotations

import re

# `function ui({document$:e}){let t=new Map;e.pipe(b(()=>M("link[rel=alternate]")),...`
_ALTERNATE_LOOKUP = re.compile(
    r"function \w+\(\{document\$:\w+\}\)\{let \w+=new Map;\w+\.pipe\(\w+\(\(\)=>\w+\("
    r'"link\[rel=alternate\]"\)\)'
)
_SELECTOR = '"link[rel=alternate]"'
# Still a valid selector, so the function runs as before and finds nothing to fetch.
_NO_MATCH = '"link[rel=alternate]:not(link)"'

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"

_TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
    for name in ("drawer", "search")
)


def disable_alternate_lookups(bundle: str) -> str | None:
    """Material's bundle with the alternate-language sitemap lookup disabled, or None when the
    exact code is not there (another Material release): then nothing is changed."""
    found = _ALTERNATE_LOOKUP.findall(bundle)
    if len(found) != 1 or bundle.count(_SELECTOR) != 1:
        return None
    return bundle.replace(_SELECTOR, _NO_MATCH)


def fix_page_html(html: str) -> str:
    """A rendered page without Material's invalid `autocomplete` on its two toggle checkboxes."""
    for toggle in _TOGGLES:
        if toggle in html:
            html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""), 1)
    return html
