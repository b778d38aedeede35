"""The score stage: an MQM-style quality score per segment and for the document (0-100).

A first version: the penalty of a segment is the sum of its findings' MQM weights (Google's
MQM: major 5, minor 1; critical 10 here, as a magnitude slip is worse than a typical major),
normalised by the segment's length so that one error in a long paragraph costs less than in
a headline. A later version adds semantic similarity and coverage.
"""

from __future__ import annotations

from checker.model import Finding, Segment, Sentence, Severity

SEVERITY_WEIGHTS = {Severity.CRITICAL: 10.0, Severity.MAJOR: 5.0, Severity.MINOR: 1.0,
                    Severity.INFO: 0.0}
# Length, in English-word equivalents, at which one major error halves a segment's score.
_HALF_SCORE_LENGTH = 5.0
_WORDS_PER_UNIT = 4.0


def _length_units(sentences: list[Sentence], lang: str) -> float:
    chars = sum(len(s.text) for s in sentences)
    words = chars / 1.6 if lang == "zh" else chars / 5.5  # rough word-equivalents
    return max(_HALF_SCORE_LENGTH, words / _WORDS_PER_UNIT)


def segment_score(findings: list[Finding], length_units: float) -> float:
    penalty = sum(SEVERITY_WEIGHTS[f.severity] for f in findings)
    return round(100.0 * length_units / (length_units + penalty), 1)


def score_segments(segments: list[Segment], findings: list[Finding],
                   source_sentences: list[Sentence], source_lang: str) -> float:
    """Fill in each segment's score; return the length-weighted document score."""
    by_segment: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.segment is not None:
            by_segment.setdefault(finding.segment, []).append(finding)
    total_weight, weighted = 0.0, 0.0
    for index, segment in enumerate(segments):
        sentences = [source_sentences[i] for i in segment.src]
        units = _length_units(sentences, source_lang)
        segment.score = segment_score(by_segment.get(index, []), units)
        total_weight += units
        weighted += units * segment.score
    return round(weighted / total_weight, 1) if total_weight else 100.0
