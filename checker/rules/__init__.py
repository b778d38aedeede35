"""The rules stage: compare the facts of each aligned segment and report what did not survive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from checker.model import LANGUAGE_NAMES, DateValue, Finding, Quantity, SentenceFacts
from checker.names.table import EntityTable
from checker.rules import coverage as coverage_rules
from checker.rules import dates as date_rules
from checker.rules import gaps as gap_rules
from checker.rules import names as name_rules
from checker.rules import numbers as number_rules
from checker.rules.names import NameCheck
from checker.rules.registry import RULES, Rule, RuleSelection

# Numbers a translator moved into the neighbouring sentence are not missing: look this far.
_RECONCILE_WINDOW = 2

F = TypeVar("F", Quantity, DateValue)
SameFact = Callable[[F, F], bool]
Placed = list[tuple[int, F]]  # facts with the index of their segment


@dataclass
class SegmentFacts:
    """The facts of one aligned segment: all its source sentences and all its target ones."""

    index: int
    source: SentenceFacts
    target: SentenceFacts


@dataclass
class _Leftovers:
    missing_quantities: list[tuple[int, Quantity]] = field(default_factory=list)
    added_quantities: list[tuple[int, Quantity]] = field(default_factory=list)
    missing_dates: list[tuple[int, DateValue]] = field(default_factory=list)
    added_dates: list[tuple[int, DateValue]] = field(default_factory=list)
    # source dates already rendered: a later mention may be "that day" / "the same day"
    rendered_dates: list[DateValue] = field(default_factory=list)
    # repeats of a fact already matched: never reported, but still able to cancel a
    # missing fact in a neighbouring segment (ids of the fact objects)
    repeats: set[int] = field(default_factory=set)

    def place(self, pool: list, index: int, facts: list, matched: list, same: SameFact) -> None:
        """Add a segment's leftover facts to a pool, marking those that repeat a match."""
        for fact in facts:
            pool.append((index, fact))
            if _repeats(fact, matched, same):
                self.repeats.add(id(fact))


def check_facts(segments: list[SegmentFacts], source_lang: str, target_lang: str,
                selection: RuleSelection | None = None, table: EntityTable | None = None
                ) -> list[Finding]:
    """All number, date, name and term findings of a document pair, in document order.

    ``table`` is the entity knowledge the names were extracted with; without it the name
    rules do not run.
    """
    findings: list[Finding] = []
    leftovers = _Leftovers()
    for segment in segments:
        findings.extend(_check_segment(segment, target_lang, leftovers))
    findings.extend(_report_leftovers(leftovers, source_lang, target_lang))
    paired = _crossed_orphans_paired(segments)
    names = NameCheck()
    if table is not None:
        zh_is_source = source_lang == "zh"
        names = name_rules.check_names(
            [(s.index, *((s.source, s.target) if zh_is_source else (s.target, s.source)))
             for s in paired], zh_is_source, table)
        findings.extend(names.findings)
    findings.extend(coverage_rules.sentence_findings(
        [(s.index, s.source, s.target) for s in segments], source_lang))
    findings.extend(coverage_rules.merged_sentence_findings(
        [(s.index, s.source, s.target) for s in segments], source_lang))
    findings.extend(_clause_findings(paired, findings, source_lang, names))
    for segment in segments:
        findings.extend(gap_rules.gap_findings(segment.index, segment.source, segment.target,
                                               target_lang))
    findings.sort(key=_finding_order)
    return (selection or RuleSelection()).apply(findings)


def _crossed_orphans_paired(segments: list[SegmentFacts]) -> list[SegmentFacts]:
    """A source sentence and a translation sentence the aligner left alone side by side, with
    nothing else alone around them, read as one link by the name and clause rules: a
    translation cut short ("…in Singapore." for a sentence that goes on to name UMC's
    co-president) pairs too badly to link, and otherwise no rule would look at either (the
    sentence rules leave crossed orphans to the fact rules)."""
    def side(p: int) -> str:
        if not 0 <= p < len(segments):
            return "none"
        source, target = bool(segments[p].source.texts), bool(segments[p].target.texts)
        return "both" if source and target else "source" if source else "target"

    paired: list[SegmentFacts] = []
    position = 0
    while position < len(segments):
        here, there = side(position), side(position + 1)
        if {here, there} == {"source", "target"} and side(position - 1) in ("both", "none") \
                and side(position + 2) in ("both", "none"):
            first, second = segments[position], segments[position + 1]
            source, target = (first, second) if here == "source" else (second, first)
            paired.append(SegmentFacts(source.index, source.source, target.target))
            position += 2
            continue
        paired.append(segments[position])
        position += 1
    return paired


def _clause_findings(segments: list[SegmentFacts], findings: list[Finding],
                     source_lang: str, names: NameCheck) -> list[Finding]:
    """Whole clauses dropped or added around the missing and added facts already found, and
    the words around names the translation does not render (``names.unrendered``, per
    segment)."""
    by_segment: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.segment is not None:
            by_segment.setdefault(finding.segment, []).append(finding)
    result = []
    for position, segment in enumerate(segments):
        clauses = coverage_rules.clause_findings(
            segment.index, segment.source, segment.target, source_lang,
            by_segment[segment.index], names.linked.get(segment.index, {})
        ) if segment.index in by_segment else []
        phrases = coverage_rules.phrase_findings(
            segment.index, segment.source, segment.target, source_lang,
            names.unrendered.get(segment.index, []), names.linked.get(segment.index, {}))
        rendering = segment.target if segment.target.texts else _orphan_beside(segments, position)
        fragments = coverage_rules.fragment_findings(
            segment.index, segment.source, rendering, source_lang,
            names.linked.get(segment.index, {}), _nearby_segments(segments, position))
        found = clauses + [p for p in phrases if not any(
            (p.source or p.target).overlaps(c.source or c.target) for c in clauses)]
        # a sentence cut down to a fragment: its clauses say more than the clause rules'
        # findings inside them, though not more than a sentence they found gone whole
        wholes = [f for f in found if f.rule in ("O301", "O302")]
        fragments = [f for f in fragments if not any(_overlap(f, w) for w in wholes)]
        result += fragments + [f for f in found if not any(_overlap(f, g) for g in fragments)]
    # a clause of a sentence already reported whole says nothing more
    whole_source = [f.source for f in findings if f.rule == "O301" and f.source]
    whole_target = [f.target for f in findings if f.rule == "O302" and f.target]
    return [f for f in result
            if not (f.source and any(whole.contains(f.source) for whole in whole_source))
            and not (f.target and any(whole.contains(f.target) for whole in whole_target))]


def _orphan_beside(segments: list[SegmentFacts], position: int) -> SentenceFacts:
    """For a source sentence the aligner left alone: a translation sentence left alone beside
    it, which may be what is left of its rendering ("Meanwhile."), too short to pair."""
    if not segments[position].source.texts:
        return SentenceFacts()
    for p in (position + 1, position - 1):
        if 0 <= p < len(segments) and segments[p].target.texts and not segments[p].source.texts:
            return segments[p].target
    return SentenceFacts()


def _nearby_segments(segments: list[SegmentFacts], position: int
                     ) -> tuple[tuple[SentenceFacts, SentenceFacts], ...]:
    """(source, translation) of the segments either side of one."""
    return tuple((segments[p].source, segments[p].target) for p in (position - 1, position + 1)
                 if 0 <= p < len(segments))


def _overlap(first: Finding, second: Finding) -> bool:
    return (first.source is not None and second.source is not None
            and first.source.overlaps(second.source)) or (
        first.target is not None and second.target is not None
        and first.target.overlaps(second.target))


def _finding_order(finding: Finding) -> tuple[int, int, int]:
    position = finding.source.start if finding.source else -1
    target_position = finding.target.start if finding.target else -1
    return (finding.segment if finding.segment is not None else -1, position, target_position)


def _check_segment(segment: SegmentFacts, target_lang: str, leftovers: _Leftovers
                   ) -> list[Finding]:
    index = segment.index
    src_quantities = list(segment.source.quantities)
    tgt_quantities = list(segment.target.quantities)
    dates = date_rules.compare_dates(list(segment.source.dates), list(segment.target.dates))
    missing_dates = _absorb_dates(dates.missing, tgt_quantities)
    added_dates = _absorb_dates(dates.added, src_quantities)
    year_slips = _pair_years(missing_dates, tgt_quantities, source_is_date=True)
    year_slips += _pair_years(added_dates, src_quantities, source_is_date=False)
    numbers = number_rules.compare_quantities(src_quantities, tgt_quantities)

    findings = [_year_finding(pair, target_lang, index) for pair in year_slips]
    findings += [
        number_rules.mismatch_finding(s, t, r, target_lang, index)
        for s, t, r in numbers.mismatched
    ]
    findings += number_rules.ambiguity_findings(numbers.matched, index)
    findings += [
        date_rules.date_mismatch_finding(s, t, r, target_lang, index)
        for s, t, r in dates.mismatched
    ]
    same_number, same_date = number_rules.same_fact, date_rules.same_date
    leftovers.place(leftovers.missing_quantities, index, numbers.missing,
                    [s for s, _ in numbers.matched], same_number)
    leftovers.place(leftovers.added_quantities, index, numbers.added,
                    [t for _, t in numbers.matched], same_number)
    leftovers.rendered_dates += [s for s, _ in dates.matched]
    leftovers.place(leftovers.missing_dates, index, missing_dates,
                    leftovers.rendered_dates, same_date)
    _quiet_years_said_elsewhere(missing_dates, [t for _, t in dates.matched], leftovers)
    leftovers.place(leftovers.added_dates, index, added_dates,
                    [t for _, t in dates.matched], same_date)
    return findings


def _quiet_years_said_elsewhere(missing: list[DateValue], rendered: list[DateValue],
                                leftovers: _Leftovers) -> None:
    """2025年春节（1月28日至2月4日） ↔ "from Jan. 28 to Feb. 4, 2025": the year moved into
    another date of the same segment; it is not missing."""
    years = {d.year for d in rendered} | {d.end.year for d in rendered if d.end is not None}
    for date in missing:
        if date_rules.is_year_only(date) and date.year in years:
            leftovers.repeats.add(id(date))


def _repeats(fact: F, matched_same_side: list[F], same: SameFact) -> bool:
    """A fact repeated within one segment is said once in a good translation
    ("7月25日6时…25日11时" → "at 6:40 and 11:30 on July 25"): the repeat is not missing."""
    return any(same(fact, other) or same(other, fact) for other in matched_same_side)


def _absorb_dates(dates: list[DateValue], quantities: list[Quantity]) -> list[DateValue]:
    """Dates that the other side wrote as a plain number; returns the dates still unmatched."""
    unmatched = []
    for date in dates:
        partner = next((q for q in quantities if date_rules.date_as_quantity_match(date, q)), None)
        if partner is None:
            unmatched.append(date)
        else:
            quantities.remove(partner)
    return unmatched


def _pair_years(dates: list[DateValue], quantities: list[Quantity], source_is_date: bool
                ) -> list[tuple[DateValue | Quantity, DateValue | Quantity]]:
    """A year on one side and a different year-like number on the other: a wrong year.

    Removes both from their lists; returns (source fact, target fact) pairs.
    """
    pairs = []
    for date in [d for d in dates if date_rules.is_year_only(d)]:
        number = next((q for q in quantities if date_rules.year_like(q)), None)
        if number is None:
            continue
        dates.remove(date)
        quantities.remove(number)
        pairs.append((date, number) if source_is_date else (number, date))
    return pairs


def _year_finding(pair: tuple[DateValue | Quantity, DateValue | Quantity], target_lang: str,
                  index: int) -> Finding:
    source, target = pair
    year = source.year if isinstance(source, DateValue) else int(source.low)
    other = LANGUAGE_NAMES[target_lang]
    suggestion = f"{year}年" if target_lang == "zh" else str(year)
    message = (f"date differs: {source.span.text} is the year {year}, "
               f"the {other} says {target.span.text}")
    return date_rules.DateMismatch.finding(message, source.span, target.span, suggestion, index)


def _report_leftovers(leftovers: _Leftovers, source_lang: str, target_lang: str
                      ) -> list[Finding]:
    missing_q, added_q = _reconcile(leftovers.missing_quantities, leftovers.added_quantities,
                                    number_rules.same_fact)
    missing_d, added_d = _reconcile(leftovers.missing_dates, leftovers.added_dates,
                                    date_rules.same_date)
    quiet = leftovers.repeats
    findings = [number_rules.missing_finding(q, target_lang, i)
                for i, q in missing_q if number_rules.reportable(q) and id(q) not in quiet]
    findings += [number_rules.added_finding(q, source_lang, i)
                 for i, q in added_q if number_rules.reportable(q) and id(q) not in quiet]
    # 上月 / "last month" alone name no date: saying it or not is style
    findings += [date_rules.date_missing_finding(d, target_lang, i)
                 for i, d in missing_d if d.parts() and id(d) not in quiet]
    findings += [date_rules.date_added_finding(d, source_lang, i)
                 for i, d in added_d if d.parts() and id(d) not in quiet]
    return findings


def _reconcile(missing: Placed, added: Placed, same: SameFact) -> tuple[Placed, Placed]:
    """Cancel a 'missing' against an 'added' of the same fact in a nearby segment.

    A translator may move a figure into the next sentence; the alignment then shows it
    missing here and added there, which is not an error.
    """
    remaining_added = list(added)
    still_missing = []
    # real figures first: a casual 一个 must not use up the partner of a moved "1:1"
    for index, fact in sorted(missing, key=lambda placed: getattr(placed[1], "soft", False)):
        partner = next(
            (pair for pair in remaining_added
             if abs(pair[0] - index) <= _RECONCILE_WINDOW and same(fact, pair[1])),
            None,
        )
        if partner is None:
            still_missing.append((index, fact))
        else:
            remaining_added.remove(partner)
    return still_missing, remaining_added


__all__ = ["RULES", "Rule", "RuleSelection", "SegmentFacts", "check_facts"]
