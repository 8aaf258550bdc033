"""The SDG scorer's domain: keywords on word boundaries, phrases before their words, the
evidence in the text's own language, the yes/no decision, and a bad SDG refused by name.

The goal space here runs over a small deterministic encoder (hashed words), so these tests
read the keywords and the decision rule; the bundled USE is exercised by the CLI and API
tests."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pytest
from numpy.typing import NDArray

from itpo.registry.errors import ValidationError
from itpo.sdg import evaluate, judged_rows, parse_sdg, serves, suggest
from itpo.sdg.dense import GoalSpace
from itpo.sdg.goals import goals
from itpo.sdg.keywords import find_hits


class HashedGrams:
    """Bag of hashed character trigrams (bigrams for Chinese): texts sharing pieces of words
    are near, which is all a goal space needs."""

    name = "hashed-grams"
    dim = 2048
    languages: frozenset[str] | None = None

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                size = 2 if re.match(r"[\u4e00-\u9fff]", word) else 3
                for i in range(max(1, len(word) - size + 1)):
                    gram = word[i : i + size].encode()
                    out[row, int(hashlib.md5(gram).hexdigest(), 16) % self.dim] += 1
        norms = np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        scaled: NDArray[np.float32] = out / norms
        return scaled


@pytest.fixture(scope="module")
def space() -> GoalSpace:
    return GoalSpace(HashedGrams())


def keywords_of(text: str, language: str = "en") -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for hit in find_hits(text, language):
        found.setdefault(hit.sdg, []).append(text[hit.start : hit.end])
    return found


def test_the_knowledge_holds_the_un_goals_targets_and_indicators_in_english_and_chinese() -> None:
    known = goals()
    assert sorted(known) == list(range(1, 18))
    assert sum(len(g.targets) for g in known.values()) == 169
    assert sum(len(g.indicators) for g in known.values()) > 230
    assert known[7].targets["7.2"]["en"].startswith("By 2030, increase substantially")
    assert "可再生能源" in known[7].targets["7.2"]["zh"]


def test_a_phrase_counts_once_and_not_again_as_its_weak_word() -> None:
    found = keywords_of("We sell renewable energy systems.")
    assert found[7] == ["renewable energy"]


def test_keywords_match_whole_words_only() -> None:
    assert 14 not in keywords_of("Research on seasonal demand.")  # "sea" inside "seasonal"
    assert keywords_of("Wind turbines for the coast")[7] == ["Wind turbines"]


def test_an_exclusion_masks_a_phrase_that_only_looks_like_the_goal() -> None:
    assert 13 not in keywords_of("The business climate for investors improved.")
    assert 13 in keywords_of("Climate change threatens the harvest.")


def test_chinese_keywords_follow_jieba_word_boundaries() -> None:
    found = keywords_of("该厂的管理水平很高，并建设了污水处理设施。", "zh")
    assert found[6] == ["污水处理"]
    assert 14 not in keywords_of("上海的工厂", "zh")  # 海 is no sea inside 上海


def test_suggestions_give_the_goal_with_its_words_and_sentence(space: GoalSpace) -> None:
    text = (
        "Our company is based in Nairobi. We build solar mini-grids that bring electricity to "
        "villages, replacing kerosene lamps."
    )
    found = suggest(text, space=space)
    assert found[0].sdg == 7 and found[0].serves
    assert 0.0 < found[0].confidence <= 1.0
    assert "mini-grids" in found[0].words
    assert found[0].sentence is not None and found[0].sentence.startswith("We build solar")
    assert found[0].target.startswith("7")


def test_chinese_evidence_stays_in_chinese(space: GoalSpace) -> None:
    found = suggest("城市污水直接排入河流。新建污水处理厂将处理大部分废水。", space=space)
    assert found[0].sdg == 6
    assert set(found[0].words) & {"污水处理", "污水", "废水"}
    assert found[0].sentence == "新建污水处理厂将处理大部分废水。"
    assert re.search(r"[\u4e00-\u9fff]", found[0].target_text)


def test_the_decision_is_yes_for_the_texts_goal_and_no_for_an_unrelated_one(
    space: GoalSpace,
) -> None:
    text = "Vaccination campaigns reach children in rural clinics; maternal mortality is falling."
    assert serves(text, 3, space=space)
    assert not serves(text, 14, space=space)
    assert serves(text, "SDG 3", space=space)


def test_an_empty_text_gets_no_suggestion(space: GoalSpace) -> None:
    assert suggest("   ", space=space) == []


@pytest.mark.parametrize("bad", [0, 18, "x", "", 3.5, None, True])
def test_an_unknown_sdg_is_refused_naming_the_field(bad: object) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_sdg(bad)
    assert refused.value.errors[0].field == "sdg"
    assert "1-17" in str(refused.value)


def test_evaluation_counts_each_decision(space: GoalSpace) -> None:
    rows = [
        {"text": "Solar mini-grids bring electricity to villages.", "sdg": "7", "label": "True"},
        {"text": "Solar mini-grids bring electricity to villages.", "sdg": "14", "label": "False"},
        {"text": "Overfishing depletes fish stocks in coastal seas.", "sdg": "14", "label": "True"},
        {"text": "Overfishing depletes fish stocks in coastal seas.", "sdg": "5", "label": "False"},
    ]
    figures = evaluate(rows, space=space)
    assert figures["rows"] == 4
    assert figures["accuracy"] == 1.0 and figures["f1"] == 1.0
    assert figures["true_positives"] == 2 and figures["true_negatives"] == 2


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"text": "a", "sdg": "18", "label": "True"}, "sdg"),
        ({"text": "a", "sdg": "x", "label": "True"}, "sdg"),
        ({"text": "a", "sdg": "3", "label": "maybe"}, "label"),
        ({"text": " ", "sdg": "3", "label": "True"}, "text"),
        ({"text": "a", "label": "True"}, "sdg"),
    ],
)
def test_a_bad_judged_row_is_refused_naming_its_row_and_column(
    row: dict[str, str], field: str
) -> None:
    good = {"text": "Clean water for all.", "sdg": "6", "label": "True"}
    with pytest.raises(ValidationError) as refused:
        judged_rows([good, row])
    problem = refused.value.errors[0]
    assert (problem.field, problem.row) == (field, 3)


def test_a_text_over_the_limit_is_refused_naming_the_field(space: GoalSpace) -> None:
    with pytest.raises(ValidationError) as refused:
        suggest("water " * 10_000, space=space)
    assert refused.value.errors[0].field == "text"
