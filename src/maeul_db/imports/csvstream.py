"""Read a CSV upload as it is decoded, without a decoded copy of the whole file.

Decoding 130 MB of a million-row roster into one ``str`` and wrapping it in ``StringIO`` (which
keeps four bytes per character) took about 700 MB before the first row was checked. Here the
encoding is found with an incremental decoder (nothing kept) and rows are read through a text
wrapper over the bytes, one buffer at a time. Same rules as ``parse.decode_csv``: UTF-8 with or
without BOM, else CP949, else refused.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from maeul_db.errors import InvalidInput

_CHUNK = 1 << 20


def _decodes(content: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(content)
    try:
        for start in range(0, len(view), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def csv_encoding(content: bytes) -> str:
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for encoding in ("utf-8", "cp949"):
        if _decodes(content, encoding):
            return encoding
    raise InvalidInput("import.unknown_encoding", field="file")


def csv_records(content: bytes) -> tuple[str, Iterator[list[str]]]:
    """The file's encoding and a reader of its records (the header row first)."""
    encoding = csv_encoding(content)
    # BytesIO over bytes shares the buffer (no copy); the wrapper decodes a buffer at a time.
    text = io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
    return encoding, csv.reader(text)
