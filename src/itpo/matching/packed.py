"""Rows packed to 4 bits, scored by onnxruntime's MatMulNBits: a first pass that reads an eighth
of float32's bytes, for a scan bound by memory bandwidth. Its scores are approximate (an error
of about 0.004 in cosine); callers score their shortlist again from the float32 rows."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]
BLOCK = 32  # values per quantisation block, each block with its own float scale
_BITS = 4
_ZERO = 1 << (_BITS - 1)  # MatMulNBits' default zero point: stored 8 means 0.0
_LEVELS = _ZERO - 1  # -7..7 around the zero point, so the scale is max |x| / 7
# One thread per block scan: a search then uses one core, and concurrent searches the others.
THREADS = 1
_CHUNK = 2048


def pack(rows: FloatArray) -> tuple[NDArray[np.uint8], FloatArray]:
    """4-bit codes (two a byte, low nibble first) and one scale per block of BLOCK values."""
    count, width = rows.shape
    codes = np.empty((count, width // 2), np.uint8)
    scales = np.empty((count, width // BLOCK), np.float32)
    # A few thousand rows at a time: temporaries the size of the whole matrix would cost more
    # in fresh memory than in arithmetic.
    for start in range(0, count, _CHUNK):
        part = rows[start : start + _CHUNK].reshape(-1, width // BLOCK, BLOCK)
        scale = np.abs(part).max(axis=2) / np.float32(_LEVELS)
        scale[scale == 0] = 1.0
        scaled = part / scale[..., None]
        np.rint(scaled, out=scaled)
        scaled += _ZERO
        quantised = scaled.astype(np.uint8).reshape(len(part), width)
        codes[start : start + _CHUNK] = quantised[:, 0::2] | (quantised[:, 1::2] << 4)
        scales[start : start + _CHUNK] = scale
    return codes.reshape(count, width // BLOCK, BLOCK // 2), scales.ravel()


class PackedRows:
    """A fixed matrix packed to 4 bits; `scores` is its product with one query vector."""

    def __init__(self, rows: FloatArray) -> None:
        self.count, self.dim = rows.shape
        self._width = -(-self.dim // BLOCK) * BLOCK  # padded with zeros to whole blocks
        if self._width == self.dim:
            padded = np.ascontiguousarray(rows, np.float32)
        else:
            padded = np.zeros((self.count, self._width), np.float32)
            padded[:, : self.dim] = rows
        codes, scales = pack(padded)
        self._session = _session(_model(codes, scales, self.count, self._width))

    def scores(self, query: FloatArray) -> FloatArray:
        feed = np.zeros((1, self._width), np.float32)
        feed[0, : self.dim] = query
        result: FloatArray = self._session.run(None, {"query": feed})[0][0]
        return result


@cache
def available() -> bool:
    """Whether this onnxruntime runs MatMulNBits (1.17 and later do): otherwise rows stay float32."""
    try:
        rows = np.eye(2, BLOCK, dtype=np.float32)
        packed = PackedRows(rows)
        return bool(np.allclose(packed.scores(rows[0]), [1.0, 0.0], atol=0.05))
    except Exception:  # an old or stripped onnxruntime: exact float32 scans still work
        return False


def _session(model: bytes) -> Any:
    ort: Any = import_module("onnxruntime")
    options = ort.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Idle threads that spin would take a core from every other search.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])


# A one-node ONNX model written as protobuf directly: the `onnx` package is not a dependency,
# and the format of these few messages is fixed by the ONNX specification (onnx.proto3).
_FLOAT, _UINT8 = 1, 2  # TensorProto.DataType
_INT_ATTRIBUTE = 2  # AttributeProto.AttributeType.INT


def _model(codes: NDArray[np.uint8], scales: FloatArray, count: int, width: int) -> bytes:
    attributes = {"K": width, "N": count, "bits": _BITS, "block_size": BLOCK}
    # accuracy_level 4: the query is quantised to int8 too, and the product runs in integers.
    attributes["accuracy_level"] = 4
    node = (
        _repeated(1, ["query", "codes", "scales"])
        + _field(2, "scores")
        + _field(4, "MatMulNBits")
        + b"".join(
            _field(5, _field(1, name) + _field(3, value) + _field(20, _INT_ATTRIBUTE))
            for name, value in attributes.items()
        )
        + _field(7, "com.microsoft")
    )
    initialisers = _tensor("codes", _UINT8, codes.shape, codes.tobytes()) + _tensor(
        "scales", _FLOAT, scales.shape, scales.tobytes()
    )
    graph = (
        _field(1, node)
        + _field(2, "packed_rows")
        + initialisers
        + _field(11, _value_info("query", _FLOAT, (1, width)))
        + _field(12, _value_info("scores", _FLOAT, (1, count)))
    )
    opsets = _field(8, _field(1, "") + _field(2, 13)) + _field(
        8, _field(1, "com.microsoft") + _field(2, 1)
    )
    return _field(1, 8) + _field(7, graph) + opsets  # IR version 8


def _tensor(name: str, kind: int, shape: tuple[int, ...], raw: bytes) -> bytes:
    message = b"".join(_field(1, size) for size in shape) + _field(2, kind)
    return _field(5, message + _field(8, name) + _field(9, raw))


def _value_info(name: str, kind: int, shape: tuple[int, ...]) -> bytes:
    dims = b"".join(_field(1, _field(1, size)) for size in shape)
    tensor_type = _field(1, kind) + _field(2, dims)
    return _field(1, name) + _field(2, _field(1, tensor_type))


def _repeated(number: int, values: list[str]) -> bytes:
    return b"".join(_field(number, value) for value in values)


def _field(number: int, value: int | str | bytes) -> bytes:
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    data = value.encode() if isinstance(value, str) else value
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | 0x80 if value else low)
        if not value:
            return bytes(out)
