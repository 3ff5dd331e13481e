"""Share cards: a 1200×630 PNG per page and language, 1080×1080 quote cards (Pillow, pip fonts)."""
