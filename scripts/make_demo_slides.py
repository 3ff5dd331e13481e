#!/usr/bin/env python3
"""Write the demo webinar's slides: content/media/cercle-vertueux-slides.pdf (fr) and
content/media/virtuous-circle-slides.pdf (en).

A tiny hand-written PDF writer: vector shapes and real text in the standard Helvetica
fonts (WinAnsiEncoding), so the text can be extracted (pypdfium2) and searched, and the
files stay a few kilobytes. No dependency; the output is byte-for-byte reproducible.
The generated PDFs are committed: builds never need to run this script.

    python scripts/make_demo_slides.py
"""

from __future__ import annotations

import textwrap
from pathlib import Path

W, H = 960, 540  # points, 16:9
INK = (0.12, 0.14, 0.29)
ACCENT = (0.25, 0.32, 0.71)
SOFT = (0.91, 0.92, 0.97)

SLIDES = {
    "fr": {
        "file": "cercle-vertueux-slides.pdf",
        "title": "Le cercle vertueux des programmes ambassadeurs",
        "footer": "Webinaire Sharee · 13 octobre 2022",
        "slides": [
            (
                "Le cercle vertueux des programmes ambassadeurs",
                ["Webinaire Sharee du 13 octobre 2022", "Stéphanie Ledoux et Patrice Laubignat"],
            ),
            (
                "Trois questions",
                [
                    "Quel cercle vertueux ?",
                    "Quels ingrédients pour le créer ?",
                    "Comment le déployer et le faire tenir dans le temps ?",
                ],
            ),
            (
                "Le volontariat, seule option",
                [
                    "Les réseaux sociaux personnels relèvent de la vie privée.",
                    "Ni objectifs imposés, ni surveillance, ni évaluation individuelle.",
                    "Une relation nouvelle : le volontariat plutôt que la subordination.",
                ],
            ),
            (
                "Des besoins à concilier",
                [
                    "Organisation : se faire connaître, recruter, vendre.",
                    "Ambassadeurs : image professionnelle, carrière, liens, compétences.",
                    "Une stratégie commune, dans l’esprit de la Communication NonViolente.",
                ],
            ),
            (
                "Le « je » et le « nous »",
                [
                    "Ubuntu : les besoins de chacun et ceux du collectif.",
                    "Pas de rémunération en contrepartie : un engagement libre.",
                    "L’intérêt mutuel plutôt que le gain ou la hiérarchie.",
                ],
            ),
            (
                "Faire naître le cercle",
                [
                    "Un espace d’innovation qui cohabite avec l’organigramme.",
                    "Des modes de gouvernance plus participatifs, pas à pas.",
                    "Lecture : Reinventing Organizations, Frédéric Laloux.",
                ],
            ),
        ],
    },
    "en": {
        "file": "virtuous-circle-slides.pdf",
        "title": "The virtuous circle of ambassador programs",
        "footer": "Sharee webinar · 13 October 2022",
        "slides": [
            (
                "The virtuous circle of ambassador programs",
                ["Sharee webinar, 13 October 2022", "Stéphanie Ledoux and Patrice Laubignat"],
            ),
            (
                "Three questions",
                [
                    "What virtuous circle?",
                    "What ingredients does it take to create it?",
                    "How do you roll it out and make it last?",
                ],
            ),
            (
                "Volunteering is the only option",
                [
                    "Personal social networks belong to private life.",
                    "No imposed targets, no monitoring, no individual assessment.",
                    "A new relationship: volunteering rather than subordination.",
                ],
            ),
            (
                "Needs to reconcile",
                [
                    "Organization: become known, recruit, sell.",
                    "Ambassadors: professional image, career, connections, skills.",
                    "A shared strategy, in the spirit of Nonviolent Communication.",
                ],
            ),
            (
                "The “I” and the “we”",
                [
                    "Ubuntu: each person's needs and the group's needs.",
                    "No pay in return: a freely given commitment.",
                    "Mutual interest rather than gain or hierarchy.",
                ],
            ),
            (
                "Bringing the circle to life",
                [
                    "A space for innovation that sits alongside the org chart.",
                    "More participative ways of governing, step by step.",
                    "Further reading: Reinventing Organizations, Frédéric Laloux.",
                ],
            ),
        ],
    },
}


def pdf_text(value: str) -> str:
    """A PDF string literal in WinAnsiEncoding (cp1252), with \\ ( ) escaped."""
    raw = value.encode("cp1252")
    out = []
    for byte in raw:
        char = chr(byte)
        if char in "\\()":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


def color(rgb: tuple[float, float, float], stroke: bool = False) -> str:
    return " ".join(f"{c:.3f}" for c in rgb) + (" RG" if stroke else " rg")


def circle(cx: float, cy: float, r: float) -> str:
    k = 0.5523 * r  # Bézier approximation of a quarter circle
    return (
        f"{cx + r:.1f} {cy:.1f} m "
        f"{cx + r:.1f} {cy + k:.1f} {cx + k:.1f} {cy + r:.1f} {cx:.1f} {cy + r:.1f} c "
        f"{cx - k:.1f} {cy + r:.1f} {cx - r:.1f} {cy + k:.1f} {cx - r:.1f} {cy:.1f} c "
        f"{cx - r:.1f} {cy - k:.1f} {cx - k:.1f} {cy - r:.1f} {cx:.1f} {cy - r:.1f} c "
        f"{cx + k:.1f} {cy - r:.1f} {cx + r:.1f} {cy - k:.1f} {cx + r:.1f} {cy:.1f} c"
    )


def text(x: float, y: float, size: int, value: str, font: str = "F1") -> str:
    return f"BT /{font} {size} Tf {x:.1f} {y:.1f} Td {pdf_text(value)} Tj ET"


def slide_stream(index: int, count: int, title: str, lines: list[str], footer: str) -> str:
    ops = [color(SOFT), f"0 0 {W} {H} re f", color(ACCENT), f"0 {H - 12} {W} 12 re f"]
    # The "circle" motif: three rings on the right.
    ops += ["6 w", color(ACCENT, stroke=True)]
    ops += [f"{circle(840, 120, r)} S" for r in (70, 48, 26)]
    ops.append(color(INK))
    if index == 0:
        y = 330
        for part in textwrap.wrap(title, 30):
            ops.append(text(64, y, 44, part, "F2"))
            y -= 54
        y -= 20
        for line in lines:
            ops.append(text(64, y, 24, line))
            y -= 34
    else:
        y = 440
        for part in textwrap.wrap(title, 36):
            ops.append(text(64, y, 38, part, "F2"))
            y -= 46
        y -= 26
        for line in lines:
            wrapped = textwrap.wrap(line, 58)
            ops += [color(ACCENT), f"{circle(76, y + 8, 6)} f", color(INK)]
            for part in wrapped:
                ops.append(text(96, y, 24, part))
                y -= 32
            y -= 16
    ops += [color(ACCENT), text(64, 28, 14, f"{footer} · {index + 1}/{count}")]
    return "\n".join(ops)


def build_pdf(deck: dict) -> bytes:
    slides = deck["slides"]
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")  # filled in below
    pages = add("")
    info = add(f"<< /Title {pdf_text(deck['title'])} /Producer (Cercle make_demo_slides.py) >>")
    regular = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for index, (title, lines) in enumerate(slides):
        stream = slide_stream(index, len(slides), title, lines, deck["footer"]).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {W} {H}] /Contents {content} 0 R "
                f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> >>"
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages} 0 R >>".encode()
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[pages - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(objects) + 1, catalog, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def main() -> None:
    media = Path(__file__).resolve().parents[1] / "content" / "media"
    media.mkdir(parents=True, exist_ok=True)
    for deck in SLIDES.values():
        path = media / deck["file"]
        path.write_bytes(build_pdf(deck))
        print(f"wrote {path} ({path.stat().st_size} bytes, {len(deck['slides'])} slides)")


if __name__ == "__main__":
    main()
