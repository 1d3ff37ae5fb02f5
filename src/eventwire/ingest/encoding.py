"""Bytes to text for files of unknown encoding, with a clear reason when it cannot be done.

Order of evidence: a byte-order mark; the NUL-byte pattern of UTF-16/UTF-32 text saved
without one; strict UTF-8; then the legacy encoding charset-normalizer finds most likely.
"""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from eventwire.errors import InputError

_SNIFF_BYTES = 8192
# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Which byte positions (modulo the code-unit width) are NUL in mostly-Latin text.
_WIDE_PATTERNS = (
    ("utf-32-le", 4, {1, 2, 3}),
    ("utf-32-be", 4, {0, 1, 2}),
    ("utf-16-le", 2, {1}),
    ("utf-16-be", 2, {0}),
)
# Text has few characters that are neither printable nor whitespace; decoded binary has many.
_MAX_CONTROL_SHARE = 0.05


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``InputError`` saying why the file cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a directory") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, recognised by where its NUL bytes fall."""
    head = data[:_SNIFF_BYTES]
    for encoding, width, zero_positions in _WIDE_PATTERNS:
        if len(head) < width * 2 or len(data) % width:
            continue
        shares = [_nul_share(head[i::width]) for i in range(width)]
        if all((shares[i] > 0.7) == (i in zero_positions) for i in range(width)):
            return encoding
    return None


def decode(data: bytes, origin: str = "input") -> str:
    """Text from bytes: BOM, UTF-16/32 pattern, UTF-8, then the most likely legacy encoding.

    UTF-8 is tried before detection because it is by far the most common and a successful
    strict decode is almost never wrong; detection is only needed for the legacy encodings.
    """
    if not data:
        raise InputError(f"{origin} is empty")
    marked = bom_encoding(data)
    encoding = marked[0] if marked else wide_encoding(data)
    if encoding is not None:
        return _strict(data[marked[1] if marked else 0 :], encoding, origin)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{origin} looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or looks_binary(str(best)):
        raise InputError(f"{origin} looks binary: it is not UTF-8 and no text encoding fits it")
    return str(best)


def looks_binary(text: str) -> bool:
    """True when many characters are control characters: bytes that were never text."""
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if not ch.isprintable() and not ch.isspace())
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def read_text(path: Path) -> str:
    """A text file's contents in whatever encoding it was saved in."""
    return decode(read_bytes(path), str(path))


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin} looks {encoding.upper()} but byte {exc.start} is not valid {encoding.upper()}"
        ) from exc


def _nul_share(column: bytes) -> float:
    return column.count(0) / len(column) if column else 0.0
