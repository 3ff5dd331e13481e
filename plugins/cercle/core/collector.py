"""Python's cycle collector held off while a large structure that lives on is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside the block: what it allocates lives on (a Catalog: ~100
    objects a page), so every collection on the way would walk it all and find nothing
    (2 s of 7 loading 10,000 entries a language). Cycles made inside are collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
