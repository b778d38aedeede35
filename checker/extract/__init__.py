"""The extract stage: the facts of one sentence that must survive translation."""

from __future__ import annotations

from checker.extract.en import extract_en
from checker.extract.zh import extract_zh
from checker.model import SentenceFacts


def extract_facts(text: str, lang: str, offset: int = 0) -> SentenceFacts:
    """Numbers, amounts, percentages, dates and times of one sentence.

    ``offset`` is the sentence's start in its document, so spans point into the document.
    """
    if lang == "zh":
        return extract_zh(text, offset)
    return extract_en(text, offset)


def anchors(facts: SentenceFacts) -> frozenset[str]:
    """Language-neutral keys of a sentence's facts, for the aligner to match on."""
    keys = {f"q:{q.low:.6g}" for q in facts.quantities if not q.soft and not q.vague}
    for date in facts.dates:
        keys.update(f"d:{name}={value}" for name, value in date.parts().items())
    return frozenset(keys)


__all__ = ["anchors", "extract_facts"]
