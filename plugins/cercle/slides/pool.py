"""Several decks at once: those not in the cache are rendered by a pool of processes.

A page costs ~20 ms of pypdfium2 and WebP encoding, all CPU: threads would share the
interpreter lock, so decks go to spawned processes (no fork of a process that may hold
threads), one deck per task. A warm build finds every deck in the cache and starts no process.
Decks whose language was not read yet (just rendered, or rendered by a build stopped before
it read them) and whose PDF declares none have it read from their text here, once the
processes ended (cercle.slides.language), and kept in their deck.json.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from cercle.slides.cache import cached_pdf_deck, keep_language, render_deck
from cercle.slides.language import release, text_language
from cercle.slides.render import Deck, PdfLimits, RenderOptions

MAX_WORKERS = 4


def render_decks(
    pdfs: Sequence[Path],
    cache_dir: Path,
    options: RenderOptions,
    limits: PdfLimits,
    workers: int | None = None,
) -> list[Future[Deck]]:
    """A future per PDF, in order: done already when the deck is cached, else rendered in a
    process. Its result raises what render_deck raises (SlidesError, OSError) for that PDF."""
    found: list[Future[Deck]] = []
    todo: list[tuple[int, Path]] = []
    for index, pdf in enumerate(pdfs):
        done: Future[Deck] = Future()
        deck = cached_pdf_deck(pdf, cache_dir, options)
        if deck is not None:
            done.set_result(deck)
        else:
            todo.append((index, pdf))
        found.append(done)
    if len(todo) < 2:  # one deck: no process to start
        for index, pdf in todo:
            try:
                found[index].set_result(render_deck(pdf, cache_dir, options, limits))
            except Exception as exc:
                found[index].set_exception(exc)
    else:
        count = min(len(todo), workers or min(os.cpu_count() or 1, MAX_WORKERS))
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn")) as pool:
            for index, pdf in todo:
                found[index] = pool.submit(render_deck, pdf, cache_dir, options, limits)
    _read_languages(found)
    return found


def _read_languages(found: list[Future[Deck]]) -> None:
    """Each deck whose language was not read yet gets the one its text is written in ("" when
    the model is unsure or cannot be used: the page then claims nothing about the deck)."""
    try:
        for index, future in enumerate(found):
            if future.exception() is not None or future.result().lang is not None:
                continue
            deck = future.result()
            try:
                lang = text_language(" ".join(slide.text for slide in deck.slides))
            except Exception:  # a missing or damaged model file: no language, never a failed build
                lang = ""
            found[index] = Future()
            found[index].set_result(keep_language(deck, lang))
    finally:
        release()
