"""The whole pipeline, one direction: load → segment → extract → align → rules → score.

Extraction runs before alignment (a change from the first sketch in design.md): the facts of
a sentence do not depend on the alignment, and the aligner needs them as anchors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from checker import align as aligner
from checker.embed import DEFAULT_EMBEDDER, load_embedder
from checker.extract import anchors, extract_facts
from checker.extract.names import extract_en_names, extract_zh_names
from checker.load import (
    BilingualFile,
    bilingual_from_pairs,
    detect_language,
    is_bilingual_file,
    load_bilingual_file,
    load_pair,
)
from checker.model import (
    AlignedPair,
    Document,
    InputError,
    NameMention,
    Report,
    Segment,
    Sentence,
    SentenceFacts,
    Span,
)
from checker.names.glossary import GlossaryEntry
from checker.names.table import EntityTable, build_table
from checker.rules import RuleSelection, SegmentFacts, check_facts
from checker.rules.suppress import apply_suppressions, validate_suppressions
from checker.score import score_segments
from checker.segment import segment, segment_lines


@dataclass(frozen=True)
class CheckOptions:
    selection: RuleSelection = RuleSelection()
    glossary: tuple[GlossaryEntry, ...] = ()  # the user's, in order; later entries win
    embedder: str = DEFAULT_EMBEDDER  # see checker.embed.load_embedder
    device: str = "cpu"


def check_paths(first: str | Path, second: str | Path | None = None,
                options: CheckOptions | None = None) -> Report:
    """Check a document pair given as two files, or one bilingual TSV file."""
    if second is None:
        if not is_bilingual_file(first):
            raise InputError(f"{first}: give two files, or one bilingual .tsv or .tmx file")
        return check_bilingual(load_bilingual_file(first), options, label=str(first))
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


@dataclass
class Analysis:
    """A document pair up to the rules: sentences, alignment and facts of each segment."""

    source_sentences: list[Sentence]
    target_sentences: list[Sentence]
    alignment: list[AlignedPair]
    segment_facts: list[SegmentFacts]
    table: EntityTable


def analyse_documents(
    source: Document,
    target: Document,
    options: CheckOptions | None = None,
    alignment: list[AlignedPair] | None = None,
    sentences: tuple[list[Sentence], list[Sentence]] | None = None,
) -> Analysis:
    """Segment, extract and align two loaded documents; ``alignment`` skips the aligner."""
    options = options or CheckOptions()
    source_sentences, target_sentences = sentences or (segment(source), segment(target))
    table = build_table(options.glossary)
    source_facts = _extract(source_sentences, source.lang, table)
    target_facts = _extract(target_sentences, target.lang, table)
    if alignment is None:
        alignment = align_sentences(source_sentences, target_sentences, source.lang,
                                    target.lang, (source_facts, target_facts), options,
                                    for_checking=True)
    else:  # pre-aligned input: measure each given pair as the aligner would
        similarity = aligner.LexicalSimilarity(
            source_sentences, target_sentences, source.lang, target.lang,
            _anchors(source_sentences, source_facts), _anchors(target_sentences, target_facts),
        )
        alignment = aligner.measure_pairs(
            alignment, source_sentences, target_sentences, similarity,
            load_embedder(options.embedder, options.device), source.lang, target.lang)
    segment_facts = [
        SegmentFacts(i, _merge(source_facts, p.src), _merge(target_facts, p.tgt))
        for i, p in enumerate(alignment)
    ]
    return Analysis(source_sentences, target_sentences, alignment, segment_facts, table)


def align_sentences(
    source_sentences: list[Sentence],
    target_sentences: list[Sentence],
    source_lang: str,
    target_lang: str,
    facts: tuple[list[SentenceFacts], list[SentenceFacts]] | None = None,
    options: CheckOptions | None = None,
    for_checking: bool = False,
) -> list[AlignedPair]:
    """The align stage: sentence embeddings (unless the embedder is 'none') plus dictionary
    overlap, lengths and the extracted numbers and names as anchors. ``for_checking``
    (the check, not `checker align`) splits unrelated sentences off merged links, so that
    the rules see them as omissions and additions."""
    options = options or CheckOptions()
    source_facts, target_facts = facts or (None, None)
    similarity = aligner.LexicalSimilarity(
        source_sentences, target_sentences, source_lang, target_lang,
        _anchors(source_sentences, source_facts) if source_facts else None,
        _anchors(target_sentences, target_facts) if target_facts else None,
    )
    embedder = load_embedder(options.embedder, options.device)
    if embedder is None:
        return aligner.align(source_sentences, target_sentences, similarity)
    return aligner.align_by_embeddings(source_sentences, target_sentences, similarity, embedder,
                                       src_lang=source_lang, tgt_lang=target_lang,
                                       detach_strangers=for_checking)


@dataclass
class Alignment:
    """What `checker align` reports: both sentence lists and the links between them."""

    source_sentences: list[Sentence]
    target_sentences: list[Sentence]
    pairs: list[AlignedPair]


def align_documents(source: Document, target: Document, options: CheckOptions | None = None,
                    presplit: bool = False) -> Alignment:
    """Segment (or take one sentence per non-blank line), extract anchors, and align."""
    options = options or CheckOptions()
    if presplit:
        source_sentences, target_sentences = presplit_sentences(source), presplit_sentences(target)
    else:
        source_sentences, target_sentences = segment(source), segment(target)
    table = build_table(options.glossary)
    facts = (_extract(source_sentences, source.lang, table),
             _extract(target_sentences, target.lang, table))
    pairs = align_sentences(source_sentences, target_sentences, source.lang, target.lang, facts,
                            options)
    return Alignment(source_sentences, target_sentences, pairs)


def presplit_sentences(document: Document) -> list[Sentence]:
    """One sentence per non-blank line, as the user split them (numbered from 0)."""
    sentences = []
    offset = 0
    for line in document.text.split("\n"):
        content = line.rstrip("\r")
        stripped = content.strip()
        if stripped:
            start = offset + content.index(stripped[0])
            # one paragraph: lines are sentences, and paragraph blocks would force 1-1 links
            sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
        offset += len(line) + 1
    return sentences


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
    validate_suppressions(source)
    validate_suppressions(target)
    analysis = analyse_documents(source, target, options, alignment, sentences)
    segments = [Segment(p.src, p.tgt, round(p.similarity, 3)) for p in analysis.alignment]
    findings = check_facts(analysis.segment_facts, source.lang, target.lang, options.selection,
                           analysis.table)
    findings, suppressed = apply_suppressions(findings, source, target)
    report = Report(source, target, analysis.source_sentences, analysis.target_sentences,
                    segments, findings, suppressed=suppressed)
    report.overall_score = score_segments(segments, findings, analysis.source_sentences,
                                          analysis.target_sentences, source.lang,
                                          analysis.segment_facts)
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


def _extract(sentences: list[Sentence], lang: str, table: EntityTable) -> list[SentenceFacts]:
    """Numbers, dates and names of each sentence; Chinese names are found document-wide (a
    name introduced with its title is recognised again without it)."""
    facts = [extract_facts(s.text, lang, s.start) for s in sentences]
    if lang == "zh":
        names = extract_zh_names([(s.text, s.start) for s in sentences], table)
    else:
        names = [extract_en_names(s.text, s.start, table) for s in sentences]
    if lang == "zh":
        facts = [_without_known_people(f, n) for f, n in zip(facts, names, strict=True)]
    return [replace(f, names=_outside_facts(n, f, lang), texts=(Span(s.start, s.end, s.text),))
            for f, n, s in zip(facts, names, sentences, strict=True)]


def _without_known_people(facts: SentenceFacts, names: tuple[NameMention, ...]
                          ) -> SentenceFacts:
    """Drop the numbers and dates read inside the name of a person the table or glossary
    knows: 十时裕树 (Hiroki Totoki) holds 十时, "ten o'clock"."""
    known = [n.span for n in names if n.entity is not None and n.entity.kind == "person"
             and n.entity.source in ("table", "glossary") and len(n.span.text) >= 3]
    if not known:
        return facts

    def outside(span: Span) -> bool:
        return not any(span.overlaps(k) for k in known)

    return replace(facts, quantities=tuple(q for q in facts.quantities if outside(q.span)),
                   dates=tuple(d for d in facts.dates if outside(d.span)))


def _outside_facts(names: tuple[NameMention, ...], facts: SentenceFacts, lang: str
                   ) -> tuple[NameMention, ...]:
    """Names that are not inside an amount or a date (新台币 in 1.2亿元新台币, 民國 in
    民國111年): those belong to the number and date rules. A number inside a name ("Three
    Gorges") does not take the name away."""
    taken = [q.span for q in facts.quantities] + [d.span for d in facts.dates]
    if lang == "zh":  # 26日电, 1万余名: a name that overlaps a number is a misreading
        return tuple(n for n in names
                     if not any(n.span.overlaps(t) for t in taken))
    return tuple(n for n in names
                 if not any(t.start <= n.span.start and n.span.end <= t.end for t in taken))


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
    names = tuple(n for i in indices for n in facts[i].names)
    texts = tuple(t for i in indices for t in facts[i].texts)
    return SentenceFacts(quantities, dates, names, texts)
