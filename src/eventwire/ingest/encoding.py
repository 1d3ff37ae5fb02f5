"""Bytes to text for files of unknown encoding, with a clear reason when it cannot be done."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from eventwire.errors import InputError

# NUL bytes do not occur in text in any single-byte or UTF-8 encoding; UTF-16 text is
# recognised by its byte-order mark before this test.
_SNIFF_BYTES = 8192
_BOMS = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``InputError`` saying why the file cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a directory") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def decode(data: bytes, origin: str = "input") -> str:
    """Text from bytes: BOM, then UTF-8, then the encoding charset-normalizer finds most likely.

    UTF-8 is tried first because it is by far the most common and a successful strict
    decode is almost never wrong; detection is only needed for the legacy encodings.
    """
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{origin} looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{origin}: cannot detect the text encoding")
    return str(best)


def read_text(path: Path) -> str:
    """A text file's contents in whatever encoding it was saved in."""
    return decode(read_bytes(path), str(path))
