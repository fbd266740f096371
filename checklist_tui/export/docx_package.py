"""A Word file's package (a ZIP of XML parts), written from a template's parts.

The template (styles, theme, settings: most of a Word file's bytes) is the same for
every export, so its parts are read and compressed once per process; an export only
puts in its own document, header, footer and properties and writes the ZIP. (Reading
and saving the whole package through python-docx at every export cost more than
writing the plan itself.)
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 01/01/1980: the parts carry no time
_VERSION = 20  # the ZIP version needed for deflated entries


@dataclass(frozen=True)
class Entry:
    name: str
    crc: int
    size: int
    data: bytes
    """The part, deflated."""


def entry(name: str, raw: bytes) -> Entry:
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Entry(name, zlib.crc32(raw), len(raw), deflate.compress(raw) + deflate.flush())


@dataclass(frozen=True)
class Template:
    order: list[str]
    raw: dict[str, bytes]
    packed: dict[str, Entry]


def read_template(data: bytes) -> Template:
    """Every part of a Word file, as it is and deflated, in the file's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        order = z.namelist()
        raw = {name: z.read(name) for name in order}
    return Template(order, raw, {name: entry(name, part) for name, part in raw.items()})


def write(template: Template, changed: dict[str, bytes]) -> bytes:
    """The package: the template's parts, with ``changed`` ones put in their place."""
    out = io.BytesIO()
    central = []
    for name in template.order:
        part = entry(name, changed[name]) if name in changed else template.packed[name]
        encoded = name.encode("ascii")
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, 0, zipfile.ZIP_DEFLATED,
                              0, _DOS_DATE, part.crc, len(part.data), part.size,
                              len(encoded), 0))
        out.write(encoded)
        out.write(part.data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _VERSION, _VERSION, 0,
                                   zipfile.ZIP_DEFLATED, 0, _DOS_DATE, part.crc,
                                   len(part.data), part.size, len(encoded), 0, 0, 0, 0, 0,
                                   offset) + encoded)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    return out.getvalue()
