"""The WordPiece tokeniser gives the ids that BERT's own uncased tokeniser gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from itpo.matching import encoders
from itpo.matching.wordpiece import WordPiece, basic_split


@pytest.fixture(scope="module")
def wordpiece() -> WordPiece:
    return WordPiece(Path(encoders.__file__).parent / "data" / "minilm_vocab.json")


def test_words_split_into_known_pieces_between_cls_and_sep(wordpiece: WordPiece) -> None:
    # The ids bert-base-uncased gives for "Hello, world! unaffable".
    assert wordpiece.encode("Hello, world! unaffable", 64) == [
        101,
        7592,
        1010,
        2088,
        999,
        14477,
        20961,
        3468,
        102,
    ]


def test_accents_are_stripped_and_ideographs_stand_alone() -> None:
    assert basic_split("Café 太阳") == ["cafe", "太", "阳"]


def test_a_long_text_is_cut_to_the_maximum_length_with_its_sep(wordpiece: WordPiece) -> None:
    ids = wordpiece.encode("a b c d e f", 5)
    assert len(ids) == 5
    assert ids[0] == wordpiece.cls
    assert ids[-1] == wordpiece.sep


def test_a_word_with_no_pieces_becomes_unknown(wordpiece: WordPiece) -> None:
    assert wordpiece.encode("阳", 8) == [wordpiece.cls, wordpiece.unk, wordpiece.sep]
