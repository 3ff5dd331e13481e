"""The corpus's files beside the text: slide decks (PDF), transcripts (WebVTT), header images.

PDFs are written by hand (no PDF library needed): one landscape page per slide with a
coloured band, a title and bullets in Helvetica, as text a PDF reader (pypdfium2, Pagefind's
text of the slides) can extract. Images are JPEGs drawn with Pillow. All deterministic.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw

PAGE = (960, 540)  # points: a 16:9 slide


def _pdf_text(text: str) -> bytes:
    """A PDF string in WinAnsiEncoding (cp1252: accents and typographic quotes)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _slide(title: str, bullets: list[str], number: int, color: tuple[float, float, float]) -> bytes:
    w, h = PAGE
    ops = [b"%.3f %.3f %.3f rg 0 %d %d 90 re f" % (*color, h - 90, w)]
    ops += [b"0.15 0.15 0.2 rg 0 0 %d 8 re f" % w]
    ops += [b"BT /F2 34 Tf 1 1 1 rg 48 %d Td " % (h - 60) + _pdf_text(title) + b" Tj ET"]
    y = h - 150
    for bullet in bullets:
        ops += [b"BT /F1 22 Tf 0.1 0.1 0.1 rg 60 %d Td " % y + _pdf_text("\u2022 " + bullet) + b" Tj ET"]
        y -= 48
    ops += [b"BT /F1 14 Tf 0.4 0.4 0.4 rg %d 20 Td " % (w - 60) + _pdf_text(str(number)) + b" Tj ET"]
    return b"\n".join(ops)


def write_pdf(path: Path, title: str, slides: list[tuple[str, list[str]]], seed: int) -> None:
    """A deck: the title slide, then one page per (heading, bullets)."""
    rng = random.Random(seed)
    color = (rng.uniform(0.1, 0.4), rng.uniform(0.1, 0.4), rng.uniform(0.4, 0.7))
    pages = [_slide(title, [], 1, color)] + [
        _slide(heading, bullets, n + 2, color) for n, (heading, bullets) in enumerate(slides)
    ]
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
    fonts = b"<< /F1 " + font % b"Helvetica" + b" /F2 " + font % b"Helvetica-Bold" + b" >>"
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for content in pages:
        page_id, content_id = len(objects) + 1, len(objects) + 2
        kids.append(b"%d 0 R" % page_id)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font %s >> /Contents %d 0 R >>" % (*PAGE, fonts, content_id)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))


def _stamp(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000"


def write_vtt(path: Path, cues: list[tuple[int, int, str, str]]) -> None:
    """A WebVTT transcript: (start s, end s, speaker name, text) per cue, with <v> voices."""
    lines = ["WEBVTT", ""]
    for start, end, who, text in cues:
        lines += [f"{_stamp(start)} --> {_stamp(end)}", f"<v {who}>{text}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def write_jpeg(path: Path, seed: int, size: tuple[int, int] = (1600, 900)) -> None:
    """A header image: soft shapes over a gradient (about 50–100 KB, like a photo's detail)."""
    rng = random.Random(seed)
    w, h = size
    top = tuple(rng.randrange(40, 200) for _ in range(3))
    bottom = tuple(rng.randrange(40, 200) for _ in range(3))
    image = Image.linear_gradient("L").resize((w, h))
    image = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), image)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.randrange(20, 220)
        fill = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=(255, 255, 255), width=3)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=82, optimize=False)
