"""BERT's uncased WordPiece tokeniser in plain Python, so a BERT-family encoder needs no `tokenizers`."""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

_MAX_WORD = 100


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or 0xF900 <= code <= 0xFAFF
    )


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    # BERT counts every non-alphanumeric ASCII symbol as punctuation, like "$" and "^".
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def basic_split(text: str) -> list[str]:
    """Lower-case, strip accents, split on white space and punctuation, isolate ideographs."""
    chars: list[str] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        category = unicodedata.category(char)
        if (
            category == "Mn"
            or char == "\ufffd"
            or (category.startswith("C") and char not in "\t\n\r")
        ):
            continue
        if char.isspace():
            chars.append(" ")
        elif _is_cjk(ord(char)) or _is_punctuation(char):
            chars.extend((" ", char, " "))
        else:
            chars.append(char)
    return "".join(chars).split()


class WordPiece:
    """Greedy longest-match-first sub-words over a BERT vocabulary (a JSON list, id = index)."""

    def __init__(self, vocab_file: Path) -> None:
        words: list[str] = json.loads(vocab_file.read_text(encoding="utf-8"))
        self.vocab = {word: index for index, word in enumerate(words)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        self.pad = self.vocab["[PAD]"]
        self._word_ids = lru_cache(maxsize=100_000)(self._pieces)

    def _pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD:
            return (self.unk,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return (self.unk,)
            start = end
        return tuple(ids)

    def encode(self, text: str, max_length: int) -> list[int]:
        """[CLS] pieces [SEP], cut to max_length."""
        ids = [self.cls]
        for word in basic_split(text):
            ids.extend(self._word_ids(word))
            if len(ids) >= max_length - 1:
                break
        return [*ids[: max_length - 1], self.sep]
