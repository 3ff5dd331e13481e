"""PNG encoding of the cards: palette images, rows unfiltered, deflated by zlib-ng.

A card is a few flat colours and the anti-aliased edges between them (text on the
background, the ring, the pill): every pixel it can hold lies on a ramp between two of
its colours. `card_palette` lists those ramps (plus a logo's colours), `encode_png` maps
the drawn RGB image onto them and writes one byte a pixel instead of three. Measured on
one core (benchmarks/cards/variants.py): a 1080×1920 card went from 6.4 to ~4.5 ms of
encoding and from 94 to ~40 KB. 16 shades a ramp (not 64) and deflate level 4 (not 2)
take a card from 29.2 to 24.0 KB (-18 %) for +0.35 ms of encoding (~2 % of drawing it);
the largest difference to the RGB drawing is then 11 levels of 255, on the anti-aliased
edges of text only: they stay as crisp as the 16-level grey of most font rasterizers.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from cercle.core.cachefile import read_regular, unseal

try:  # a pinned dependency; plain zlib writes the same format where no wheel exists
    from zlib_ng import zlib_ng as deflate

    ENCODER = f"zlib-ng {deflate.ZLIBNG_VERSION} palette"
except ImportError:  # pragma: no cover
    deflate = zlib  # type: ignore[misc]  # zlib-ng's module mirrors zlib's API
    ENCODER = f"zlib {zlib.ZLIB_RUNTIME_VERSION} palette"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RGB = tuple[int, int, int]
RAMP_STEPS = 16  # shades between two colours: 17 levels of 255 apart at most on a full ramp
# zlib-ng: 4 is 0.35 ms a card slower than 2 and 14 % smaller; 3 is larger than 2; 6 is 11 %
# smaller again for +0.9 ms; 1 is 40 % larger.
LEVEL = 4


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def card_palette(pairs: Iterable[tuple[RGB, RGB]], extra: Iterable[RGB] = ()) -> Image.Image:
    """A palette image of the ramps between each pair of colours, then `extra` (at most 256)."""
    colors: dict[RGB, None] = {}
    for start, end in pairs:
        for step in range(RAMP_STEPS):
            mix = step / (RAMP_STEPS - 1)
            r, g, b = (round(a + (z - a) * mix) for a, z in zip(start, end, strict=True))
            colors[(r, g, b)] = None
    colors.update(dict.fromkeys(extra))
    flat = [value for color in list(colors)[:256] for value in color]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat)
    return palette


def encode_png(image: Image.Image, palette: Image.Image | None = None) -> bytes:
    """An RGB image as PNG: with `palette`, each pixel as its nearest palette colour (no
    dithering: flat areas stay flat, same pixels → same bytes), else as RGB.

    Rows are unfiltered: on flat images choosing a filter per row costs most of the time
    and saves little; zlib-ng deflates the same format as zlib several times faster, and
    releases the GIL while it works."""
    if palette is not None:
        return encode_indexed(image.quantize(palette=palette, dither=Image.Dither.NONE))
    width, height = image.size
    raw, stride = image.tobytes(), width * 3
    rows = b"".join(b"\x00" + raw[y * stride : (y + 1) * stride] for y in range(height))
    return _png(width, height, 2, [], rows)


def encode_indexed(indexed: Image.Image) -> bytes:
    """A palette ("P") image as PNG, the same way (for pictures already mapped onto a palette)."""
    return encode_rows(with_rows(indexed))


def with_rows(indexed: Image.Image) -> Image.Image:
    """`indexed` with one column of zeros on the left: each row starts with its filter byte
    (0, none), so the image's bytes are the PNG's rows (`encode_rows`)."""
    wide = Image.new("P", (indexed.width + 1, indexed.height), 0)
    wide.putpalette(indexed.getpalette() or [])
    wide.paste(indexed, (1, 0))
    return wide


def without_rows(rows: Image.Image) -> Image.Image:
    """The image `with_rows` was given."""
    return rows.crop((1, 0, rows.width, rows.height))


def encode_rows(rows: Image.Image) -> bytes:
    """A `with_rows` image as PNG (cards draw straight into one: cercle.cards.sheet)."""
    palette = _chunk(b"PLTE", bytes(rows.getpalette() or []))
    return _png(rows.width - 1, rows.height, 3, [palette], rows.tobytes())


def _png(width: int, height: int, kind: int, chunks: list[bytes], rows: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, kind, 0, 0, 0)  # 8-bit, no interlace
    return b"".join(
        (
            PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            *chunks,
            _chunk(b"IDAT", deflate.compress(rows, LEVEL)),
            _chunk(b"IEND", b""),
        )
    )


def cached_png(path: Path, size: tuple[int, int]) -> memoryview | None:
    """The PNG of a cached card, or None when it is missing or cannot be trusted."""
    data = unseal(read_regular(path))
    return data if data is not None and is_png(data, size) else None


def is_png(data: bytes | memoryview, size: tuple[int, int]) -> bool:
    """A whole PNG of `size`: signature, header, closing chunk and every chunk's CRC (Pillow's
    verify, 0.05 ms a card: no pixel is decoded)."""
    head = bytes(data[:24])
    if not (
        head[:8] == PNG_SIGNATURE
        and head[12:16] == b"IHDR"
        and struct.unpack(">II", head[16:24]) == tuple(size)
        and bytes(data[-12:]) == _chunk(b"IEND", b"")
    ):
        return False
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, struct.error):
        return False
    return True
