"""Compiled templates kept between builds: `.cache/cercle/pages/templates/`.

Jinja compiles every template a build loads into Python code. A warm build that renders no
page still loads Material's base.html, Cercle's page templates and MkDocs' 404 and sitemap:
about a second of compiling at 200 entries (issue #18). Jinja can keep that code
(`bytecode_cache`), but its own file cache loads whatever code it finds, and `.cache/` may
come with a pull request: loading it would run code this machine never compiled. Each file
here is signed like the pages' records (cercle.core.cachefile `signing_key`) and names what
the code was compiled by: Python, every installed distribution and Cercle's files
(`code_digest`), and the environment's extensions. Jinja itself checks the template's source.
Used only where pages are reused (no plugin from elsewhere changes the environment).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from cercle.build.fingerprint import code_digest
from cercle.core.cachefile import read_regular, sign, signed, write_atomic


class SignedBytecodeCache(BytecodeCache):
    def __init__(self, folder: Path, key: bytes, made_by: bytes) -> None:
        self.folder = folder
        self.key = key
        self.made_by = made_by  # what compiled the code: the first bytes of every payload

    def load_bytecode(self, bucket: Bucket) -> None:
        payload = signed(read_regular(self.folder / bucket.key), self.key)
        if payload is not None and payload.startswith(self.made_by):
            bucket.bytecode_from_string(payload[len(self.made_by) :])  # Jinja checks the source

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a cache: compiled again next time
            write_atomic(self.folder / bucket.key, sign(self.made_by + bucket.bytecode_to_string(), self.key))


def keep_compiled(env: Environment, folder: Path, key: bytes) -> None:
    """Load `env`'s templates from `folder` when this machine compiled them with the same code."""
    extensions = "\n".join(sorted(env.extensions)).encode()
    made_by = code_digest().hex().encode() + b"\n" + extensions + b"\n\n"
    env.bytecode_cache = SignedBytecodeCache(folder, key, made_by)
