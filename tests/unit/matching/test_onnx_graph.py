"""The hand-written ONNX writer produces models that onnxruntime loads and runs as written."""

from __future__ import annotations

from importlib import import_module
from typing import Any

import numpy as np

from itpo.matching.onnx_graph import Graph, _varint


def _run(model: bytes, feed: dict[str, np.ndarray]) -> np.ndarray:
    ort: Any = import_module("onnxruntime")
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    result: np.ndarray = session.run(None, feed)[0]
    return result


def test_varints_follow_the_protobuf_encoding() -> None:
    assert _varint(1) == b"\x01"
    assert _varint(300) == b"\xac\x02"
    assert _varint(-1) == b"\xff" * 9 + b"\x01"  # int64 -1, ten bytes


def test_weights_attributes_and_symbolic_shapes_reach_the_runtime() -> None:
    graph = Graph("test")
    bias = graph.weight("bias", np.array([1.0, -2.0, 0.5], np.float32))
    added = graph.node("Add", ["x", bias])
    shape = graph.weight("shape", np.array([-1], np.int64))
    flat = graph.node("Reshape", [graph.node("Transpose", [added], perm=[1, 0]), shape])
    out = graph.node("LeakyRelu", [flat], alpha=0.25)
    model = graph.model(
        inputs=[("x", "float32", ("rows", 3))],
        outputs=[(out, "float32", ("n",))],
        opsets={"": 17},
    )
    x = np.array([[0.0, 1.0, -1.0], [2.0, 0.0, 1.0]], np.float32)
    expected = (x + np.array([1.0, -2.0, 0.5], np.float32)).T.reshape(-1)
    expected = np.where(expected < 0, 0.25 * expected, expected)
    np.testing.assert_allclose(_run(model, {"x": x}), expected)


def test_an_int8_matrix_product_of_the_microsoft_domain_runs() -> None:
    graph = Graph("int8")
    weights = np.array([[1, -2], [3, 4], [-5, 6]], np.int8)  # [in 3, out 2]
    inputs = [
        "x",
        graph.weight("w", weights),
        graph.weight("s", np.array([0.5, 0.25], np.float32)),
        graph.weight("z", np.zeros(2, np.int8)),
        graph.weight("b", np.array([1.0, 0.0], np.float32)),
    ]
    out = graph.node("DynamicQuantizeMatMul", inputs, domain="com.microsoft")
    model = graph.model(
        inputs=[("x", "float32", (1, 3))],
        outputs=[(out, "float32", (1, 2))],
        opsets={"": 17, "com.microsoft": 1},
    )
    x = np.array([[1.0, 0.5, -0.25]], np.float32)
    expected = x @ (weights.astype(np.float32) * np.array([0.5, 0.25], np.float32)) + np.float32(
        1.0
    ) * np.array([1.0, 0.0], np.float32)
    np.testing.assert_allclose(_run(model, {"x": x}), expected, rtol=0.02, atol=0.02)
