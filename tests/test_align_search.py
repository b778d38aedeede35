"""The embedding search's learned punctuation term (checker/align_search.py)."""

from __future__ import annotations

import numpy as np
import pytest

from checker.align_search import (
    PUNCTUATION_FEATURES,
    PUNCTUATION_WEIGHTS,
    PunctuationAgreement,
    punctuation_marks,
)


@pytest.mark.parametrize("text, marks", [
    # starts with a quote, ends with one, ? marks, ! marks, quotation marks, ellipsis
    ("“红岸？！”", (1, 1, 1, 1, 2, 0)),
    ("小玄子一怔，道：“好，咱们打个彩头。", (0, 0, 0, 0, 1, 0)),
    ("'Puke-ah, puke-ah.", (1, 0, 0, 0, 1, 0)),
    ("Keep rocking!' one of the bearers roared.", (0, 0, 0, 1, 1, 0)),
    ("See you here at noon tomorrow.'", (0, 1, 0, 0, 1, 0)),
    ("I'm sure it was Jesus' own words...", (0, 0, 0, 0, 0, 1)),  # apostrophes are no quotes
    ('"Can you ... be more specific?"', (1, 1, 1, 0, 2, 1)),
    ("   ", (0, 0, 0, 0, 0, 0)),
])  # fmt: skip
def test_punctuation_marks(text: str, marks: tuple[int, ...]) -> None:
    assert punctuation_marks(text) == marks


ZH = ["刘老老迎上来笑问道：“好啊？", "周嫂子。”", "她点了点头。"]
EN = ["'How are you, my dear?' said Grannie Liu, advancing with a smile.", "She nodded."]


def agreement() -> PunctuationAgreement:
    return PunctuationAgreement(np.array([punctuation_marks(t) for t in ZH]),
                                np.array([punctuation_marks(t) for t in EN]))


def test_a_speech_cut_in_the_middle_disagrees_on_its_quotation_marks() -> None:
    features = dict(zip(PUNCTUATION_FEATURES, agreement().features(1, 1, 1, np.array([1]))[0],
                        strict=True))
    # 刘老老…“好啊？ alone against the whole English speech: its closing quote is missing
    # (and the English opens with the speech, the Chinese with the speaker)
    assert features == {"quote_start": 1, "quote_end": 0, "question": 0, "exclamation": 0,
                        "quotes": 1, "ellipsis": 0}
    whole = dict(zip(PUNCTUATION_FEATURES, agreement().features(2, 1, 2, np.array([1]))[0],
                     strict=True))
    assert whole["quotes"] == 0  # 刘老老…周嫂子。” has both, as the English has
    # the English "She nodded." against the closing half of the speech: the quote ends it
    half = dict(zip(PUNCTUATION_FEATURES, agreement().features(1, 1, 2, np.array([2]))[0],
                    strict=True))
    assert half["quote_end"] == 1


def test_the_punctuation_term_is_the_weighted_features() -> None:
    ends = np.array([1, 2])
    features = agreement().features(1, 1, 2, ends)
    scores = agreement()(1, 1, 2, ends)
    assert scores == pytest.approx(features @ np.array(PUNCTUATION_WEIGHTS))
    # 周嫂子。” closes a speech; "She nodded." closes none: that costs the bead
    assert scores[1] < 0


def test_weights_match_features() -> None:
    assert len(PUNCTUATION_WEIGHTS) == len(PUNCTUATION_FEATURES)
    assert all(w <= 0 for w in PUNCTUATION_WEIGHTS)
