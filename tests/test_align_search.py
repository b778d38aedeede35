"""The embedding search (checker/align_search.py): its learned punctuation term, its bead
shapes and the clause penalty's pieces (the penalty at work is in test_align_embeddings.py)."""

from __future__ import annotations

import numpy as np
import pytest

from checker.align_search import (
    BEADS,
    COMMON_BEADS,
    PUNCTUATION_FEATURES,
    PUNCTUATION_WEIGHTS,
    RARE_BEADS,
    PunctuationAgreement,
    edge_clauses,
    fill,
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


# ---------------------------------------------------------------- rare bead shapes


def test_the_search_finds_a_2_4_link_only_with_the_rare_shapes() -> None:
    """A bead shape the search lacks can never be found: a 2-4 link comes out as smaller
    ones (here a 1-1 and a 1-3) unless RARE_BEADS are searched."""
    def scorer(di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        return np.where((di, dj) == (2, 4), 3.0, 0.1 * (di + dj)) + 0.0 * ends

    lo, hi = [0, 0, 0], [4, 4, 4]
    links = fill(2, 4, lo, hi, scorer)
    assert [(link.src, link.tgt) for link in links] == [((0, 1), (0, 1, 2, 3))]
    common = fill(2, 4, lo, hi, scorer, beads=COMMON_BEADS)
    assert [(len(link.src), len(link.tgt)) for link in common] != [(2, 4)]
    assert set(BEADS) == set(COMMON_BEADS) | set(RARE_BEADS)


# ---------------------------------------------------------------- clauses across a boundary


@pytest.mark.parametrize("text, lang, clauses", [
    ("她并不想见我，也不想和我说话，除非有重大的原因。", "zh",
     ("她并不想见我，", "除非有重大的原因。")),
    ("韦小宝道：“不降！”", "zh", ("韦小宝道：", "“不降！”")),
    ("他说，“好”", "zh", None),  # “好” is one character: no clause of its own
    ("雨终于停了。", "zh", None),
    ("At dawn, the rain finally stopped; we went out.", "en",
     ("At dawn,", "we went out.")),
    ("Yes, sir.", "en", None),  # "sir." is one word
    ("Revenue rose 3,000 times in 4:30 hours.", "en", None),  # no space after , or :
])  # fmt: skip
def test_edge_clauses(text: str, lang: str, clauses: tuple[str, str] | None) -> None:
    assert edge_clauses(text, lang) == clauses
