"""Read a response body as a stream within limits: size, wall time, and a guard against decompression bombs.

The body is read raw and decompressed here, in bounded steps, so a small compressed body can never
expand in memory past the limit (httpx would inflate a whole network chunk at once)."""

from __future__ import annotations

import time
import zlib

import httpx

ACCEPT_ENCODING = "gzip, deflate"


class BodyRefused(Exception):
    """The body was cut off; `size` is how many (decompressed) bytes had been read by then."""

    def __init__(self, reason: str, size: int):
        super().__init__(reason)
        self.size = size


class _Inflater:
    """gzip / zlib / raw deflate decompression that never produces more than asked for."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        self._z = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32) if encoding != "identity" else None
        self._raw_tried = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Up to room + 1 decompressed bytes of `data` (the extra byte tells that the limit is passed)."""
        if self._z is None:
            return data
        try:
            return self._bounded(data, room)
        except zlib.error:
            if self.encoding != "deflate" or self._raw_tried:
                raise
            self._raw_tried, self._z = True, zlib.decompressobj(wbits=-zlib.MAX_WBITS)
            return self._bounded(data, room)

    def _bounded(self, data: bytes, room: int) -> bytes:
        assert self._z is not None
        out = self._z.decompress(data, room + 1)
        while self._z.unconsumed_tail and len(out) <= room:
            out += self._z.decompress(self._z.unconsumed_tail, room + 1 - len(out))
        return out


def _encoding(response: httpx.Response) -> str:
    value = response.headers.get("content-encoding", "identity").strip().lower() or "identity"
    if value in ("x-gzip",):
        return "gzip"
    if value not in ("identity", "gzip", "deflate"):
        raise BodyRefused(f"unsupported content-encoding: {value}", 0)
    return value


def declared_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isdigit() else None


def read_body(response: httpx.Response, limit: int, deadline: float) -> bytes:
    """The decompressed body; BodyRefused past `limit` bytes or past `deadline` (time.monotonic())."""
    encoding = _encoding(response)
    inflater = _Inflater(encoding)
    chunks: list[bytes] = []
    total = 0
    for raw in response.iter_raw():  # as the data arrives (a chunk size would buffer up to it)
        try:
            chunk = inflater.feed(raw, limit - total)
        except zlib.error as exc:
            raise BodyRefused(f"corrupt {encoding} body: {exc}", total) from exc
        total += len(chunk)
        if total > limit:
            what = "decompressed body" if encoding != "identity" else "body"
            raise BodyRefused(f"{what} larger than {limit} bytes (cut off)", total)
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise BodyRefused(f"body not received within the time limit (cut off after {total} bytes)", total)
    return b"".join(chunks)
