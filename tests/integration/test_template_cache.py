"""Templates' compiled code kept between builds (cercle.mkdocs.pagecache.templates): used when
this machine signed it, never when it came from elsewhere.

The demo is built with the real `mkdocs build`; then every file of the template cache is
replaced by code compiled from a hostile template, keeping Jinja's own header and the
checksum of the real template's source, so that only the signature tells them apart.
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import bc_magic
from tests.conftest import bin_path, run, warm_copy

from cercle.core.cachefile import MAC_SIZE, sign

HOSTILE = "FROM THE TEMPLATE CACHE"


def _key(secret: str) -> bytes:  # what cercle.core.cachefile.signing_key makes of CERCLE_CACHE_KEY
    return hashlib.sha256(b"cercle-cache|" + secret.encode()).digest()


def _forge(folder: Path, key: bytes) -> int:
    """Replace the code of every cached template by a hostile template's, signed with `key`."""
    code = Environment().compile(f"<p>{HOSTILE}</p>", name="forged")
    forged = 0
    for path in folder.iterdir():
        payload = path.read_bytes()[:-MAC_SIZE]
        at = payload.index(bc_magic)  # after what compiled it (whatever its separators)
        checksum = pickle.loads(payload[at + len(bc_magic) :])  # stops at its own end
        hostile = bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code)
        path.write_bytes(sign(payload[:at] + hostile, key))
        forged += 1
    return forged


def _build(hub: Path, site: str) -> Path:
    args = [bin_path("mkdocs"), "build", "--strict", "-f", str(hub / "mkdocs.yml"), "-d", str(hub / site)]
    result = run(args, cwd=hub, env={"CERCLE_CACHE_KEY": "this machine"})
    assert result.returncode == 0, result.output
    return hub / site


def _hostile_pages(site: Path) -> list[str]:
    return [str(p) for p in site.rglob("*.html") if HOSTILE.encode() in p.read_bytes()]


def test_compiled_templates_are_used_only_when_this_machine_signed_them(tmp_path, demo_site):
    hub = warm_copy(tmp_path / "hub", demo_site)
    first = _build(hub, "site-1")
    folder = hub / ".cache" / "cercle" / "pages" / "templates"
    assert len(list(folder.iterdir())) >= 3  # main.html, Material's base.html, 404.html…

    # Signed with another key (a cache committed in a pull request): compiled again, unharmed.
    assert _forge(folder, _key("someone else")) >= 3
    second = _build(hub, "site-2")
    assert not _hostile_pages(second)
    assert (second / "404.html").read_bytes() == (first / "404.html").read_bytes()

    # Signed with this build's key, the kept code is what renders: the cache is really used
    # (here by the 404 page, rendered at every build even when every page is reused).
    _forge(folder, _key("this machine"))
    third = _build(hub, "site-3")
    assert str(third / "404.html") in _hostile_pages(third)
