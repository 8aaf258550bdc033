"""A small ONNX graph writer: nodes and weights in, serialised ModelProto bytes out.

onnxruntime runs a model from its protobuf bytes; writing the few message kinds a model needs
(model, graph, node, attribute, tensor, value info) by hand spares the `onnx` package.
Field numbers are those of onnx.proto.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

# TensorProto.DataType
_ELEMENT_TYPES: dict[str, int] = {
    "float32": 1,
    "uint8": 2,
    "int8": 3,
    "int32": 6,
    "int64": 7,
    "float16": 10,
}
Attribute = int | float | list[int]


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64 values travel as their two's complement
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _key(number: int, wire: int) -> bytes:
    return _varint(number << 3 | wire)


def _int(number: int, value: int) -> bytes:
    return _key(number, 0) + _varint(value)


def _bytes(number: int, value: bytes) -> bytes:
    return _key(number, 2) + _varint(len(value)) + value


def _text(number: int, value: str) -> bytes:
    return _bytes(number, value.encode("utf-8"))


def _attribute(name: str, value: Attribute) -> bytes:
    if isinstance(value, list):  # AttributeProto.INTS
        return _text(1, name) + b"".join(_int(8, v) for v in value) + _int(20, 7)
    if isinstance(value, float):  # AttributeProto.FLOAT
        return _text(1, name) + _key(2, 5) + struct.pack("<f", value) + _int(20, 1)
    return _text(1, name) + _int(3, value) + _int(20, 2)  # AttributeProto.INT


def tensor(name: str, array: NDArray[np.generic]) -> bytes:
    """A TensorProto holding the array's bytes (little-endian, row-major)."""
    array = np.ascontiguousarray(array)
    dims = b"".join(_int(1, size) for size in array.shape)
    kind = _ELEMENT_TYPES[array.dtype.name]
    return dims + _int(2, kind) + _text(8, name) + _bytes(9, array.tobytes())


def _value_info(name: str, element: str, shape: tuple[int | str, ...]) -> bytes:
    dims = b"".join(
        _bytes(1, _text(2, size) if isinstance(size, str) else _int(1, size)) for size in shape
    )
    tensor_type = _int(1, _ELEMENT_TYPES[element]) + _bytes(2, dims)
    return _text(1, name) + _bytes(2, _bytes(1, tensor_type))


@dataclass
class Graph:
    """Nodes and weights of one graph, in the order they are added."""

    name: str
    _nodes: list[bytes] = field(default_factory=list)
    _weights: list[bytes] = field(default_factory=list)
    _count: int = 0

    def weight(self, name: str, array: NDArray[np.generic]) -> str:
        self._weights.append(tensor(name, array))
        return name

    def node(
        self,
        op: str,
        inputs: list[str],
        *,
        domain: str = "",
        outputs: int = 1,
        **attributes: Attribute,
    ) -> str:
        """Add a node; returns the name of its (first) output."""
        self._count += 1
        names = [f"{op.lower()}_{self._count}_{n}" for n in range(outputs)]
        body = b"".join(_text(1, value) for value in inputs)
        body += b"".join(_text(2, value) for value in names)
        body += _text(3, f"{op}_{self._count}") + _text(4, op)
        body += b"".join(_bytes(5, _attribute(k, v)) for k, v in attributes.items())
        if domain:
            body += _text(7, domain)
        self._nodes.append(body)
        return names[0]

    def model(
        self,
        inputs: list[tuple[str, str, tuple[int | str, ...]]],
        outputs: list[tuple[str, str, tuple[int | str, ...]]],
        opsets: dict[str, int],
    ) -> bytes:
        """The serialised ModelProto, with the given (name, element type, shape) inputs and
        outputs (an output names a node's output) and operator set versions by domain."""
        graph = b"".join(_bytes(1, node) for node in self._nodes) + _text(2, self.name)
        graph += b"".join(_bytes(5, weight) for weight in self._weights)
        graph += b"".join(_bytes(11, _value_info(*spec)) for spec in inputs)
        graph += b"".join(_bytes(12, _value_info(*spec)) for spec in outputs)
        model = _int(1, 8) + _text(2, "itpo")  # IR version 8
        model += b"".join(_bytes(8, _text(1, d) + _int(2, v)) for d, v in opsets.items())
        return model + _bytes(7, graph)
