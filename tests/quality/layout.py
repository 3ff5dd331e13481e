"""Layout gates run in the page: visible elements that overlap, underlined white space.

`overlaps(page)`: in the main content (`.md-content`, or the root chooser's `main`), the
boxes of visible interactive, text and media elements (each line box of an inline element
apart, clipped by scrolling or hidden-overflow ancestors) that intersect by more than a few
pixels, where neither element contains the other. A play bar laid over a picture, a badge
over a title, a button over text: all found the same way.

`underlined_spaces(page)`: text runs of white space only, rendered (wider than 0) and
underlined, inside links: an underline that starts or stops under nothing.
"""

from __future__ import annotations

from typing import Any

# Tolerance in CSS pixels: line boxes of adjacent lines may touch by a pixel or two.
TOLERANCE = 3

_OVERLAPS = r"""
(tolerance) => {
  const root = document.querySelector(".md-content") || document.querySelector("main") || document.body;
  const SELECT = "a[href], button, input, select, textarea, summary, [tabindex], img, svg, video, iframe, "
    + "canvas, picture, h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, blockquote, label, time, span, "
    + "strong, em, code, th, td, caption, legend";
  // Not rendered: display none, visibility hidden, opacity 0, closed <details> (content-visibility).
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const clipOf = (el) => {
    let box = { left: -1e9, top: -1e9, right: 1e9, bottom: 1e9 };
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const clips = cs.clip !== "auto" || cs.clipPath !== "none";  // visually hidden text, too
      if (clips || /(hidden|auto|scroll|clip)/.test(cs.overflowX + cs.overflowY)) {
        const r = e.getBoundingClientRect();
        box = { left: Math.max(box.left, r.left), top: Math.max(box.top, r.top),
                right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom) };
      }
    }
    return box;
  };
  const hasText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const wanted = (el) => {
    const tag = el.tagName.toLowerCase();
    const textual = new RegExp(
      "^(span|strong|em|code|time|label|p|li|dt|dd|td|th|h[1-6]|figcaption|blockquote|caption|legend)$");
    if (textual.test(tag)) return hasText(el);
    return true;
  };
  const items = [];
  for (const el of root.querySelectorAll(SELECT)) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    if (!wanted(el) || !visible(el)) continue;
    const clip = clipOf(el);
    const rects = [];
    for (const r of el.getClientRects()) {
      const c = { left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top),
                  right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom) };
      if (c.right - c.left > 2 && c.bottom - c.top > 2) rects.push(c);
    }
    if (rects.length) items.push({ el, rects });
  }
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (el.classList.length) s += "." + [...el.classList].join(".");
    const text = (el.textContent || el.getAttribute("alt") || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return text ? `${s} "${text}"` : s;
  };
  const found = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i], b = items[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      hit: for (const ra of a.rects) for (const rb of b.rects) {
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > tolerance && h > tolerance) {
          found.push(`${name(a.el)} overlaps ${name(b.el)} (${Math.round(w)}×${Math.round(h)} px)`);
          break hit;
        }
      }
    }
  }
  return found;
}
"""

_UNDERLINED_SPACES = r"""
() => {
  const underlined = (node) => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.textDecorationLine.includes("underline")) return true;
      const own = cs.display !== "inline" || cs.float !== "none" || /^(absolute|fixed)$/.test(cs.position);
      if (own) return false; // decorations do not reach into inline-blocks, blocks' own boxes stop here
    }
    return false;
  };
  const found = [];
  for (const link of document.querySelectorAll(".md-content a[href], main a[href]")) {
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent.trim() || !n.textContent.length) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const wide = [...range.getClientRects()].some((r) => r.width > 0.5);
      if (wide && underlined(n)) {
        const text = link.textContent.trim().replace(/\s+/g, " ").slice(0, 60);
        found.push(`${text} (${link.getAttribute("href")})`);
        break;
      }
    }
  }
  return found;
}
"""


def overlaps(page: Any, tolerance: int = TOLERANCE) -> list[str]:
    return page.evaluate(_OVERLAPS, tolerance)


def underlined_spaces(page: Any) -> list[str]:
    return page.evaluate(_UNDERLINED_SPACES)
