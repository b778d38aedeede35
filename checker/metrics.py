"""``checker score``: the reference-free score, and with references sacrebleu's BLEU, chrF and
TER, and with a translation model its translation and its view of the given one.

Units of evaluation: the check pipeline aligns the original and the translation into
segments. A reference whose line count equals the translation's is taken line by line: a
unit is then a group of whole lines of the translation (a segment that spans lines joins
them). Otherwise each reference is segmented and its sentences aligned to the translation's
with the checker's aligner (same-language word overlap and length), and a unit is a segment
with the reference sentences aligned to its target sentences. Corpus figures are computed
over the units, sentence figures per unit. Tokenisation: ``zh`` for a Chinese translation,
``13a`` for English (sacrebleu's Python API would use 13a for both); TER with
``asian_support`` for Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.model import InputError, Report, Sentence
from checker.mt import DEFAULT_BATCH_SIZE


@dataclass
class Unit:
    """One evaluation unit: segments of the check report and their texts."""

    segments: list[int]
    source: str
    target: str
    score: float  # the reference-free score (length-weighted over its segments)
    lines: list[int] = field(default_factory=list)  # the translation's lines (line mode)
    references: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    machine_translation: str | None = None


@dataclass
class ScoreResult:
    report: Report
    units: list[Unit]
    references: list[str]
    reference_mode: str | None  # "lines" or "sentences"
    corpus: dict[str, dict] = field(default_factory=dict)
    sentence_signatures: dict[str, str] = field(default_factory=dict)
    mt: dict | None = None

    def to_json(self) -> dict:
        report = self.report
        return {
            "source": {"path": report.source_label, "lang": report.source.lang},
            "target": {"path": report.target_label, "lang": report.target.lang},
            "score": {"overall": report.overall_score},
            "references": {"paths": self.references, "alignment": self.reference_mode},
            "corpus": self.corpus,
            "sentence_signatures": self.sentence_signatures,
            "mt": self.mt,
            "units": [
                {"segments": u.segments,
                 "source": [i for s in u.segments for i in report.segments[s].src],
                 "target": [i for s in u.segments for i in report.segments[s].tgt],
                 "lines": u.lines, "score": u.score, **u.metrics,
                 **({"mt_translation": u.machine_translation}
                    if u.machine_translation is not None else {})}
                for u in self.units],
        }


def score_paths(source: Path, target: Path, references: list[Path] | None = None,
                mt_model: str | None = None, device: str = "cpu",
                batch_size: int = DEFAULT_BATCH_SIZE) -> ScoreResult:
    """Check the pair, then add the reference and translation-model figures."""
    from checker.load import load_document
    from checker.pipeline import check_paths

    report = check_paths(source, target)
    reference_docs = [load_document(path) for path in references or []]
    for path, document in zip(references or [], reference_docs, strict=True):
        if document.lang != report.target.lang:
            raise InputError(f"{path}: the reference is not in the translation's language "
                             f"({report.target.lang})")
    if reference_docs and _line_count(reference_docs) == _line_count([report.target]):
        units, mode = _line_units(report, reference_docs), "lines"
    elif reference_docs:
        units, mode = _aligned_units(report, reference_docs), "sentences"
    else:
        units, mode = _segment_units(report), None
    result = ScoreResult(report, units, [str(p) for p in references or []], mode)
    if reference_docs:
        _reference_metrics(result)
    if mt_model is not None:
        _model_metrics(result, mt_model, device, batch_size)
    return result


# ---------------------------------------------------------------- units


def _text(sentences: list[Sentence], ids: list[int]) -> str:
    return " ".join(sentences[i].text for i in ids)


def _weighted_score(report: Report, segments: list[int]) -> float:
    from checker.score import length_units

    weights = [max(1.0, length_units(_text(report.source_sentences,
                                            list(report.segments[s].src)), report.source.lang))
               for s in segments]
    total = sum(w * report.segments[s].score for w, s in zip(weights, segments, strict=True))
    return round(total / sum(weights), 1)


def _unit(report: Report, segments: list[int]) -> Unit:
    src = [i for s in segments for i in report.segments[s].src]
    tgt = [i for s in segments for i in report.segments[s].tgt]
    return Unit(segments, _text(report.source_sentences, src),
                _text(report.target_sentences, tgt), _weighted_score(report, segments))


def _segment_units(report: Report) -> list[Unit]:
    return [_unit(report, [i]) for i in range(len(report.segments))]


def _line_count(documents: list) -> int:
    counts = {len(d.text.rstrip("\n").split("\n")) for d in documents}
    return counts.pop() if len(counts) == 1 else -1


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _line_units(report: Report, references: list) -> list[Unit]:
    """Units of whole translation lines: segments that share a line are one unit."""
    text = report.target.text
    groups: list[tuple[set[int], list[int]]] = []  # (lines, segments)
    for index, segment in enumerate(report.segments):
        lines = {_line_of(text, report.target_sentences[i].start) for i in segment.tgt}
        if not lines:  # an untranslated source sentence: no line of its own
            if groups:
                groups[-1][1].append(index)
            else:
                groups.append((set(), [index]))
            continue
        if groups and (lines & groups[-1][0] or not groups[-1][0]):
            groups[-1][0].update(lines)
            groups[-1][1].append(index)
        else:
            groups.append((lines, [index]))
    reference_lines = [d.text.rstrip("\n").split("\n") for d in references]
    units = []
    for lines, segments in groups:
        unit = _unit(report, segments)
        unit.lines = sorted(lines)
        unit.references = [" ".join(ref[i].strip() for i in unit.lines) for ref in
                           reference_lines]
        units.append(unit)
    return units


def _aligned_units(report: Report, references: list) -> list[Unit]:
    """One unit per segment; each reference's sentences aligned to the translation's."""
    from checker import align as aligner
    from checker.segment import segment

    units = _segment_units(report)
    lang = report.target.lang
    for reference in references:
        sentences = segment(reference)
        similarity = aligner.LexicalSimilarity(report.target_sentences, sentences, lang, lang)
        owner: dict[int, list[int]] = {}  # target sentence → reference sentences
        for pair in aligner.align(report.target_sentences, sentences, similarity):
            for t in pair.src:  # the translation is the aligner's "source" here
                owner.setdefault(t, []).extend(pair.tgt)
        for unit in units:
            targets = [i for s in unit.segments for i in report.segments[s].tgt]
            ids = sorted({r for t in targets for r in owner.get(t, [])})
            unit.references.append(_text(sentences, ids))
    return units


# ---------------------------------------------------------------- metrics


def _metric_objects(lang: str, sentence: bool) -> dict:
    from sacrebleu.metrics import BLEU, CHRF, TER

    tokenize = "zh" if lang == "zh" else "13a"
    return {"bleu": BLEU(tokenize=tokenize, effective_order=sentence),
            "chrf": CHRF(), "ter": TER(asian_support=lang == "zh")}


def _reference_metrics(result: ScoreResult) -> None:
    lang = result.report.target.lang
    hypotheses = [u.target for u in result.units]
    streams = [list(r) for r in zip(*(u.references for u in result.units), strict=True)]
    for name, metric in _metric_objects(lang, sentence=False).items():
        value = metric.corpus_score(hypotheses, streams)
        result.corpus[name] = {"score": round(value.score, 2),
                               "signature": str(metric.get_signature())}
    sentence_metrics = _metric_objects(lang, sentence=True)
    for name, metric in sentence_metrics.items():
        for unit in result.units:
            unit.metrics[name] = round(metric.sentence_score(unit.target, unit.references).score,
                                       2)
        if result.units:  # sacrebleu knows the number of references once it has scored
            result.sentence_signatures[name] = str(metric.get_signature())


def _model_metrics(result: ScoreResult, name: str, device: str, batch_size: int) -> None:
    from sacrebleu.metrics import CHRF

    from checker.mt import Translator

    translator = Translator(name, device, batch_size)
    units = [u for u in result.units if u.source.strip() and u.target.strip()]
    translations = translator.translate([u.source for u in units])
    log_probs = translator.log_probabilities([u.source for u in units],
                                             [u.target for u in units])
    chrf = CHRF()
    for unit, translation, log_prob in zip(units, translations, log_probs, strict=True):
        unit.machine_translation = translation
        unit.metrics["mt_chrf"] = round(chrf.sentence_score(unit.target, [translation]).score, 2)
        unit.metrics["log_probability"] = round(log_prob, 4)
    corpus = chrf.corpus_score([u.target for u in units], [translations]) if units else None
    result.mt = {
        "model": name, "device": device,
        "chrf": ({"score": round(corpus.score, 2), "signature": str(chrf.get_signature())}
                 if corpus else None),
        "log_probability": (round(sum(log_probs) / len(log_probs), 4) if log_probs else None),
    }


# ---------------------------------------------------------------- the terminal


def render_scores(result: ScoreResult, console) -> None:  # a rich Console
    """A table of the units, then the document figures with their signatures."""
    from rich.table import Table

    report = result.report
    columns = ["score"]
    if result.references:
        columns += ["bleu", "chrf", "ter"]
    if result.mt is not None:
        columns += ["mt_chrf", "log_probability"]
    headers = {"score": "score", "bleu": "BLEU", "chrf": "chrF", "ter": "TER",
               "mt_chrf": "chrF vs MT", "log_probability": "log p/token"}
    table = Table("#", "source", "translation", *(headers[c] for c in columns),
                  title=f"{report.source_label} ({report.source.lang}) → "
                  f"{report.target_label} ({report.target.lang})")
    for number, unit in enumerate(result.units, start=1):
        values = [f"{unit.score:g}"] + [
            f"{unit.metrics[c]:g}" if c in unit.metrics else "–" for c in columns[1:]]
        table.add_row(str(number), _clip(unit.source), _clip(unit.target), *values)
    console.print(table)
    console.print(f"reference-free score: {report.overall_score:g}/100 "
                  "(`checker explain score`)")
    for name, value in result.corpus.items():
        console.print(f"{headers[name]} {value['score']:g}  {value['signature']}")
    if result.references:
        console.print(f"references: {', '.join(result.references)} (aligned by "
                      f"{result.reference_mode}); sentence BLEU: "
                      f"{result.sentence_signatures['bleu']}")
    if result.mt is not None:
        chrf = result.mt["chrf"]
        console.print(f"MT model {result.mt['model']}: chrF of the translation against "
                      f"its output {chrf['score'] if chrf else '–'}"
                      f"{'  ' + chrf['signature'] if chrf else ''}; mean log p/token "
                      f"{result.mt['log_probability']}")


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
