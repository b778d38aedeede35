"""The score stage: a reference-free quality score, 0-100, per segment and for the document.

A segment's score is ``100 × (Q × L / (L + P)) ** CALIBRATION``:

- ``Q``, the *adequacy* of the segment (0..1), a weighted mean of five kinds of evidence:
  the alignment's semantic similarity, the content coverage in both directions (CC-CEDICT
  glosses, :func:`checker.surface.coverage`), the agreement of the extracted facts
  (numbers, dates, names: the share of the segment's facts no finding is about), and the
  translation's length against what the source leads one to expect
  (:func:`checker.surface.length_ratio`);
- ``P``, an MQM penalty (Google's weights: critical 25 as for a non-translation, major 5,
  minor 1; punctuation 0.5 here) summed over the findings of the rules, the surface issues
  this stage sees in the text itself (:mod:`checker.surface`) and the content words
  without a dictionary counterpart;
- ``L``, the segment's length in units of about four words, at least :data:`MIN_UNITS`: the
  penalty at which the score halves grows with the length, so one error in a long
  paragraph costs less than in a headline.

The document score is the mean of the segment scores weighted by their length. The stage
reads the alignment, the facts and the findings; it never re-runs a rule.
``checker explain score`` prints this with the weights (:func:`explain_score`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from checker.lexicon import is_han_word
from checker.model import Finding, NameMention, Segment, Sentence, Severity
from checker.rules import SegmentFacts
from checker.surface import (
    MAJOR,
    MINOR,
    PUNCTUATION,
    SHARED_PREFIX,
    WORDS_PER_HAN,
    Issue,
    chinese_issues,
    coverage,
    english_issues,
    length_ratio,
)

#: MQM weight of a finding by severity: Google's MQM (major 5, minor 1); a critical finding
#: (a ×10 slip of an amount) weighs as much as MQM's non-translation, 25.
SEVERITY_WEIGHTS = {Severity.CRITICAL: 25.0, Severity.MAJOR: 5.0, Severity.MINOR: 1.0,
                    Severity.INFO: 0.0}

#: Weights of the evidence in the adequacy Q (a weighted mean). Tuned on the dev halves of
#: WMT21 zh→en MQM and DEMETR (bench/scores.py), with and without the sentence encoder;
#: the facts weigh most because a wrong number or name is what the lexical signals cannot
#: see.
W_SIMILARITY = 0.30
W_SOURCE_COVERAGE = 0.15
W_TARGET_COVERAGE = 0.15
W_FACTS = 0.80
W_LENGTH = 0.50

#: The length evidence is tanh(ratio / LENGTH_SCALE), ratio = English words per expected
#: word (:func:`checker.surface.length_ratio`): it rises with every word, steeply while the
#: translation is short of what the source asks for and slowly past it, so a dropped word
#: always costs something and an added one gains little (and costs an unmatched word).
LENGTH_SCALE = 1.0

#: Coverage is lexical: CC-CEDICT misses senses, names and paraphrases, so a faithful
#: translation matches about 60% of its words. A concave curve maps raw coverage c to
#: tanh(c / COVERAGE_SCALE) / tanh(1 / COVERAGE_SCALE): 0.5 → 0.79, 0.7 → 0.92, 1 → 1.
COVERAGE_SCALE = 0.5
#: Similarity s becomes (s - floor) / (ceiling - floor), clamped: the aligner's scores for
#: unrelated sentences sit near the floor, for translations near or above the ceiling.
SIMILARITY_FLOOR = 0.1
SIMILARITY_CEILING = 0.9

#: MQM weight of a content word that the dictionary finds no counterpart for, on either
#: side: 0.7 of a minor error. Most are paraphrases CC-CEDICT does not know, but an
#: omitted, added or mistranslated word is among them, and more of them mean more chances
#: of one.
UNMATCHED_WORD_WEIGHT = 0.7

#: Length unit: about four English words (a Chinese character is ~0.6 of a word).
WORDS_PER_UNIT = 4.0
#: The penalty is normalised by the segment's length, counted as at least this many units
#: (40 words): within a sentence, errors add up as in MQM; a paragraph aligned as one
#: segment is judged per 40 words.
MIN_UNITS = 10.0
#: The raw score r = Q × L / (L + P) is reported as 100 × r ** CALIBRATION: a monotone map
#: (it changes no ranking) that puts the faithful translations of corpora/ at 70-85 rather
#: than near 50, since P always holds some unmatched words.
CALIBRATION = 0.35
#: In the document's length-weighted mean a segment weighs at least this many units.
MIN_WEIGHT_UNITS = 1.0
#: How well an English name must sound like a Chinese transliteration to render it (the
#: name linker's threshold, checker.names.link.SOUND_LINK).
NAME_SOUND = 0.6
#: Finding categories that are about a segment's extracted facts.
FACT_CATEGORIES = frozenset({"number", "date", "name", "term", "consistency"})


@dataclass(frozen=True)
class SegmentEvidence:
    """What a segment's score was made of (all in 0..1 except the penalty and length)."""

    similarity: float
    source_coverage: float
    target_coverage: float
    facts: float
    penalty: float  # MQM weights of the findings and the surface issues
    units: float  # the segment's length (its document weight)
    issues: tuple[Issue, ...] = ()
    source_words: int = 0  # content words of each side, for the coverage
    target_words: int = 0
    length_ratio: float = 1.0  # English words per word the Chinese leads one to expect

    @property
    def adequacy(self) -> float:
        total = (W_SIMILARITY * _ramp(self.similarity)
                 + W_SOURCE_COVERAGE * _curve(self.source_coverage)
                 + W_TARGET_COVERAGE * _curve(self.target_coverage)
                 + W_FACTS * self.facts
                 + W_LENGTH * math.tanh(self.length_ratio / LENGTH_SCALE))
        return total / (W_SIMILARITY + W_SOURCE_COVERAGE + W_TARGET_COVERAGE + W_FACTS
                        + W_LENGTH)

    @property
    def unmatched_words(self) -> float:
        return (self.source_words * (1 - self.source_coverage)
                + self.target_words * (1 - self.target_coverage))

    @property
    def total_penalty(self) -> float:
        return self.penalty + UNMATCHED_WORD_WEIGHT * self.unmatched_words

    @property
    def score(self) -> float:
        length = max(MIN_UNITS, self.units)
        raw = self.adequacy * length / (length + self.total_penalty)
        return 100.0 * raw ** CALIBRATION


def _ramp(similarity: float) -> float:
    return min(1.0, max(0.0, (similarity - SIMILARITY_FLOOR)
                        / (SIMILARITY_CEILING - SIMILARITY_FLOOR)))


def _curve(share: float) -> float:
    return math.tanh(share / COVERAGE_SCALE) / math.tanh(1.0 / COVERAGE_SCALE)


def length_units(text: str, lang: str) -> float:
    chars = sum(1 for c in text if not c.isspace())
    words = chars / 1.6 if lang == "zh" else chars / 5.5  # rough word-equivalents
    return words / WORDS_PER_UNIT


def segment_evidence(source_text: str, target_text: str, source_lang: str, similarity: float,
                     findings: list[Finding], facts: SegmentFacts | None) -> SegmentEvidence:
    """The evidence of one aligned segment (either side may be empty: an omission or an
    addition, which scores 0)."""
    units = max(MIN_WEIGHT_UNITS, length_units(source_text, source_lang),
                length_units(target_text, "en" if source_lang == "zh" else "zh"))
    if not source_text.strip() or not target_text.strip():
        return SegmentEvidence(0.0, 0.0, 0.0, 0.0, 0.0, units)
    zh, en = (source_text, target_text) if source_lang == "zh" else (target_text, source_text)
    cover = coverage(zh, en, rendered_names(facts, source_lang) if facts else frozenset())
    source_cover, target_cover = ((cover.zh, cover.en) if source_lang == "zh"
                                  else (cover.en, cover.zh))
    issues = (english_issues(source_text, target_text) if source_lang == "zh"
              else chinese_issues(source_text, target_text))
    penalty = (sum(SEVERITY_WEIGHTS[f.severity] for f in findings)
               + sum(i.weight for i in issues))
    words = (cover.zh_words, cover.en_words) if source_lang == "zh" else (cover.en_words,
                                                                          cover.zh_words)
    return SegmentEvidence(similarity, source_cover, target_cover,
                           _fact_agreement(findings, facts), penalty, units, tuple(issues),
                           *words, length_ratio(zh, en, source_lang))


def rendered_names(facts: SegmentFacts, source_lang: str = "zh") -> frozenset[str]:
    """Normalised words of the English names that render a Chinese name of the segment:
    the entity table's English form, the Hanyu pinyin (许正宇 Xu Zhengyu), a sound-alike
    of a transliteration (帕利 Parly), or the same Latin token (CBA)."""
    from checker.lexicon import en_content_words

    zh_names, en_names = ((facts.source.names, facts.target.names) if source_lang == "zh"
                          else (facts.target.names, facts.source.names))
    words: set[str] = set()
    for english in en_names:
        if any(_renders(chinese.span.text, _english_forms(chinese), english.span.text)
               for chinese in zh_names):
            words.update(en_content_words(english.span.text))
    return frozenset(words)


def _english_forms(chinese: NameMention) -> tuple[str, ...]:
    return chinese.entity.english_forms if chinese.entity is not None else ()


@lru_cache(maxsize=8192)
def _renders(zh: str, forms: tuple[str, ...], english: str) -> bool:
    """Whether ``english`` renders the Chinese name ``zh`` (known in English as ``forms``);
    cached, since a document names the same people again and again."""
    lower = english.lower()
    if zh.lower() == lower or any(f.lower() in lower or lower in f.lower() for f in forms):
        return True
    if not is_han_word(zh):
        return False
    from checker.names.phonetic import sound_similarity
    from checker.names.romanize import hanyu_spells

    return hanyu_spells(zh, english) or sound_similarity(zh, english) >= NAME_SOUND


def _fact_agreement(findings: list[Finding], facts: SegmentFacts | None) -> float:
    """The share of the segment's source facts that no fact finding is about (1 when the
    segment has no facts: nothing to disagree on)."""
    wrong = sum(1 for f in findings if f.category in FACT_CATEGORIES
                and f.severity != Severity.INFO)
    if facts is None:
        return 1.0 if not wrong else 0.0
    count = max(_fact_count(facts.source), _fact_count(facts.target))
    return max(0.0, 1.0 - wrong / max(1, count, wrong))


def _fact_count(facts) -> int:  # SentenceFacts
    quantities = sum(1 for q in facts.quantities if not q.soft)
    return quantities + len(facts.dates) + len(facts.names)


def score_segments(segments: list[Segment], findings: list[Finding],
                   source_sentences: list[Sentence], target_sentences: list[Sentence],
                   source_lang: str, segment_facts: list[SegmentFacts] | None = None
                   ) -> float:
    """Fill in each segment's score; return the length-weighted document score."""
    evidence = score_evidence(segments, findings, source_sentences, target_sentences,
                              source_lang, segment_facts)
    total_weight, weighted = 0.0, 0.0
    for segment, item in zip(segments, evidence, strict=True):
        segment.score = round(item.score, 1)
        total_weight += item.units
        weighted += item.units * item.score
    return round(weighted / total_weight, 1) if total_weight else 100.0


def score_evidence(segments: list[Segment], findings: list[Finding],
                   source_sentences: list[Sentence], target_sentences: list[Sentence],
                   source_lang: str, segment_facts: list[SegmentFacts] | None = None
                   ) -> list[SegmentEvidence]:
    """The evidence behind each segment's score, in segment order."""
    by_segment: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.segment is not None:
            by_segment.setdefault(finding.segment, []).append(finding)
    result = []
    for index, segment in enumerate(segments):
        source = " ".join(source_sentences[i].text for i in segment.src)
        target = " ".join(target_sentences[i].text for i in segment.tgt)
        facts = segment_facts[index] if segment_facts is not None else None
        result.append(segment_evidence(source, target, source_lang, segment.similarity,
                                       by_segment.get(index, []), facts))
    return result


def explain_score() -> str:
    """The page of ``checker explain score``: what goes into the score, with the weights."""
    weights = {"critical": SEVERITY_WEIGHTS[Severity.CRITICAL],
               "major": SEVERITY_WEIGHTS[Severity.MAJOR], "minor": SEVERITY_WEIGHTS[Severity.MINOR]}
    total = W_SIMILARITY + W_SOURCE_COVERAGE + W_TARGET_COVERAGE + W_FACTS + W_LENGTH
    return f"""score  [reference-free, 0-100, higher is better; in every check report]

Each aligned segment gets 100 × r ^ {CALIBRATION:g}, with r = Q × L / (L + P):

Q  adequacy, a weighted mean (0..1; weights out of {total:g}) of
   {W_SIMILARITY:.2f}  semantic similarity: the alignment's similarity of the segment, mapped
         linearly from {SIMILARITY_FLOOR:g} (unrelated) to {SIMILARITY_CEILING:g} (a translation):
         dictionary overlap, or with --embedder mostly the sentence encoder's cosine
   {W_SOURCE_COVERAGE:.2f}  source coverage: share of the original's content words that have a
         counterpart in the translation (CC-CEDICT glosses and a small thesaurus of news
         synonyms, matched one to one; what is left over is matched again through the
         glosses of single characters and the English word's base form: densely → dense,
         biggest → big, Italian → Italy, reopen → open)
   {W_TARGET_COVERAGE:.2f}  target coverage: share of the translation's content words that render
         a word of the original: that matching, any gloss of a word of 2+ characters
         (but not a second copy of a word already matched: "contaminated" twice for one
         污染), or an English name that renders a name of the original (entity table,
         Hanyu pinyin, sound-alike transliteration, same Latin token)
         (coverage c counts as tanh(c/{COVERAGE_SCALE:g}) / tanh(1/{COVERAGE_SCALE:g}); a gloss
         matches a word exactly, as a stem, or by its first {SHARED_PREFIX} letters)
         Both counts include function words that carry meaning, which CC-CEDICT glosses
         as stop words: "only", "most", "also", "all", "about", "very", "but", "if",
         "because", "after", "before", "such" count on the English side, licensed by
         Chinese such as 只/仅, 大部分, 也, 所有, 约 (one licence per word); 仅, 大部分,
         也, 所有, 约, 非常, 但是, 如果, 因为, 之后, 之前 … count on the Chinese side,
         rendered by a word of their group
   {W_FACTS:.2f}  fact agreement: share of the segment's numbers, dates and names that no
         number, date, name or term finding is about
   {W_LENGTH:.2f}  length: tanh(ratio / {LENGTH_SCALE:g}), ratio = the English words against those
         the Chinese leads one to expect ({WORDS_PER_HAN:g} per Han character, its Latin words
         and numbers one each; the other way round for a Chinese translation):
         every dropped word lowers it, even a function word
P  an MQM penalty (Google's weights), the sum of
   - each finding: critical {weights['critical']:g} (as MQM's non-translation), major \
{weights['major']:g}, minor {weights['minor']:g}, info 0
   - each surface issue seen in the text: Chinese left in English (major {MAJOR:g}),
     a repeated word, number or possessive ("100 100"), a misspelt word, a sentence
     starting in lower case, a statement turned into a question, a negation only one
     side has, a pronoun of the other gender than the original's, a broken phrase left
     by a dropped word ("the of", "the was", "the behind", "by." at the end), an object
     pronoun as subject ("Him research") (minor {MINOR:g} each); a lost final stop, a
     space before punctuation, a stray symbol, a mark after an article, a preposition
     or an auxiliary ("the,", "in,", "is;"), a stop or a "?" inside the sentence, a
     stray apostrophe or hyphen, a "!", ":" or double quote the source has no
     counterpart for (punctuation {PUNCTUATION:g} each: more than MQM's 0.1, which the
     sentence encoder's noise drowns)
   - each content word without a dictionary counterpart, either side: {UNMATCHED_WORD_WEIGHT:g}
L  the segment's length in units of {WORDS_PER_UNIT:g} words (a Chinese character counts 1/1.6
   word), at least {MIN_UNITS:g}: errors add up within a sentence, as in MQM; a longer
   segment is judged per {MIN_UNITS * WORDS_PER_UNIT:g} words.

The power {CALIBRATION:g} is a monotone calibration (it changes no ranking) that puts the
faithful translations of corpora/ at 70-85. A source sentence left untranslated, or a
translated sentence with no source, scores 0. The document score (score.overall) is
the mean of the segment scores weighted by their length.

What it cannot see: the score reads no reference and has no language model, so a
change that keeps the words and their count (a tense, an aspect, two words swapped, a
preposition replaced) moves it little or not at all. A dropped word that the dictionary
cannot match lowers the count of unmatched words just as an added unmatched word
raises it: the unmatched-word penalty then favours the omission and only the length
evidence, which weighs far less, speaks against it, so such an omission is usually
missed while such an addition is usually caught. Matching more words (the second pass,
the function words, the thesaurus) is what moves an omission to the coverage, where it
shows.

Similarity comes from the align stage; with pre-aligned input (.tsv, .tmx) it is
measured on the given pairs. The weights were tuned on the dev halves of WMT21 zh-en
MQM and DEMETR (bench/scores.py), with and without --embedder use; the figures in
bench/README.md are for the default (no encoder) unless marked. Reference-based
BLEU, chrF and TER and a translation model's view are in `checker score`.
"""
