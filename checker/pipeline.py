"""The whole pipeline, one direction: load → segment → extract → align → rules → score.

Extraction runs before alignment (a change from the first sketch in design.md): the facts of
a sentence do not depend on the alignment, and the aligner needs them as anchors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker import align as aligner
from checker.extract import anchors, extract_facts
from checker.load import (
    BilingualFile,
    bilingual_from_pairs,
    detect_language,
    is_bilingual_tsv,
    load_bilingual_tsv,
    load_pair,
)
from checker.model import (
    AlignedPair,
    Document,
    InputError,
    Report,
    Segment,
    Sentence,
    SentenceFacts,
)
from checker.rules import RuleSelection, SegmentFacts, check_facts
from checker.score import score_segments
from checker.segment import segment, segment_lines


@dataclass(frozen=True)
class CheckOptions:
    selection: RuleSelection = RuleSelection()


def check_paths(first: str | Path, second: str | Path | None = None,
                options: CheckOptions | None = None) -> Report:
    """Check a document pair given as two files, or one bilingual TSV file."""
    if second is None:
        if not is_bilingual_tsv(first):
            raise InputError(f"{first}: give two files, or one bilingual .tsv file")
        return check_bilingual(load_bilingual_tsv(first), options, label=str(first))
    source, target = load_pair(first, second)
    return check_documents(source, target, options, labels=(str(first), str(second)))


def check_bilingual(bilingual: BilingualFile, options: CheckOptions | None = None,
                    label: str | None = None) -> Report:
    """Check pre-aligned pairs: one segment per pair, no alignment computed."""
    source_sentences = segment_lines(bilingual.source, bilingual.source_cells)
    target_sentences = segment_lines(bilingual.target, bilingual.target_cells)
    given = aligner.align_given(len(source_sentences))
    labels = (label, label) if label else None
    return check_documents(bilingual.source, bilingual.target, options, given,
                           (source_sentences, target_sentences), labels=labels)


def check_aligned(pairs: list[tuple[str, str]], options: CheckOptions | None = None) -> Report:
    """Check (source, target) sentence pairs given in memory, e.g. from a benchmark."""
    return check_bilingual(bilingual_from_pairs(pairs), options)


def check_documents(
    source: Document,
    target: Document,
    options: CheckOptions | None = None,
    alignment: list[AlignedPair] | None = None,
    sentences: tuple[list[Sentence], list[Sentence]] | None = None,
    labels: tuple[str, str] | None = None,
) -> Report:
    """Run the pipeline on two loaded documents; ``alignment`` skips the aligner."""
    options = options or CheckOptions()
    source_sentences, target_sentences = sentences or (segment(source), segment(target))
    source_facts = [extract_facts(s.text, source.lang, s.start) for s in source_sentences]
    target_facts = [extract_facts(s.text, target.lang, s.start) for s in target_sentences]
    if alignment is None:
        similarity = aligner.LexicalSimilarity(
            source_sentences, target_sentences, source.lang, target.lang,
            _anchors(source_sentences, source_facts), _anchors(target_sentences, target_facts),
        )
        alignment = aligner.align(source_sentences, target_sentences, similarity)
    segments = [Segment(p.src, p.tgt, round(p.similarity, 3)) for p in alignment]
    segment_facts = [
        SegmentFacts(i, _merge(source_facts, p.src), _merge(target_facts, p.tgt))
        for i, p in enumerate(alignment)
    ]
    findings = check_facts(segment_facts, source.lang, target.lang, options.selection)
    report = Report(source, target, source_sentences, target_sentences, segments, findings)
    report.overall_score = score_segments(segments, findings, source_sentences, source.lang)
    report.source_label, report.target_label = labels or (source.path, target.path)
    return report


def check_texts(source_text: str, target_text: str, options: CheckOptions | None = None
                ) -> Report:
    """Check two strings; languages are detected as for files."""
    languages = (detect_language(source_text), detect_language(target_text))
    if sorted(str(lang) for lang in languages) != ["en", "zh"]:
        raise InputError("need one Chinese and one English text")
    source = Document(source_text, languages[0] or "zh")
    target = Document(target_text, languages[1] or "en")
    return check_documents(source, target, options)


def _anchors(sentences: list[Sentence], facts: list[SentenceFacts]) -> list[frozenset[str]]:
    """Per sentence: its normalised numbers and dates, plus Latin names and codes (H20, BG2)."""
    return [
        anchors(f) | {t for t in aligner.fallback_anchors(s.text) if _has_letter(t)}
        for s, f in zip(sentences, facts, strict=True)
    ]


def _has_letter(token: str) -> bool:
    return any(c.isalpha() for c in token)


def _merge(facts: list[SentenceFacts], indices: tuple[int, ...]) -> SentenceFacts:
    quantities = tuple(q for i in indices for q in facts[i].quantities)
    dates = tuple(d for i in indices for d in facts[i].dates)
    return SentenceFacts(quantities, dates)
