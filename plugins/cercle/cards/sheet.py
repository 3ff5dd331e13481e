"""A card being drawn: patches over its layout's shared background (cercle.cards.draw)."""

from __future__ import annotations

from PIL import Image, ImageDraw

Box = tuple[int, int, int, int]


class Sheet:
    """A card being drawn over its layout's shared layers (`_layers`, never changed): each
    line of text or pill is drawn on a patch, a copy of the rectangle it covers (with what
    earlier patches drew there), and only the patches are mapped onto the palette
    (`rows`) over the layers' own palette copy, mapped once a process. Copying and
    mapping whole cards was a third of drawing them; most of a card is background."""

    def __init__(self, layers: Image.Image, base: Image.Image) -> None:
        self.layers = layers
        self.base = base  # the layers on the palette, as PNG rows (cards.png.with_rows)
        self.patches: list[tuple[Box, Image.Image]] = []

    def patch(self, box: Box) -> tuple[ImageDraw.ImageDraw | None, int, int]:
        """A new patch over `box` (within the card), to draw on at the returned origin."""
        width, height = self.layers.size
        box = (max(0, box[0]), max(0, box[1]), min(width, box[2]), min(height, box[3]))
        if box[0] >= box[2] or box[1] >= box[3]:
            return None, 0, 0
        image = self.layers.crop(box)
        for (left, top, right, bottom), earlier in self.patches:  # what is drawn there already
            inter = (max(left, box[0]), max(top, box[1]), min(right, box[2]), min(bottom, box[3]))
            if inter[0] < inter[2] and inter[1] < inter[3]:
                part = earlier.crop((inter[0] - left, inter[1] - top, inter[2] - left, inter[3] - top))
                image.paste(part, (inter[0] - box[0], inter[1] - box[1]))
        self.patches.append((box, image))
        return ImageDraw.Draw(image), box[0], box[1]

    @property
    def image(self) -> Image.Image:
        """The whole card in RGB (later patches hold what earlier ones drew where they meet)."""
        image = self.layers.copy()
        for box, patch in self.patches:
            image.paste(patch, box[:2])
        return image

    def rows(self, colors: Image.Image) -> Image.Image:
        """The card on the palette `colors` as the PNG's rows (cards.png.with_rows): the same
        pixels as mapping the whole drawing (each pixel is mapped on its own, to its nearest
        colour, without dithering)."""
        out = self.base.copy()
        for (left, top, _, _), patch in self.patches:
            out.paste(patch.quantize(palette=colors, dither=Image.Dither.NONE), (left + 1, top))
        return out
