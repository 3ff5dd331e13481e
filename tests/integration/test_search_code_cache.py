"""Pagefind's own code kept between builds (cercle.search.code): used when this machine signed
it, never when it came from elsewhere, and never naming a path.

Built with the real `mkdocs build` from the demo's caches (the index itself is reused, so the
code is what Pagefind writes, or what was kept); then the kept file is replaced by one whose
scripts are hostile, signed with another key and then with the build's own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import bin_path, run, warm_copy

from cercle.core.cachefile import sign
from cercle.search import code
from cercle.search.cache import pack

HOSTILE = b"/* FROM THE SEARCH CACHE */"


def _key(secret: str) -> bytes:  # what cercle.core.cachefile.signing_key makes of CERCLE_CACHE_KEY
    return hashlib.sha256(b"cercle-cache|" + secret.encode()).digest()


def _build(hub: Path, site: str) -> Path:
    args = [bin_path("mkdocs"), "build", "--strict", "-f", str(hub / "mkdocs.yml"), "-d", str(hub / site)]
    result = run(args, cwd=hub, env={"CERCLE_CACHE_KEY": "this machine"})
    assert result.returncode == 0, result.output
    return hub / site


def _forge(kept: Path, key: bytes) -> None:
    files = [(name, HOSTILE) for name in ("pagefind.js", "pagefind-ui.js")]
    kept.write_bytes(sign(pack(files), key))


def test_pagefind_code_is_kept_and_used_only_when_this_machine_signed_it(tmp_path, demo_site):
    hub = warm_copy(tmp_path / "hub", demo_site)
    first = _build(hub, "site-1")
    kept = list((hub / ".cache" / "cercle" / "search").glob("*.code"))
    assert len(kept) == 1
    pagefind_js = (first / "pagefind" / "pagefind.js").read_bytes()
    assert b"pagefind" in pagefind_js and (first / "pagefind" / "pagefind-ui.css").is_file()

    # Signed with another key (a cache committed in a pull request): Pagefind writes its own again.
    _forge(kept[0], _key("someone else"))
    second = _build(hub, "site-2")
    assert (second / "pagefind" / "pagefind.js").read_bytes() == pagefind_js
    assert HOSTILE not in (second / "pagefind" / "pagefind-ui.js").read_bytes()

    # Signed with this build's key, the kept code is what the site gets: the cache is used.
    _forge(kept[0], _key("this machine"))
    third = _build(hub, "site-3")
    assert (third / "pagefind" / "pagefind.js").read_bytes() == HOSTILE


def test_kept_code_naming_a_path_or_index_data_is_refused(tmp_path):
    def kept(files, extra=b""):
        (tmp_path / "k.code").write_bytes(sign(pack(files) + extra, _key("this machine")))
        return code._kept(tmp_path, "k", _key("this machine"))

    assert kept([("pagefind.js", b"x")]) == [("pagefind.js", b"x")]
    for name in ("../outside.js", "sub/pagefind.js", ".hidden", "pagefind-entry.json", ""):
        assert kept([(name, b"x")]) is None, name
    assert kept([("pagefind.js", b"x")], b"more") is None  # does not add up
    (tmp_path / "k.code").write_bytes(sign(b"garbage", _key("this machine")))
    assert code._kept(tmp_path, "k", _key("this machine")) is None
