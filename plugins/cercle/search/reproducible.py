"""Make Pagefind 1.5.2's output byte-identical from one build to the next.

Pagefind numbers pages in the order the file system lists the site (see `renumber.py`) and
writes a few lists in hash-map order, which changes on every run:

- `pagefind-entry.json`: the `languages` map;
- `filter/<lang>_<hash>.pf_filter`: the values of a filter;
- `pagefind.<lang>_<hash>.pf_meta`: the list of filters (and of sort keys).

Each binary file is gzip("pagefind_dcd" + CBOR) and is named by a hash of its content,
which the files above it refer to. We sort those lists, re-encode, and rename the files
(same name lengths) so the references stay consistent. The CBOR subset Pagefind uses
here (unsigned integers, text, arrays) is decoded and re-encoded by hand; a file that
does not re-encode to its own bytes is refused rather than rewritten wrongly.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY_FILE = "pagefind-entry.json"


class FormatError(Exception):
    """Pagefind's output is not in the expected format (another Pagefind version?)."""


# -- minimal CBOR (RFC 8949): integers, text strings, arrays; shortest, definite lengths --


def _decode(data: bytes, pos: int) -> tuple[Any, int]:
    if pos >= len(data):
        raise FormatError("truncated CBOR")
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise FormatError(f"unsupported CBOR item {data[pos - 1]:#x}")
    if major == 0:
        return value, pos
    if major == 1:  # negative integer (word positions carry weights as negatives)
        return -1 - value, pos
    if major == 3:
        return data[pos : pos + value].decode("utf-8"), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = _decode(data, pos)
            items.append(item)
        return items, pos
    raise FormatError(f"unsupported CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes((major << 5 | value,))
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes((major << 5 | info,)) + value.to_bytes(size, "big")
    raise FormatError("integer too large")


def _write(value: Any, out: bytearray) -> None:
    # Exact types (no bool): only what `_decode` gives back is written.
    kind = type(value)
    if kind is int:
        out += _head(0, value) if value >= 0 else _head(1, -1 - value)
    elif kind is str:
        raw = value.encode("utf-8")
        out += _head(3, len(raw))
        out += raw
    elif kind is list:
        out += _head(4, len(value))
        for item in value:
            _write(item, out)
    else:
        raise FormatError(f"cannot encode {kind.__name__}")


def _encode(value: Any) -> bytes:
    out = bytearray()
    _write(value, out)
    return bytes(out)


def read_record(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise FormatError(f"{path.name}: no Pagefind signature")
    body = raw[len(SIGNATURE) :]
    value, end = _decode(body, 0)
    if end != len(body) or _encode(value) != body:
        raise FormatError(f"{path.name}: does not re-encode to the same bytes")
    return value


def write_record(folder: Path, old_name: str, value: Any, suffix: str, prefix: str = "") -> str:
    """Write `value` under a name hashed from its content, same length as the old hash; returns it."""
    data = gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)
    lang, _, old_hash = old_name.rpartition("_")
    new = f"{lang}_{hashlib.sha256(data).hexdigest()[: len(old_hash)]}"
    (folder / f"{prefix}{new}{suffix}").write_bytes(data)
    return new


# -- the normalization ------------------------------------------------------------------------


def _sorted_filter(output: Path, name: str, new_of: dict[int, int]) -> str:
    path = output / "filter" / f"{name}.pf_filter"
    record = read_record(path)  # [filter, [[value, [page, …]], …]]
    if not (isinstance(record, list) and len(record) == 2 and isinstance(record[1], list)):
        raise FormatError(f"{path.name}: unexpected filter layout")
    record[1] = sorted(
        ([value, sorted(new_of[page] for page in pages)] for value, pages in record[1]),
        key=lambda value: str(value[0]),
    )
    new = write_record(output / "filter", name, record, ".pf_filter")
    if new != name:
        path.unlink()
    return new


def _normalize_meta(output: Path, site: Path, name: str) -> str:
    from cercle.search.renumber import renumber

    path = output / f"pagefind.{name}.pf_meta"
    meta = read_record(path)  # [version, pages, index chunks, filters, sorts, …]
    if not (isinstance(meta, list) and len(meta) >= 5 and all(isinstance(m, list) for m in meta[1:5])):
        raise FormatError(f"{path.name}: unexpected metadata layout")
    new_of = renumber(output, site, meta)
    meta[3] = sorted([key, _sorted_filter(output, filter_hash, new_of)] for key, filter_hash in meta[3])
    meta[4] = sorted(meta[4], key=lambda sort: str(sort[0]))
    new = write_record(output, name, meta, ".pf_meta", prefix="pagefind.")
    if new != name:
        path.unlink()
    return new


def normalize(output: Path, site: Path) -> None:
    """Rewrite `output` (the Pagefind bundle of `site`) so that the same site always gives the same bytes.

    Nothing here depends on the order a folder is listed in: pages are renumbered by URL
    (`renumber.py`), files are reached through the names the metadata gives.
    """
    entry_path = output / ENTRY_FILE
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for _, info in sorted(entry.get("languages", {}).items()):
        info["hash"] = _normalize_meta(output, site, info["hash"])
    entry_path.write_text(dump_entry(entry), encoding="utf-8")


def dump_entry(entry: dict[str, Any]) -> str:
    """`pagefind-entry.json`'s text: keys sorted, no spaces."""
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
