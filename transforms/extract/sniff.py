"""Bodies that are not HTML pages: empty, too large, or binary (images, archives, documents) whatever
the server called them."""

from __future__ import annotations

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX, XLSX)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00asm", "WebAssembly"),
)
TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) - {0x1B}
_CONTROL_BYTES = bytes(sorted(CONTROL_BYTES))  # bytes.translate deletes them in C, not a Python loop
MAX_CONTROL_SHARE = 0.01
SAMPLE_BYTES = 65_536


def binary_kind(body: bytes) -> str | None:
    """What the body is when it is binary (by its signature or its control bytes), None for text."""
    if body.startswith(TEXT_BOMS):
        return None
    for signature, kind in SIGNATURES:
        if body.startswith(signature):
            return kind
    if body[4:8] == b"ftyp":
        return "MP4 or QuickTime media"
    sample = body[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        return f"binary data ({controls / len(sample):.0%} control bytes)"
    return None


def refusal(body: bytes, max_bytes: int) -> str | None:
    """Why the body cannot be an HTML page, or None when it may be one."""
    if not body.strip():
        return "empty page"
    if len(body) > max_bytes:
        return f"page too large ({len(body):,} bytes > {max_bytes:,})"
    kind = binary_kind(body)
    return f"binary body ({kind}), not HTML" if kind else None
